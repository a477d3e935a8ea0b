/**
 * The model in a Web Worker: a thin comlink facade over {@link replyTo}. The main thread imports
 * this file's types only (see src/runner/worker-runner.ts).
 */
import { expose } from 'comlink';
import { browserDataLoader } from '../src/runner/browser-loader';
import { replyTo, type ModelReply } from '../src/runner/reply';
import type { Override } from '../src/scenario/load';

const load = browserDataLoader();

const api = {
  /** Validates and runs a scenario; invalid input → `{ ok: false, issues }`, a bug → a rejected call. */
  run(raw: unknown, overrides: readonly Override[] = []): ModelReply {
    return replyTo(raw, load, overrides);
  },
};

export type ModelWorkerApi = typeof api;

expose(api);
