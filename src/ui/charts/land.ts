/**
 * `land`: construction land tied to settlement each year. Bars above the axis: new urban construction land
 * for the settlers who are net additions to the urban population (人地挂钩); bars below: rural
 * construction land reclaimed from local rural settlers' homesteads (增减挂钩); the line: the net change in
 * total construction land (new minus reclaimed). The cumulative net is in the table and the caption.
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
  annual: by(ctx.lang, '新增城镇建设用地', 'New urban construction land'),
  reclaimed: by(ctx.lang, '增减挂钩复垦农村建设用地', 'Rural construction land reclaimed'),
  net: by(ctx.lang, '建设用地净增', 'Net change in construction land'),
  cumulative: by(ctx.lang, '累计建设用地净增', 'Cumulative net change'),
});

const seriesOf = (ctx: ChartContext) => {
  const f = ctx.result.fiscal!;
  const land = ctx.result.land;
  const zero = f.landHa.map((v) => (v === null ? null : 0));
  return {
    annual: f.landHa,
    reclaimed: land?.reclaimedHa ?? zero,
    net: land?.netHa ?? f.landHa,
    cumulative: land?.netHaCumulative ?? f.landHaCumulative,
  };
};

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang, result } = ctx;
  const unit = unitOf('hectares', lang);
  const n = names(ctx);
  const s = seriesOf(ctx);
  const rows = result.years.map((year, i) => ({
    year,
    annual: s.annual[i],
    reclaimed: s.reclaimed[i] === null ? null : -s.reclaimed[i]!,
    net: s.net[i],
  }));
  // One axis for the three, one step for both sides: that of the larger of the new and the reclaimed land
  // (a shrinking city has reclaimed land and no new land: its step must come from the reclaimed land).
  const upMax = maxOf(
    rows.map((r) => r.annual),
    0,
  );
  const downMax = maxOf(
    rows.map((r) => (r.reclaimed === null ? null : -r.reclaimed)),
    0,
  );
  const scale = niceTicks(Math.max(upMax, downMax, 1e-9), 5);
  const step = scale.length > 1 ? scale[1] - scale[0] : 1;
  const side = (max: number) => {
    const out = [0];
    // Whole steps where the bars reach half a step; else just room for them.
    if (max >= step / 2) for (let t = step; t < max + step - 1e-9; t += step) out.push(t);
    return out;
  };
  const up = side(upMax);
  const down = side(downMax)
    .slice(1)
    .map((t) => -t)
    .reverse();
  const ticks = [...down, ...up];
  const top = up.length > 1 ? up[up.length - 1] : Math.max(upMax * 1.15, step);
  const bottom = down.length ? down[0] : -downMax * 1.15;
  const legend: LegendItem[] = [
    { label: n.annual, color: LAND_COLORS.annual, kind: 'swatch' },
    { label: n.reclaimed, color: LAND_COLORS.reclaimed, kind: 'swatch' },
    { label: n.net, color: LAND_COLORS.net, kind: 'line' },
  ];
  const tip = (name: string, v: number | null, year: number) =>
    v === null ? '' : `${year} ${name}: ${fmt(v, 1)} ${unit.label}`;
  return frame({
    ctx,
    width,
    y: {
      domain: [bottom, top],
      ticks,
      label: withUnit(by(lang, '建设用地', 'Construction land'), unit.label, lang),
      tickFormat: (d: number) => fmt(d),
    },
    marks: [
      Plot.gridY(ticks, { stroke: '#000', strokeOpacity: 0.1 }),
      Plot.rect(rows, {
        x1: (d) => d.year - 0.38,
        x2: (d) => d.year + 0.38,
        y1: 0,
        y2: 'annual',
        fill: LAND_COLORS.annual,
        title: (d: (typeof rows)[number]) => tip(n.annual, d.annual, d.year),
      }),
      Plot.rect(rows, {
        x1: (d) => d.year - 0.38,
        x2: (d) => d.year + 0.38,
        y1: 0,
        y2: 'reclaimed',
        fill: LAND_COLORS.reclaimed,
        title: (d: (typeof rows)[number]) => tip(n.reclaimed, d.reclaimed === null ? null : -d.reclaimed, d.year),
      }),
      Plot.ruleY([0]),
      Plot.line(rows, { x: 'year', y: 'net', stroke: LAND_COLORS.net, strokeWidth: 2 }),
      Plot.dot(rows, {
        x: 'year',
        y: 'net',
        r: 2.5,
        fill: LAND_COLORS.net,
        title: (d: (typeof rows)[number]) => tip(n.net, d.net, d.year),
      }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: [
      describeSeries(ctx, n.annual, s.annual, unit, 1),
      describeSeries(ctx, n.reclaimed, s.reclaimed, unit, 1),
      describeSeries(ctx, n.cumulative, s.cumulative, unit, 0),
    ].join(by(lang, '；', '; ')),
  });
}

const title = (ctx: ChartContext) =>
  by(ctx.lang, '建设用地：人地挂钩新增与增减挂钩复垦', 'Construction land: new for settlers, reclaimed, net');

export const landChart: ChartSpec = {
  id: 'land',
  title,
  unit: (ctx) => unitOf('hectares', ctx.lang).label,
  source: (ctx) => {
    const m2 = ctx.result.fiscal?.landM2PerSettler;
    const land = ctx.result.land;
    const last = land?.netHaCumulative.at(-1);
    return sourceLine(
      ctx,
      flowsNote(ctx),
      m2 !== undefined && Number.isFinite(m2)
        ? by(
            ctx.lang,
            `按2016年人地挂钩规则，每名落户的农业转移人口 ${fmt(m2)} 平方米，只计城镇常住人口的迁移净增部分（人口不增的城镇不新增）。`,
            `By the 2016 land-settler linkage rule, ${fmt(m2)} m² per agricultural-transfer settler, counted only up to the urban population's net growth by migration (a town that does not grow gets none).`,
          )
        : '',
      land?.reclaim
        ? by(
            ctx.lang,
            `增减挂钩：本地农村落户者 ${fmt(land.reclaim.exitShare * 100)}% 自愿退出宅基地，每人 ${fmt(land.reclaim.m2PerPerson)} 平方米（假设）。`,
            `Reclaimed: ${fmt(land.reclaim.exitShare * 100)}% of local rural settlers give up a homestead of ${fmt(land.reclaim.m2PerPerson)} m² each (assumption).`,
          )
        : '',
      typeof last === 'number'
        ? by(
            ctx.lang,
            `至${ctx.result.years.at(-1)}年累计净增 ${fmt(last, 0)} 公顷。`,
            `Cumulative net change to ${ctx.result.years.at(-1)}: ${fmt(last, 0)} ha.`,
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
    const s = seriesOf(ctx);
    const n = names(ctx);
    return seriesTable(ctx, [
      { name: n.annual, unit, values: s.annual },
      { name: n.reclaimed, unit, values: s.reclaimed },
      { name: n.net, unit, values: s.net },
      { name: n.cumulative, unit, values: s.cumulative },
    ]);
  },
};
