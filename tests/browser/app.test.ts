/**
 * The production build in headless Chromium: the default scenario runs in the worker and the page
 * shows its headline figures and scorecard, without console errors or network requests.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, settled, watchedPage } from './chromium';

const SCREENSHOT = resolve(import.meta.dirname, '..', '..', 'test-results', 'home.png');

describe('home page, default scenario (Changzhou 2016)', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await settled(page);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const text = async (selector: string) => (await page.locator(selector).textContent())?.trim() ?? '';
  const cell = (series: string, year: number) => text(`tr[data-series="${series}"] td[data-year="${year}"]`);

  it('finishes the run', async () => {
    const status = await page.getAttribute('[data-status]', 'data-status');
    expect(status, await text('[data-status]')).toBe('idle');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
  });

  it('shows the rates chart above the fold at 1280×720, with no sideways scroll (it was below the fold)', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('[data-chart="rates"] svg').boundingBox();
    expect(box).not.toBeNull();
    // Its plot starts within the first screen and most of it is visible there.
    expect(box!.y).toBeLessThan(720);
    expect(720 - box!.y).toBeGreaterThan(box!.height / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  it('keeps the rates and the gap in view while the results scroll, the previous run faintly after a move', async () => {
    const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';
    await page.evaluate(() => window.scrollTo(0, 0));
    // At the top the headline chart is in view: nothing pinned.
    expect(await page.locator('[data-pinned-rates]').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 1600));
    const strip = page.locator('[data-pinned-rates]');
    await strip.waitFor({ timeout: 5_000 });
    const toolbar = (await page.locator('.toolbar').boundingBox())!;
    const box = (await strip.boundingBox())!;
    // Right under the toolbar, inside the first screen.
    expect(Math.abs(box.y - (toolbar.y + toolbar.height))).toBeLessThan(3);
    expect(box.y + box.height).toBeLessThan(400);
    expect(await strip.innerText()).toMatch(
      /2020年[\s\S]*常住 76\.\d%[\s\S]*户籍 6\d\.\d%[\s\S]*差距 1\d\.\d 个百分点[\s\S]*目标 ≤ 5 ✗/,
    );
    const before = Number(await page.getAttribute('[data-pinned-gap]', 'data-pinned-gap'));
    expect(before).toBeCloseTo(Number(await page.getAttribute('[data-target="gap-2020"]', 'data-value')), 9);
    // A lever moved in the panel (which scrolls on its own): the strip follows, with the previous run faintly.
    await page.fill(`[data-lever="${INSURANCE}"]`, '0');
    await page.waitForSelector(`[data-lever-row="${INSURANCE}"].is-edited`);
    await settled(page);
    await page.waitForSelector('[data-chart="rates-pinned"] [data-baseline]');
    expect(await page.locator('[data-chart="rates-pinned"] [data-baseline]').count()).toBe(2);
    const after = Number(await page.getAttribute('[data-pinned-gap]', 'data-pinned-gap'));
    expect(after).toBeLessThan(before);
    await page.screenshot({ path: resolve(SCREENSHOT, '..', 'pinned-rates.png') });
    await page.getByRole('button', { name: '撤销' }).click();
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-pinned-rates]').waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('fits a phone (390 px): no sideways scroll, the levers in a drawer over the results', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await p.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await p.locator('.lever-panel').isVisible()).toBe(false);
    await p.click('[data-levers-toggle]');
    expect(await p.locator('.lever-panel').isVisible()).toBe(true);
    expect(await p.locator('[data-lever]').first().isVisible()).toBe(true);
    // The rates stay in view above the drawer, which starts below them.
    const strip = (await p.locator('[data-pinned-rates]').boundingBox())!;
    const panel = (await p.locator('.lever-panel').boundingBox())!;
    expect(strip.y + strip.height).toBeLessThanOrEqual(panel.y + 1);
    expect(strip.width).toBeLessThanOrEqual(390);
    await p.screenshot({ path: resolve(import.meta.dirname, '..', '..', 'test-results', 'phone-levers.png') });
    await p.click('[data-levers-toggle]');
    expect(await p.locator('.lever-panel').isVisible()).toBe(false);
    // The other screens too (the printable brief excepted: it is an A4 page).
    for (const route of ['analyses', 'compare', 'atlas', 'tasks', 'library']) {
      await p.goto(`${baseUrl}/#/${route}`);
      await p.waitForSelector('[data-status="idle"]', { timeout: 30_000 });
      await p.waitForTimeout(300);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(390);
    }
    await phone.close();
  });

  it('names the city, the document, the base year and the horizon', async () => {
    expect(await text('[data-meta="city"]')).toContain('常州市');
    expect(await text('[data-meta="document"]')).toContain('常政办发〔2016〕66号');
    expect(await text('[data-meta="horizon"]')).toMatch(/基年\s*2015\s*年末.*预测至\s*2035\s*年/);
  });

  it('shows the base-year figures the scenario is built from', async () => {
    expect(await cell('residentUrbanRate', 2015)).toBe('70.0%'); // 3,291,000 / 4,701,400
    expect(await cell('hukouUrbanRate', 2015)).toBe('58.0%'); // 2,150,930 / 3,708,500
    expect(await cell('gapPoints', 2015)).toBe('12.0 个百分点');
    expect(await cell('residentPop', 2015)).toBe('470.1 万人');
  });

  it('shows plausible projected figures for 2020 and the last year', async () => {
    for (const year of [2020, 2035]) {
      const resident = parseFloat(await cell('residentUrbanRate', year));
      const hukou = parseFloat(await cell('hukouUrbanRate', year));
      expect(resident).toBeGreaterThan(60);
      expect(resident).toBeLessThan(95);
      expect(hukou).toBeGreaterThan(50);
      expect(hukou).toBeLessThanOrEqual(resident + 5);
      expect(await cell('gapPoints', year)).toMatch(/^-?\d+\.\d 个百分点$/);
      expect(parseFloat(await cell('residentPop', year))).toBeGreaterThan(400);
    }
    const settlers = await text('[data-series="settlers"] strong');
    expect(settlers).toMatch(/^\d+\.\d\d 万人$/);
    expect(parseFloat(settlers)).toBeGreaterThan(0);
    expect(parseFloat(settlers)).toBeLessThan(50);
  });

  it('scores the targets with the page hooks', async () => {
    const entry = page.locator('[data-target="resident-rate-2020"]');
    expect(await entry.count()).toBe(1);
    const value = Number(await entry.getAttribute('data-value'));
    expect(value).toBeGreaterThan(0.6);
    expect(value).toBeLessThan(0.9);
    expect(await entry.getAttribute('data-met')).toBe(String(value >= 0.72));
    expect(await entry.textContent()).toMatch(value >= 0.72 ? /已达到/ : /未达到/);

    const gap = page.locator('[data-target="gap-2020"]');
    expect(await gap.count()).toBe(1);
    expect(['true', 'false']).toContain(await gap.getAttribute('data-met'));
    expect(Number.isFinite(Number(await gap.getAttribute('data-value')))).toBe(true);
  });

  it('sets what happened beside each target whose figure was published (the 2020 evaluation)', async () => {
    // 常州's 2020 resident rate was published by the 2020 census (77.07%): met, beside the projection.
    const published = page.locator('[data-target="resident-rate-2020"] [data-published]');
    expect(Number(await published.getAttribute('data-published'))).toBeCloseTo(0.7707, 4);
    expect(await published.getAttribute('data-published-met')).toBe('true');
    expect(await published.innerText()).toMatch(/2020 年公布值 77\.1%：达到 · 来源：第七次全国人口普查/);
    // No 2020 hukou rate was found for 常州: the gap target has no published outcome, and none is made up.
    expect(await page.locator('[data-target="gap-2020"] [data-published]').count()).toBe(0);
  });

  it('logs no errors and makes no network request beyond its own files', () => {
    expect(problems).toEqual([]);
  });
});
