/**
 * The Monte Carlo analysis on every core in Node (the command line): the page's pool algorithm
 * (analysis-pool.ts) over worker threads that speak the same comlink API as the page's analysis workers.
 * Each run's draws depend only on (seed, run index) and the aggregator feeds runs in index order, so the
 * result is the same to the byte with any thread count, in Node and in the page.
 */
import { releaseProxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunSummary, UncertaintyResult } from '../analysis/aggregate';
import { assertRunnable, prepareUncertainty, type PlanReply } from '../analysis/uncertainty';
import type { Override } from '../scenario/load';
import { runUncertaintyPool, type AnalysisEndpoint } from './analysis-pool';
import { nodeDataLoader } from './node-loader';
import type { NodeWorkerApi } from './node-worker';

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

// From the sources the worker is node-worker.ts; in the prebuilt command line (dist-cli/bin) it is its bundle.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./node-worker.ts', import.meta.url)
  : new URL('./node-worker.mjs', import.meta.url);

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

/** A Node worker thread as the pool sees it: its comlink API, its death as a rejection, terminate. */
function spawnNodeEndpoint(root: string | undefined): AnalysisEndpoint {
  const worker = spawnWorker({ root });
  const api = wrap<NodeWorkerApi>(nodeEndpoint(worker));
  let terminated = false;
  const crashed = new Promise<never>((_, reject) => {
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      if (!terminated) reject(new Error(`an analysis worker stopped unexpectedly (exit code ${code})`));
    });
  });
  crashed.catch(() => {}); // observed through Promise.race in the pool
  return {
    planUncertainty: (raw, overrides) => api.planUncertainty(raw, overrides) as Promise<PlanReply>,
    runBatch: (raw, overrides, seed, indices) => api.runBatch(raw, overrides, seed, indices) as Promise<RunSummary[]>,
    crashed,
    terminate: () => {
      terminated = true;
      api[releaseProxy]();
      void worker.terminate();
    },
  };
}

/** Runs the analysis across worker threads; rejects with a {@link ValidationError} on invalid input. */
export async function runUncertaintyNode(options: NodeUncertaintyOptions): Promise<UncertaintyResult> {
  const { raw, overrides = [], runs, seed, root, onProgress, signal } = options;
  const batchSize = options.batchSize ?? 20;
  const wanted = options.threads ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`threads must be ≥ 1 (got ${wanted})`);
  // Validate on this thread first: a bad scenario is reported once, before any worker starts.
  assertRunnable(prepareUncertainty(raw, nodeDataLoader(root), overrides));
  return runUncertaintyPool({
    raw,
    overrides,
    runs,
    seed,
    workers: wanted,
    batchSize,
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
    spawn: () => spawnNodeEndpoint(root),
  });
}
