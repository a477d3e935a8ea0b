/** `non-registered`: urban residents without local urban hukou (UA + UN) at each year-end, by zone. */
import * as Plot from '@observablehq/plot';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import { zoneColor } from './palette';
import { stackParts, stackTotals, type StackPart } from './stack';
import { fileNote, sourceLine, stocksNote } from './source';
import { seriesTable } from './table';
import type { ChartContext, ChartSpec } from './types';
import { fmt, unitOf, withUnit } from './units';
import { by, describeSeries, nameOf, TOTAL } from './words';

/** One part per zone, in the scenario's order of zones. */
export function zoneParts(ctx: ChartContext): StackPart[] {
  const byZone = ctx.result.series.nonRegisteredByZone;
  const ids = [
    ...ctx.view.zones.map((z) => z.id).filter((id) => id in byZone),
    ...Object.keys(byZone).filter((id) => !ctx.view.zones.some((z) => z.id === id)),
  ];
  return ids.map((id, i) => ({
    key: id,
    label: nameOf(ctx.lang, ctx.view.zones, id),
    color: zoneColor(i),
    values: byZone[id],
  }));
}

const name = (ctx: ChartContext) => by(ctx.lang, '城镇未落户常住人口', 'Non-registered urban residents');

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang, result } = ctx;
  const unit = unitOf('persons', lang);
  const parts = zoneParts(ctx);
  const stacked = stackParts(result.years, parts, unit);
  const total = result.years.map((year, i) => ({
    year,
    v: result.series.nonRegisteredUrban[i] === null ? null : result.series.nonRegisteredUrban[i]! / unit.per,
  }));
  const legend: LegendItem[] = [
    ...parts
      .filter((p) => p.values.some((v) => v !== null && v !== 0)) // a tier the city lacks needs no key
      .map((p) => ({ label: p.label, color: p.color, kind: 'swatch' as const, opacity: 0.9 })),
    { label: TOTAL[lang], color: '#1a1a1a', kind: 'line', width: 1.5 },
  ];
  return frame({
    ctx,
    width,
    y: {
      label: withUnit(name(ctx), unit.label, lang),
      domain: [0, maxOf([...stackTotals(stacked), ...total.map((t) => t.v)])],
      nice: true,
      grid: true,
    },
    marks: [
      Plot.areaY(stacked, { x: 'year', y1: 'y1', y2: 'y2', z: 'key', fill: 'color', fillOpacity: 0.9 }),
      Plot.line(total, { x: 'year', y: 'v', stroke: '#1a1a1a', strokeWidth: 1.5 }),
      Plot.dot(total, {
        x: 'year',
        y: 'v',
        r: 2,
        fill: '#1a1a1a',
        title: (d: { year: number; v: number | null }) =>
          d.v === null ? '' : `${d.year}: ${fmt(d.v, 1)} ${unit.label}`,
      }),
      Plot.ruleY([0]),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: describeSeries(ctx, name(ctx), result.series.nonRegisteredUrban, unit),
  });
}

const title = (ctx: ChartContext) =>
  by(ctx.lang, '城镇未落户常住人口（按城镇层级）', 'Non-registered urban residents, by zone');

export const nonRegisteredChart: ChartSpec = {
  id: 'non-registered',
  title,
  unit: (ctx) => unitOf('persons', ctx.lang).label,
  source: (ctx) =>
    sourceLine(
      ctx,
      stocksNote(ctx),
      by(
        ctx.lang,
        '城镇未落户常住人口 = 本地农村户籍城镇常住（UA）+ 外来人口（城镇，UN），年末数。',
        'Non-registered urban residents = local rural-registered urban residents (UA) + urban residents registered elsewhere (UN), at year-end.',
      ),
      fileNote(ctx),
    ),
  available: (ctx) => Object.keys(ctx.result.series.nonRegisteredByZone).length > 0,
  render,
  table: (ctx) => {
    const unit = unitOf('persons', ctx.lang);
    return seriesTable(ctx, [
      ...zoneParts(ctx).map((p) => ({ name: p.label, unit, values: p.values })),
      { name: TOTAL[ctx.lang], unit, values: ctx.result.series.nonRegisteredUrban },
    ]);
  },
};
