/**
 * `backtest`: for one metric, what was visible at the origin (hollow), what was published after it and
 * hidden from the fit (solid), the model's forecast made from the origin, and the two naive forecasts
 * from the same visible values (last value carried forward, linear trend), dashed from the origin on.
 */
import * as Plot from '@observablehq/plot';
import type { Series } from '../../scenario/result';
import { t } from '../i18n';
import { frame, yearFormat, yearTicks } from './frame';
import type { LegendItem } from './legend';
import { OKABE_ITO } from './palette';
import { fileNote, sourceLine } from './source';
import type { ChartContext, ChartSpec, ChartTable, Lang } from './types';
import { metricUnitOf, unitOf, withUnit } from './units';
import { metricDef } from '../../scenario/metrics';
import { by, metricLabel, YEAR } from './words';

export const BACKTEST_COLORS = {
  model: OKABE_ITO.blue,
  naiveLast: OKABE_ITO.orange,
  naiveTrend: OKABE_ITO.green,
  hidden: OKABE_ITO.black,
  visible: OKABE_ITO.grey,
} as const;

export const backtestMetricLabel = (metric: string, lang: Lang): string => metricLabel(metric, lang);

/** How a metric is shown: values (÷ per, in `label`) and their errors (÷ per, in `errorLabel`). */
export interface MetricUnit {
  readonly per: number;
  readonly label: string;
  readonly errorLabel: string;
  readonly digits: number;
}

/**
 * A metric's unit for values and errors, by its kind in the registry: rates in %, their errors in percentage
 * points; the gap in points; people in 万人 (thousands in English); money in 亿元 (CNY million).
 */
export function metricUnit(metric: string, lang: Lang): MetricUnit {
  const u = metricUnitOf(metric, lang);
  const errorLabel = metricDef(metric)?.kind === 'rate' ? unitOf('points', lang).label : u.label;
  return { per: u.per, label: u.label, errorLabel, digits: 2 };
}

interface Row {
  readonly year: number;
  readonly v: number;
}

