/**
 * The Monte Carlo analysis on every core in Node (the command line): worker threads make batches of
 * runs, the main thread aggregates them. Each run's draws depend only on (seed, run index) and the
 * aggregator feeds runs in index order, so the result is the same to the byte with any thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ValidationError, type Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';
import { nodeDataLoader } from './node-loader';
import { UncertaintyAggregator, type RunSummary, type UncertaintyResult } from '../analysis/aggregate';
import { assertRunnable, prepareUncertainty } from '../analysis/uncertainty';

/** Main thread → worker: the runs to make. */
export interface PoolRequest {
  readonly indices: readonly number[];
}

/** Worker → main thread: the batch's summaries, or why it failed. */
export type PoolReply =
  | { readonly ok: true; readonly summaries: RunSummary[] }
  | { readonly ok: false; readonly message: string; readonly issues?: readonly Issue[] };

export interface NodeUncertaintyOptions {
  readonly raw: unknown;
  readonly overrides?: readonly Override[];
  readonly runs: number;
  readonly seed: number;
  /** Worker threads (default: the cores available); never more than there are batches. */
  readonly threads?: number;
  /** Runs per batch (default 20): large enough to amortise messaging, small enough to balance load. */
  readonly batchSize?: number;
  /** Project root for `data/` and `scenarios/` (default: this checkout). */
  readonly root?: string;
  /** Called with a snapshot after each batch. */
  readonly onProgress?: (snapshot: UncertaintyResult) => void;
  readonly signal?: AbortSignal;
}

const WORKER_URL = new URL('./node-worker.ts', import.meta.url);

/**
 * tsx's public ESM register API (`tsx/esm/api`, which works in a worker; the `require` one does not),
 * resolved through the package's export map as any import would be.
 */
const tsxEsmApi = (): string => import.meta.resolve('tsx/esm/api');

/**
 * Starts a worker on node-worker. Under tsx (how this project runs TypeScript) a worker does not inherit
 * the main thread's loader, whatever its `execArgv` says; so a small bootstrap registers tsx's ESM hooks
 * in the worker before importing the entry. A compiled (.js) entry is started directly.
 */
function spawnWorker(workerData: unknown): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData });
  const tsx = tsxEsmApi();
  const boot =
    `import(${JSON.stringify(tsx)})` +
    `.then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

const abortError = () => new DOMException('the uncertainty analysis was cancelled', 'AbortError');

/** Runs the analysis across worker threads; rejects with a {@link ValidationError} on invalid input. */
export async function runUncertaintyNode(options: NodeUncertaintyOptions): Promise<UncertaintyResult> {
  const { raw, overrides = [], runs, seed, root, onProgress, signal } = options;
  const batchSize = options.batchSize ?? 20;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be ≥ 1 (got ${batchSize})`);
  const wanted = options.threads ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`threads must be ≥ 1 (got ${wanted})`);
  // Validate on this thread first: a bad scenario is reported once, not by every worker.
  const prep = prepareUncertainty(raw, nodeDataLoader(root), overrides);
  assertRunnable(prep);
  const agg = new UncertaintyAggregator(prep.plan, runs, seed);
  if (signal?.aborted) throw abortError();
  if (runs === 0) return agg.snapshot();
  const threads = Math.min(wanted, Math.ceil(runs / batchSize));

  return new Promise<UncertaintyResult>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let settled = false;
    const onAbort = () => finish(abortError());
    function finish(error?: unknown): void {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve(agg.snapshot());
      else reject(error);
    }
    function give(w: Worker): void {
      if (next >= runs) return;
      const indices = Array.from({ length: Math.min(batchSize, runs - next) }, (_, k) => next + k);
      next += indices.length;
      w.postMessage({ indices } satisfies PoolRequest);
    }
    signal?.addEventListener('abort', onAbort);
    for (let t = 0; t < threads; t++) {
      const w = spawnWorker({ raw, overrides, seed, root });
      workers.push(w);
      w.on('message', (reply: PoolReply) => {
        if (settled) return;
        if (!reply.ok) return finish(reply.issues ? new ValidationError(reply.issues) : new Error(reply.message));
        try {
          for (const s of reply.summaries) agg.add(s);
          onProgress?.(agg.snapshot());
        } catch (e) {
          return finish(e);
        }
        if (agg.completed === runs) finish();
        else give(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => finish(new Error(`an analysis worker stopped unexpectedly (exit code ${code})`)));
      give(w); // queued by the worker's port until its entry has loaded
    }
  });
}
