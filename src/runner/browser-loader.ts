/**
 * Data loader for the browser's workers: every `data/**\/*.json` file and every scenario part
 * (`scenarios/cities`, `scenarios/packages`) is a chunk of the build of its own (Vite's `import.meta.glob`),
 * fetched from the app's own origin the first time a scenario needs it and kept. A worker therefore carries
 * none of the tables until a scenario asks for them (each worker once carried all of them, some 800 kB),
 * and the model, whose loaders are synchronous, reads them from the cache: call {@link preloadFor} with
 * the scenario before running it. Import this only from the workers.
 */
import { resolveIncludes } from '../scenario/include';
import type { DataLoader } from '../scenario/resolve';

/** Chunk importers of the data files, keyed by their path from the project root with a leading slash. */
const LAZY: Readonly<Record<string, () => Promise<unknown>>> = import.meta.glob(
  ['/data/**/*.json', '/scenarios/cities/*.json', '/scenarios/packages/*.json'],
  { import: 'default' },
);

const cache = new Map<string, unknown>();

const keyOf = (file: string) => '/' + file.replace(/^\.?\//, '');

/** Paths of the data files the build holds, relative to the project root (`data/…`). */
export const bundledDataFiles = (): string[] => Object.keys(LAZY).map((k) => k.slice(1));

/** Fetches a data file into the cache (a file the build does not hold is left for the loader to miss). */
async function fetchFile(file: string): Promise<void> {
  const key = keyOf(file);
  if (cache.has(key) || !Object.hasOwn(LAZY, key)) return;
  cache.set(key, await LAZY[key]());
}

/** Every `$data` file a document names (`"data/x.json#/table"` → `data/x.json`), anywhere in it. */
function dataRefs(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) dataRefs(x, out);
  else if (v && typeof v === 'object') {
    const ref = (v as { $data?: unknown }).$data;
    if (typeof ref === 'string') out.add(ref.split('#')[0]);
    for (const x of Object.values(v)) dataRefs(x, out);
  }
}

/**
 * Loads what running `raw` reads: its included parts, then the data files their merged document refers
 * to and the task table of its document (data/tasks/docNNN.json, by its seed's number). Anything amiss
 * (not an object, a part that does not exist) is left for the run to report with its path.
 */
export async function preloadFor(raw: unknown): Promise<void> {
  if (!raw || typeof raw !== 'object') return;
  const include = (raw as { include?: unknown }).include;
  if (Array.isArray(include)) await Promise.all(include.filter((f) => typeof f === 'string').map(fetchFile));
  const files = new Set<string>();
  let doc: unknown = raw;
  try {
    doc = resolveIncludes(raw, browserDataLoader()).doc;
  } catch {
    // A document the includes cannot merge: the run reports it; fetch what the document itself names.
  }
  dataRefs(doc, files);
  const seed = (doc as { meta?: { document?: { seed?: unknown } } })?.meta?.document?.seed;
  const m = typeof seed === 'string' ? /(?:^|\/)(\d{3})_[^/]*$/.exec(seed) : null;
  if (m) files.add(`data/tasks/doc${m[1]}.json`);
  await Promise.all([...files].map(fetchFile));
}

/** Fetches these files (paths from the project root) into the cache. */
export async function preloadFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map(fetchFile));
}

/** Loads every data file the build holds (tests, and a worker that would rather not wait later). */
export async function preloadAll(): Promise<void> {
  await Promise.all(bundledDataFiles().map(fetchFile));
}

/**
 * A {@link DataLoader} over the files fetched so far: `file` is relative to the project root
 * (`data/demography/…json`); returns undefined for anything not fetched (or not in the build).
 */
export function browserDataLoader(): DataLoader {
  return (file) => cache.get(keyOf(file));
}
