/**
 * The model in a Web Worker: a thin comlink facade over {@link replyTo} and the scenario loaders. The
 * main thread imports this file's types only (see src/runner/worker-runner.ts), so the data tables,
 * the schema and the model stay out of the main bundle.
 */
import { expose, transfer } from 'comlink';
import { browserDataLoader } from '../src/runner/browser-loader';
import { checkText, exportText, type CheckReply, type ExportReply } from '../src/runner/scenario-io';
import { replyTo, type ModelReply } from '../src/runner/reply';
import type { Override } from '../src/scenario/load';

const load = browserDataLoader();

const api = {
  /** Validates and runs a scenario; invalid input → `{ ok: false, issues }`, a bug → a rejected call. */
  run(raw: unknown, overrides: readonly Override[] = []): ModelReply {
    const reply = replyTo(raw, load, overrides);
    // The pyramid is the bulk of the answer: hand its buffer over instead of copying it.
    return reply.ok ? transfer(reply, [reply.view.pyramid.buffer]) : reply;
  },
  /** Parses and validates an imported file, with the engine's messages. */
  check(text: string, fileName: string): CheckReply {
    return checkText(text, fileName, load);
  },
  /** One self-contained scenario file: parts merged, edits applied. */
  export(raw: unknown, overrides: readonly Override[] = []): ExportReply {
    return exportText(raw, overrides, load);
  },
};

export type ModelWorkerApi = typeof api;

expose(api);
