// @vitest-environment jsdom
/**
 * The back-test chart drawn from a real back-test of Changzhou from 2017: an svg with its legend inside,
 * no inline style (the page's CSP), the origin marked, a table of the visible and hidden values behind it
 * and a well-formed export, in Chinese and English.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../../src/analysis/backtest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { backtestChart, metricUnit } from '../../src/ui/charts/backtest';
import type { ChartContext } from '../../src/ui/charts/types';
import { chartCsvText, chartSvgText } from '../../src/ui/export/chart-export';

const load = nodeDataLoader();
let ctx: ChartContext;

beforeAll(() => {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
  const reply = replyTo(raw, load);
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  const view = backtest(raw, load, [], { origin: 2017, maxEvaluations: 30 });
  ctx = {
    result: reply.result,
    view: reply.view,
    meta: reply.meta,
    lang: 'zh',
    year: 2020,
    backtest: { view, metric: 'residentPop' },
  };
}, 60_000);

const svgOf = (c: ChartContext) => {
  const el = backtestChart.render(c, 640);
  return el instanceof SVGSVGElement ? el : el.querySelector('svg')!;
};

describe('the back-test chart', () => {
  it('is available for a metric with hidden observations only', () => {
    expect(backtestChart.available(ctx)).toBe(true);
    expect(backtestChart.available({ ...ctx, backtest: undefined })).toBe(false);
    expect(backtestChart.available({ ...ctx, backtest: { ...ctx.backtest!, metric: 'hukouUrbanRate' } })).toBe(false);
  });

  it('draws an svg with its legend inside, the origin marked, no inline style and no NaN', () => {
    const svg = svgOf(ctx);
    const legend = [...svg.querySelectorAll('.chart-legend text')].map((t) => t.textContent);
    expect(legend).toEqual(['可见观测值（起点及以前）', '被隐藏的观测值（起点之后）', '模型', '末值外推', '线性趋势']);
    expect(svg.textContent).toContain('起点 2017');
    expect(svg.textContent).toContain('常住人口（万人）');
    expect(svg.outerHTML).not.toMatch(/NaN/);
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelector('[style]')).toBeNull();
    expect(backtestChart.title(ctx)).toBe('回测（起点 2017 年）：常住人口');
    expect(backtestChart.unit(ctx)).toBe('万人');
  });

  it('exports a well-formed SVG and a CSV of the visible and hidden values', () => {
    const text = chartSvgText(backtestChart, ctx, 640);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const table = backtestChart.table(ctx);
    const m = ctx.backtest!.view.metrics.residentPop;
    expect(table.rows.length).toBe(m.visible.years.length + m.years.length);
    const hidden = table.rows.filter((r) => r[2] === '否');
    expect(hidden.map((r) => r[0])).toEqual(m.years);
    expect(hidden[0][1]).toBeCloseTo(m.observed[0] / 1e4, 4);
    const csv = chartCsvText(backtestChart, ctx).replace(/^\ufeff/, '');
    expect(csv).toContain(table.columns.join(','));
  });

  it('speaks English, with rates in % and their errors in percentage points', () => {
    const en: ChartContext = { ...ctx, lang: 'en', backtest: { ...ctx.backtest!, metric: 'residentUrbanRate' } };
    expect(backtestChart.title(en)).toBe('Back-test from 2017: Resident urbanisation rate');
    expect(svgOf(en).textContent).toContain('Last value carried forward');
    expect(metricUnit('residentUrbanRate', 'en')).toMatchObject({ label: '%', errorLabel: 'percentage points' });
    expect(metricUnit('gapPoints', 'zh')).toMatchObject({ label: '个百分点' });
    expect(metricUnit('hukouPop', 'zh')).toMatchObject({ label: '万人', per: 1e4 });
  });
});
