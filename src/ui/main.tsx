/** Entry point: starts the model worker, runs the default scenario, mounts the page. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCENARIO } from '../runner/default-scenario';
import { WorkerRunner } from '../runner/worker-runner';
import { createRunStore } from '../state/run-store';
import { App } from './App';
import './styles.css';

const store = createRunStore(new WorkerRunner());
void store.getState().run(DEFAULT_SCENARIO);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
