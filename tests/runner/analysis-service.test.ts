/**
 * The page's analyses and its second model worker (Compare, imports, exports) against a worker that stops answering: it exited silently or hangs, so no `error`
 * event comes and, before the watchdog, the analysis stayed "running" for good.
 */
import { describe, expect, it } from 'vitest';
import { BrowserAnalyst } from '../../src/runner/analysis-service';
import { ModelService } from '../../src/runner/model-service';

/** A worker that takes every message and never answers (as one that called `close()` or loops forever). */
class SilentWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

describe('BrowserAnalyst', () => {
  it('stops a silent worker, rejects saying so, and starts a fresh one for the next analysis', async () => {
    const started: SilentWorker[] = [];
    const analyst = new BrowserAnalyst(50, () => {
      const w = new SilentWorker();
      started.push(w);
      return w as unknown as Worker;
    });
    const call = () =>
      analyst.goalSeek(
        {},
        [],
        { lever: '/policy/channelOverlap', target: 'gap-2020' },
        () => {},
        new AbortController().signal,
      );
    await expect(call()).rejects.toThrow(
      'an analysis worker did not answer within 0.05 s; it was stopped and the next analysis starts a new one',
    );
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
    await expect(call()).rejects.toThrow(/did not answer/);
    expect(started).toHaveLength(2);
  });
});

describe('BrowserAnalyst, two calls in one slot', () => {
  it('a late failure of one call does not stop the fresh worker of a later call', async () => {
    const started: SilentWorker[] = [];
    const analyst = new BrowserAnalyst(50, () => {
      const w = new SilentWorker();
      started.push(w);
      return w as unknown as Worker;
    });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const a = analyst.evaluate({}, []);
    await wait(20);
    const b = analyst.evaluate({}, []); // on the same (silent) worker #1, 20 ms later
    await expect(a).rejects.toThrow(/did not answer/); // stops worker #1
    const c = analyst.evaluate({}, []); // starts worker #2
    await expect(b).rejects.toThrow(/did not answer/);
    expect(started).toHaveLength(2);
    expect(started[1].terminated).toBe(false); // b's failure left c's worker alone
    await expect(c).rejects.toThrow(/did not answer/);
  });
});

describe('ModelService', () => {
  it('stops a silent worker, rejects the call saying so, and answers the next call on a fresh one', async () => {
    const started: SilentWorker[] = [];
    const service = new ModelService(50, () => {
      const w = new SilentWorker();
      started.push(w);
      return w as unknown as Worker;
    });
    await expect(service.run({}, [])).rejects.toThrow(
      'the model worker did not answer within 0.05 s; it was stopped and the next request starts a new one',
    );
    expect(started[0].terminated).toBe(true);
    await expect(service.check('{}', 'x.json')).rejects.toThrow(/did not answer/);
    expect(started).toHaveLength(2);
  });
});
