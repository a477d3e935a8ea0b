// @vitest-environment jsdom
/**
 * The analysis charts drawn from real analyses of Changzhou: the fan chart of a small Monte Carlo, the
 * tornado of a sensitivity over a few levers, the calibration chart; each an svg with its Chinese
 * labels, a table behind it and a well-formed export.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/analysis/calibrate';
import { sensitivity } from '../../src/analysis/sensitivity';
import { runUncertaintySync } from '../../src/analysis/uncertainty';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { calibrationChart } from '../../src/ui/charts/calibration';
import { fanChart } from '../../src/ui/charts/fan';
import { tornadoChart } from '../../src/ui/charts/tornado';
import type { ChartContext, ChartSpec } from '../../src/ui/charts/types';
import { chartCsvText, chartSvgText } from '../../src/ui/export/chart-export';

const load = nodeDataLoader();
let ctx: ChartContext;

beforeAll(() => {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
  const reply = replyTo(raw, load);
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  const items = [
    '/policy/zones/core/channels/0/conditions/2/years',
    '/policy/channelOverlap',
    '/willingness/serviceSubstitution',
  ];
  ctx = {
    result: reply.result,
    view: reply.view,
    meta: reply.meta,
    lang: 'zh',
    year: 2020,
    uncertainty: runUncertaintySync(raw, load, [], 12, 7),
    sensitivity: sensitivity(raw, load, [], { year: 2020, metric: 'gapPoints', items }),
    calibration: calibrate(raw, load, [], { maxEvaluations: 30 }),
  };
}, 60_000);

const svgOf = (spec: ChartSpec, c: ChartContext) => {
  const el = spec.render(c, 640);
  return el instanceof SVGSVGElement ? el : el.querySelector('svg')!;
};

describe.each([
  ['fan', fanChart, '城镇化率（%）'],
  ['tornado', tornadoChart, '两率差距（个百分点）'],
  ['calibration', calibrationChart, '城镇化率（%）'],
] as const)('the %s chart', (id, spec, axis) => {
  it('is available once its analysis has run, and not before', () => {
    expect(spec.id).toBe(id);
    expect(spec.available(ctx)).toBe(true);
    expect(spec.available({ ...ctx, uncertainty: undefined, sensitivity: undefined, calibration: undefined })).toBe(
      false,
    );
  });

  it('draws an svg with its Chinese axis label and no NaN', () => {
    const svg = svgOf(spec, ctx);
    expect(svg.textContent).toContain(axis);
    expect(svg.outerHTML).not.toMatch(/NaN/);
    expect(svg.querySelector('style')).toBeNull();
  });

  it('exports a well-formed SVG and a CSV with the rows of its table', () => {
    const text = chartSvgText(spec, ctx, 640);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(text).toContain(spec.title(ctx));
    const table = spec.table(ctx);
    expect(table.rows.length).toBeGreaterThan(0);
    const csv = chartCsvText(spec, ctx)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv).toContain(table.columns.join(','));
  });
});

describe('the analysis charts say what they show', () => {
  it('fan: bands of every year, ordered, for both rates', () => {
    const t = fanChart.table(ctx);
    expect(t.rows.length).toBe(ctx.result.years.length);
    for (const row of t.rows) {
      const [, ...v] = row as number[];
      for (const s of [0, 5]) for (let k = 1; k < 5; k++) expect(v[s + k]).toBeGreaterThanOrEqual(v[s + k - 1]);
    }
    expect(fanChart.title(ctx)).toContain('12 次模拟');
  });

  it('tornado: the longest swing first', () => {
    const swings = tornadoChart.table(ctx).rows.map((r) => Math.abs(Number(r[5])));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it('calibration: observed and fitted values in the table, fitted points drawn from the base year on', () => {
    const t = calibrationChart.table(ctx);
    expect(t.rows.some((r) => r[4] === '是')).toBe(true);
    const years = [...svgOf(calibrationChart, ctx).querySelectorAll('[aria-label="x-axis tick label"] text')].map((n) =>
      Number(n.textContent),
    );
    expect(years.length).toBeGreaterThan(2);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(ctx.result.scenario.baseYear);
  });
});
