/**
 * `rates`: the resident and hukou urbanisation rates, the gap between them as a band, the document's
 * rate targets, and the published observations, hollow where they use another hukou definition than
 * the projection does in that year (a 非农业户口 share is not comparable with an address-based rate).
 */
import * as Plot from '@observablehq/plot';
import type { ObservedPoint } from '../../runner/view-data';
import { DEFINITION_LABELS as DEFINITION_NAMES } from '../../scenario/result-labels';
import type { TargetResult } from '../../scenario/targets';
import { frame } from './frame';
import type { LegendItem } from './legend';
import { RATE_COLORS } from './palette';
import { fileNote, observedNote, sourceLine, stocksNote } from './source';
import type { ChartContext, ChartSpec, ChartTable, Lang } from './types';
import { fmt, rounded, unitOf, withUnit } from './units';
import { by, describeSeries, YEAR } from './words';

type RateMetric = 'residentUrbanRate' | 'hukouUrbanRate';
const METRICS: readonly RateMetric[] = ['residentUrbanRate', 'hukouUrbanRate'];
const COLOR: Record<RateMetric, string> = {
  residentUrbanRate: RATE_COLORS.resident,
  hukouUrbanRate: RATE_COLORS.hukou,
};
const NEUTRAL = RATE_COLORS.gap;

export const RATE_NAMES: Record<RateMetric, Record<Lang, string>> = {
  residentUrbanRate: { zh: '常住人口城镇化率', en: 'Resident urbanisation rate' },
  hukouUrbanRate: { zh: '户籍人口城镇化率', en: 'Hukou urbanisation rate' },
};

export const comparatorSign = (c: TargetResult['comparator']): string => (c === '>=' ? '≥' : '≤');

/** An observation placed on the chart, with whether it is comparable with the projection. */
export interface RateObservation {
  readonly point: ObservedPoint;
  readonly metric: RateMetric;
  readonly year: number;
  /** In percent. */
  readonly value: number;
  /** False when the observation's hukou definition differs from the projection's in that year. */
  readonly comparable: boolean;
}

/** Rate observations inside the horizon (drawn), and those before the base year (left off the axis). */
export function rateObservations(ctx: ChartContext): { shown: RateObservation[]; omitted: ObservedPoint[] } {
  const { years, hukouDefinition } = ctx.result;
  const shown: RateObservation[] = [];
  const omitted: ObservedPoint[] = [];
  for (const point of ctx.view.observed) {
    if (!(METRICS as readonly string[]).includes(point.metric) || !Number.isFinite(point.value)) continue;
    const i = years.indexOf(point.year);
    if (i < 0) {
      omitted.push(point);
      continue;
    }
    const metric = point.metric as RateMetric;
    // Only the hukou rate depends on the definition; an observation that names none is taken at its word.
    const comparable = metric !== 'hukouUrbanRate' || !point.definition || point.definition === hukouDefinition[i];
    shown.push({ point, metric, year: point.year, value: point.value * 100, comparable });
  }
  return { shown, omitted };
}

export const rateTargets = (ctx: ChartContext): TargetResult[] =>
  ctx.result.targets.filter((t) => (METRICS as readonly string[]).includes(t.metric));

function targetLabel(t: TargetResult, lang: Lang): string {
  const v = `${comparatorSign(t.comparator)}${fmt(t.target * 100, 1)}%`;
  return by(lang, `目标 ${v}（${t.year}年）`, `Target ${v} (${t.year})`);
}

