/**
 * A city of one's own in the page (issue 16): `npm run city … --scenario` writes a self-contained scenario
 * (the city part travels inside it); the page imports it with 导入 JSON, runs it, keeps it through a reload
 * (the URL holds it), compares it with a preset and briefs it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeMyCityScenario } from '../fixtures/my-city';
import { launch, settled, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';

describe('a city of one’s own in the page', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  let scenarioFile = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // The README's second command, as a user types it in the folder holding the table.
    scenarioFile = writeMyCityScenario('hukou-city-page-');
    // Nothing outside the bundled files is referenced: the city part is inline.
    const written = JSON.parse(readFileSync(scenarioFile, 'utf8')) as { include: unknown[] };
    expect(typeof written.include[0]).toBe('object');
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/workspace');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports the scenario written by npm run city and runs it', async () => {
    await page.setInputFiles('[data-import]', scenarioFile);
    await page.waitForSelector('h1:has-text("某市")', { timeout: 30_000 });
    await settled(page);
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('idle');
    expect(await page.locator('[data-chart="rates"] svg').count()).toBe(1);
    // Its base year is its own (2020), not the template's.
    expect(await page.locator('[data-chart="rates"]').innerText()).toContain('2020');
    // A lever moves it like any preset.
    await page.fill(`[data-lever="${INSURANCE}"]`, '0');
    await page.waitForSelector(`[data-lever-row="${INSURANCE}"].is-edited`);
    await settled(page);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('idle');
    await page.screenshot({ path: resolve(OUT, 'city-import.png') });
  });

  it('survives a reload: the link holds the scenario with its city part', async () => {
    await page.reload();
    await page.waitForSelector('h1:has-text("某市")', { timeout: 30_000 });
    await settled(page);
    expect(await page.inputValue(`[data-lever="${INSURANCE}"]`)).toBe('0');
    expect(await page.locator('.notice-error').count()).toBe(0);
  });

  it('compares with a preset', async () => {
    await page.getByRole('link', { name: '方案比较', exact: true }).click();
    await page.locator('[data-compare-option="current"] input[type=checkbox]').check();
    await page.locator('[data-compare-option="preset:liaoyuan"] input[type=checkbox]').check();
    // Both rows once both runs are in.
    await page.waitForFunction(() => document.querySelectorAll('[data-compare-table] tbody tr').length === 2, null, {
      timeout: 30_000,
    });
    const table = await page.locator('[data-compare-table]').innerText();
    // The workspace's row names the imported city's scenario.
    expect(table).toContain('某市');
    expect(table).toContain('辽源');
  });

  it('briefs it in Chinese', async () => {
    await page.getByRole('link', { name: '简报', exact: true }).click();
    await page.waitForSelector('[data-brief] [data-chart="rates"] svg', { timeout: 30_000 });
    const text = await page.locator('[data-brief]').innerText();
    expect(text).toContain('某市');
    expect(text).not.toContain('常州市户籍制度改革');
    await page.screenshot({ path: resolve(OUT, 'city-import-brief.png'), fullPage: true });
  });

  it('logs no errors', () => {
    expect(problems).toEqual([]);
  });
});
