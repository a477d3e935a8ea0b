/**
 * `npm run sim -- <scenario> --brief out.pdf`: the brief written headless, for a preset with a lever set
 * and for a scenario file outside the presets. Runs with the browser tests: it needs the built app, and it
 * goes through the launcher as `npm run sim` does, so after `npm run build` it runs the prebuilt command line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveIncludes } from '../../src/scenario/include';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { writeMyCityScenario } from '../fixtures/my-city';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = resolve(ROOT, 'test-results');
const sim = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/sim.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('the brief from the command line', () => {
  it('writes one page for a preset, with the changed lever and in English when asked', () => {
    mkdirSync(OUT, { recursive: true });
    const file = resolve(OUT, 'brief-cli-liaoyuan.pdf');
    const r = sim('scenarios/liaoyuan.json', '--brief', file, '--lang', 'en', '--set', '/policy/channelOverlap=0.7');
    expect(r.stderr).toContain('brief written');
    expect(r.status).toBe(0);
    expect(pages(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('Key figures');
    expect(text).toContain('preset liaoyuan');
    expect(text).toMatch(/Changed: /);
  });

  it('writes the brief of a scenario file that is not a preset (its parts merged)', () => {
    const dir = join(tmpdir(), `hukou-brief-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const merged = resolveIncludes(
      JSON.parse(readFileSync(resolve(ROOT, 'scenarios/jinzhou-2017.json'), 'utf8')),
      nodeDataLoader(),
    ).doc;
    const scenario = join(dir, 'my-city.json');
    writeFileSync(scenario, JSON.stringify({ ...(merged as object), id: 'my-city' }));
    const file = join(dir, 'brief.pdf');
    const r = sim(scenario, '--brief', file);
    expect(r.status, r.stderr).toBe(0);
    expect(pages(file)).toBe(1);
    expect(pdfText(file)).toContain('锦州');
    expect(pdfText(file)).toContain('my-city.json');
    copyFileSync(file, resolve(OUT, 'brief-cli-custom.pdf'));
  });

  it('writes the brief of a file in scenarios/ that the built app does not have as itself, not as another preset', () => {
    // A new file in scenarios/ after the build: the page has no preset of that name and must not show
    // 常州's brief under it (it once did).
    const name = `zz-brief-test-${process.pid}`;
    const scenario = resolve(ROOT, 'scenarios', `${name}.json`);
    const raw = JSON.parse(readFileSync(resolve(ROOT, 'scenarios/liaoyuan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(scenario, JSON.stringify({ ...raw, id: name, name: '测试用辽源情景' }));
    try {
      const file = resolve(OUT, 'brief-cli-new-file.pdf');
      const r = sim(`scenarios/${name}.json`, '--brief', file);
      expect(r.status, r.stderr).toBe(0);
      const text = pdfText(file);
      expect(text).toContain('测试用辽源情景');
      expect(text).toContain('辽源');
      expect(text).not.toContain('常州');
      expect(text).toContain(`${name}.json`);
    } finally {
      rmSync(scenario, { force: true });
    }
  });

  it('briefs a city of one’s own as the README says: npm run city --scenario, then npm run sim --brief', () => {
    const scenario = writeMyCityScenario('hukou-city-brief-');
    const file = join(dirname(scenario), 'mycity.pdf');
    const r = sim(scenario, '--brief', file);
    expect(r.status, r.stderr).toBe(0);
    expect(pages(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('某市');
    expect(text).toContain('2020');
    expect(text).not.toContain('常州市户籍制度改革');
    copyFileSync(file, resolve(OUT, 'brief-cli-mycity.pdf'));
  });

  it('refuses a bad request before starting a browser, naming the flag', () => {
    const r = sim('scenarios/liaoyuan.json', '--brief', 'out.txt');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^--brief: needs the PDF file/m);
    const bad = sim('scenarios/liaoyuan.json', '--brief', 'x.pdf', '--lang', 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang: must be zh or en, got "fr"');
  });
});