/** The rows of each layer in display units. */
function layers(ctx: ChartContext) {
  const { view: b, metric } = ctx.backtest!;
  const m = b.metrics[metric];
  const u = metricUnit(metric, ctx.lang);
  const d = (x: number) => x / u.per;
  const last = Math.max(b.origin, ...m.years);
  const series = b.series[metric] as Series | undefined;
  const model: Row[] = b.years.flatMap((year, i) => {
    const x = series?.[i];
    return year <= last && typeof x === 'number' ? [{ year, v: d(x) }] : [];
  });
  const from = (years: readonly number[]) => (years.length ? years[years.length - 1] : b.origin);
  const lastVisible = from(m.visible.years);
  const naiveLast: Row[] =
    m.naiveLast[0] === undefined || m.naiveLast[0] === null
      ? []
      : [lastVisible, last].map((year) => ({ year, v: d(m.naiveLast[0]!) }));
  const tr = m.trend;
  const naiveTrend: Row[] = tr
    ? [tr.years[0], last].map((year) => ({ year, v: d(tr.valueAtOrigin + tr.slope * (year - b.origin)) }))
    : [];
  return {
    b,
    m,
    u,
    model,
    naiveLast: m.years.length ? naiveLast : [],
    naiveTrend: m.years.length ? naiveTrend : [],
    visible: m.visible.years.map((year, i) => ({ year, v: d(m.visible.observed[i]) })),
    hidden: m.years.map((year, i) => ({ year, v: d(m.observed[i]) })),
  };
}

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang } = ctx;
  const L = layers(ctx);
  const all = [L.model, L.naiveLast, L.naiveTrend, L.visible, L.hidden].flat();
  const years = all.map((r) => r.year);
  const [y0, y1] = [Math.min(...years, L.b.baseYear), Math.max(...years, L.b.origin + 1)];
  const values = all.map((r) => r.v);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.02 || 1;
  const C = BACKTEST_COLORS;
  const legend: LegendItem[] = [
    { label: t('backtest.visible', lang), color: C.visible, kind: 'hollow' },
    { label: t('backtest.hidden', lang), color: C.hidden, kind: 'dot' },
    { label: t('backtest.model', lang), color: C.model, kind: 'line' },
    { label: t('backtest.naiveLast', lang), color: C.naiveLast, kind: 'dashed' },
    { label: t('backtest.naiveTrend', lang), color: C.naiveTrend, kind: 'dashed' },
  ];
  const digits = L.u.label === '%' || L.u.per === 1 ? 2 : 1;
  const tip = (what: string) => (r: Row) =>
    lang === 'en'
      ? `${r.year} ${what}: ${r.v.toFixed(digits)} ${L.u.label}`
      : `${r.year}年 ${what}：${r.v.toFixed(digits)}${L.u.label}`;
  return frame({
    width,
    x: {
      type: 'linear',
      domain: [y0 - 0.5, y1 + 0.5],
      // Every year where there is room; the origin kept; no two labels crowding at any width.
      ticks: yearTicks(y0, y1, width, [L.b.origin]),
      tickFormat: yearFormat,
      label: null,
    },
    y: {
      label: withUnit(backtestMetricLabel(ctx.backtest!.metric, lang), L.u.label, lang),
      domain: [lo - pad, hi + pad],
      grid: true,
    },
    marks: [
      // The origin: everything right of it was unknown when the forecast was made.
      Plot.ruleX([L.b.origin + 0.5], { stroke: '#999999', strokeDasharray: '3,3' }),
      Plot.text([L.b.origin + 0.5], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: 4,
        dx: 4,
        textAnchor: 'start',
        text: () => `${t('backtest.originMark', lang)} ${L.b.origin}`,
        fill: '#555555',
      }),
      Plot.line(L.model, { x: 'year', y: 'v', stroke: C.model, strokeWidth: 2.5 }),
      Plot.line(L.naiveLast, { x: 'year', y: 'v', stroke: C.naiveLast, strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.line(L.naiveTrend, { x: 'year', y: 'v', stroke: C.naiveTrend, strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.dot(L.visible, {
        x: 'year',
        y: 'v',
        r: 4.5,
        stroke: C.visible,
        strokeWidth: 2,
        fill: 'white',
        title: tip(t('backtest.visible', lang)),
      }),
      Plot.dot(L.hidden, { x: 'year', y: 'v', r: 4.5, fill: C.hidden, title: tip(t('backtest.hidden', lang)) }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: describe(ctx),
  });
}

const title = (ctx: ChartContext) => {
  const { view, metric } = ctx.backtest!;
  const name = backtestMetricLabel(metric, ctx.lang);
  return by(ctx.lang, `回测（起点 ${view.origin} 年）：${name}`, `Back-test from ${view.origin}: ${name}`);
};

function describe(ctx: ChartContext): string {
  const { view, metric } = ctx.backtest!;
  const m = view.metrics[metric];
  const skill = m.skill === null ? '—' : m.skill.toFixed(2);
  return by(
    ctx.lang,
    `${m.years.length} 个被隐藏的观测值；${t('backtest.skill', 'zh')} ${skill}`,
    `${m.years.length} hidden observation(s); skill ${skill}`,
  );
}

function table(ctx: ChartContext): ChartTable {
  const { lang } = ctx;
  const L = layers(ctx);
  const u = L.u.label;
  const m = L.m;
  const r = (x: number | null | undefined) => (typeof x === 'number' ? +(x / L.u.per).toPrecision(8) : null);
  const modelAt = new Map(L.model.map((p) => [p.year, p.v]));
  return {
    columns: [
      YEAR[lang],
      withUnit(by(lang, '观测值', 'Observed'), u, lang),
      by(lang, '起点时可见', 'Visible at the origin'),
      withUnit(t('backtest.model', lang), u, lang),
      withUnit(t('backtest.naiveLast', lang), u, lang),
      withUnit(t('backtest.naiveTrend', lang), u, lang),
    ],
    rows: [
      ...m.visible.years.map((year, i) => [
        year,
        r(m.visible.observed[i]),
        by(lang, '是', 'yes'),
        modelAt.has(year) ? +modelAt.get(year)!.toPrecision(8) : null,
        null,
        null,
      ]),
      ...m.years.map((year, i) => [
        year,
        r(m.observed[i]),
        by(lang, '否', 'no'),
        r(m.model[i]),
        r(m.naiveLast[i]),
        r(m.naiveTrend[i]),
      ]),
    ],
  };
}

export const backtestChart: ChartSpec = {
  id: 'backtest',
  title,
  unit: (ctx) => metricUnit(ctx.backtest!.metric, ctx.lang).label,
  source: (ctx) =>
    sourceLine(
      ctx,
      by(
        ctx.lang,
        `观测值来自情景文件 observed 部分（各有出处；同一指标只用同一统计口径与版本）。${ctx.backtest!.view.origin} 年之后的观测值在校准和朴素预测中被隐藏；模型预测为只用起点及以前数据校准后的预测，不是统计数据。`,
        `Observations from the scenario’s observed part (each with its source; one statistical series per metric). Those after ${ctx.backtest!.view.origin} are hidden from the calibration and the naive forecasts; the model line is the forecast calibrated only on what was known at the origin, not statistics.`,
      ),
      fileNote(ctx),
    ),
  available: (ctx) => !!ctx.backtest && (ctx.backtest.view.metrics[ctx.backtest.metric]?.years.length ?? 0) > 0,
  render,
  table,
};
