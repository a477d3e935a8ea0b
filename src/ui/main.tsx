/**
 * Entry point: restores the state (link, then autosave, then the default preset), starts the model
 * workers, runs the scenario on every change of the document, and mounts the page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserAnalyst } from '../runner/analysis-service';
import { BrowserAtlas } from '../runner/atlas-service';
import { ModelService } from '../runner/model-service';
import { WorkerRunner } from '../runner/worker-runner';
import type { KeyValueStore } from '../state/app-store';
import { persist, startState } from '../state/persistence';
import { connectRuns, createHukouStore } from '../state/store';
import { App } from './App';
import { t } from './i18n';
import type { Services } from './services';
import './styles.css';
import './fiscal/fiscal.css';
import './screens.css';
import './workspace.css';

/** localStorage, or null where the browser refuses it (private modes, sandboxed frames). */
function storage(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    s.getItem('probe');
    return s;
  } catch {
    return null;
  }
}

async function start() {
  const kv = storage();
  const s = await startState(location.hash, kv);
  const service = new ModelService();
  const store = createHukouStore({
    ...(s.doc ? { doc: s.doc } : {}),
    lang: s.lang,
    route: s.route,
    storage: kv,
    runner: new WorkerRunner(),
    compareRunner: service,
  });
  if (s.year !== null) store.getState().setYear(s.year);
  if (s.linkError) store.getState().setNotice({ kind: 'error', text: t('linkDamaged', s.lang), issues: [s.linkError] });
  else if (s.autosaveError)
    store.getState().setNotice({ kind: 'error', text: t('autosaveDamaged', s.lang), issues: [s.autosaveError] });
  const services: Services = { store, service, analyst: new BrowserAnalyst(), atlas: new BrowserAtlas() };

  connectRuns(store);
  store.subscribe((now, prev) => {
    if (now.lang !== prev.lang) document.documentElement.lang = now.lang === 'en' ? 'en' : 'zh-CN';
  });
  document.documentElement.lang = s.lang === 'en' ? 'en' : 'zh-CN';
  persist(store, kv);
  // For the browser tests and the latency benchmark (tests/browser, tests/bench): the store, read-only use.
  (window as unknown as { __hukou: Services }).__hukou = services;

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

void start();
