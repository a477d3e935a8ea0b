/**
 * What the screens act on: the app store (what the user made), the run store (the latest run) and the
 * model service (imports, exports, Compare runs). Plus the helpers that turn a document into a run.
 */
import type { Analyst } from '../runner/analysis-types';
import type { ModelService } from '../runner/model-service';
import type { AnalysisStore } from '../state/analysis-store';
import type { AppStore } from '../state/app-store';
import { overridesOf, type ScenarioDoc } from '../state/doc';
import { PRESETS, presetById } from '../state/presets';
import type { RunStore } from '../state/run-store';

export interface Services {
  readonly app: AppStore;
  readonly runs: RunStore;
  readonly service: ModelService;
  /** The analyses' state and what runs them (a worker pool in the page). */
  readonly analysis: AnalysisStore;
  readonly analyst: Analyst;
}

/** The raw scenario JSON a document starts from; an unknown preset id falls back to the default. */
export function rawOf(doc: ScenarioDoc): unknown {
  if (doc.source.kind === 'custom') return doc.source.raw;
  return presetById(doc.source.id)?.raw;
}

/**
 * Starts a run of the document in the workspace's runner (latest wins). A preset this build does not have
 * (an old or crafted link) is an error that names it, never another preset shown under its name.
 */
export function runDoc(runs: RunStore, doc: ScenarioDoc): Promise<void> {
  if (doc.source.kind === 'preset' && !presetById(doc.source.id)) {
    const id = doc.source.id;
    const known = PRESETS.map((p) => p.id).join(', ');
    runs.setState((s) => ({
      status: 'error',
      issues: [{ path: 'preset', message: `"${id}" is not a preset of this version (presets: ${known})` }],
      failure: null,
      runCount: s.runCount + 1,
    }));
    return Promise.resolve();
  }
  return runs.getState().run(rawOf(doc), overridesOf(doc));
}

/** A file name for a document's export. */
export function fileNameOf(doc: ScenarioDoc): string {
  const base =
    doc.source.kind === 'preset' ? doc.source.id : (doc.source.fileName ?? 'scenario.json').replace(/\.json$/i, '');
  return `${base}${Object.keys(doc.edits).length ? '-edited' : ''}.json`;
}

/** Offers a Blob as a file download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers text as a file download. */
export const download = (text: string, fileName: string, type = 'application/json'): void =>
  downloadBlob(new Blob([text], { type }), fileName);
