/**
 * The finance bureau's screen in headless Chromium: the cumulative net burden, cost and transfers over the
 * document's period; the finance panel's inputs moving them; a payer share taking its part from the
 * others; a row reset; the per-settler chart saying what it counts; the nation with its reward fund; the
 * brief carrying the same figures.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, nextRun as nextRunOf, runCount as runCountOf, watchedPage } from './chromium';

const EDUCATION_PRIMARY = '/fiscal/components/2/amount/0/value';
const INFRA_MUNICIPAL = '/fiscal/components/0/payers/municipal';
const INFRA_COUNTY = '/fiscal/components/0/payers/county';

describe('finance screen', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  const runCount = () => runCountOf(page);
  const nextRun = (after: number) => nextRunOf(page, after);
  const figure = async (id: string) => Number(await page.getAttribute(`[data-figure="${id}"]`, 'data-value'));
  const input = (pointer: string) => page.locator(`[data-fiscal-input="${pointer}"]`);
  const setInput = async (pointer: string, value: number) => {
    const before = await runCount();
    await input(pointer).fill(String(value));
    await nextRun(before);
  };

  beforeAll(async () => {
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/workspace?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-figure="net-burden-cumulative"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the cumulative cost, transfers and net burden over the document’s period, in 亿元', async () => {
    const text = await page.locator('.fiscal-summary').innerText();
    expect(text).toContain('2016–2020');
    expect(text).toContain('亿元');
    const [cost, transfers, net] = await Promise.all([
      figure('cost-cumulative'),
      figure('transfers-cumulative'),
      figure('net-burden-cumulative'),
    ]);
    expect(cost).toBeGreaterThan(0);
    expect(transfers).toBeGreaterThan(0);
    // The net burden is the city's and counties' share of the cost less what they receive: below the cost.
    expect(net).toBeLessThan(cost);
    expect(net).toBeGreaterThan(0);
  });

  it('offers every component’s unit cost, take-up and payer shares as inputs, each with its source', async () => {
    const rows = page.locator('[data-fiscal-component]');
    expect(await rows.count()).toBe(8);
    expect(await page.locator('[data-fiscal-input]').count()).toBeGreaterThan(8 * 8);
    expect(await input(EDUCATION_PRIMARY).inputValue()).toBe('8838.44');
    await page.locator('[data-fiscal-component="compulsory-education"] details.fiscal-source summary').click();
    expect(
      await page.locator('[data-fiscal-component="compulsory-education"] details.fiscal-source p').innerText(),
    ).toMatch(/8838\.44|8,838\.44/);
    // Unit costs do not crowd the lever panel.
    expect(await page.locator(`[data-lever="${EDUCATION_PRIMARY}"]`).count()).toBe(0);
  });

  it('moves the net burden when a unit cost changes, and a row reset brings it back', async () => {
    const before = await figure('net-burden-cumulative');
    const costBefore = await figure('cost-cumulative');
    await setInput(EDUCATION_PRIMARY, 20_000);
    const after = await figure('net-burden-cumulative');
    expect(after).toBeGreaterThan(before);
    expect(await figure('cost-cumulative')).toBeGreaterThan(costBefore);
    const row = page.locator('[data-fiscal-component="compulsory-education"]');
    expect(await row.locator('.fiscal-input.is-edited').count()).toBe(1);
    const n = await runCount();
    await page.click('[data-fiscal-reset="compulsory-education"]');
    await nextRun(n);
    expect(await figure('net-burden-cumulative')).toBeCloseTo(before, 0);
    expect(await input(EDUCATION_PRIMARY).inputValue()).toBe('8838.44');
  });

  it('takes a payer share’s change from the other payers, so the row still adds up to 100 %', async () => {
    expect(await input(INFRA_MUNICIPAL).inputValue()).toBe('60');
    const net = await figure('net-burden-cumulative');
    await setInput(INFRA_MUNICIPAL, 80);
    expect(await input(INFRA_COUNTY).inputValue()).toBe('20');
    // Municipal and county both count in the net burden: moving between them leaves it.
    expect(await figure('net-burden-cumulative')).toBeCloseTo(net, 0);
    await setInput('/fiscal/components/0/payers/central', 50);
    // The central half comes off the local budgets in proportion (80:20 → 40:10).
    expect(await input(INFRA_MUNICIPAL).inputValue()).toBe('40');
    expect(await input(INFRA_COUNTY).inputValue()).toBe('10');
    expect(await figure('net-burden-cumulative')).toBeLessThan(net);
  });

  it('says under the per-settler chart what "per settler" counts and how rewards taper', async () => {
    const caption = await page.locator('[data-chart-caption="per-settler"]').innerText();
    expect(caption).toContain('落户当年100%、第2年50%、第3年25%');
    expect(caption).toContain('退坡');
    expect(caption).toContain('基础设施');
  });

  it('gives the nation its reward fund as published', async () => {
    const n = await runCount();
    await page.selectOption('[data-preset-select]', 'china-2015');
    await nextRun(n);
    await page.waitForSelector('[data-figure="transfers-cumulative"]');
    expect(await page.locator('[data-chart-caption="per-settler"]').innerText()).toContain(
      '2019–2022年的奖励为公布的奖励资金总额',
    );
    expect(await figure('transfers-cumulative')).toBeGreaterThan(3e10 + 3.5e10);
  });

  it('carries the cumulative figures into the brief', async () => {
    await page.goto(baseUrl + '/#/brief');
    await page.waitForSelector('[data-status="idle"] [data-brief] [data-figure="net-burden-cumulative"]', {
      timeout: 30_000,
    });
    expect(await page.locator('[data-brief] .fiscal-summary').innerText()).toContain('亿元');
    expect(problems).toEqual([]);
  });
});
