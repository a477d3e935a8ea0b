/**
 * Entry point: restores the state (link, then autosave, then the default preset), starts the model
 * workers, runs the scenario on every change of the document, and mounts the page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserAnalyst } from '../runner/analysis-service';
import { ModelService } from '../runner/model-service';
import { createAnalysisStore } from '../state/analysis-store';
import { WorkerRunner } from '../runner/worker-runner';
import { createAppStore, type KeyValueStore } from '../state/app-store';
import { persist, startState } from '../state/persistence';
import { createRunStore } from '../state/run-store';
import { App } from './App';
import { t } from './i18n';
import { runDoc, type Services } from './services';
import './styles.css';

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
  const store = storage();
  const s = await startState(location.hash, store);
  const app = createAppStore({ ...(s.doc ? { doc: s.doc } : {}), lang: s.lang, route: s.route, storage: store });
  if (s.year !== null) app.getState().setYear(s.year);
  if (s.linkError) app.getState().setNotice({ kind: 'error', text: t('linkDamaged', s.lang), issues: [s.linkError] });
  else if (s.autosaveError)
    app.getState().setNotice({ kind: 'error', text: t('autosaveDamaged', s.lang), issues: [s.autosaveError] });
  const runs = createRunStore(new WorkerRunner());
  const services: Services = {
    app,
    runs,
    service: new ModelService(),
    analysis: createAnalysisStore(),
    analyst: new BrowserAnalyst(),
  };

  void runDoc(runs, app.getState().doc);
  app.subscribe((now, prev) => {
    if (now.doc !== prev.doc) void runDoc(runs, now.doc);
    if (now.lang !== prev.lang) document.documentElement.lang = now.lang === 'en' ? 'en' : 'zh-CN';
  });
  document.documentElement.lang = s.lang === 'en' ? 'en' : 'zh-CN';
  persist(app, store);
  // For the browser tests and the latency benchmark (tests/browser, tests/bench): the stores, read-only use.
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
