/**
 * The model in a Web Worker: a thin comlink facade over {@link replyTo} and the scenario loaders. It
 * implements src/runner/worker-api.ts; the main thread imports nothing from here, so the data tables, the
 * schema and the model stay out of the main bundle.
 */
import { expose, transfer } from 'comlink';
import { browserDataLoader, preloadFor } from '../src/runner/browser-loader';
import { checkText, exportText } from '../src/runner/scenario-io';
import { replyTo } from '../src/runner/reply';
import { ModelSession } from '../src/runner/model-session';
import type { ModelWorkerApi } from '../src/runner/worker-api';
import type { Override } from '../src/scenario/load';

const load = browserDataLoader();
const session = new ModelSession(load);

const api: ModelWorkerApi = {
  async run(raw: unknown, overrides: readonly Override[] = []) {
    await preloadFor(raw);
    const reply = replyTo(raw, load, overrides);
    // The pyramid is the bulk of the answer: hand its buffer over instead of copying it.
    return reply.ok ? transfer(reply, [reply.view.pyramid.buffer]) : reply;
  },
  async session(req) {
    // The scenario comes once per key: its data files are fetched then.
    if (req.raw !== undefined) await preloadFor(req.raw);
    const reply = session.run(req);
    // The pyramid is the bulk of the answer: hand its buffer over instead of copying it.
    return reply.ok ? transfer(reply, [reply.pyramid.buffer, reply.numbers.buffer]) : reply;
  },
  async check(text: string, fileName: string) {
    // A file that is not JSON is refused by checkText with its message; its data files are fetched first.
    let raw: unknown = null;
    try {
      raw = JSON.parse(text);
    } catch {
      /* checkText says what is wrong */
    }
    await preloadFor(raw);
    return checkText(text, fileName, load);
  },
  async export(raw: unknown, overrides: readonly Override[] = []) {
    await preloadFor(raw);
    return exportText(raw, overrides, load);
  },
};

expose(api);
