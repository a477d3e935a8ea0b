/**
 * The Compare screen in headless Chromium on the built app: two presets with different targets (常州 2016
 * and the nation under 国发〔2014〕25号) and the current workspace, their targets side by side with ✓/✗,
 * each plan's targets drawn on the compared charts, and the charts' PNG, SVG and CSV downloads and the
 * tables' CSV downloads, under the page's CSP without a console error. Files and a screenshot of the
 * screen go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BOM = [0xef, 0xbb, 0xbf];
const OPTIONS = ['preset:changzhou-2016', 'preset:china-2015', 'current'];

describe('the Compare screen', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  /** A blank page (no CSP) for parsing files: a parsed `<style>` would be reported against the app's CSP. */
  let blank: Page;

  /** Clicks a button and saves the download to test-results/; returns its name and bytes. */
  const downloaded = async (selector: string) => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(selector)]);
    const name = download.suggestedFilename();
    const path = resolve(OUT, `compare-${name}`);
    await download.saveAs(path);
    return { name, bytes: readFileSync(path) };
  };

  /** The text of a CSV download: BOM first, then CRLF lines. */
  const csvLines = (bytes: Buffer) => {
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    return bytes.toString('utf8').slice(1).split('\r\n');
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    blank = await browser.newPage();
    await page.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    await page.getByRole('link', { name: '方案比较' }).click();
    await page.waitForSelector('[data-compare-option="current"]');
    // The first ticked becomes the baseline: 常州 2016.
    for (const key of OPTIONS) await page.locator(`[data-compare-option="${key}"] input[type=checkbox]`).check();
    await page.waitForFunction(() => document.querySelectorAll('[data-compare-table] tbody tr').length === 3, null, {
      timeout: 60_000,
    });
    await page.waitForSelector('[data-chart="compare-rates"] svg');
    await page.waitForSelector('[data-chart="compare-gap"] svg');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows each scenario’s targets with ✓ or ✗, met and missed', async () => {
    const table = page.locator('[data-compare-targets]');
    await table.waitFor();
    // One column per scenario after the target's own.
    expect(await table.locator('thead th').count()).toBe(1 + OPTIONS.length);
    const cells = await table
      .locator('td[data-met]')
      .evaluateAll((tds) => tds.map((td) => ({ met: td.getAttribute('data-met'), text: td.textContent ?? '' })));
    // 常州 and the workspace (the same document): 2 targets each; the nation: 3.
    expect(cells).toHaveLength(7);
    for (const c of cells) expect(c.text).toContain(c.met === 'true' ? '✓' : '✗');
    expect(cells.some((c) => c.met === 'true')).toBe(true);
    expect(cells.some((c) => c.met === 'false')).toBe(true);
    // Missed targets say by how much.
    for (const c of cells.filter((x) => x.met === 'false')) expect(c.text).toMatch(/距目标 [\d.,]+/);
    // The resident-rate target of 2020, which all three set (72% and 60%), is one row.
    expect(await table.locator('tr[data-compare-target="resident-rate-2020"] td[data-met]').count()).toBe(3);
  });

  it('draws the plans’ targets on the compared charts, keyed in the legend', async () => {
    for (const chart of ['compare-rates', 'compare-gap']) {
      const svg = page.locator(`[data-chart="${chart}"] svg`).first();
      expect(await svg.locator('.chart-legend [data-legend-symbol="target"]').count(), chart).toBe(1);
      expect(await svg.textContent(), chart).toMatch(/目标 [≥≤]/);
    }
  });

  it('sets what happened beside the plans: the published rates as dots, keyed in the legend', async () => {
    const svg = page.locator('[data-chart="compare-rates"] svg').first();
    expect(await svg.locator('.chart-legend [data-legend-symbol="dot"]').count()).toBe(1);
    // 常州's and the nation's published rates from their base years on (the workspace's are 常州's: once).
    const dots = await svg.locator('g.compare-published circle').count();
    expect(dots).toBeGreaterThan(8);
    const titles = await svg.locator('g.compare-published title').allTextContents();
    expect(titles.some((t) => /常州市 2020 公布值 常住人口城镇化率: 77\.1%/.test(t))).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('downloads a compared chart as PNG, SVG and CSV', async () => {
    const chart = 'compare-rates';
    const title = (await page.textContent(`[data-chart="${chart}"] h3`))!;
    for (const kind of ['png', 'svg', 'csv', 'copy'])
      expect(await page.locator(`[data-chart="${chart}"] [data-export="${kind}"]`).count(), kind).toBe(1);

    const svg = await downloaded(`[data-chart="${chart}"] [data-export="svg"]`);
    expect(svg.name).toBe(`changzhou-2016-${chart}.svg`);
    const text = svg.bytes.toString('utf8');
    const error = await blank.evaluate(
      (t) => new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null,
      text,
    );
    expect(error).toBeNull();
    expect(text).toContain(title);
    expect(text).toContain('data-legend-symbol="target"');
    const root = /<svg\b[^>]*>/.exec(text)![0];
    const width = Number(/\swidth="([\d.]+)"/.exec(root)![1]);
    const height = Number(/\sheight="([\d.]+)"/.exec(root)![1]);

    const png = await downloaded(`[data-chart="${chart}"] [data-export="png"]`);
    expect(png.name).toBe(`changzhou-2016-${chart}.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.bytes.readUInt32BE(16)).toBe(2 * width);
    expect(png.bytes.readUInt32BE(20)).toBe(2 * height);

    const csv = await downloaded(`[data-chart="${chart}"] [data-export="csv"]`);
    expect(csv.name).toBe(`changzhou-2016-${chart}.csv`);
    const lines = csvLines(csv.bytes);
    expect(lines[0]).toBe(title);
    expect(lines[1]).toBe('单位：%');
    expect(lines[2]).toMatch(/^年份,当前工作台方案：[^,]*常住人口城镇化率（%）,/);
    expect(lines[2]).toContain('常住人口城镇化率目标（%）');
    const blankLine = lines.indexOf('');
    expect(lines.slice(3, blankLine).filter((l) => /^\d{4},/.test(l))).toHaveLength(21);
    expect(lines[blankLine + 1]).toMatch(/^"?资料来源：/);
  });

  it('downloads the targets and the key figures as CSV', async () => {
    const targets = await downloaded('[data-compare-export="targets"] [data-export="csv"]');
    expect(targets.name).toBe('changzhou-2016-compare-targets.csv');
    const t = csvLines(targets.bytes);
    expect(t[0]).toBe('方案比较：目标');
    expect(t[1]).toMatch(/^单位：/);
    expect(t[2]).toBe('方案,目标编号,目标,指标,目标年份,比较,目标值,预测值,单位,是否达到,距目标,距目标单位');
    expect(t.slice(3, t.indexOf(''))).toHaveLength(7);

    const figures = await downloaded('[data-compare-export="figures"] [data-export="csv"]');
    expect(figures.name).toBe('changzhou-2016-compare-figures.csv');
    const f = csvLines(figures.bytes);
    expect(f[0]).toBe('方案比较：主要指标');
    expect(f[2]).toMatch(/^方案,是否基准,2020年 常住人口城镇化率（%）,/);
    expect(f.slice(3, f.indexOf(''))).toHaveLength(3);
  });

  it('looks right', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(OUT, 'compare-targets.png'), fullPage: true });
  });

  it('raised no console error, page error or outside request (the CSP holds)', () => {
    expect(problems).toEqual([]);
  });
});
