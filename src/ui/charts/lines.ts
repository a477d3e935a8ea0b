/** Several yearly series as lines on one axis (per-settler funding, transfers against cost). */
import * as Plot from '@observablehq/plot';
import type { Series } from '../../scenario/result';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import type { ChartContext } from './types';
import { fmt, scaled, withUnit, type Unit } from './units';

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly values: Series;
  readonly dashed?: boolean;
}

export interface Lines {
  readonly lines: readonly LineSeries[];
  readonly unit: Unit;
  readonly yName: string;
  readonly ariaLabel: string;
  readonly ariaDescription: string;
  readonly marks?: readonly Plot.Markish[];
  readonly marginLeft?: number;
}

interface Point {
  readonly year: number;
  readonly key: string;
  readonly label: string;
  readonly v: number | null;
}

export function renderLines(ctx: ChartContext, width: number, o: Lines): SVGSVGElement {
  const { lang, result } = ctx;
  const digits = Math.min(o.unit.digits, 2);
  const points = (l: LineSeries): Point[] =>
    result.years.map((year, i) => ({ year, key: l.key, label: l.label, v: scaled(l.values[i], o.unit) }));
  const all = o.lines.flatMap(points);
  const low = Math.min(0, ...all.map((p) => p.v ?? 0));
  const legend: LegendItem[] = o.lines.map((l) => ({
    label: l.label,
    color: l.color,
    kind: l.dashed ? ('dashed' as const) : ('line' as const),
    ...(l.dashed ? { dash: '6,4', width: 2.5 } : {}),
  }));
  return frame({
    ctx,
    width,
    marginLeft: o.marginLeft,
    y: {
      label: withUnit(o.yName, o.unit.label, lang),
      domain: [low, maxOf(all.map((p) => p.v)) * 1.05],
      nice: true,
      grid: true,
    },
    marks: [
      Plot.ruleY([0]),
      ...(o.marks ?? []),
      ...o.lines.flatMap((l) => [
        Plot.line(points(l), {
          x: 'year',
          y: 'v',
          stroke: l.color,
          strokeWidth: 2.5,
          strokeDasharray: l.dashed ? '6,4' : undefined,
        }),
        Plot.dot(points(l), {
          x: 'year',
          y: 'v',
          r: 2.5,
          fill: l.color,
          title: (p: Point) =>
            p.v === null
              ? ''
              : lang === 'en'
                ? `${p.year} ${p.label}: ${fmt(p.v, digits)} ${o.unit.label}`
                : `${p.year}年 ${p.label}：${fmt(p.v, digits)} ${o.unit.label}`,
        }),
      ]),
    ],
    legend,
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
  });
}
