/**
 * The Compare screen's charts as {@link ChartSpec}s, so that they sit in the same cards as the workspace's
 * and export the same way (PNG, SVG, CSV): the two urbanisation rates and the gap between them, one
 * colour per compared scenario, each scenario's own targets drawn on them as the workspace's rates chart
 * draws one (a dashed rule up to the target year and a hollow diamond at it), so that a planner sees each
 * plan's line against its goal.
 */
import * as Plot from '@observablehq/plot';
import type { TargetResult } from '../../scenario/targets';
import { frame, yearFormat, yearTicks } from '../charts/frame';
import { LEGEND_DEFAULTS, type LegendItem } from '../charts/legend';
import { comparatorSign } from '../charts/rates';
import type { ChartContext, ChartSpec, ChartTable, Lang } from '../charts/types';
import { cell, fmt, unitOf, withUnit } from '../charts/units';
import { by, YEAR } from '../charts/words';
import type { Compared } from './compare-data';

export type CompareChartId = 'compare-rates' | 'compare-gap';

type Metric = 'residentUrbanRate' | 'hukouUrbanRate' | 'gapPoints';

const METRICS: Record<CompareChartId, readonly Metric[]> = {
  'compare-rates': ['residentUrbanRate', 'hukouUrbanRate'],
  'compare-gap': ['gapPoints'],
};

const NAMES: Record<Metric, Record<Lang, string>> = {
  residentUrbanRate: { zh: '常住人口城镇化率', en: 'Resident rate' },
  hukouUrbanRate: { zh: '户籍人口城镇化率', en: 'Hukou rate' },
  gapPoints: { zh: '两率差距', en: 'Gap' },
};

/** The hukou rate's line: dashed, so the two rates of one scenario share its colour. */
const HUKOU_DASH = '5,3';
const LINE_WIDTH = 2;
const NEUTRAL = '#595959';
const TARGET = LEGEND_DEFAULTS.target;

