/**
 * The page rendered on the server from store states (no browser): what a run, a validation failure and
 * a worker failure put on screen, in Chinese and in English. The browser tests drive the live page.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import type { Analyst } from '../../src/runner/analysis-types';
import type { ModelService } from '../../src/runner/model-service';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { replyTo, type ModelReply } from '../../src/runner/reply';
import type { RunStatus } from '../../src/runner/worker-runner';
import type { Runner } from '../../src/state/run-store';
import { createHukouStore, type HukouStore } from '../../src/state/store';
import { App } from '../../src/ui/App';
import { headlineYears } from '../../src/ui/figures';

/** A runner that answers every request at once with the given status. */
const answering = (status: RunStatus): Runner => ({ run: async () => status });
/**
 * Server rendering reads a zustand store's initial state (useSyncExternalStore's server snapshot), so
 * the page is rendered from a store that starts in the state the runs left behind.
 */
const render = (runs: HukouStore, lang: 'zh' | 'en' = 'zh') =>
  renderToStaticMarkup(
    createElement(App, {
      services: {
        store: createStore(() => ({ ...runs.getState(), lang })) as HukouStore,
        service: {} as ModelService,
        analyst: {} as Analyst,
      },
    }),
  );
/** The one store with the given runner (the page's, less its workers). */
const createRunStore = (runner: Runner, lang: 'zh' | 'en' = 'zh') => createHukouStore({ runner, lang });

describe('App', () => {
  let good: ModelReply;
  beforeAll(() => {
    good = replyTo(DEFAULT_SCENARIO, nodeDataLoader());
  });

  it('shows the levers, headline figures, scorecard and chart slots of a successful run', async () => {
    const store = createRunStore(answering({ kind: 'done', reply: good }));
    await store.getState().run(DEFAULT_SCENARIO);
    const html = render(store);
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('常州市');
    expect(html).toMatch(/<td data-year="2015">70\.0%<\/td>/);
    expect(html).toMatch(/data-target="resident-rate-2020" data-met="(true|false)" data-value="0\.\d+"/);
    expect(html).toContain('data-lever="/policy/zones/core/channels/0/conditions/2/years"');
    for (const id of ['rates', 'gap', 'settlers', 'pyramid', 'fiscal-cost', 'per-settler', 'land'])
      expect(html).toContain(`data-chart="${id}"`);
    if (good.ok) {
      expect(headlineYears(good.result)).toEqual([2015, 2020, 2035]);
      // A document's evaluation years join the headline years (锦州's 2018 mid-term evaluation); outside
      // the projection they do not.
      expect(headlineYears(good.result, [2018, 2020, 2050])).toEqual([2015, 2018, 2020, 2035]);
    }
  });

  it('speaks English when asked', async () => {
    const store = createRunStore(answering({ kind: 'done', reply: good }));
    await store.getState().run(DEFAULT_SCENARIO);
    const html = render(store, 'en');
    expect(html).toContain('Resident urbanisation rate');
    expect(html).toContain('Settlement channels by urban tier');
    expect(html).not.toContain('主要指标');
  });

  it('lists every validation issue as path: message', async () => {
    const bad = replyTo({ version: 99 }, nodeDataLoader());
    const store = createRunStore(answering({ kind: 'done', reply: bad }));
    await store.getState().run({ version: 99 });
    const html = render(store);
    expect(html).toContain('data-status="error"');
    expect(html).toContain('情景数据有误');
    expect(html).toMatch(/<code>\/version: [^<]+<\/code>/);
  });

  it('reports a worker failure and keeps the last good result', async () => {
    let next: RunStatus = { kind: 'done', reply: good };
    const store = createRunStore({ run: async () => next });
    await store.getState().run(DEFAULT_SCENARIO);
    next = { kind: 'failed', message: 'RangeError: boom' };
    await store.getState().run(DEFAULT_SCENARIO);
    const html = render(store);
    expect(html).toContain('data-status="error"');
    expect(html).toContain('模型运行出错');
    expect(html).toContain('RangeError: boom');
    expect(html).toContain('data-target="resident-rate-2020"');
  });

  it('leaves the state to the newer run when a request is superseded', async () => {
    const store = createRunStore(answering({ kind: 'superseded' }));
    await store.getState().run(DEFAULT_SCENARIO);
    expect(store.getState().status).toBe('running');
  });
});

describe('opening a preset', () => {
  it('refuses a preset this version does not have, naming it, instead of showing another', async () => {
    const { presetDoc } = await import('../../src/state/doc');
    let asked = false;
    const store = createRunStore({
      run: async () => {
        asked = true;
        return { kind: 'done', reply: replyTo(DEFAULT_SCENARIO, nodeDataLoader()) };
      },
    });
    store.getState().openDoc(presetDoc('no-such-city'));
    await store.getState().runDoc();
    expect(asked).toBe(false);
    expect(store.getState().status).toBe('error');
    expect(store.getState().issues[0].message).toMatch(
      /^"no-such-city" is not a preset of this version \(presets: changzhou-now, .*changzhou-2016, /,
    );
    store.getState().openDoc(presetDoc('liaoyuan'));
    await store.getState().runDoc();
    expect(asked).toBe(true);
  });
});
