/** `gap`: the resident rate minus the hukou rate, in percentage points, with the document's gap targets. */
import * as Plot from '@observablehq/plot';
import type { TargetResult } from '../../scenario/targets';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import { RATE_COLORS } from './palette';
import { baseYearMarks, comparatorSign } from './rates';
import { fileNote, sourceLine, stocksNote } from './source';
import { seriesTable } from './table';
import type { ChartContext, ChartSpec } from './types';
import { fmt, unitOf, withUnit } from './units';
import { by, describeSeries } from './words';

const COLOR = RATE_COLORS.gap;
const TARGET_COLOR = '#0072B2';

const gapName = (ctx: ChartContext) => by(ctx.lang, '两率差距（常住减户籍）', 'Gap (resident minus hukou rate)');

export const gapTargets = (ctx: ChartContext): TargetResult[] =>
  ctx.result.targets.filter((t) => t.metric === 'gapPoints');

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang, result } = ctx;
  const unit = unitOf('points', lang);
  const rows = result.years.map((year, i) => ({ year, gap: result.series.gapPoints[i] }));
  const targets = gapTargets(ctx);
  const hi = maxOf([...rows.map((r) => r.gap), ...targets.map((t) => t.target)]);
  const lo = Math.min(0, ...rows.map((r) => r.gap ?? 0));
  const legend: LegendItem[] = [{ label: gapName(ctx), color: COLOR, kind: 'line' }];
  if (targets.length) legend.push({ label: by(lang, '目标', 'Target'), color: TARGET_COLOR, kind: 'target' });
  const label = (t: TargetResult) =>
    by(
      lang,
      `目标 ${comparatorSign(t.comparator)}${fmt(t.target, 1)}个百分点（${t.year}年）`,
      `Target ${comparatorSign(t.comparator)}${fmt(t.target, 1)} pp (${t.year})`,
    );
  return frame({
    ctx,
    width,
    y: { label: withUnit(by(lang, '差距', 'Gap'), unit.label, lang), domain: [lo, hi * 1.12], nice: true, grid: true },
    marks: [
      Plot.areaY(rows, { x: 'year', y: 'gap', fill: COLOR, fillOpacity: 0.12 }),
      Plot.ruleY([0]),
      ...baseYearMarks(ctx),
      ...targets.flatMap((t) => [
        Plot.ruleY([t.target], { stroke: TARGET_COLOR, strokeDasharray: '5,4', strokeWidth: 1.2 }),
        Plot.dot([t], { x: 'year', y: 'target', symbol: 'diamond2', r: 6, stroke: TARGET_COLOR, strokeWidth: 2 }),
        Plot.text([t], {
          x: 'year',
          y: 'target',
          text: label,
          dy: 14,
          fill: TARGET_COLOR,
          stroke: 'white',
          strokeWidth: 3,
          title: (d: TargetResult) => (lang === 'en' && d.labelEn) || d.label,
        }),
      ]),
      Plot.line(rows, { x: 'year', y: 'gap', stroke: COLOR, strokeWidth: 2.5 }),
      Plot.dot(rows, {
        x: 'year',
        y: 'gap',
        r: 2.5,
        fill: COLOR,
        title: (d: { year: number; gap: number | null }) =>
          d.gap === null ? '' : by(lang, `${d.year}年：${fmt(d.gap, 1)} 个百分点`, `${d.year}: ${fmt(d.gap, 1)} pp`),
      }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: describeSeries(ctx, gapName(ctx), result.series.gapPoints, unit),
  });
}

const title = (ctx: ChartContext) =>
  by(ctx.lang, '户籍人口与常住人口城镇化率的差距', 'Gap between the resident and hukou urbanisation rates');

export const gapChart: ChartSpec = {
  id: 'gap',
  title,
  unit: (ctx) => unitOf('points', ctx.lang).label,
  source: (ctx) =>
    sourceLine(
      ctx,
      stocksNote(ctx),
      by(ctx.lang, '差距 = 常住人口城镇化率 − 户籍人口城镇化率。', 'Gap = resident rate − hukou rate.'),
      fileNote(ctx),
    ),
  available: (ctx) => ctx.result.years.length > 0,
  render,
  table: (ctx) =>
    seriesTable(ctx, [
      { name: gapName(ctx), unit: unitOf('points', ctx.lang), values: ctx.result.series.gapPoints },
      {
        name: by(ctx.lang, '目标', 'Target'),
        unit: unitOf('points', ctx.lang),
        values: ctx.result.years.map((y) => gapTargets(ctx).find((t) => t.year === y)?.target ?? null),
      },
    ]),
};
