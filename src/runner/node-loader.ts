/** Loader for Node: reads `data/…` and `scenarios/…` files relative to the project root. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonText } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function nodeDataLoader(root = PROJECT_ROOT): DataLoader {
  const cache = new Map<string, unknown>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    const full = resolve(root, file);
    if (!full.startsWith(resolve(root, 'data') + '/') && !full.startsWith(resolve(root, 'scenarios') + '/'))
      throw new Error('references must stay inside data/ or scenarios/');
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    const doc = parseJsonText(readFileSync(full, 'utf8'), file);
    cache.set(file, doc);
    return doc;
  };
}