/** The base year's rule and its words: published to its left and on it, projected to its right. */
export function baseYearMarks(ctx: ChartContext): Plot.Markish[] {
  const b = ctx.result.scenario.baseYear;
  return [
    Plot.ruleX([b], { stroke: '#9a9a9a', strokeDasharray: '2,3' }),
    Plot.text([b], {
      x: (d: number) => d,
      frameAnchor: 'top',
      textAnchor: 'start',
      dx: 4,
      dy: 2,
      fill: '#555',
      text: () => by(ctx.lang, `${b}年公布值，此后为模型预测 →`, `${b} published; projected after →`),
    }),
  ];
}

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang, result } = ctx;
  const { years, series } = result;
  const rows = years.map((year, i) => ({
    year,
    resident: series.residentUrbanRate[i] === null ? null : series.residentUrbanRate[i]! * 100,
    hukou: series.hukouUrbanRate[i] === null ? null : series.hukouUrbanRate[i]! * 100,
  }));
  const { shown } = rateObservations(ctx);
  const targets = rateTargets(ctx);
  const values = [
    ...rows.flatMap((r) => [r.resident, r.hukou]),
    ...shown.map((o) => o.value),
    ...targets.map((t) => t.target * 100),
  ].filter((v): v is number => v !== null);
  const lo = Math.max(0, Math.floor(Math.min(...values) - 3));
  const hi = Math.min(100, Math.ceil(Math.max(...values) + 3));
  const last = rows[rows.length - 1];
  const hollow = shown.filter((o) => !o.comparable);
  const otherDefs = [...new Set(hollow.map((o) => o.point.definition!))];

  const legend: LegendItem[] = [
    ...METRICS.map((m) => ({ label: RATE_NAMES[m][lang], color: COLOR[m], kind: 'line' as const })),
    { label: by(lang, '两率差距', 'Gap'), color: NEUTRAL, kind: 'band' },
  ];
  // The run before the last move, of the same scenario, as faint dashed lines: where the lines were.
  const before = ctx.baseline && ctx.baseline.years.join() === years.join() ? ctx.baseline : null;
  const beforeRows = before
    ? years.map((year, i) => ({
        year,
        resident: before.series.residentUrbanRate[i] === null ? null : before.series.residentUrbanRate[i]! * 100,
        hukou: before.series.hukouUrbanRate[i] === null ? null : before.series.hukouUrbanRate[i]! * 100,
      }))
    : [];
  if (before)
    legend.push({
      label: by(lang, '调整前', 'Before the last change'),
      color: NEUTRAL,
      kind: 'dashed',
      dash: '4,3',
      width: 1.5,
      opacity: 0.45,
    });
  if (targets.length) legend.push({ label: by(lang, '目标', 'Target'), color: NEUTRAL, kind: 'target' });
  if (shown.some((o) => o.comparable))
    legend.push({ label: by(lang, '观测值（公布）', 'Observed (published)'), color: NEUTRAL, kind: 'dot' });
  if (hollow.length) {
    const defs = otherDefs.map((d) => DEFINITION_NAMES[d][lang]).join(by(lang, '、', ', '));
    legend.push({
      label: by(lang, `观测值（${defs}，与预测不可比）`, `Observed (${defs}; not comparable)`),
      color: NEUTRAL,
      kind: 'hollow',
      width: 1.5,
      note: by(
        lang,
        '该观测值采用的户籍人口城镇化率口径与模型当年所用口径不同，不能直接比较。',
        'This observation uses a different hukou definition from the projection in that year; do not compare directly.',
      ),
    });
  }

  const obsTitle = (o: RateObservation) =>
    `${RATE_NAMES[o.metric][lang]} ${o.year}: ${fmt(o.value, 1)}%` +
    (o.point.definition ? ` (${DEFINITION_NAMES[o.point.definition][lang]})` : '') +
    `\n${o.point.source}`;

  const svg = frame({
    ctx,
    width,
    y: { label: withUnit(by(lang, '城镇化率', 'Urbanisation rate'), '%', lang), domain: [lo, hi], grid: true },
    marks: [
      Plot.areaY(rows, { x: 'year', y1: 'hukou', y2: 'resident', fill: NEUTRAL, fillOpacity: 0.2 }),
      ...baseYearMarks(ctx),
      ...targets.flatMap((t) => [
        Plot.ruleY([t.target * 100], {
          stroke: COLOR[t.metric as RateMetric],
          strokeDasharray: '5,4',
          strokeWidth: 1.2,
        }),
        Plot.dot([t], {
          x: 'year',
          y: (d: TargetResult) => d.target * 100,
          symbol: 'diamond2',
          r: 6,
          stroke: COLOR[t.metric as RateMetric],
          strokeWidth: 2,
          title: (d: TargetResult) => (lang === 'en' && d.labelEn) || d.label,
        }),
        Plot.text([t], {
          x: 'year',
          y: (d: TargetResult) => d.target * 100,
          text: (d: TargetResult) => targetLabel(d, lang),
          // Below the rule and right of the marker: the rising lines usually cross above it.
          textAnchor: 'start',
          dx: 9,
          dy: 11,
          fill: COLOR[t.metric as RateMetric],
          stroke: 'white',
          strokeWidth: 3,
        }),
      ]),
      ...METRICS.map((m) =>
        Plot.line(beforeRows, {
          x: 'year',
          y: m === 'residentUrbanRate' ? 'resident' : 'hukou',
          stroke: COLOR[m],
          strokeWidth: 1.5,
          strokeOpacity: 0.45,
          strokeDasharray: '4,3',
          className: 'rates-baseline',
        }),
      ),
      ...METRICS.map((m) =>
        Plot.line(rows, {
          x: 'year',
          y: m === 'residentUrbanRate' ? 'resident' : 'hukou',
          stroke: COLOR[m],
          strokeWidth: 2.5,
          // Values on hover: the year and the rate, named.
          channels: {
            [by(lang, '年份', 'Year')]: 'year',
            [RATE_NAMES[m][lang]]: m === 'residentUrbanRate' ? 'resident' : 'hukou',
          },
          tip: {
            format: {
              x: false,
              y: false,
              stroke: false,
              [by(lang, '年份', 'Year')]: (y: number) => String(y),
              [RATE_NAMES[m][lang]]: (v: number) => `${fmt(v, 1)}%`,
            },
          },
        }),
      ),
      Plot.dot(
        shown.filter((o) => o.comparable),
        {
          x: 'year',
          y: 'value',
          r: 4.5,
          fill: (o: RateObservation) => COLOR[o.metric],
          stroke: 'white',
          title: obsTitle,
        },
      ),
      Plot.dot(hollow, {
        x: 'year',
        y: 'value',
        r: 4.5,
        fill: 'white',
        stroke: (o: RateObservation) => COLOR[o.metric],
        strokeWidth: 1.5,
        title: obsTitle,
      }),
      last.resident !== null && last.hukou !== null
        ? Plot.text([last], {
            x: 'year',
            y: (d: typeof last) => (d.resident! + d.hukou!) / 2,
            text: (d: typeof last) =>
              by(lang, `差距 ${fmt(d.resident! - d.hukou!, 1)} 个百分点`, `gap ${fmt(d.resident! - d.hukou!, 1)} pp`),
            textAnchor: 'end',
            dx: -6,
            fill: '#333',
          })
        : null,
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: METRICS.map((m) => describeSeries(ctx, RATE_NAMES[m][lang], series[m], unitOf('percent', lang)))
      .concat(
        targets.map(
          (t) => `${targetLabel(t, lang)}: ${t.met ? by(lang, '达到', 'met') : by(lang, '未达到', 'missed')}`,
        ),
      )
      .join(by(lang, '；', '; ')),
  });
  // The page hook of the faint lines (INTERFACES.md style: a data attribute on the mark).
  svg.querySelectorAll('.rates-baseline').forEach((g) => g.setAttribute('data-baseline', ''));
  return svg;
}

