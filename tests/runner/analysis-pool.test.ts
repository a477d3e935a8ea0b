import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUncertaintySync, uncertaintyBatchRunner } from '../../src/analysis/uncertainty';
import { runUncertaintyPool, type AnalysisEndpoint } from '../../src/runner/analysis-pool';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { ValidationError } from '../../src/scenario/issues';

const load = nodeDataLoader();
const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')) as Record<
  string,
  unknown
>;
const tick = () => new Promise((r) => setTimeout(r, 0));

/** An in-process stand-in for the analysis worker: the same batch runner, answering asynchronously. */
class LocalEndpoint implements AnalysisEndpoint {
  private readonly runner = uncertaintyBatchRunner(load);
  terminated = false;
  batches = 0;
  private die!: (e: Error) => void;
  readonly crashed = new Promise<never>((_, reject) => (this.die = reject));
  constructor(private readonly delay: number) {
    this.crashed.catch(() => {});
  }
  async planUncertainty(raw: unknown, overrides: readonly { pointer: string; value: unknown }[]) {
    await tick();
    return structuredClone(this.runner.plan(raw, overrides));
  }
  async runBatch(
    raw: unknown,
    overrides: readonly { pointer: string; value: unknown }[],
    seed: number,
    indices: readonly number[],
  ) {
    if (this.terminated) throw new Error('used after termination');
    if (this.silent) return new Promise<never>(() => {});
    this.batches++;
    // Workers of unequal speed: batches come back out of order.
    await new Promise((r) => setTimeout(r, this.delay));
    return structuredClone(this.runner.runBatch(raw, overrides, seed, indices));
  }
  /** From now on the worker never answers (as one that exited silently: no error event, no reply). */
  goSilent() {
    this.silent = true;
  }
  silent = false;
  crash(message: string) {
    this.die(new Error(message));
  }
  terminate() {
    this.terminated = true;
  }
}

function pool(delays: number[]) {
  const spawned: LocalEndpoint[] = [];
  const spawn = () => {
    const e = new LocalEndpoint(delays[spawned.length % delays.length]);
    spawned.push(e);
    return e;
  };
  return { spawned, spawn };
}

describe('runUncertaintyPool', () => {
  it('matches the single-thread analysis to the byte, reports progress, and terminates its workers', async () => {
    const { spawned, spawn } = pool([15, 0, 5]);
    const progress: number[] = [];
    const result = await runUncertaintyPool({
      raw,
      runs: 24,
      seed: 5,
      workers: 3,
      batchSize: 4,
      spawn,
      onProgress: (s) => progress.push(s.completed),
    });
    expect(JSON.stringify(result)).toBe(JSON.stringify(runUncertaintySync(raw, load, [], 24, 5)));
    expect(spawned).toHaveLength(3);
    expect(spawned.every((e) => e.terminated)).toBe(true);
    expect(spawned.every((e) => e.batches > 0)).toBe(true);
    expect(progress).toHaveLength(6);
    expect(progress.at(-1)).toBe(24);
  });

  it('starts no more workers than there are batches', async () => {
    const { spawned, spawn } = pool([0]);
    await runUncertaintyPool({ raw, runs: 3, seed: 5, workers: 8, batchSize: 20, spawn });
    expect(spawned).toHaveLength(1);
  });

  it('rejects with the issues of a scenario without distributions', async () => {
    const { spawned, spawn } = pool([0]);
    const { uncertainty: _, sources, ...rest } = raw;
    const kept = Object.fromEntries(Object.entries(sources as object).filter(([k]) => !k.startsWith('/uncertainty')));
    const bare = { ...rest, sources: kept };
    const run = runUncertaintyPool({ raw: bare, runs: 10, seed: 1, workers: 2, spawn });
    await expect(run).rejects.toBeInstanceOf(ValidationError);
    await expect(run).rejects.toMatchObject({ issues: [{ path: '/uncertainty' }] });
    expect(spawned.every((e) => e.terminated)).toBe(true);
  });

  it('terminates every worker and rejects with an AbortError when aborted', async () => {
    const { spawned, spawn } = pool([5]);
    const controller = new AbortController();
    const run = runUncertaintyPool({
      raw,
      runs: 200,
      seed: 1,
      workers: 2,
      batchSize: 2,
      spawn,
      signal: controller.signal,
      onProgress: (s) => s.completed >= 2 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(spawned).toHaveLength(2);
    expect(spawned.every((e) => e.terminated)).toBe(true);
    const made = spawned.reduce((n, e) => n + e.batches, 0);
    await new Promise((r) => setTimeout(r, 30));
    expect(spawned.reduce((n, e) => n + e.batches, 0)).toBe(made); // no batch handed out after the abort
  });

  it('rejects at once when the signal was aborted before the start', async () => {
    const { spawned, spawn } = pool([0]);
    const run = runUncertaintyPool({ raw, runs: 10, seed: 1, spawn, signal: AbortSignal.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(spawned).toHaveLength(0);
  });

  it('rejects with the failure of a crashed worker and terminates the others', async () => {
    const { spawned, spawn } = pool([20]);
    const run = runUncertaintyPool({ raw, runs: 100, seed: 1, workers: 2, batchSize: 2, spawn });
    while (spawned.length < 2) await tick();
    spawned[1].crash('out of memory');
    await expect(run).rejects.toThrow('out of memory');
    expect(spawned.every((e) => e.terminated)).toBe(true);
  });

  it('stops a worker that goes silent, ends the analysis saying so, and terminates the others', async () => {
    const { spawned, spawn } = pool([5]);
    const run = runUncertaintyPool({
      raw,
      runs: 100,
      seed: 1,
      workers: 2,
      batchSize: 2,
      spawn,
      answerWithinMs: 80,
    });
    while (spawned.length < 2) await tick();
    spawned[1].goSilent();
    await expect(run).rejects.toThrow(/an analysis worker did not answer within 0.08 s; it was stopped/);
    expect(spawned.every((e) => e.terminated)).toBe(true);
  });
});

describe('runUncertaintyPool after a failure', () => {
  it('stops every pending call’s watchdog (they once kept the command line alive for a minute)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    let n = 0;
    const spawn = (): AnalysisEndpoint => {
      const me = n++;
      const local = new LocalEndpoint(0);
      return {
        planUncertainty: (r, o) => local.planUncertainty(r, o),
        // Worker 0 fails its batch; the others never answer.
        runBatch: () => (me === 0 ? Promise.reject(new Error('out of memory')) : new Promise<never>(() => {})),
        crashed: local.crashed,
        terminate: () => local.terminate(),
      };
    };
    const run = runUncertaintyPool({
      raw,
      runs: 100,
      seed: 1,
      workers: 3,
      batchSize: 2,
      spawn,
      answerWithinMs: 60_000,
    });
    await expect(run).rejects.toThrow('out of memory');
    await tick();
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
