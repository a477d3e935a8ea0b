/**
 * The back-test card (回测) in headless Chromium on the 常州 document preset (changzhou-2016, opened by its link `?p=`, in Chinese): from an
 * origin chosen in the card, the run in a worker with its status on the card, the table of errors and
 * skill marked better or worse than the naive forecasts, the chart of one metric, the skill in the trust
 * summary above the evaluation table, a cancelled run, and the origin at the base year (nothing to fit).
 * A screenshot of the card goes to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');

interface HukouWindow {
  __hukou: { store: { getState(): { slots: Record<string, { status: string; result: unknown }> } } };
}

describe('back-test card', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  const status = () =>
    page.evaluate(() => (window as unknown as HukouWindow).__hukou.store.getState().slots.backtest.status);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/analyses?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-analysis="backtest"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('from 2017: errors and skill against the naive forecasts, a chart, the skill in the trust summary', async () => {
    // The trust summary sits above the evaluation table: evaluate first.
    await page.click('[data-run="evaluation"]');
    await page.waitForSelector('[data-trust]');
    const card = page.locator('[data-analysis="backtest"]');
    expect(await card.getAttribute('data-analysis-status')).toBe('idle');
    expect(await card.locator('h2').innerText()).toBe('回测');
    // The origin defaults to the base year; an origin after it calibrates on what was known by then.
    expect(await card.locator('[data-backtest-origin]').inputValue()).toBe('2015');
    await card.locator('[data-backtest-origin]').selectOption('2017');
    await card.locator('[data-action="run"]').click();
    await page.waitForSelector('[data-analysis="backtest"][data-analysis-status="done"]', { timeout: 45_000 });
    expect(await status()).toBe('done');
    expect(await card.locator('[data-analysis-error], progress').count()).toBe(0);
    expect(await card.locator('[data-backtest-calibration]').getAttribute('data-fitted')).toBe('true');
    expect(await card.locator('[data-backtest-calibration]').innerText()).toMatch(/校准只用 2017 年及以前/);

    const head = await card.locator('[data-backtest-table] thead').innerText();
    for (const word of ['平均绝对误差', '模型', '末值外推', '线性趋势', '技能分数']) expect(head).toContain(word);
    const rows = card.locator('[data-backtest-table] tbody tr[data-backtest-metric]');
    const metrics = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-backtest-metric')));
    expect(metrics).toEqual(
      expect.arrayContaining(['residentUrbanRate', 'hukouUrbanRate', 'gapPoints', 'residentPop']),
    );
    // 常州's resident population and rate are observed after 2017 in the bulletins' vintage (2018; the 2020
    // census is another vintage and left out): scored.
    const pop = card.locator('[data-backtest-metric="residentPop"]');
    const skill = Number(await pop.getAttribute('data-skill'));
    expect(Number.isFinite(skill)).toBe(true);
    expect(await pop.getAttribute('data-verdict')).toBe(skill > 0 ? 'better' : 'worse');
    expect(await pop.innerText()).toMatch(/2018/);
    expect(await pop.innerText()).not.toMatch(/2020/);
    expect(await pop.innerText()).toMatch(/\d+\.\d\d 万人/);
    expect(await pop.innerText()).toMatch(skill > 0 ? /✓ 优于朴素预测/ : /✗ 不及朴素预测/);
    const rate = card.locator('[data-backtest-metric="residentUrbanRate"]');
    expect(await rate.innerText()).toMatch(/\d+\.\d\d 个百分点/);
    // No hukou rate under the projection's definition is observed after 2017: no skill, and the row says why.
    expect(await card.locator('[data-backtest-metric="hukouUrbanRate"]').getAttribute('data-verdict')).toBe('none');
    expect(await card.locator('[data-backtest-metric="hukouUrbanRate"]').innerText()).toContain('无被隐藏的可比观测值');

    const chart = card.locator('[data-chart="backtest"]');
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('h3').innerText()).toMatch(/^回测（起点 2017 年）：/);
    const legend = await chart
      .locator('svg .chart-legend text')
      .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
    expect(legend).toEqual(expect.arrayContaining(['模型', '末值外推', '线性趋势']));
    expect(await chart.locator('.chart-source').innerText()).toContain('被隐藏');
    await card.locator('[data-backtest-chart-metric]').selectOption('residentPop');
    await page.waitForFunction(() =>
      document.querySelector('[data-chart="backtest"] h3')?.textContent?.endsWith('常住人口'),
    );
    expect(await chart.locator('.chart-unit').innerText()).toContain('万人');
    // The hidden observations are drawn: one dot per hidden year of the scored vintage (2018) in the hidden
    // layer (black).
    expect(await chart.locator('svg g[aria-label="dot"][fill="#000000"] circle').count()).toBe(1);

    // The trust summary above the evaluation table now carries the out-of-sample skill.
    const trust = page.locator('[data-trust-backtest="2017"]');
    await trust.waitFor();
    expect(await trust.innerText()).toMatch(/^回测（起点 2017）技能分数：.*常住人口 −?\d\.\d\d/);

    // A second run can be cancelled: the card says so and keeps the last complete result.
    await card.locator('[data-backtest-origin]').selectOption('2016');
    // Run and cancel from inside the page, on the first frame that shows the cancel button: a back-test can
    // finish within a second, sooner than a click from outside reliably lands on a running job.
    await page.evaluate(async () => {
      const host = document.querySelector('[data-analysis="backtest"]')!;
      (host.querySelector('[data-action="run"]') as HTMLButtonElement).click();
      for (let i = 0; i < 600; i++) {
        const cancel = host.querySelector<HTMLButtonElement>('[data-action="cancel"]');
        if (cancel) return cancel.click();
        await new Promise((r) => requestAnimationFrame(r));
      }
      throw new Error('the cancel button never showed while the back-test ran');
    });
    await page.waitForSelector('[data-analysis="backtest"][data-analysis-status="cancelled"]', { timeout: 15_000 });
    await card.getByText('已取消；下面仍是上一次完整的结果。').waitFor();
    expect(await card.locator('[data-backtest-table]').count()).toBe(1);
    await card.screenshot({ path: resolve(OUT, 'analyses-backtest.png') });
  });

  it('from the base year: nothing visible to calibrate on, said so; the naive forecasts still scored', async () => {
    const card = page.locator('[data-analysis="backtest"]');
    await card.locator('[data-backtest-origin]').selectOption('2015');
    await card.locator('[data-action="run"]').click();
    await page.waitForSelector('[data-analysis="backtest"][data-analysis-status="done"]', { timeout: 45_000 });
    const cal = card.locator('[data-backtest-calibration]');
    expect(await cal.getAttribute('data-fitted')).toBe('false');
    expect(await cal.innerText()).toContain('无可校准');
    expect(await card.locator('[data-backtest-metric="residentPop"]').getAttribute('data-verdict')).toMatch(
      /^(better|worse)$/,
    );
    await page.locator('[data-trust-backtest="2015"]').waitFor();
  });

  it('speaks English', async () => {
    await page.getByRole('button', { name: '切换到英文' }).click();
    const card = page.locator('[data-analysis="backtest"]');
    await card.locator('h2:text-is("Back-test")').waitFor();
    expect(await card.locator('[data-action="run"]').innerText()).toBe('Run back-test');
    const head = await card.locator('[data-backtest-table] thead').innerText();
    for (const word of ['Mean absolute error', 'Model', 'Last value carried forward', 'Linear trend', 'Skill score'])
      expect(head).toContain(word);
    expect(await card.locator('[data-chart="backtest"] h3').innerText()).toMatch(/^Back-test from 2015: /);
    expect(await page.innerText('[data-trust-backtest="2015"]')).toMatch(/^Back-test \(origin 2015\) skill: /);
  });

  it('logs no errors and makes no network request beyond its own files', () => {
    expect(problems).toEqual([]);
  });
});