const title = (ctx: ChartContext) =>
  by(ctx.lang, '常住人口与户籍人口城镇化率', 'Resident and hukou urbanisation rates');

function table(ctx: ChartContext): ChartTable {
  const { lang, result } = ctx;
  const pct = unitOf('percent', lang);
  const pts = unitOf('points', lang);
  const { shown } = rateObservations(ctx);
  // One observation per metric and year: a comparable one if there is one.
  const obs = (m: RateMetric, year: number) =>
    shown
      .filter((o) => o.metric === m && o.year === year)
      .sort((a, b) => Number(b.comparable) - Number(a.comparable))[0];
  const defName = (d: 'address' | 'nonAgricultural' | undefined) => (d ? DEFINITION_NAMES[d][lang] : null);
  return {
    columns: [
      YEAR[lang],
      withUnit(RATE_NAMES.residentUrbanRate[lang], '%', lang),
      withUnit(RATE_NAMES.hukouUrbanRate[lang], '%', lang),
      withUnit(by(lang, '两率差距', 'Gap'), pts.label, lang),
      by(lang, '户籍口径（预测）', 'Hukou definition (projection)'),
      withUnit(by(lang, '常住人口城镇化率观测值', 'Resident rate observed'), '%', lang),
      withUnit(by(lang, '户籍人口城镇化率观测值', 'Hukou rate observed'), '%', lang),
      by(lang, '户籍率观测值口径', 'Definition of the observed hukou rate'),
      by(lang, '观测值来源', 'Source of the observations'),
    ],
    rows: result.years.map((year, i) => {
      const r = obs('residentUrbanRate', year);
      const h = obs('hukouUrbanRate', year);
      const sources = [...new Set([r?.point.source, h?.point.source].filter(Boolean))].join(' | ');
      return [
        year,
        rounded(
          result.series.residentUrbanRate[i] === null ? null : result.series.residentUrbanRate[i]! * 100,
          pct.digits,
        ),
        rounded(result.series.hukouUrbanRate[i] === null ? null : result.series.hukouUrbanRate[i]! * 100, pct.digits),
        rounded(result.series.gapPoints[i], pts.digits),
        defName(result.hukouDefinition[i]),
        r ? rounded(r.value, pct.digits) : null,
        h ? rounded(h.value, pct.digits) : null,
        h ? defName(h.point.definition) : null,
        sources || null,
      ];
    }),
  };
}

export const ratesChart: ChartSpec = {
  id: 'rates',
  title,
  unit: () => '%',
  source: (ctx) => {
    const { shown, omitted } = rateObservations(ctx);
    return sourceLine(
      ctx,
      stocksNote(ctx),
      observedNote(
        ctx,
        shown.map((o) => o.point),
        omitted,
      ),
      fileNote(ctx),
    );
  },
  available: (ctx) => ctx.result.years.length > 0,
  render,
  table,
};
