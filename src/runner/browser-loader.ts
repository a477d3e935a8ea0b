/**
 * Data loader for the browser: every `data/**\/*.json` file and every scenario part
 * (`scenarios/cities`, `scenarios/packages`) is bundled at build time (Vite's
 * `import.meta.glob`), so a run never touches the network. Import this only from the model worker,
 * or the main-thread bundle carries the data too.
 */
import type { DataLoader } from '../scenario/resolve';

/** Parsed data files keyed by their path from the project root with a leading slash (`/data/…`). */
const BUNDLED: Readonly<Record<string, unknown>> = import.meta.glob(
  ['/data/**/*.json', '/scenarios/cities/*.json', '/scenarios/packages/*.json'],
  { eager: true, import: 'default' },
);

/** Paths of the bundled data files, relative to the project root (`data/…`). */
export const bundledDataFiles = (): string[] => Object.keys(BUNDLED).map((k) => k.slice(1));

/**
 * A {@link DataLoader} over the bundled data: `file` is relative to the project root
 * (`data/demography/…json`); returns undefined for anything not bundled.
 */
export function browserDataLoader(): DataLoader {
  return (file) => {
    const key = '/' + file.replace(/^\.?\//, '');
    return Object.hasOwn(BUNDLED, key) ? BUNDLED[key] : undefined;
  };
}
