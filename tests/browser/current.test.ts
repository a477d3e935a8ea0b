/**
 * Today's question (issue 19) in headless Chromium: the app opens on the current 常州 preset (base 2020, the
 * rules in force, the targets of the plans in force); the preset list groups today's presets and the
 * documents replayed; a document preset shows its 2020 targets against what was published; a current
 * target whose year has passed (the nation's 65 % by 2025) shows its published outcome too. Screenshots go
 * to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');

describe('today and the documents', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  const idle = (selector: string) => page.waitForSelector(`[data-status="idle"] ${selector}`, { timeout: 30_000 });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/');
    await idle('[data-chart="rates"] svg');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the current 常州 preset: base 2020, the scorecard of the plans in force', async () => {
    expect(await page.inputValue('[data-preset-select]')).toBe('changzhou-now');
    const card = page.locator('[data-scorecard-kind="current"]');
    expect(await card.locator('h2').innerText()).toBe('现行规划目标');
    const gap = card.locator('[data-target="gap-2025"]');
    expect(await gap.innerText()).toMatch(/2025年户籍人口城镇化率与常住人口城镇化率差距明显缩小/);
    expect(Number(await gap.getAttribute('data-value'))).toBeGreaterThan(0);
    // 2025's figures for 常州 are not published: no outcome is shown, and none is made up.
    expect(await gap.locator('[data-published]').count()).toBe(0);
    expect(await page.locator('[data-scorecard-kind="document"]').count()).toBe(0);
    await page.screenshot({ path: resolve(OUT, 'current-changzhou.png') });
    expect(problems).toEqual([]);
  });

  it('groups the presets: today first, then the documents replayed', async () => {
    const groups = page.locator('[data-preset-select] optgroup');
    expect(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual([
      '现行政策（以2020年普查为基年，至2035年）',
      '文件回放（对照公布结果评估）',
    ]);
    const ids = (kind: string) =>
      page
        .locator(`[data-preset-group="${kind}"] option`)
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await ids('current')).toEqual([
      'changzhou-now',
      'china-now',
      'doc001-now',
      'guangzhou-now',
      'jinzhou-now',
      'liaoyuan-now',
    ]);
    expect(await ids('document')).toEqual(
      expect.arrayContaining([
        'changzhou-2016',
        'guangzhou',
        'guangzhou-2015',
        'liaoyuan',
        'jinzhou-2017',
        'china-2015',
        'doc001-package',
      ]),
    );
  });

  it('a document preset evaluates its 2020 targets against what was published', async () => {
    await page.selectOption('[data-preset-select]', 'changzhou-2016');
    await idle('[data-scorecard-kind="document"] [data-target="resident-rate-2020"]');
    const card = page.locator('[data-scorecard-kind="document"]');
    expect(await card.locator('h2').innerText()).toBe('文件目标与公布结果');
    const published = card.locator('[data-target="resident-rate-2020"] [data-published]');
    expect(await published.getAttribute('data-published-met')).toBe('true');
    expect(await published.innerText()).toMatch(/2020 年公布值 77\.1%：达到/);
    await page.screenshot({ path: resolve(OUT, 'document-changzhou.png') });
  });

  it('Compare lays the document’s projection beside what happened and beside today’s', async () => {
    await page.goto(baseUrl + '/#/compare?p=changzhou-now');
    await page.waitForSelector('[data-compare-option="preset:changzhou-2016"]', { timeout: 30_000 });
    for (const key of ['preset:changzhou-2016', 'preset:changzhou-now'])
      await page.locator(`[data-compare-option="${key}"] input[type=checkbox]`).check();
    await page.waitForFunction(() => document.querySelectorAll('[data-compare-table] tbody tr').length === 2, null, {
      timeout: 60_000,
    });
    const svg = page.locator('[data-chart="compare-rates"] svg').first();
    const legend = await svg.locator('.chart-legend').textContent();
    expect(legend).toContain('常州市户籍制度改革（常政办发〔2016〕66号）');
    expect(legend).toContain('常州市：现行落户政策下的城镇化');
    const titles = await svg.locator('g.compare-published title').allTextContents();
    expect(titles.some((t) => /常州市 2020 公布值 常住人口城镇化率: 77\.1%/.test(t))).toBe(true);
    // Each plan's own targets: the document's of 2020, today's of 2025.
    const targets = page.locator('[data-compare-targets]');
    expect(await targets.locator('tr[data-compare-target="gap-2020"]').count()).toBe(1);
    expect(await targets.locator('tr[data-compare-target="gap-2025"]').count()).toBe(1);
    await page.screenshot({ path: resolve(OUT, 'compare-document-today.png') });
  });

  it('a link names a preset (?p=): the nation today, its 2025 target met as published', async () => {
    await page.goto(baseUrl + '/#/workspace?p=china-now');
    await idle('[data-scorecard-kind="current"] [data-target="resident-rate-2025"]');
    expect(await page.inputValue('[data-preset-select]')).toBe('china-now');
    const published = page.locator('[data-target="resident-rate-2025"] [data-published]');
    expect(await published.getAttribute('data-published-met')).toBe('true');
    expect(await published.innerText()).toMatch(/2025 年公布值 67\.9%：达到/);
    // The hash now carries the document itself, as every link does.
    await page.waitForFunction(() => location.hash.includes('s=') && !location.hash.includes('p='));
    await page.screenshot({ path: resolve(OUT, 'current-china.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
