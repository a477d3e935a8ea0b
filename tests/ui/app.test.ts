import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/runner/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { replyTo, type ModelReply } from '../../src/runner/reply';
import type { RunStatus } from '../../src/runner/worker-runner';
import { createRunStore, type Runner } from '../../src/state/run-store';
import { AppView } from '../../src/ui/App';
import { headlineYears } from '../../src/ui/figures';

/** A runner that answers every request at once with the given status. */
const answering = (status: RunStatus): Runner => ({ run: async () => status });
/** Renders the page for the store's current state (server rendering would read only the initial state). */
const render = (store: ReturnType<typeof createRunStore>) =>
  renderToStaticMarkup(createElement(AppView, store.getState()));

describe('App', () => {
  let good: ModelReply;
  beforeAll(() => {
    good = replyTo(DEFAULT_SCENARIO, nodeDataLoader());
  });

  it('shows the headline figures and scorecard of a successful run', async () => {
    const store = createRunStore(answering({ kind: 'done', reply: good }));
    await store.getState().run(DEFAULT_SCENARIO);
    const html = render(store);
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('常州市');
    expect(html).toMatch(/<td data-year="2015">70\.0%<\/td>/);
    expect(html).toMatch(/data-target="resident-rate-2020" data-met="(true|false)" data-value="0\.\d+"/);
    if (good.ok) expect(headlineYears(good.result)).toEqual([2015, 2020, 2035]);
  });

  it('lists every validation issue as path: message, in Chinese context', async () => {
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
