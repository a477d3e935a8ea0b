/**
 * The brief in headless Chromium: what it holds, that it prints to one A4 landscape page in Chinese (English,
 * whose words run longer, may take a second rather than be cut) whose text is text (pdftotext finds it), with
 * no text under 8 pt and nothing cut off with "…" (issue 16: axis labels once printed at 5 pt), that a changed
 * lever is reported on it, and that the results CSV it offers has one row per year. The PDF and a picture of
 * it go to test-results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, settled, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';
const ready = (page: Page) =>
  page.waitForSelector('[data-status="idle"] [data-brief] [data-chart] svg', { timeout: 30_000 });

/** Prints the page as Chromium's "Save as PDF" does, with the page's own @page size. */
async function printPdf(
  page: Page,
  file: string,
): Promise<{ pages: number; size: string; text: string; smallestPt: number; cut: string[] }> {
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // Every word's box: its height is the font size in points (a little more, with ascenders and descenders).
  const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words = [
    ...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ];
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]+)/.exec(info)?.[1] ?? '',
    text,
    smallestPt: Math.min(...words.map((w) => Number(w[2]) - Number(w[1]))),
    cut: words.map((w) => w[3]).filter((w) => w.includes('…')),
  };
}

describe('brief', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/brief?p=changzhou-2016');
    await ready(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('holds the title, city, document, date, a conclusion, key figures, scorecard, two charts, assumptions, sources and bureaus', async () => {
    const brief = page.locator('[data-brief]');
    expect(await brief.locator('h1').innerText()).toContain('常州市户籍制度改革');
    const head = await brief.locator('.brief-head').innerText();
    expect(head).toContain('江苏省常州市');
    expect(head).toContain('常政办发〔2016〕66号');
    expect(await brief.locator('[data-brief-date]').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await brief.locator('tr[data-series="residentUrbanRate"] td[data-year="2020"]').innerText()).toMatch(
      /^\d+\.\d%$/,
    );
    expect(await brief.locator('[data-target]').count()).toBe(2);
    const charts = await brief
      .locator('[data-chart]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual(['rates', 'settlers']);
    const conclusion = await brief.locator('[data-brief-conclusion]').innerText();
    expect(conclusion).toMatch(/2020年常住人口城镇化率达到72%：可实现（预测 \d+\.\d%；公布 77\.1%，已达到）/);
    expect(conclusion).toMatch(/未能实现，差 \d+\.\d 个百分点/);
    expect(conclusion).toMatch(/2016–2020年市民化成本累计 [\d.]+ 亿元，市县两级净负担 [\d.]+ 亿元/);
    for (const id of charts) expect(await brief.locator(`[data-chart="${id}"] svg`).count()).toBe(1);
    const foot = await brief.locator('.brief-foot').innerText();
    expect(foot).toContain('主要假设');
    expect(foot).toContain('数据来源');
    expect(foot).toMatch(/市公安局 牵头/);
    await page.screenshot({ path: resolve(OUT, 'brief.png'), fullPage: true });
  });

  it('prints to one A4 landscape page whose Chinese text is selectable, none under 8 pt, nothing cut', async () => {
    const pdf = await printPdf(page, resolve(OUT, 'brief.pdf'));
    expect(pdf.pages).toBe(1);
    expect(pdf.smallestPt).toBeGreaterThanOrEqual(8);
    expect(pdf.cut).toEqual([]);
    // A4 landscape is 842 × 595 points.
    expect(pdf.size).toMatch(/^841\.\d+ x 59[45]\.\d+ pts/);
    for (const words of ['常州市户籍制度改革', '主要指标', '文件目标与公布结果', '常住人口城镇化率', '责任部门'])
      expect(pdf.text).toContain(words);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '100',
      '-singlefile',
      resolve(OUT, 'brief.pdf'),
      resolve(OUT, 'brief-pdf'),
    ]);
    expect(readFileSync(resolve(OUT, 'brief-pdf.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reports a changed lever; in English too, none under 8 pt and nothing cut (a second page if need be)', async () => {
    await page.goto(baseUrl + '/#/workspace');
    await settled(page);
    await page.fill(`[data-lever="${INSURANCE}"]`, '0');
    await page.waitForSelector(`[data-lever-row="${INSURANCE}"].is-edited`);
    await settled(page);
    await page.goto(baseUrl + '/#/brief?lang=en');
    await page.reload();
    await ready(page);
    const changed = await page.locator('.brief-changed').allInnerTexts();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/Changed: .*2 (年|years?) → 0/);
    const pdf = await printPdf(page, resolve(OUT, 'brief-en.pdf'));
    expect(pdf.pages).toBeLessThanOrEqual(2);
    expect(pdf.smallestPt).toBeGreaterThanOrEqual(8);
    expect(pdf.cut).toEqual([]);
    expect(pdf.text).toContain('Key figures');
    expect(pdf.text).toContain('Bureaus responsible');
  });

  it('downloads the results as CSV, one row per year, from the brief and from the toolbar', async () => {
    for (const button of ['[data-export-results-raw="brief"]', '[data-export-results-raw=""]']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const file = resolve(OUT, download.suggestedFilename());
      await download.saveAs(file);
      const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const lines = text.trim().split(/\r?\n/);
      const header = lines[0].split(',').map((h) => h.replace(/^"(.*)"$/, '$1'));
      expect(header[0]).toBe('year');
      expect(header).toContain('residentUrbanRate');
      expect(header).toContain('hukouUrbanRate');
      expect(lines.length - 1).toBe(21); // 2015–2035
      expect(lines[1].startsWith('2015,')).toBe(true);
      writeFileSync(resolve(OUT, 'results-header.txt'), lines[0]);
    }
  });

  it('downloads the results CSV for people: Chinese headers with units, a unit row, rounded', async () => {
    // The page is in English here (the test before switched): its CSV speaks English.
    const [english] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-results=""]')]);
    const en = readFileSync(await english.path(), 'utf8')
      .slice(1)
      .split(/\r?\n/);
    expect(en[0].split(',')[0]).toBe('Year');
    expect(en[0]).toContain('Resident urbanisation rate (%)');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.waitForSelector('html[lang="zh-CN"]');
    for (const button of ['[data-export-results="brief"]', '[data-export-results=""]']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const file = resolve(OUT, `people-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const raw = readFileSync(file, 'utf8');
      // A BOM, so that Excel reads the Chinese as UTF-8.
      expect(raw.charCodeAt(0)).toBe(0xfeff);
      const lines = raw.slice(1).trim().split(/\r?\n/);
      const header = lines[0].split(',');
      expect(header[0]).toBe('年份');
      expect(header).toContain('常住人口城镇化率（%）');
      expect(header).toContain('两率差距（百分点）');
      expect(lines[1].split(',')[0]).toBe('单位');
      expect(lines.length - 2).toBe(21); // 2015–2035
      const rate = lines[2].split(',')[header.indexOf('常住人口城镇化率（%）')];
      expect(rate).toBe('70.00'); // 3,291,000 / 4,701,400 in %, two decimals
      // Rounded: no cell with more than four decimals.
      expect(lines.slice(2).join(',')).not.toMatch(/\.\d{5,}/);
    }
  });

  it('logs no errors and makes no network request beyond its own files', () => {
    expect(problems).toEqual([]);
  });
});
