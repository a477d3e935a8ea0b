/**
 * The dashboard in headless Chromium, as a planner uses it: move levers and see the charts and the
 * scorecard follow; copy the link and get the same state; reload and lose nothing; survive a failed
 * worker; get clear messages for a bad import; switch language; follow a task to its lever; compare
 * scenarios. Screenshots of every screen go to test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, nextRun as nextRunOf, runCount as runCountOf, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';
const CHART_IDS = [
  'rates',
  'gap',
  'settlers',
  'settlers-origin',
  'registration',
  'pyramid',
  'non-registered',
  'fiscal-cost',
  'per-settler',
  'land',
];

/**
 * Lets a test make the next model call fail as a crashed worker does: the Worker's `error` event fires
 * instead of an answer. Installed before the page's scripts run.
 */
const CRASH_SEAM = () => {
  const Native = window.Worker;
  const w = window as unknown as { __crashNextRun: boolean };
  w.__crashNextRun = false;
  window.Worker = class extends Native {
    postMessage(message: unknown, options?: unknown) {
      if (w.__crashNextRun) {
        w.__crashNextRun = false;
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'simulated worker crash' })), 0);
        return;
      }
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
};

describe('dashboard', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  const runCount = () => runCountOf(page);
  /** Waits until a run newer than `after` has been delivered and the page is idle or in error. */
  const nextRun = (after: number) => nextRunOf(page, after);
  const targetValue = async (id: string) => Number(await page.getAttribute(`[data-target="${id}"]`, 'data-value'));
  const setLever = async (pointer: string, value: number) => {
    const before = await runCount();
    await page.fill(`[data-lever="${pointer}"]`, String(value));
    await nextRun(before);
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.addInitScript(CRASH_SEAM);
    await page.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    await page.screenshot({ path: resolve(OUT, 'workspace.png') });
    await page.screenshot({ path: resolve(OUT, 'workspace-full.png'), fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every chart with an svg, every lever and the scorecard', async () => {
    for (const id of CHART_IDS) expect(await page.locator(`[data-chart="${id}"] svg`).count(), id).toBeGreaterThan(0);
    expect(await page.locator('[data-lever]').count()).toBeGreaterThan(20);
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('2');
    expect(await page.locator('[data-target]').count()).toBe(2);
  });

  it('moves a lever: the run repeats, scorecard and charts follow', async () => {
    // No earlier run of this scenario yet: no faint lines.
    expect(await page.locator('[data-chart="rates"] [data-baseline]').count()).toBe(0);
    const ratesBefore = await page.locator('[data-chart="rates"] svg').first().innerHTML();
    const gapBefore = await targetValue('gap-2020');
    const settlersSvg = await page.locator('[data-chart="settlers"] svg').first().innerHTML();
    await setLever(INSURANCE, 0);
    // The run before the move stays as two faint lines (the two rates) until the next move.
    await page.waitForSelector('[data-chart="rates"] [data-baseline] path', { timeout: 10_000 });
    expect(await page.locator('[data-chart="rates"] [data-baseline]').count()).toBe(2);
    expect(await page.locator('[data-chart="rates"] svg').first().innerHTML()).not.toBe(ratesBefore);
    // Values on hover: the year and the rate in a tip.
    const svg = page.locator('[data-chart="rates"] svg').first();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-chart="rates"] svg g[aria-label="tip"]')].some((g) =>
        /年份\s*20\d\d.*城镇化率\s*\d+\.\d%/.test(g.textContent ?? ''),
      ),
    );
    await page.mouse.move(0, 0);
    const gapAfter = await targetValue('gap-2020');
    // Dropping the insurance condition lets more people settle: the gap narrows.
    expect(gapAfter).toBeLessThan(gapBefore);
    // The settlers chart is below the fold at 1280×720: it is redrawn once the levers rest, or on view.
    await page.locator('[data-chart="settlers"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (before) => document.querySelector('[data-chart="settlers"] svg')?.innerHTML !== before,
      settlersSvg,
      { timeout: 10_000 },
    );
    expect(await page.locator('[data-chart="settlers"] svg').first().innerHTML()).not.toBe(settlersSvg);
    expect(await page.locator(`[data-lever-row="${INSURANCE}"].is-edited`).count()).toBe(1);
  });

  it('undoes and redoes the change', async () => {
    let before = await runCount();
    await page.getByRole('button', { name: '撤销' }).click();
    await nextRun(before);
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('2');
    before = await runCount();
    await page.getByRole('button', { name: '重做' }).click();
    await nextRun(before);
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('0');
  });

  it('reproduces the exact state from a copied link in a fresh browser', async () => {
    await page.waitForFunction(() => location.hash.includes('s='));
    const url = page.url();
    const gap = await targetValue('gap-2020');
    const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p2 = await other.newPage();
    await p2.goto(url);
    await p2.waitForSelector('[data-status="idle"] [data-target="gap-2020"]', { timeout: 30_000 });
    expect(await p2.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('0');
    expect(Number(await p2.getAttribute('[data-target="gap-2020"]', 'data-value'))).toBe(gap);
    await other.close();
  });

  it('keeps everything across a reload without the link (autosave)', async () => {
    const gap = await targetValue('gap-2020');
    await page.goto(baseUrl + '/');
    await page.waitForSelector('[data-status="idle"] [data-target="gap-2020"]', { timeout: 30_000 });
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('0');
    expect(await targetValue('gap-2020')).toBe(gap);
  });

  it('shows a failed worker, stays usable and recovers on the next change', async () => {
    await page.evaluate(() => ((window as unknown as { __crashNextRun: boolean }).__crashNextRun = true));
    const before = await runCount();
    await page.fill(`[data-lever="${INSURANCE}"]`, '1');
    await page.waitForSelector('[data-status="error"]', { timeout: 30_000 });
    expect(await page.locator('.error-panel').textContent()).toContain('simulated worker crash');
    // The last good result stays on screen.
    expect(await page.locator('[data-chart="rates"] svg').count()).toBeGreaterThan(0);
    await setLever(INSURANCE, 3);
    expect(await runCount()).toBeGreaterThan(before);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('idle');
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('3');
  });

  it('refuses an invalid import with the engine’s messages and keeps the scenario', async () => {
    const bad = { version: 1, id: 'Bad Id', baseYear: 'x' };
    const file = resolve(OUT, 'bad-scenario.json');
    writeFileSync(file, JSON.stringify(bad));
    await page.setInputFiles('[data-import]', file);
    const notice = page.locator('.notice-error');
    await notice.waitFor({ timeout: 30_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('导入失败');
    expect(text).toMatch(/\/baseYear: /);
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('3');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.waitForSelector('text=Resident urbanisation rate');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: resolve(OUT, 'workspace-en.png') });
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.waitForSelector('text=常住人口城镇化率');
  });

  it('lists the tasks of the document and opens a task’s lever in the workspace', async () => {
    await page.getByRole('link', { name: '任务分工' }).click();
    await page.waitForSelector('[data-task]');
    expect(await page.locator('[data-task]').count()).toBe(20);
    await page.screenshot({ path: resolve(OUT, 'tasks.png') });
    const link = page.locator('[data-task] .task-levers button').first();
    await link.click();
    await page.waitForSelector('.lever.is-focused, [data-chart="rates"]');
    expect(page.url()).toContain('#/workspace');
  });

  it('saves to the library and compares two scenarios against a pinned baseline', async () => {
    await page.getByRole('button', { name: '保存到方案库' }).click();
    await page.fill('.save-form input', '放宽社保年限');
    await page.getByRole('button', { name: '保存到方案库' }).click();
    await page.getByRole('link', { name: '方案库' }).click();
    await page.waitForSelector('[data-library-entry]');
    await page.screenshot({ path: resolve(OUT, 'library.png') });
    await page.getByRole('link', { name: '方案比较' }).click();
    await page.locator('[data-compare-option="preset:changzhou-2016"] input[type=checkbox]').check();
    await page.locator('[data-compare-option="current"] input[type=checkbox]').check();
    await page.waitForSelector('[data-compare-table] tr.is-baseline');
    await page.waitForSelector('[data-compare-table] [data-delta="gapPoints"]', { timeout: 30_000 });
    expect(await page.locator('[data-chart="compare-rates"] svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(OUT, 'compare.png'), fullPage: true });
  });

  it('logs no errors and makes no network request beyond its own files', () => {
    expect(problems.filter((p) => !p.includes('simulated worker crash'))).toEqual([]);
  });
});
