/**
 * `npm run sim`: the command line. It starts the prebuilt bundle (`npm run build:cli`, made by `npm install`
 * and `npm run build`) when that is newer than every source file, so that a run does not first compile
 * TypeScript (0.3 s instead of 0.7 s for a first run); otherwise, or when the bundle is missing, it runs the
 * sources through tsx, so an edit is never run stale.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist-cli', 'bin', 'bin.mjs');

/** The latest modification time of any file under `dir`. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const fresh = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newest(join(ROOT, 'src'));
if (fresh) await import(pathToFileURL(BUNDLE).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runMain } = await import(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')).href);
  await runMain(process.argv.slice(2));
}
