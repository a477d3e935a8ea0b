/**
 * `npm run sim`: the command line. It starts the prebuilt bundle (`npm run build:cli`, made by `npm install`
 * and `npm run build`) when that is newer than every source file, folder and the package files, so that a run does not first compile
 * TypeScript (0.3 s instead of 0.7 s for a first run); otherwise, or when the bundle is missing, it runs the
 * sources through tsx, so an edit is never run stale.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist-cli', 'bin', 'bin.mjs');

/** The latest modification time under `dir`: its files', and its folders' own (a file deleted or renamed). */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The sources and what the bundle takes from node_modules (a dependency updated by npm install). */
const inputs = () =>
  Math.max(
    newest(join(ROOT, 'src')),
    ...['package.json', 'package-lock.json'].map((f) =>
      existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).mtimeMs : 0,
    ),
  );

const fresh = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= inputs();
if (fresh) await import(pathToFileURL(BUNDLE).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runMain } = await import(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')).href);
  await runMain(process.argv.slice(2));
}
