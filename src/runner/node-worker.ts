/**
 * A worker thread of the Node pool (node-pool.ts): prepares the scenario given in `workerData` once,
 * then answers each batch of run indices with their summaries, transferring the arrays.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ValidationError } from '../scenario/issues';
import type { Override } from '../scenario/load';
import { nodeDataLoader } from './node-loader';
import { summaryBuffers, uncertaintyBatchRunner } from '../analysis/uncertainty';
import type { PoolReply, PoolRequest } from './node-pool';

const { raw, overrides, seed, root } = workerData as {
  raw: unknown;
  overrides: readonly Override[];
  seed: number;
  root?: string;
};
const runner = uncertaintyBatchRunner(nodeDataLoader(root));
const port = parentPort!;

port.on('message', (req: PoolRequest) => {
  let reply: PoolReply;
  try {
    const summaries = runner.runBatch(raw, overrides, seed, req.indices);
    reply = { ok: true, summaries };
    port.postMessage(reply, summaryBuffers(summaries));
    return;
  } catch (e) {
    // Issues cross the thread boundary as data: an Error would lose them.
    reply =
      e instanceof ValidationError
        ? { ok: false, issues: e.issues, message: e.message }
        : { ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
