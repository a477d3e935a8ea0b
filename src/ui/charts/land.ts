/**
 * `land`: new urban construction land tied to settlers (人地挂钩) each year, as bars on the left axis,
 * and its running total as a line on the right axis. The two differ by an order of magnitude, so the
 * cumulative line is drawn at a fixed scale factor with its own, colour-matched axis.
 */
import * as Plot from '@observablehq/plot';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import { LAND_COLORS } from './palette';
import { fileNote, fiscalNote, flowsNote, sourceLine } from './source';
import { seriesTable } from './table';
import type { ChartContext, ChartSpec } from './types';
import { fmt, unitOf, withUnit } from './units';
import { by, describeSeries } from './words';

/** Round tick values (1, 2 or 5 × 10ⁿ steps) from 0 to at least `max`, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

const names = (ctx: ChartContext) => ({
  annual: by(ctx.lang, '当年新增建设用地', 'New construction land in the year'),
  cumulative: by(ctx.lang, '累计新增建设用地', 'Cumulative'),
});

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang, result } = ctx;
  const f = result.fiscal!;
  const unit = unitOf('hectares', lang);
  const n = names(ctx);
  const rows = result.years.map((year, i) => ({ year, annual: f.landHa[i], cumulative: f.landHaCumulative[i] }));
  // Left axis up to the nice ceiling of the bars; the right axis maps its own nice ceiling onto it.
  const leftTicks = niceTicks(maxOf(rows.map((r) => r.annual)));
  const leftTop = leftTicks[leftTicks.length - 1];
  const rightTicks = niceTicks(maxOf(rows.map((r) => r.cumulative)), leftTicks.length - 1);
  const k = rightTicks[rightTicks.length - 1] / leftTop; // cumulative hectares per unit of the left axis
  const legend: LegendItem[] = [
    {
      label: withUnit(n.annual, by(lang, '公顷，左轴', 'ha, left axis'), lang),
      color: LAND_COLORS.annual,
      kind: 'swatch',
    },
    {
      label: withUnit(n.cumulative, by(lang, '公顷，右轴', 'ha, right axis'), lang),
      color: LAND_COLORS.cumulative,
      kind: 'line',
    },
  ];
  return frame({
    ctx,
    width,
    marginLeft: 56,
    marginRight: 60,
    y: { domain: [0, leftTop], ticks: leftTicks, axis: null },
    marks: [
      Plot.gridY(leftTicks, { stroke: '#000', strokeOpacity: 0.1 }),
      Plot.axisY(leftTicks, {
        anchor: 'left',
        tickFormat: (d: number) => fmt(d),
        label: withUnit(n.annual, unit.label, lang),
        color: LAND_COLORS.annual,
      }),
      Plot.axisY(
        rightTicks.map((t) => t / k),
        {
          anchor: 'right',
          tickFormat: (d: number) => fmt(d * k),
          label: withUnit(n.cumulative, unit.label, lang),
          color: LAND_COLORS.cumulative,
        },
      ),
      Plot.rect(rows, {
        x1: (d) => d.year - 0.38,
        x2: (d) => d.year + 0.38,
        y1: 0,
        y2: 'annual',
        fill: LAND_COLORS.annual,
        title: (d: (typeof rows)[number]) => (d.annual === null ? '' : `${d.year}: ${fmt(d.annual, 1)} ${unit.label}`),
      }),
      Plot.ruleY([0]),
      Plot.line(rows, {
        x: 'year',
        y: (d: (typeof rows)[number]) => (d.cumulative === null ? null : d.cumulative / k),
        stroke: LAND_COLORS.cumulative,
        strokeWidth: 2.5,
      }),
      Plot.dot(rows, {
        x: 'year',
        y: (d: (typeof rows)[number]) => (d.cumulative === null ? null : d.cumulative / k),
        r: 2.5,
        fill: LAND_COLORS.cumulative,
        title: (d: (typeof rows)[number]) =>
          d.cumulative === null ? '' : `${d.year} ${n.cumulative}: ${fmt(d.cumulative, 0)} ${unit.label}`,
      }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: [
      describeSeries(ctx, n.annual, f.landHa, unit, 1),
      describeSeries(ctx, n.cumulative, f.landHaCumulative, unit, 0),
    ].join(by(lang, '；', '; ')),
  });
}

const title = (ctx: ChartContext) =>
  by(ctx.lang, '城镇新增建设用地（人地挂钩）', 'New urban construction land (tied to settlers)');

export const landChart: ChartSpec = {
  id: 'land',
  title,
  unit: (ctx) => unitOf('hectares', ctx.lang).label,
  source: (ctx) => {
    const m2 = ctx.result.fiscal?.landM2PerSettler;
    return sourceLine(
      ctx,
      flowsNote(ctx),
      m2 !== undefined && Number.isFinite(m2)
        ? by(
            ctx.lang,
            `按2016年人地挂钩规则，每名新落户人口 ${fmt(m2)} 平方米。`,
            `By the 2016 land-settler linkage rule, ${fmt(m2)} m² per new settler.`,
          )
        : '',
      fiscalNote(ctx),
      fileNote(ctx),
    );
  },
  available: (ctx) => ctx.result.fiscal !== undefined,
  render,
  table: (ctx) => {
    const unit = unitOf('hectares', ctx.lang);
    const f = ctx.result.fiscal!;
    return seriesTable(ctx, [
      { name: names(ctx).annual, unit, values: f.landHa },
      { name: names(ctx).cumulative, unit, values: f.landHaCumulative },
    ]);
  },
};