/** A value as drawn: rates in %, the gap in points. */
const shown = (m: Metric, x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? (m === 'gapPoints' ? x : 100 * x) : null;

const unitLabel = (id: CompareChartId, lang: Lang) => (id === 'compare-rates' ? '%' : unitOf('points', lang).label);

/** A target on a chart: the scenario that sets it and its colour. */
interface Mark {
  readonly c: Compared;
  readonly t: TargetResult;
  readonly y: number;
}

const marksOf = (id: CompareChartId, compared: readonly Compared[]): Mark[] =>
  compared.flatMap((c) =>
    c.result.targets
      .filter((t) => (METRICS[id] as readonly string[]).includes(t.metric))
      .map((t) => ({ c, t, y: shown(t.metric as Metric, t.target)! })),
  );

/** A published figure on a chart, in the colour of the scenario whose city published it. */
interface Published {
  readonly c: Compared;
  readonly m: Metric;
  readonly year: number;
  readonly v: number;
}

/**
 * What happened, beside the plans: each compared scenario's published rates (the gap where both rates of a
 * year are published), within the chart's years; a figure two scenarios of one city share is drawn once.
 */
function publishedOf(id: CompareChartId, compared: readonly Compared[], from: number, to: number): Published[] {
  const out: Published[] = [];
  const seen = new Set<string>();
  for (const c of compared) {
    // Under the projection's hukou definition of the year only (as the workspace's chart compares them).
    const definition = (y: number) => c.result.hukouDefinition[c.result.years.indexOf(y)];
    const at = (m: string, y: number) =>
      c.view.observed.find(
        (o) => o.metric === m && o.year === y && !(o.definition && definition(y) && o.definition !== definition(y)),
      )?.value;
    const years = [...new Set(c.view.observed.map((o) => o.year))].filter((y) => y >= from && y <= to);
    for (const year of years)
      for (const m of METRICS[id]) {
        const r = at('residentUrbanRate', year);
        const h = at('hukouUrbanRate', year);
        const raw =
          m === 'gapPoints'
            ? (at('gapPoints', year) ?? (r !== undefined && h !== undefined ? (r - h) * 100 : undefined))
            : at(m, year);
        const v = shown(m, raw);
        const key = `${c.meta.city}|${m}|${year}|${v}`;
        if (v === null || seen.has(key)) continue;
        seen.add(key);
        out.push({ c, m, year, v });
      }
  }
  return out;
}

const threshold = (t: TargetResult, lang: Lang) =>
  t.metric === 'gapPoints'
    ? `${comparatorSign(t.comparator)}${fmt(t.target, 1)}${by(lang, '个百分点', ' pp')}`
    : `${comparatorSign(t.comparator)}${fmt(100 * t.target, 1)}%`;

const verdict = (t: TargetResult, lang: Lang) =>
  t.value === null
    ? by(lang, '超出预测期', 'beyond the horizon')
    : `${fmt(shown(t.metric as Metric, t.value)!, 1)}${t.metric === 'gapPoints' ? by(lang, '个百分点', ' pp') : '%'} ${t.met ? by(lang, '✓ 达到', '✓ met') : by(lang, '✗ 未达到', '✗ missed')}`;

function title(id: CompareChartId, lang: Lang): string {
  return id === 'compare-rates'
    ? by(lang, '常住与户籍人口城镇化率：方案比较', 'Resident and hukou urbanisation rates, scenarios compared')
    : by(lang, '两率差距：方案比较', 'Gap between the two rates, scenarios compared');
}

function render(id: CompareChartId, compared: readonly Compared[], lang: Lang, width: number): SVGSVGElement {
  const metrics = METRICS[id];
  const rows = compared.flatMap((c) =>
    metrics.flatMap((m) =>
      c.result.years.map((year, i) => ({ key: c.key, color: c.color, m, year, v: shown(m, c.result.series[m][i]) })),
    ),
  );
  const marks = marksOf(id, compared);
  const from = Math.min(...compared.map((c) => c.result.scenario.baseYear));
  const to = Math.max(...compared.map((c) => c.result.scenario.until));
  const published = publishedOf(id, compared, from, to);
  const values = [...rows.map((r) => r.v), ...marks.map((k) => k.y), ...published.map((p) => p.v)].filter(
    (v): v is number => v !== null,
  );
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(1, (hi - lo) * 0.08);

  const legend: LegendItem[] = compared.map((c) => ({
    label: c.name,
    color: c.color,
    kind: 'line',
    width: LINE_WIDTH,
  }));
  if (id === 'compare-rates')
    legend.push(
      {
        label: by(lang, '常住人口城镇化率（实线）', 'Resident rate (solid)'),
        color: NEUTRAL,
        kind: 'line',
        width: LINE_WIDTH,
      },
      {
        label: by(lang, '户籍人口城镇化率（虚线）', 'Hukou rate (dashed)'),
        color: NEUTRAL,
        kind: 'dashed',
        dash: HUKOU_DASH,
        width: LINE_WIDTH,
      },
    );
  if (marks.length)
    legend.push({ label: by(lang, '目标（各方案）', 'Target (each scenario)'), color: NEUTRAL, kind: 'target' });
  if (published.length)
    legend.push({ label: by(lang, '公布值（圆点）', 'Published (dots)'), color: NEUTRAL, kind: 'dot' });

  // One label per distinct threshold and year: scenarios with the same target share it.
  const labels = new Map<string, { mark: Mark; color: string }>();
  for (const k of marks) {
    const key = `${k.t.metric}|${k.t.year}|${k.t.comparator}|${k.t.target}`;
    const seen = labels.get(key);
    labels.set(key, seen ? { ...seen, color: NEUTRAL } : { mark: k, color: k.c.color });
  }

  const line = (m: Metric) =>
    Plot.line(
      rows.filter((r) => r.m === m && r.v !== null),
      {
        x: 'year',
        y: 'v',
        z: 'key',
        stroke: 'color',
        strokeWidth: LINE_WIDTH,
        strokeDasharray: m === 'hukouUrbanRate' ? HUKOU_DASH : undefined,
      },
    );

  const svg = frame({
    width,
    x: {
      type: 'linear',
      domain: [from - 0.5, to + 0.5],
      ticks: yearTicks(from, to, width, [
        ...compared.map((c) => c.result.scenario.baseYear),
        ...marks.map((k) => k.t.year),
      ]),
      tickFormat: yearFormat,
      label: null,
    },
    y: {
      label: withUnit(
        id === 'compare-rates' ? by(lang, '城镇化率', 'Urbanisation rate') : by(lang, '差距', 'Gap'),
        unitLabel(id, lang),
        lang,
      ),
      domain: [id === 'compare-gap' ? Math.min(0, lo - pad) : Math.max(0, lo - pad), hi + pad],
      nice: true,
      grid: true,
    },
    marks: [
      id === 'compare-gap' ? Plot.ruleY([0]) : null,
      // Each target: a dashed rule from the start up to its year, and a hollow diamond at the year.
      Plot.ruleY(marks, {
        y: 'y',
        x1: from - 0.5,
        x2: (k: Mark) => k.t.year,
        stroke: (k: Mark) => k.c.color,
        strokeDasharray: TARGET.dash,
        strokeWidth: TARGET.width,
      }),
      ...metrics.map(line),
      // What happened: the published figures, filled dots in the scenario's colour.
      Plot.dot(published, {
        x: 'year',
        y: 'v',
        r: 3.5,
        fill: (p: Published) => p.c.color,
        stroke: 'white',
        strokeWidth: 1,
        className: 'compare-published',
        title: (p: Published) =>
          `${p.c.meta.city} ${p.year} ${by(lang, '公布值', 'published')} ${NAMES[p.m][lang]}: ${fmt(p.v, 1)}${p.m === 'gapPoints' ? by(lang, '个百分点', ' pp') : '%'}`,
      }),
      Plot.dot(marks, {
        x: (k: Mark) => k.t.year,
        y: 'y',
        symbol: 'diamond2',
        r: 6,
        stroke: (k: Mark) => k.c.color,
        strokeWidth: TARGET.diamondWidth,
        title: (k: Mark) => `${k.c.name}: ${(lang === 'en' && k.t.labelEn) || k.t.label} — ${verdict(k.t, lang)}`,
      }),
      Plot.text([...labels.values()], {
        x: (d: { mark: Mark }) => d.mark.t.year,
        y: (d: { mark: Mark }) => d.mark.y,
        text: (d: { mark: Mark }) =>
          by(lang, `目标 ${threshold(d.mark.t, lang)}`, `Target ${threshold(d.mark.t, lang)}`),
        textAnchor: 'start',
        dx: 9,
        dy: 11,
        fill: (d: { color: string }) => d.color,
        stroke: 'white',
        strokeWidth: 3,
      }),
    ],
    legend,
    ariaLabel: title(id, lang),
    ariaDescription: [
      compared.map((c) => c.name).join(by(lang, '、', ', ')),
      ...marks.map(
        (k) => `${k.c.name}: ${by(lang, '目标', 'target')} ${threshold(k.t, lang)} (${k.t.year}) ${verdict(k.t, lang)}`,
      ),
    ].join(by(lang, '；', '; ')),
  });
  return svg;
}

/** Year, each scenario's series, and each scenario's targets in their years. */
function table(id: CompareChartId, compared: readonly Compared[], lang: Lang): ChartTable {
  const unit = id === 'compare-rates' ? unitOf('percent', lang) : unitOf('points', lang);
  const years = [...new Set(compared.flatMap((c) => c.result.years))].sort((a, b) => a - b);
  const series = compared.flatMap((c) => METRICS[id].map((m) => ({ c, m })));
  const marks = marksOf(id, compared);
  const targetCols = [...new Map(marks.map((k) => [`${k.c.key}|${k.t.metric}`, k])).values()];
  return {
    columns: [
      YEAR[lang],
      ...series.map(({ c, m }) => withUnit(`${c.name}：${NAMES[m][lang]}`, unit.label, lang)),
      ...targetCols.map((k) =>
        withUnit(
          by(
            lang,
            `${k.c.name}：${NAMES[k.t.metric as Metric].zh}目标`,
            `${k.c.name}: ${NAMES[k.t.metric as Metric].en} target`,
          ),
          unit.label,
          lang,
        ),
      ),
    ],
    rows: years.map((year) => [
      year,
      ...series.map(({ c, m }) => {
        const i = c.result.years.indexOf(year);
        return i < 0 ? null : cell(c.result.series[m][i], unit);
      }),
      ...targetCols.map((col) => {
        const t = marks.find((k) => k.c === col.c && k.t.metric === col.t.metric && k.t.year === year);
        return t ? cell(t.t.target, unit) : null;
      }),
    ]),
  };
}

/** A Compare chart of the compared scenarios, for a {@link ChartCard} (the context gives the language). */
export function compareChart(id: CompareChartId, compared: readonly Compared[]): ChartSpec {
  return {
    id,
    title: (ctx: ChartContext) => title(id, ctx.lang),
    unit: (ctx: ChartContext) => unitLabel(id, ctx.lang),
    caption: (ctx: ChartContext) =>
      marksOf(id, compared).length === 0
        ? by(
            ctx.lang,
            '所比较的方案未在此图的指标上设定目标。',
            'None of the compared scenarios sets a target on this chart.',
          )
        : by(
            ctx.lang,
            '虚线段与空心菱形为各方案自己的目标（颜色同方案），菱形在目标年份；标签为目标值。',
            'Dashed rules and hollow diamonds: the targets each scenario sets (in its colour), the diamond at the target year; the label gives the threshold.',
          ),
    source: (ctx: ChartContext) =>
      by(
        ctx.lang,
        `各方案的模型预测：基年为公布的统计数据与标注的假设，此后为预测，不是统计数据。目标取自各方案的规划文件。方案：${compared.map((c) => c.name).join('、')}。`,
        `Model projections of each scenario: base year published statistics and labelled assumptions, later years projected, not statistics. Targets from the documents of the scenarios. Scenarios: ${compared.map((c) => c.name).join(', ')}.`,
      ),
    available: () => compared.length > 0,
    render: (ctx: ChartContext, width: number) => render(id, compared, ctx.lang, width),
    table: (ctx: ChartContext) => table(id, compared, ctx.lang),
  };
}
