/**
 * The model in a Web Worker: a thin comlink facade over {@link replyTo} and the scenario loaders. It
 * implements src/runner/worker-api.ts; the main thread imports nothing from here, so the data tables, the
 * schema and the model stay out of the main bundle.
 */
import { expose, transfer } from 'comlink';
import { browserDataLoader } from '../src/runner/browser-loader';
import { checkText, exportText } from '../src/runner/scenario-io';
import { replyTo } from '../src/runner/reply';
import { ModelSession } from '../src/runner/model-session';
import type { ModelWorkerApi } from '../src/runner/worker-api';
import type { Override } from '../src/scenario/load';

const load = browserDataLoader();
const session = new ModelSession(load);

const api: ModelWorkerApi = {
  run(raw: unknown, overrides: readonly Override[] = []) {
    const reply = replyTo(raw, load, overrides);
    // The pyramid is the bulk of the answer: hand its buffer over instead of copying it.
    return reply.ok ? transfer(reply, [reply.view.pyramid.buffer]) : reply;
  },
  session(req) {
    const reply = session.run(req);
    // The pyramid is the bulk of the answer: hand its buffer over instead of copying it.
    return reply.ok ? transfer(reply, [reply.pyramid.buffer, reply.numbers.buffer]) : reply;
  },
  check(text: string, fileName: string) {
    return checkText(text, fileName, load);
  },
  export(raw: unknown, overrides: readonly Override[] = []) {
    return exportText(raw, overrides, load);
  },
};

expose(api);
