/**
 * The one store: runs start from its actions, never from a component. The workspace's run follows the
 * document; Compare's set runs each distinct scenario once, and a failed call becomes issues.
 */
import { describe, expect, it } from 'vitest';
import type { ModelReply } from '../../src/runner/reply';
import type { RunStatus } from '../../src/runner/worker-runner';
import { presetDoc } from '../../src/state/doc';
import { connectRuns, createHukouStore, type CompareRunner } from '../../src/state/store';

const tick = () => new Promise((r) => setTimeout(r, 0));
const reply = (tag: string): ModelReply => ({ ok: false, issues: [{ path: '', message: tag }] });

describe('the one store', () => {
  it('runs the workspace’s document on start and on every change of it (connectRuns)', async () => {
    const asked: unknown[] = [];
    const store = createHukouStore({
      runner: { run: async (raw): Promise<RunStatus> => (asked.push(raw), { kind: 'done', reply: reply('x') }) },
    });
    const stop = connectRuns(store);
    await tick();
    store.getState().setLever('/policy/channelOverlap', 0.3, 0.5);
    await tick();
    store.getState().setLang('en'); // not a document change: no run
    await tick();
    expect(asked).toHaveLength(2);
    expect(store.getState().runCount).toBe(2);
    stop();
  });

  it('runs each scenario of the Compare set once, from its action, and keeps the answers by document', async () => {
    const calls: string[] = [];
    const answers: ((r: ModelReply) => void)[] = [];
    const compareRunner: CompareRunner = {
      run: (raw) => {
        calls.push((raw as { id: string }).id);
        return new Promise((resolve) => answers.push(resolve));
      },
    };
    const store = createHukouStore({ runner: { run: () => new Promise(() => {}) }, compareRunner });
    connectRuns(store);
    store.getState().setRoute('compare');
    store.getState().setCompare(['current', 'preset:guangzhou', 'preset:changzhou-now'], 'current');
    // 'current' is the default preset (常州 today) unedited: the same document as preset:changzhou-now, run once.
    expect(calls).toEqual(['changzhou-now', 'guangzhou']);
    const keys = Object.keys(store.getState().compareOutcomes);
    expect(keys).toHaveLength(2);
    expect(Object.values(store.getState().compareOutcomes).every((o) => o.status === 'running')).toBe(true);
    answers[0](reply('done'));
    await tick();
    expect(store.getState().compareOutcomes[keys[0]]).toEqual({ status: 'done', reply: reply('done') });
    // Ticking the same set again costs nothing; editing the workspace's document runs the new one.
    store.getState().setCompare(['current', 'preset:guangzhou'], 'current');
    expect(calls).toHaveLength(2);
    store.getState().setLever('/policy/channelOverlap', 0.3, 0.5);
    expect(calls).toEqual(['changzhou-now', 'guangzhou', 'changzhou-now']);
  });

  it('turns a failed Compare call into issues', async () => {
    const store = createHukouStore({
      runner: { run: () => new Promise(() => {}) },
      compareRunner: { run: () => Promise.reject(new Error('worker gone')) },
    });
    connectRuns(store);
    store.getState().setRoute('compare');
    store.getState().setCompare(['preset:liaoyuan'], null);
    await tick();
    const [outcome] = Object.values(store.getState().compareOutcomes);
    expect(outcome).toEqual({ status: 'done', reply: { ok: false, issues: [{ path: '', message: 'worker gone' }] } });
    expect(presetDoc('liaoyuan').source).toEqual({ kind: 'preset', id: 'liaoyuan' });
  });

  it('queues no Compare run while another screen is shown, and keeps only the set’s outcomes', async () => {
    const calls: string[] = [];
    const compareRunner: CompareRunner = {
      run: async (raw) => (calls.push((raw as { id: string }).id), reply('done')),
    };
    const store = createHukouStore({ runner: { run: () => new Promise(() => {}) }, compareRunner });
    connectRuns(store);
    store.getState().setCompare(['current'], 'current');
    // On the workspace: thirty lever moves, no Compare run (each once queued a full run behind imports).
    for (let i = 0; i < 30; i++) store.getState().setLever('/policy/channelOverlap', i / 100, 0.5);
    expect(calls).toEqual([]);
    store.getState().setRoute('compare');
    expect(calls).toHaveLength(1);
    await tick();
    store.getState().setLever('/policy/channelOverlap', 0.9, 0.5);
    await tick();
    // The edited document replaced the earlier one: one outcome, not one per edit.
    expect(calls).toHaveLength(2);
    expect(Object.keys(store.getState().compareOutcomes)).toHaveLength(1);
  });
});
