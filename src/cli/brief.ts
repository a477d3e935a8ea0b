/**
 * `npm run sim -- <scenario.json> --brief out.pdf [--lang en] [--set …]`: the one-page brief as a PDF,
 * without a person at a browser. The page itself prints it (the app's `#/brief` route and its print
 * style sheet, in headless Chromium), so the PDF is the one an official gets from "Save as PDF": one A4
 * landscape page whose Chinese text is text.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { build, preview } from 'vite';
import type { Override } from '../scenario/load';
import { encodeDoc, type EditValue, type ScenarioDoc } from '../state/doc';
import { formatHash } from '../state/url';
import { launch } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface BriefRequest {
  /** The scenario file as given on the command line. */
  readonly file: string;
  /**
   * The scenario with its included parts merged and the overrides that are not lever values applied:
   * what the page runs when the file is not a bundled preset. Its `$data` references resolve against the
   * app's bundled `data/`, as for a file imported in the page.
   */
  readonly merged: unknown;
  readonly overrides: readonly Override[];
  readonly lang: 'zh' | 'en';
  readonly out: string;
}

/**
 * A bundled preset's id when the file is `scenarios/<id>.json` of this checkout and the built app has it
 * as it stands (the file is no newer than dist/), else null. Any other file in scenarios/ (made or
 * changed after the build) goes to the page as itself, never as another preset under its name.
 */
export function presetIdOf(path: string, root = ROOT): string | null {
  const rel = relative(resolve(root, 'scenarios'), path);
  if (!/^[\w-]+\.json$/.test(rel) || rel.endsWith('.schema.json')) return null;
  const built = resolve(root, 'dist', 'index.html');
  if (!existsSync(built) || statSync(path).mtimeMs > statSync(built).mtimeMs) return null;
  return rel.replace(/\.json$/, '');
}

/**
 * The document the page opens: the preset (so the brief says so) or the resolved scenario, with the
 * number and yes/no overrides as lever edits, which the brief lists as changes.
 */
export function briefDoc(req: BriefRequest, cwd = process.cwd()): ScenarioDoc {
  const path = resolve(cwd, req.file);
  const edits: Record<string, EditValue> = {};
  const other = req.overrides.filter((o) => typeof o.value !== 'number' && typeof o.value !== 'boolean');
  for (const o of req.overrides)
    if (typeof o.value === 'number' || typeof o.value === 'boolean') edits[o.pointer] = o.value;
  const preset = presetIdOf(path);
  if (preset && other.length === 0) return { source: { kind: 'preset', id: preset }, edits };
  // Other overrides (objects, strings) are already in the merged scenario; only levers stay edits.
  return { source: { kind: 'custom', raw: req.merged, fileName: basename(path) }, edits };
}

/** Writes the brief; resolves to the PDF's path, or rejects with a message for the user. */
export async function writeBrief(req: BriefRequest, cwd = process.cwd()): Promise<string> {
  if (!existsSync(resolve(ROOT, 'dist', 'index.html'))) {
    process.stderr.write('building the app (dist/ is missing)…\n');
    await build({ root: ROOT, logLevel: 'warn' });
  }
  const server = await preview({ root: ROOT, logLevel: 'silent', preview: { host: '127.0.0.1', port: 4190 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('could not serve dist/');
  }
  const browser = await launch().catch((e: Error) => {
    void server.close();
    throw new Error(`could not start Chromium (${e.message.split('\n')[0]}); install it: apt-get install chromium`);
  });
  try {
    const page = await browser.newPage();
    const code = await encodeDoc(briefDoc(req, cwd));
    await page.goto(url + formatHash({ route: 'brief', code, lang: req.lang, year: null }));
    await page.waitForSelector('[data-status="idle"] [data-brief] [data-chart] svg, [data-status="error"]', {
      timeout: 60_000,
    });
    if ((await page.getAttribute('.app', 'data-status')) === 'error')
      throw new Error(`the page could not run the scenario: ${(await page.innerText('.error-panel')).trim()}`);
    const out = resolve(cwd, req.out);
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
