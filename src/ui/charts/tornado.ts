/**
 * `tornado`: each lever's and assumption's effect on one metric in one year, moved from the low to the
 * high end of its range with everything else held — the sensitivity analysis of MODEL.md §9. Bars run
 * from the base value to the value at each end; the longest bar first.
 */
import * as Plot from '@observablehq/plot';
import { frame } from './frame';
import type { LegendItem } from './legend';
import { OKABE_ITO } from './palette';
import { fileNote, sourceLine } from './source';
import type { ChartContext, ChartSpec, ChartTable } from './types';
import { metricUnitOf, withUnit } from './units';
import { by, metricLabel } from './words';

/** Bars shown; the rest are in the table. */
const SHOWN = 14;
const LOW = OKABE_ITO.blue;
const HIGH = OKABE_ITO.vermillion;

/** The metric's name and displayed unit, from the registry (src/scenario/metrics.ts). */
const words = (ctx: ChartContext) => {
  const m = ctx.sensitivity!.metric;
  const u = metricUnitOf(m, ctx.lang);
  return { name: metricLabel(m, ctx.lang), unit: u.label, per: u.per };
};
const per = (ctx: ChartContext) => words(ctx).per;
const labelOf = (ctx: ChartContext, item: { label: string; labelEn?: string; pointer: string }) =>
  (ctx.lang === 'en' ? item.labelEn || item.label : item.label) || item.pointer;

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const s = ctx.sensitivity!;
  const k = per(ctx);
  const base = s.base / k;
  const items = s.items.filter((it) => it.valueAtLow !== null && it.valueAtHigh !== null).slice(0, SHOWN);
  const rows = items.flatMap((it) => [
    { name: labelOf(ctx, it), end: 'low', v: (it.valueAtLow ?? 0) / k, setting: it.low },
    { name: labelOf(ctx, it), end: 'high', v: (it.valueAtHigh ?? 0) / k, setting: it.high },
  ]);
  const names = items.map((it) => labelOf(ctx, it));
  const unit = words(ctx).unit;
  const legend: LegendItem[] = [
    { label: by(ctx.lang, '取值范围下限', 'Low end of the range'), color: LOW, kind: 'swatch', opacity: 0.85 },
    { label: by(ctx.lang, '取值范围上限', 'High end of the range'), color: HIGH, kind: 'swatch', opacity: 0.85 },
  ];
  const longest = Math.max(12, ...names.map((n) => n.length));
  return frame({
    width,
    height: 40 + 22 * items.length,
    marginLeft: Math.min(Math.round(width * 0.45), 12 + longest * (ctx.lang === 'en' ? 6.2 : 12)),
    x: { label: withUnit(words(ctx).name, unit, ctx.lang), grid: true, nice: true },
    y: { domain: names, label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, {
        y: 'name',
        x1: () => base,
        x2: 'v',
        fill: (d: (typeof rows)[number]) => (d.end === 'low' ? LOW : HIGH),
        fillOpacity: 0.85,
        title: (d: (typeof rows)[number]) => `${d.name}: ${d.setting} → ${d.v.toFixed(2)} ${unit}`,
      }),
      Plot.ruleX([base], { stroke: '#333', strokeWidth: 1.5 }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: names.join(', '),
  });
}

const title = (ctx: ChartContext) => {
  const s = ctx.sensitivity!;
  return by(
    ctx.lang,
    `各杠杆与假设对${s.year}年${words(ctx).name}的影响（敏感性）`,
    `Effect of each lever and assumption on the ${words(ctx).name.toLowerCase()} in ${s.year} (sensitivity)`,
  );
};

function table(ctx: ChartContext): ChartTable {
  const s = ctx.sensitivity!;
  const k = per(ctx);
  return {
    columns: by(
      ctx.lang,
      '杠杆或假设|下限|上限|下限时取值|上限时取值|摆幅',
      'Lever or assumption|Low|High|Value at low|Value at high|Swing',
    ).split('|'),
    rows: s.items.map((it) => [
      labelOf(ctx, it),
      it.low,
      it.high,
      it.valueAtLow === null ? null : +(it.valueAtLow / k).toFixed(3),
      it.valueAtHigh === null ? null : +(it.valueAtHigh / k).toFixed(3),
      it.error ? it.error : +(it.swing / k).toFixed(3),
    ]),
  };
}

export const tornadoChart: ChartSpec = {
  id: 'tornado',
  title,
  unit: (ctx) => words(ctx).unit,
  source: (ctx) =>
    sourceLine(
      ctx,
      by(
        ctx.lang,
        `每项杠杆或假设分别取其范围的下限和上限，其余保持当前设定；竖线为当前设定下的${ctx.sensitivity!.year}年取值（模型预测）。`,
        `Each lever or assumption set to the low and high end of its range, the others held at their current setting; the vertical line is the ${ctx.sensitivity!.year} value as set (model projection).`,
      ),
      fileNote(ctx),
    ),
  available: (ctx) => !!ctx.sensitivity && ctx.sensitivity.items.length > 0,
  render,
  table,
};
