/**
 * Chart exports in headless Chromium on the built app: the PNG, SVG and CSV buttons of three charts
 * download files of the right kind and size, and copying puts the image on the clipboard, all under the
 * page's CSP without a console error. The downloaded PNG and SVG files go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const CHARTS = ['rates', 'settlers', 'pyramid'];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('chart exports', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  /** A blank page (no CSP) for parsing files: a parsed `<style>` would be reported against the app's CSP. */
  let blank: Page;

  /** Clicks an export button and saves the download to test-results/; returns its name and bytes. */
  const exported = async (chart: string, kind: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.click(`[data-chart="${chart}"] [data-export="${kind}"]`),
    ]);
    const name = download.suggestedFilename();
    const path = resolve(OUT, `export-${name}`);
    await download.saveAs(path);
    return { name, bytes: readFileSync(path) };
  };

  /** Parse errors of an XML document, from the browser's own parser; null when well-formed. */
  const xmlError = (text: string) =>
    blank.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return doc.querySelector('parsererror')?.textContent ?? null;
    }, text);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    blank = await browser.newPage();
    await page.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('labels the buttons in Chinese and names the chart for screen readers', async () => {
    const title = await page.textContent('[data-chart="rates"] h3');
    const png = page.locator('[data-chart="rates"] [data-export="png"]');
    expect(await png.textContent()).toBe('导出 PNG');
    expect(await png.getAttribute('aria-label')).toBe(`导出 PNG：${title}`);
    for (const kind of ['svg', 'csv', 'copy'])
      expect(await page.locator(`[data-chart="rates"] [data-export="${kind}"]`).count()).toBe(1);
    expect(await page.locator('[data-chart] [data-export="png"]').count()).toBe(
      await page.locator('[data-chart]').count(),
    );
  });

  it.each(CHARTS)('%s: SVG well-formed with the Chinese title, PNG at twice its size', async (chart) => {
    const title = (await page.textContent(`[data-chart="${chart}"] h3`))!;
    const svg = await exported(chart, 'svg');
    expect(svg.name).toBe(`changzhou-2016-${chart}.svg`);
    const text = svg.bytes.toString('utf8');
    expect(await xmlError(text)).toBeNull();
    expect(text).toContain(title);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    const root = /<svg\b[^>]*>/.exec(text)![0];
    const width = Number(/\swidth="([\d.]+)"/.exec(root)![1]);
    const height = Number(/\sheight="([\d.]+)"/.exec(root)![1]);
    expect(width).toBeGreaterThan(280);

    const png = await exported(chart, 'png');
    expect(png.name).toBe(`changzhou-2016-${chart}.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(2 * width);
    expect(png.bytes.readUInt32BE(20)).toBe(2 * height);
  });

  it.each(CHARTS)('%s: CSV with the BOM, title, header and source', async (chart) => {
    const csv = await exported(chart, 'csv');
    expect(csv.name).toBe(`changzhou-2016-${chart}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(await page.textContent(`[data-chart="${chart}"] h3`));
    expect(lines[1]).toMatch(/^单位：/);
    const blank = lines.indexOf('');
    expect(lines[blank + 1]).toMatch(/^"?资料来源：/);
    const data = lines.slice(3, blank);
    if (chart === 'rates') {
      // One row per year of the default scenario, 2015–2035.
      expect(data).toHaveLength(21);
      expect(data[0]).toMatch(/^2015,/);
      expect(data[20]).toMatch(/^2035,/);
    } else expect(data.length).toBeGreaterThan(10);
  });

  it('copies the chart image to the clipboard', async () => {
    await page.click('[data-chart="rates"] [data-export="copy"]');
    await page.waitForSelector('[data-chart="rates"] .chart-export-status:has-text("复制成功")', { timeout: 15_000 });
    expect(await page.locator('[data-chart="rates"] [role="alert"]').count()).toBe(0);
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => [...i.types]));
    expect(types).toContain('image/png');
  });

  it('raised no console error, page error or outside request (the CSP holds)', () => {
    expect(problems).toEqual([]);
  });
});
