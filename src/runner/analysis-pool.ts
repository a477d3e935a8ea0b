/**
 * The Monte Carlo analysis in a pool of workers: the page's analysis workers (workers/analysis.worker.ts)
 * or Node's worker threads (node-pool.ts) make batches of runs while this thread aggregates them and
 * reports progress, so the fan chart can fill in as runs arrive. The result is the same to the byte
 * whatever the number of workers: run i's draws depend only on (seed, i), and the aggregator takes runs in
 * index order.
 */
import type { AnalysisWorkerApi } from './worker-api';
import { UncertaintyAggregator, type RunSummary, type UncertaintyResult } from '../analysis/aggregate';
import type { PlanReply } from '../analysis/uncertainty';
import { ValidationError } from '../scenario/issues';
import type { Override } from '../scenario/load';
import { deadline, linkWorker, silentWorkerMessage } from './worker-link';

/** One live analysis worker, as the pool sees it (a seam for tests). */
export interface AnalysisEndpoint {
  planUncertainty(raw: unknown, overrides: readonly Override[]): Promise<PlanReply>;
  runBatch(
    raw: unknown,
    overrides: readonly Override[],
    seed: number,
    indices: readonly number[],
  ): Promise<RunSummary[]>;
  /** Rejects if the worker dies outside a call's answer; never resolves. */
  readonly crashed: Promise<never>;
  terminate(): void;
}

/** Starts a real analysis worker. */
export function spawnAnalysisWorker(): AnalysisEndpoint {
  const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
  const { api, crashed, terminate } = linkWorker<AnalysisWorkerApi>(worker, 'an analysis worker');
  return {
    planUncertainty: (raw, overrides) => api.planUncertainty(raw, overrides) as Promise<PlanReply>,
    runBatch: (raw, overrides, seed, indices) => api.runBatch(raw, overrides, seed, indices) as Promise<RunSummary[]>,
    crashed,
    terminate,
  };
}

export interface PoolUncertaintyOptions {
  readonly raw: unknown;
  readonly overrides?: readonly Override[];
  readonly runs: number;
  readonly seed: number;
  /** Workers to start (default: the browser's logical cores); never more than there are batches. */
  readonly workers?: number;
  /** Runs per batch (default 20): a progress step, and few enough messages to keep the pool busy. */
  readonly batchSize?: number;
  /** Called with a snapshot of the bands after each batch. */
  readonly onProgress?: (snapshot: UncertaintyResult) => void;
  /** Aborting terminates every worker and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  readonly spawn?: () => AnalysisEndpoint;
  /**
   * How long one call (the plan, or one batch) may go unanswered before its worker counts as stuck (it
   * exited silently or hangs): a batch of 20 runs takes about a second, so 60 s is generous.
   */
  readonly answerWithinMs?: number;
}

const abortError = () => new DOMException('the uncertainty analysis was cancelled', 'AbortError');

/**
 * Runs the analysis in a pool of workers. Rejects with a {@link ValidationError} when the scenario or
 * its `uncertainty` block is invalid, with an AbortError when `signal` aborts, and with the worker's
 * error when one fails; every worker is terminated when the analysis ends, however it ends.
 */
export async function runUncertaintyPool(options: PoolUncertaintyOptions): Promise<UncertaintyResult> {
  const { raw, overrides = [], runs, seed, onProgress, signal, spawn = spawnAnalysisWorker } = options;
  const answerWithinMs = options.answerWithinMs ?? 60_000;
  const batchSize = options.batchSize ?? 20;
  const wanted = options.workers ?? globalThis.navigator?.hardwareConcurrency ?? 4;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be ≥ 1 (got ${batchSize})`);
  if (!Number.isInteger(runs) || runs < 0) throw new RangeError(`runs must be a whole number ≥ 0 (got ${runs})`);
  if (signal?.aborted) throw abortError();

  const endpoints: AnalysisEndpoint[] = [];
  let rejectAborted: (e: unknown) => void = () => {};
  const aborted = new Promise<never>((_, reject) => (rejectAborted = reject));
  aborted.catch(() => {});
  const onAbort = () => rejectAborted(abortError());
  signal?.addEventListener('abort', onAbort);
  // Settles when the analysis ends, however it ends: calls still pending then stop their watchdogs (once,
  // one worker's failure left the others' timers running for a minute and kept the command line alive).
  let endAll: (e: unknown) => void = () => {};
  const ended = new Promise<never>((_, reject) => (endAll = reject));
  ended.catch(() => {});
  const guarded = async <T>(ep: AnalysisEndpoint, call: Promise<T>): Promise<T> => {
    const watchdog = deadline(
      answerWithinMs,
      silentWorkerMessage('an analysis worker', answerWithinMs, 'the analysis ended'),
    );
    try {
      return await Promise.race([call, ep.crashed, aborted, watchdog.expired, ended]);
    } finally {
      watchdog.stop();
    }
  };

  try {
    const first = spawn();
    endpoints.push(first);
    const planned = await guarded(first, first.planUncertainty(raw, overrides));
    if (!planned.ok) throw new ValidationError(planned.issues);
    const agg = new UncertaintyAggregator(planned.plan, runs, seed);
    const count = Math.max(1, Math.min(Math.floor(wanted) || 1, Math.ceil(runs / batchSize)));
    while (endpoints.length < count) endpoints.push(spawn());

    let next = 0;
    let failed = false;
    const work = async (ep: AnalysisEndpoint) => {
      while (!failed && next < runs) {
        // onProgress may have aborted: hand out nothing more (the pending calls reject through `aborted`).
        if (signal?.aborted) throw abortError();
        const indices = Array.from({ length: Math.min(batchSize, runs - next) }, (_, k) => next + k);
        next += indices.length;
        const summaries = await guarded(ep, ep.runBatch(raw, overrides, seed, indices));
        if (failed) return;
        for (const s of summaries) agg.add(s);
        onProgress?.(agg.snapshot());
      }
    };
    await Promise.all(
      endpoints.map((ep) =>
        work(ep).catch((e: unknown) => {
          failed = true; // the other workers stop taking batches
          throw e;
        }),
      ),
    );
    return agg.snapshot();
  } finally {
    endAll(new Error('the analysis has ended'));
    signal?.removeEventListener('abort', onAbort);
    for (const ep of endpoints) ep.terminate();
  }
}
