import { describe, expect, it } from 'vitest';
import type { ModelReply } from '../../src/runner/reply';
import { WorkerRunner, type ModelEndpoint } from '../../src/runner/worker-runner';
import type { WireReply, WireRequest } from '../../src/runner/model-session';

/** A fake worker whose calls the test answers by hand. */
class FakeEndpoint implements ModelEndpoint {
  readonly calls: { raw: unknown; req: WireRequest; answer: (r: WireReply) => void; fail: (e: Error) => void }[] = [];
  terminated = false;
  private die!: (e: Error) => void;
  readonly crashed = new Promise<never>((_, reject) => (this.die = reject));
  constructor() {
    this.crashed.catch(() => {});
  }
  run(req: WireRequest): Promise<WireReply> {
    return new Promise((answer, fail) => this.calls.push({ raw: req.raw, req, answer, fail }));
  }
  crash(message: string) {
    this.die(new Error(message));
  }
  terminate() {
    this.terminated = true;
  }
}

const reply = (tag: string): ModelReply & WireReply => ({ ok: false, issues: [{ path: '', message: tag }] });
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const spawned: FakeEndpoint[] = [];
  const runner = new WorkerRunner(() => {
    const e = new FakeEndpoint();
    spawned.push(e);
    return e;
  });
  return { runner, spawned };
}

describe('WorkerRunner', () => {
  it('delivers the answer of a lone run', async () => {
    const { runner, spawned } = setup();
    const p = runner.run('a');
    await tick();
    spawned[0].calls[0].answer(reply('a'));
    expect(await p).toEqual({ kind: 'done', reply: reply('a') });
  });

  it('keeps one run in flight; the latest request wins, stale and replaced ones are superseded', async () => {
    const { runner, spawned } = setup();
    const a = runner.run('a');
    await tick();
    const b = runner.run('b');
    const c = runner.run('c');
    expect(await b).toEqual({ kind: 'superseded' }); // replaced in the queue, never sent
    expect(spawned[0].calls.map((x) => x.raw)).toEqual(['a']);
    spawned[0].calls[0].answer(reply('a'));
    expect(await a).toEqual({ kind: 'superseded' }); // stale: 'c' was requested meanwhile
    await tick();
    expect(spawned[0].calls.map((x) => x.raw)).toEqual(['a', 'c']);
    spawned[0].calls[1].answer(reply('c'));
    expect(await c).toEqual({ kind: 'done', reply: reply('c') });
    expect(spawned).toHaveLength(1);
  });

  it('reports a failing call, terminates the worker and starts a fresh one next time', async () => {
    const { runner, spawned } = setup();
    const a = runner.run('a');
    await tick();
    spawned[0].calls[0].fail(new Error('boom'));
    expect(await a).toEqual({ kind: 'failed', message: 'boom' });
    expect(spawned[0].terminated).toBe(true);
    const b = runner.run('b');
    await tick();
    expect(spawned).toHaveLength(2);
    spawned[1].calls[0].answer(reply('b'));
    expect(await b).toEqual({ kind: 'done', reply: reply('b') });
  });

  it('reports a worker that dies mid-run', async () => {
    const { runner, spawned } = setup();
    const a = runner.run('a');
    await tick();
    spawned[0].crash('out of memory');
    expect(await a).toEqual({ kind: 'failed', message: 'out of memory' });
    expect(spawned[0].terminated).toBe(true);
  });

  it('reports a worker that cannot be created', async () => {
    const runner = new WorkerRunner(() => {
      throw new Error('blocked by CSP');
    });
    expect(await runner.run('a')).toEqual({ kind: 'failed', message: 'blocked by CSP' });
  });

  it('cancels the run in flight on dispose', async () => {
    const { runner, spawned } = setup();
    const a = runner.run('a');
    await tick();
    runner.dispose();
    expect(await a).toEqual({ kind: 'failed', message: 'the run was cancelled' });
    expect(spawned[0].terminated).toBe(true);
  });
});

describe('WorkerRunner watchdog', () => {
  it('stops a worker that never answers, reports it, and runs the next request on a fresh one', async () => {
    const spawned: FakeEndpoint[] = [];
    const runner = new WorkerRunner(() => {
      const e = new FakeEndpoint();
      spawned.push(e);
      return e;
    }, 50);
    const stuck = await runner.run('a'); // the fake never answers on its own
    expect(stuck.kind).toBe('failed');
    expect(stuck.kind === 'failed' && stuck.message).toMatch(/did not answer within 0.05 s; it was stopped/);
    expect(spawned[0].terminated).toBe(true);
    const next = runner.run('b');
    await tick();
    expect(spawned).toHaveLength(2);
    spawned[1].calls[0].answer(reply('b'));
    expect(await next).toEqual({ kind: 'done', reply: reply('b') });
  });

  it('gives up a long run when a newer request has waited too long (opening another preset got out of nothing)', async () => {
    const spawned: FakeEndpoint[] = [];
    const runner = new WorkerRunner(
      () => {
        const e = new FakeEndpoint();
        spawned.push(e);
        return e;
      },
      60_000,
      30,
    );
    const long = runner.run('a 3,000-entry timeline'); // never answered
    await tick();
    const next = runner.run('another preset');
    expect(await long).toEqual({ kind: 'superseded' });
    expect(spawned[0].terminated).toBe(true);
    await tick();
    spawned[1].calls[0].answer(reply('b'));
    expect(await next).toEqual({ kind: 'done', reply: reply('b') });
  });
});
