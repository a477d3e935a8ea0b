/**
 * What the screens act on: the one store (what the user made, the latest run, the analyses, Compare's
 * runs), the model service (imports, exports) and the analyst (the analyses' workers).
 */
import type { Analyst } from '../runner/analysis-types';
import type { AtlasService } from '../runner/atlas-service';
import type { ModelService } from '../runner/model-service';
import type { ScenarioDoc } from '../state/doc';
import type { HukouStore } from '../state/store';

export { rawOf } from '../state/store';

export interface Services {
  readonly store: HukouStore;
  readonly service: ModelService;
  /** What runs the analyses (a worker pool in the page); their state is the store's. */
  readonly analyst: Analyst;
  /** What runs the atlas (a worker per core in the page); absent where a test gives none. */
  readonly atlas?: AtlasService;
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
