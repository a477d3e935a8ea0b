/**
 * The atlas screen (issue 18) in headless Chromium: every prefecture run across the workers, the map of
 * China with one path per unit coloured by the chosen metric, a hover that gives the figure, the table's
 * search, a click that opens the city in the workspace, and the ten-year test. Screenshots go to
 * test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');

describe('the atlas', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  let runMs = 0;
  let drawMs = 0;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/atlas');
    await page.waitForSelector('[data-atlas-run]', { timeout: 30_000 });
    const t0 = Date.now();
    await page.click('[data-atlas-run]');
    await page.waitForSelector('[data-atlas-count]', { timeout: 120_000 });
    runMs = Date.now() - t0;
    const t1 = Date.now();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-atlas-code]')].filter((p) => p.getAttribute('fill') !== '#d9d9d9')
          .length >= 330,
      null,
      { timeout: 10_000 },
    );
    drawMs = Date.now() - t1;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs every city and draws them all, coloured by the metric', async () => {
    expect(Number(await page.getAttribute('[data-atlas-count]', 'data-atlas-count'))).toBeGreaterThanOrEqual(330);
    expect(await page.locator('[data-chart="atlas-map"] path[data-atlas-code]').count()).toBeGreaterThanOrEqual(360);
    const fills = await page
      .locator('[data-atlas-code]')
      .evaluateAll((ps) => new Set(ps.map((p) => p.getAttribute('fill'))).size);
    expect(fills).toBeGreaterThan(50);
    expect(drawMs).toBeLessThan(1000);
    expect(runMs).toBeLessThan(60_000);
    await page.screenshot({ path: resolve(OUT, 'atlas.png') });
    expect(problems).toEqual([]);
  });

  it('gives a city’s figure on hover, and recolours for another metric', async () => {
    await page.hover('[data-atlas-code="320400"]');
    expect(await page.getAttribute('[data-atlas-hover]', 'data-atlas-hover')).toBe('320400');
    expect(await page.textContent('[data-atlas-hover]')).toMatch(/^常州市：\d+\.\d 个百分点（点击打开）$/);
    const before = await page.getAttribute('[data-atlas-code="320400"]', 'fill');
    await page.selectOption('[data-atlas-metric]', 'hukouUrbanRate');
    await page.hover('[data-atlas-code="440100"]');
    expect(await page.textContent('[data-atlas-hover]')).toMatch(/^广州市：\d+\.\d%/);
    expect(await page.getAttribute('[data-atlas-code="320400"]', 'fill')).not.toBe(before);
  });

  it('finds a city in the table', async () => {
    await page.fill('[data-atlas-search]', '辽源');
    expect(await page.locator('[data-atlas-table] tbody tr').count()).toBe(1);
    await page.fill('[data-atlas-search]', '吉林省');
    expect(await page.locator('[data-atlas-table] tbody tr').count()).toBeGreaterThan(5);
    await page.fill('[data-atlas-search]', '');
  });

  it('runs the ten-year test and shows its errors beside the naive forecasts', async () => {
    await page.click('[data-hindcast-run]');
    await page.waitForSelector('[data-hindcast-metric="residentUrbanRate"]', { timeout: 60_000 });
    expect(await page.textContent('[data-hindcast-metric="residentUrbanRate"]')).toMatch(
      /\d+\.\d\d \/ \d+\.\d\d 个百分点/,
    );
    expect(await page.locator('[data-atlas-hindcast] details li').count()).toBe(20);
  }, 90_000);

  it('re-runs under the nation’s rules as the workspace changes them', async () => {
    const rateOf = async () =>
      Number(/(\d+\.\d)%/.exec((await page.locator('[data-atlas-code="320400"] title').textContent()) ?? '')?.[1]);
    const before = await rateOf();
    expect(before).toBeGreaterThan(0);
    // The nation's current preset in the workspace, its large cities' completion speed raised, back to the map:
    // 常州 (a type-I large city) settles faster.
    await page.selectOption('[data-preset-select]', 'china-now');
    await page.getByRole('link', { name: '工作台' }).click();
    await page.waitForSelector('[data-status="idle"] [data-lever="/willingness/speed/large"]', {
      state: 'attached',
      timeout: 30_000,
    });
    // The willingness group is folded: open it.
    await page.locator('details:has([data-lever="/willingness/speed/large"]) > summary').click();
    await page.fill('[data-lever="/willingness/speed/large"]', '0.9');
    await page.waitForSelector('[data-lever-row="/willingness/speed/large"].is-edited');
    await page.getByRole('link', { name: '全国地图' }).click();
    await page.waitForSelector('[data-atlas-rules="1"]');
    await page.waitForFunction(
      (b) => {
        const m = /(\d+\.\d)%/.exec(document.querySelector('[data-atlas-code="320400"] title')?.textContent ?? '');
        return m !== null && Number(m[1]) > b;
      },
      before,
      { timeout: 60_000 },
    );
  }, 120_000);

  it('opens a city in the workspace on a click', async () => {
    // A large unit on the map (a small one is a few pixels at this zoom).
    await page.click('[data-atlas-code="150700"]');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    expect(page.url()).toContain('#/workspace');
    expect(await page.locator('.scenario-header h1').textContent()).toMatch(/呼伦贝尔市（全国地图，2020年为基年）/);
    await page.screenshot({ path: resolve(OUT, 'atlas-city.png') });
    expect(problems).toEqual([]);
  });
});
