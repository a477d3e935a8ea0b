/** Yearly flows as stacked bars (settlers by channel or origin, cost by component or payer). */
import * as Plot from '@observablehq/plot';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import { stackParts, stackTotals, type StackPart } from './stack';
import { seriesTable } from './table';
import type { ChartContext, ChartTable } from './types';
import { fmt, withUnit, type Unit } from './units';
import { TOTAL } from './words';

export interface StackedBars {
  readonly parts: readonly StackPart[];
  readonly unit: Unit;
  /** What the bars count, for the y-axis label, e.g. "落户人数". */
  readonly yName: string;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
}

const HALF_BAR = 0.38; // of a year: bars leave a gap between years

const hasValue = (p: StackPart) => p.values.some((v) => v !== null && v !== 0);

export function renderStackedBars(ctx: ChartContext, width: number, o: StackedBars): SVGSVGElement {
  const { lang } = ctx;
  const stacked = stackParts(ctx.result.years, o.parts, o.unit);
  const tops = stackTotals(stacked);
  const low = Math.min(0, ...stacked.map((s) => s.y2));
  const digits = Math.min(o.unit.digits, 2);
  const legend: LegendItem[] = o.parts
    .filter(hasValue)
    .map((p) => ({ label: p.label, color: p.color, kind: 'swatch' as const }));
  return frame({
    ctx,
    width,
    y: { label: withUnit(o.yName, o.unit.label, lang), domain: [low, maxOf(tops)], nice: true, grid: true },
    marks: [
      Plot.rect(stacked, {
        x1: (d) => d.year - HALF_BAR,
        x2: (d) => d.year + HALF_BAR,
        y1: 'y1',
        y2: 'y2',
        fill: 'color',
        stroke: 'white',
        strokeWidth: 0.5,
        title: (d) =>
          lang === 'en'
            ? `${d.year} ${d.label}: ${fmt(d.value, digits)} ${o.unit.label}`
            : `${d.year}年 ${d.label}：${fmt(d.value, digits)} ${o.unit.label}`,
      }),
      Plot.ruleY([0]),
    ],
    legend,
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
  });
}

/** Year, one column per part, and their total. */
export function stackedTable(ctx: ChartContext, parts: readonly StackPart[], unit: Unit): ChartTable {
  const total = ctx.result.years.map((_, i) => {
    const vs = parts.map((p) => p.values[i]).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  });
  return seriesTable(ctx, [
    ...parts.map((p) => ({ name: p.label, unit, values: p.values })),
    { name: TOTAL[ctx.lang], unit, values: total },
  ]);
}
