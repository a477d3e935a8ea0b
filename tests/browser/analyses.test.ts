/**
 * The Analyses screen in headless Chromium, as a planner uses it on the default scenario (常州 2016, in
 * Chinese): a Monte Carlo run with progress, target probabilities and a fan chart that also joins the
 * workspace, repeatable with the same seed and cancellable; a tornado for the 2020 gap; goal seek that
 * says when a target is out of reach and otherwise hands its setting to the workspace (after which the
 * earlier results are marked stale); calibration with its chart, the calibrated scenario to download or
 * open; the evaluation table; the back-test card among them (tests/browser/backtest.test.ts tries it in
 * full); English headings. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goalSeek } from '../../src/analysis/goal-seek';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { analysesPage, csvFields, KINDS, type HukouWindow } from './analyses-page';
import { launch, settled, watchedPage } from './chromium';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-results');
const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';
const TARGETS = ['resident-rate-2020', 'gap-2020'];
const INFLOW = '/migration/inflow/persons';
const INTENSITY = '/migration/ruralToUrban/intensity';

describe('analyses', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  const { section, finished, run, nav, probabilities, download } = analysesPage(() => page, OUT);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launch();
    page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/#/analyses?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-analysis="uncertainty"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the seven analyses in Chinese, none run yet', async () => {
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh/);
    expect(await page.locator('h1#analyses-title').innerText()).toBe('分析');
    for (const kind of KINDS) expect(await section(kind).count(), kind).toBe(1);
    expect(await page.locator('[data-target-probability], [data-stale], [data-analysis-error]').count()).toBe(0);
    // The hooks of INTERFACES.md: every card says its status and has one run button.
    for (const kind of KINDS) {
      expect(await section(kind).getAttribute('data-analysis-status'), kind).toBe('idle');
      expect(await section(kind).locator('[data-action="run"]').count(), kind).toBe(1);
    }
  });

  it('uncertainty: progress while running, probabilities and a fan chart, also in the workspace', async () => {
    await page.fill('[data-analysis-runs]', '60');
    await page.fill('[data-analysis-seed]', '3');
    // The run may finish before a poll would see it: an observer notes any progress bar that appears.
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      const root = document.querySelector('[data-analysis="uncertainty"]')!;
      new MutationObserver(() => {
        if (root.querySelector('progress')) w.__sawProgress = true;
      }).observe(root, { childList: true, subtree: true });
    });
    await run('uncertainty', 'uncertainty', 'uncertainty');
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    expect(await section('uncertainty').getAttribute('data-analysis-status')).toBe('done');
    // The final state: no progress bar, the button usable again, a probability in [0, 1] per target.
    expect(await section('uncertainty').locator('progress').count()).toBe(0);
    expect(await page.isEnabled('[data-run="uncertainty"]')).toBe(true);
    const p = await probabilities();
    expect(Object.keys(p).sort()).toEqual([...TARGETS].sort());
    for (const id of TARGETS) {
      expect(p[id], id).toMatch(/^\d/);
      expect(Number(p[id])).toBeGreaterThanOrEqual(0);
      expect(Number(p[id])).toBeLessThanOrEqual(1);
    }
    expect(await section('uncertainty').locator('[data-chart="fan"] svg').count()).toBe(1);
    expect(await section('uncertainty').locator('[data-chart="fan"] h3').innerText()).toContain('60 次模拟');

    await nav('工作台', 'workspace');
    await page.waitForSelector('[data-status="idle"] [data-chart="fan"] svg');
    expect(await page.locator('[data-chart="rates"] svg').count()).toBe(1);
    await nav('分析', 'analyses');
    await page.waitForSelector('[data-analysis="uncertainty"] [data-chart="fan"] svg');
  });

  it('uncertainty: the same seed gives the same result; a cancelled run says so without an error', async () => {
    const first = await probabilities();
    const bands = () =>
      page.evaluate(() =>
        JSON.stringify(
          (
            (window as unknown as HukouWindow).__hukou.store.getState().slots.uncertainty.result as {
              percentiles: unknown;
            }
          ).percentiles,
        ),
      );
    const firstBands = await bands();
    // The form does not survive leaving the screen (it starts again at 500 runs, seed 1): set it again.
    await page.fill('[data-analysis-runs]', '60');
    await page.fill('[data-analysis-seed]', '3');
    await run('uncertainty', 'uncertainty', 'uncertainty');
    expect(await probabilities()).toEqual(first);
    expect(await bands()).toBe(firstBands);

    await page.fill('[data-analysis-runs]', '2000');
    await page.click('[data-run="uncertainty"]');
    await page.click('[data-analysis="uncertainty"] [data-cancel]', { timeout: 5_000 });
    expect(await finished('uncertainty', 15_000)).toBe('cancelled');
    await section('uncertainty').getByText('已取消').waitFor();
    expect(await section('uncertainty').locator('[data-analysis-error], progress').count()).toBe(0);
    expect(await page.isEnabled('[data-run="uncertainty"]')).toBe(true);
    // After a cancel the next run works, and gives the same numbers again.
    await page.fill('[data-analysis-runs]', '60');
    await run('uncertainty', 'uncertainty', 'uncertainty');
    expect(await probabilities()).toEqual(first);
    expect(await bands()).toBe(firstBands);
  });

  it('uncertainty: a run started, the screen left and come back to, can still be cancelled', async () => {
    await page.fill('[data-analysis-runs]', '5000');
    await page.click('[data-analysis="uncertainty"] [data-action="run"]');
    await page.waitForSelector('[data-analysis="uncertainty"][data-analysis-status="running"]');
    await nav('工作台', '');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"]');
    await nav('分析', 'analyses');
    expect(await section('uncertainty').getAttribute('data-analysis-status')).toBe('running');
    await page.click('[data-analysis="uncertainty"] [data-action="cancel"]', { timeout: 5_000 });
    expect(await finished('uncertainty', 15_000)).toBe('cancelled');
    await page.waitForSelector('[data-analysis="uncertainty"][data-analysis-status="cancelled"]');
    expect(await page.isEnabled('[data-analysis="uncertainty"] [data-action="run"]')).toBe(true);
    // The workers stopped: no progress arrives after the cancel.
    const done = await page.evaluate(
      () => (window as unknown as HukouWindow).__hukou.store.getState().slots.uncertainty.done,
    );
    await page.waitForTimeout(1500);
    expect(
      await page.evaluate(() => (window as unknown as HukouWindow).__hukou.store.getState().slots.uncertainty.done),
    ).toBe(done);
  });

  it('sensitivity: a tornado of the 2020 gap, the longest swing first', async () => {
    await page.selectOption('[data-sensitivity-year]', '2020');
    await page.selectOption('[data-sensitivity-metric]', 'gapPoints');
    expect(await page.locator('[data-sensitivity-metric] option:checked').innerText()).toBe('两率差距');
    await run('sensitivity', 'sensitivity', 'sensitivity');
    const card = section('sensitivity').locator('[data-chart="tornado"]');
    await card.locator('svg').first().waitFor();
    const title = await card.locator('h3').innerText();
    expect(title).toContain('2020');
    expect(title).toContain('两率差距');
    // Plot draws each bar mark's rectangles in a group labelled "bar"; a low and a high end per item.
    const bars = await card.locator('svg g[aria-label="bar"] rect').count();
    expect(bars).toBeGreaterThanOrEqual(5);

    const csv = await download(() => card.locator('[data-export="csv"]').click());
    expect(csv.name).toBe('changzhou-2016-tornado.csv');
    const lines = csv.text.replace(/^\ufeff/, '').split(/\r?\n/);
    expect(lines[0]).toBe(title);
    expect(csvFields(lines[2])).toEqual(['杠杆或假设', '下限', '上限', '下限时取值', '上限时取值', '摆幅']);
    const rows = lines.slice(3, lines.indexOf('', 3)).map(csvFields);
    expect(rows.length).toBeGreaterThanOrEqual(bars / 2);
    const swings = rows.map((r) => Math.abs(Number(r[5]))).filter(Number.isFinite);
    expect(swings.length).toBeGreaterThanOrEqual(5);
    expect(swings[0]).toBeGreaterThan(0);
    expect(swings[0]).toBe(Math.max(...swings));
    // Every row's swing is the distance between its two ends.
    for (const r of rows.filter((row) => row[3] !== '' && row[4] !== ''))
      expect(Math.abs(Number(r[5])), r[0]).toBeCloseTo(Math.abs(Number(r[4]) - Number(r[3])), 2);
  });

  it('goal seek: an unreachable target says so; a reachable one goes to the workspace and stales the rest', async () => {
    await page.selectOption('[data-goal-lever]', INSURANCE);
    await page.selectOption('[data-goal-target]', 'gap-2020');
    await run('goal-seek', 'goalSeek', 'goal-seek');
    const result = page.locator('[data-goal-result]');
    // No social-insurance requirement (0–16 years) brings the 2020 gap down to 5 points.
    expect(await result.getAttribute('data-achieved')).toBe('false');
    const message = await result.innerText();
    expect(message).toMatch(/✗/);
    expect(message).toMatch(/[\u4e00-\u9fff]{4,}/);
    // The lever by its label, not its JSON Pointer.
    expect(message).toContain('社保缴纳年限');
    expect(message).not.toContain(INSURANCE);
    expect(await page.locator('[data-apply-goal]').count()).toBe(0);

    const levers = await page
      .locator('[data-goal-lever] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const speed = levers.find((v) => v.includes('/willingness/speed/core'));
    expect(speed).toBeDefined();
    await page.selectOption('[data-goal-lever]', speed!);
    // 72% in 2020 is met at every settlement speed, the current one included: the boundary is reported,
    // but there is nothing to apply (it would only weaken the policy).
    await page.selectOption('[data-goal-target]', 'resident-rate-2020');
    await run('goal-seek', 'goalSeek', 'goal-seek');
    await page.waitForSelector('[data-goal-result][data-achieved="true"]');
    expect(await result.innerText()).toMatch(/当前设定.*已达到目标/);
    expect(await page.locator('[data-apply-goal]').count()).toBe(0);

    // With slower rural → urban migration and no incoming migrants the 2020 target is missed; goal seek
    // finds the inflow that meets it.
    await nav('工作台', 'workspace');
    // The migration levers sit in a collapsed group: open it as a user would.
    await page.click(`details:has([data-lever="${INFLOW}"]) > summary`);
    await page.fill(`[data-lever="${INTENSITY}"]`, '0.04');
    await page.waitForSelector(`[data-lever-row="${INTENSITY}"].is-edited`);
    await settled(page);
    await page.fill(`[data-lever="${INFLOW}"]`, '0');
    await page.waitForSelector(`[data-lever-row="${INFLOW}"].is-edited`);
    await settled(page);
    expect(await page.getAttribute('[data-target="resident-rate-2020"]', 'data-met')).toBe('false');
    await nav('分析', 'analyses');
    await page.selectOption('[data-goal-lever]', INFLOW);
    await page.selectOption('[data-goal-target]', 'resident-rate-2020');
    await run('goal-seek', 'goalSeek', 'goal-seek');
    await page.waitForSelector('[data-goal-result][data-achieved="true"]');
    const value = await result.getAttribute('data-value');
    expect(Number(value)).toBeGreaterThan(0);
    expect(await result.innerText()).toMatch(/✓/);

    await page.click('[data-apply-goal]');
    await page.waitForFunction(() => location.hash.startsWith('#/workspace'));
    await settled(page);
    expect(Number(await page.inputValue(`[data-lever="${INFLOW}"]`))).toBe(Number(value));
    // Fed back, the answer meets the target.
    expect(await page.getAttribute('[data-target="resident-rate-2020"]', 'data-met')).toBe('true');
    // The fan chart belonged to the earlier setting: the workspace no longer shows it.
    expect(await page.locator('[data-chart="fan"]').count()).toBe(0);

    await nav('分析', 'analyses');
    for (const kind of ['uncertainty', 'sensitivity', 'goal-seek'] as const)
      expect(await section(kind).locator('[data-stale]').count(), kind).toBe(1);
    // A stale result is not shown as if it were current.
    expect(await page.locator('[data-target-probability], [data-chart="tornado"], [data-goal-result]').count()).toBe(0);
  });

  it('calibration: a fit with its chart, the calibrated scenario to download and to open', async () => {
    const unknowns = await section('calibration').locator('.param-list li').count();
    expect(unknowns).toBeGreaterThan(0);
    await run('calibrate', 'calibration', 'calibration');
    const rmse = Number(await page.getAttribute('[data-rmse]', 'data-rmse'));
    expect(Number.isFinite(rmse)).toBe(true);
    expect(rmse).toBeGreaterThan(0);
    await section('calibration').locator('[data-chart="calibration"] svg').first().waitFor();
    const fitted = await page
      .locator('[data-calibrated]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-calibrated')!, e.textContent ?? '']));
    expect(fitted).toHaveLength(unknowns);
    for (const [pointer, text] of fitted) {
      expect(pointer).toMatch(/^\//);
      expect(Number.isFinite(Number(text)), `${pointer}: ${text}`).toBe(true);
    }

    const file = await download(() => page.click('[data-export-calibrated]'));
    expect(file.name).toBe('changzhou-2016-calibrated.json');
    const doc = JSON.parse(file.text) as { id: string; include?: unknown; sources: Record<string, string> };
    expect(doc.id).toBe('changzhou-2016');
    expect(doc).not.toHaveProperty('include');
    const sources = Object.entries(doc.sources);
    for (const [pointer] of fitted) expect(doc.sources[pointer], pointer).toMatch(/^calibrated: /);
    expect(sources.some(([, s]) => s.startsWith('calibrated:'))).toBe(true);

    await page.click('[data-open-calibrated]');
    await page.waitForFunction(() => location.hash.startsWith('#/workspace'));
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('idle');
    expect(await page.locator('.error-panel').count()).toBe(0);
    expect(await page.locator('[data-preset-select] option:checked').innerText()).toContain(
      'changzhou-2016-calibrated.json',
    );
    // A fitted value that is also a lever (the reclassification rate, fitted as a value, not a factor)
    // shows in the workspace, to the precision shown beside it on the Analyses screen.
    const reclassification = fitted.find(([p]) => p === '/migration/reclassification/rate');
    expect(reclassification).toBeDefined();
    expect(Number(await page.inputValue('[data-lever="/migration/reclassification/rate"]'))).toBeCloseTo(
      Number(reclassification![1]),
      4,
    );
  });

  it('evaluation: observed against projected, every Changzhou row comparable', async () => {
    // Back to the preset itself.
    await page.selectOption('[data-preset-select]', 'changzhou-2016');
    await settled(page);
    await nav('分析', 'analyses');
    await run('evaluation', 'evaluation', 'evaluation');
    const rows = page.locator('[data-evaluation] tbody tr[data-comparable]');
    expect(await rows.count()).toBeGreaterThan(5);
    // The trust summary above the table: base year by construction, the fit since, the inputs.
    expect(await page.innerText('[data-trust-base]')).toContain('由构造保证');
    expect(await page.innerText('[data-trust-fit="residentUrbanRate"]')).toMatch(/平均相差 \d+\.\d 个百分点/);
    expect(await page.innerText('[data-trust-inputs]')).toMatch(/\d+ 项注明出处.*\d+ 项标注的假设/);
    expect(await page.locator('[data-evaluation] tbody tr[data-comparable="true"]').count()).toBeGreaterThan(0);
    // Changzhou's only hukou figure under another definition (the 2010 census share of non-agricultural
    // hukou) lies before the base year 2015, outside the projection, and the city registers by address
    // throughout (no switch year): so there is no definition break inside the table and no row is
    // marked not comparable. Every row has a projected value and a difference.
    expect(await page.locator('[data-evaluation] tbody tr[data-comparable="false"]').count()).toBe(0);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    for (const c of cells) {
      expect(Number(c[1])).toBeGreaterThanOrEqual(2015);
      expect(c[3], c.join(' | ')).not.toBe('—');
      expect(c[4], c.join(' | ')).not.toBe('—');
    }
    // The 2020 resident rate is a target year.
    const target = cells.find((c) => c[0] === '常住人口城镇化率' && c[1] === '2020');
    expect(target?.[5]).toContain('目标年份');
  });

  it('goal seek against a target of one’s own: the reward per settler that caps the 2020 net burden', async () => {
    await page.selectOption('[data-goal-lever]', '/fiscal/transfers/reward/sameCity');
    await page.selectOption('[data-goal-target]', 'custom');
    await page.selectOption('[data-custom-metric]', 'municipalNetCumulative');
    await page.selectOption('[data-custom-year]', '2020');
    await page.selectOption('[data-custom-comparator]', '<=');
    await page.fill('[data-custom-value]', '135');
    await run('goal-seek', 'goalSeek', 'goal-seek');
    const result = page.locator('[data-goal-result]');
    expect(await result.getAttribute('data-achieved')).toBe('true');
    // The same answer as the engine gives in Node for this target (as the command line, tests/cli).
    const target = {
      id: 'net-2020',
      label: '净负担',
      metric: 'municipalNetCumulative',
      year: 2020,
      comparator: '<=',
      value: 13.5e9,
    };
    const node = goalSeek(DEFAULT_SCENARIO, nodeDataLoader(), [{ pointer: '/targets/1', value: target }], {
      lever: '/fiscal/transfers/reward/sameCity',
      target: 'net-2020',
    });
    expect(node.achieved).toBe(true);
    expect(Number(await result.getAttribute('data-value'))).toBe(node.value);
    expect(await result.innerText()).toContain('135.000亿元');
  });

  it('the whole screen with every analysis fresh; then its headings in English', async () => {
    await page.fill('[data-analysis-runs]', '60');
    await page.fill('[data-analysis-seed]', '3');
    await run('uncertainty', 'uncertainty', 'uncertainty');
    await page.selectOption('[data-sensitivity-year]', '2020');
    await run('sensitivity', 'sensitivity', 'sensitivity');
    await page.selectOption('[data-goal-lever]', INSURANCE);
    await page.selectOption('[data-goal-target]', 'gap-2020');
    await run('goal-seek', 'goalSeek', 'goal-seek');
    await run('calibrate', 'calibration', 'calibration');
    await run('backtest', 'backtest', 'backtest');
    expect(await page.locator('[data-stale], [data-analysis-error]').count()).toBe(0);
    for (const chart of ['fan', 'tornado', 'calibration', 'backtest'])
      expect(await page.locator(`[data-chart="${chart}"] svg`).count(), chart).toBeGreaterThan(0);
    // From the top, so that the sticky toolbar sits there in the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(OUT, 'analyses.png'), fullPage: true });

    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.waitForSelector('h1#analyses-title:text-is("Analyses")');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.analyses h2').allInnerTexts()).toEqual([
      'Uncertainty (Monte Carlo)',
      'Sensitivity (tornado)',
      'Goal seek',
      'Goal seek over several levers',
      'Calibration',
      'Back-test',
      'Evaluation: observed against projected',
    ]);
    expect(await page.locator('[data-run="uncertainty"]').innerText()).toBe('Run');
    expect(await page.locator('[data-evaluation] thead').innerText()).toContain('Observed');
    expect(await page.locator('[data-backtest-table] thead').innerText()).toMatch(
      /Mean absolute error[\s\S]*Skill score/,
    );
    expect(await page.locator('[data-chart="backtest"] h3').innerText()).toMatch(/^Back-test from 201\d: /);
    expect(await page.locator('[data-chart="fan"] h3').innerText()).toMatch(/^Urbanisation rates under uncertainty/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(OUT, 'analyses-en.png'), fullPage: true });
  });

  it('logs no errors and makes no network request beyond its own files', () => {
    expect(problems).toEqual([]);
  });
});
