/**
 * A worker thread of the Node pool (node-pool.ts): the same comlink API as the page's analysis worker for
 * the Monte Carlo (plan, batches of runs with their arrays transferred), over Node's message port.
 */
import { expose, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort, workerData } from 'node:worker_threads';
import { summaryBuffers, uncertaintyBatchRunner } from '../analysis/uncertainty';
import type { Override } from '../scenario/load';
import { nodeDataLoader } from './node-loader';

const { root } = workerData as { root?: string };
const runner = uncertaintyBatchRunner(nodeDataLoader(root));

/** What the pool calls (the Monte Carlo part of AnalysisWorkerApi). */
const api = {
  planUncertainty: (raw: unknown, overrides: readonly Override[] = []) => runner.plan(raw, overrides),
  runBatch(raw: unknown, overrides: readonly Override[], seed: number, indices: readonly number[]) {
    const summaries = runner.runBatch(raw, overrides, seed, indices);
    return transfer(summaries, summaryBuffers(summaries));
  },
};
export type NodeWorkerApi = typeof api;

expose(api, nodeEndpoint(parentPort!));
