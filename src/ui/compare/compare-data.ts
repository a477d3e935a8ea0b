/**
 * What the Compare screen shows, as plain data: the compared scenarios' key figures and their deltas to
 * the baseline, their targets side by side (one row per target several scenarios share, the others
 * grouped by scenario), and both tables as CSV files laid out like the charts' (BOM, title, unit line,
 * Chinese headers with units, source line).
 */
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import { metricDef } from '../../scenario/metrics';
import type { ProjectionResult } from '../../scenario/result';
import type { TargetResult } from '../../scenario/targets';
import { comparatorSign } from '../charts/rates';
import type { Lang } from '../charts/types';
import { cell, metricUnitOf, rounded, unitOf, withUnit } from '../charts/units';
import { by, metricLabel } from '../charts/words';
import { csvField } from '../export/chart-export';
import { metricValue, percent, points, tenThousands } from '../format';

/** One compared scenario with its run. */
export interface Compared {
  /** The Compare key: `current`, `preset:<id>` or a library entry's id. */
  readonly key: string;
  readonly name: string;
  /** Its colour in the charts and the tables' headers. */
  readonly color: string;
  readonly result: ProjectionResult;
  readonly view: ViewData;
  readonly meta: ScenarioMeta;
}

// ---------------------------------------------------------------------------------------------------
// Key figures

export type FigureKey = 'residentUrbanRate' | 'hukouUrbanRate' | 'gapPoints' | 'settlersCumulative';

export const FIGURES: readonly { readonly key: FigureKey; readonly zh: string; readonly en: string }[] = [
  { key: 'residentUrbanRate', zh: '常住人口城镇化率', en: 'Resident rate' },
  { key: 'hukouUrbanRate', zh: '户籍人口城镇化率', en: 'Hukou rate' },
  { key: 'gapPoints', zh: '两率差距', en: 'Gap' },
  { key: 'settlersCumulative', zh: '累计落户', en: 'Settlers since base year' },
];

const at = (r: ProjectionResult, key: string, year: number): number | null => {
  const i = r.years.indexOf(year);
  const s = r.series[key] as (number | null)[] | undefined;
  return i < 0 || !s ? null : (s[i] ?? null);
};

const cumulative = (r: ProjectionResult, year: number): number | null => {
  const i = r.years.indexOf(year);
  if (i < 0) return null;
  let s = 0;
  for (let k = 1; k <= i; k++) s += (r.series.settlers[k] as number | null) ?? 0;
  return s;
};

/** A key figure of a run in a year, in the result's units (rates as fractions, persons). */
export const figureOf = (r: ProjectionResult, key: FigureKey, year: number): number | null =>
  key === 'settlersCumulative' ? cumulative(r, year) : at(r, key, year);

/** A key figure as the table shows it. */
export function figureText(key: FigureKey, x: number | null, lang: Lang): string {
  if (key === 'gapPoints') return points(x, lang);
  if (key === 'settlersCumulative') return tenThousands(x, 1, lang);
  return percent(x);
}

const isRate = (key: FigureKey) => key === 'residentUrbanRate' || key === 'hukouUrbanRate';

/** A difference to the baseline: "+1.2 个百分点", "−3.4 万人"; a rounded zero reads "±0.0". */
export function deltaText(key: FigureKey, d: number, lang: Lang): string {
  const rate = isRate(key) || key === 'gapPoints';
  // Signs follow the rounded value, so a tiny difference reads "0.0", never "-0.0".
  const shown = rate ? (key === 'gapPoints' ? d : 100 * d) : d * 1e-4;
  const r = Math.round(shown * 10) / 10;
  const sign = r > 0 ? '+' : r < 0 ? '' : '±';
  if (rate) return `${sign}${Math.abs(r) === 0 ? '0.0' : r.toFixed(1)} ${lang === 'en' ? 'pp' : '个百分点'}`;
  return `${sign}${r === 0 ? tenThousands(0, 1, lang) : tenThousands(d, 1, lang)}`;
}

/** The years of the key-figure table: 2020 (the documents' year) and each scenario's horizon. */
export const figureYears = (compared: readonly Compared[]): number[] =>
  [2020, ...compared.map((c) => c.result.years[c.result.years.length - 1])].filter(
    (y, i, a) => y !== undefined && a.indexOf(y) === i,
  );

// ---------------------------------------------------------------------------------------------------
// Targets

/** One target row: a target (id, metric, year) with each compared scenario's result of it, or null. */
export interface TargetRow {
  readonly key: string;
  readonly id: string;
  readonly metric: TargetResult['metric'];
  readonly year: number;
  /** Per compared scenario, in their order: its result of this target, or null when it sets none. */
  readonly cells: readonly (TargetResult | null)[];
}

export interface TargetGroups {
  /** Targets that two or more compared scenarios set. */
  readonly shared: readonly TargetRow[];
  /** The rest, grouped by the one scenario that sets them (scenarios without such targets left out). */
  readonly own: readonly { readonly index: number; readonly rows: readonly TargetRow[] }[];
}

const targetKey = (t: TargetResult) => `${t.id}|${t.metric}|${t.year}`;

/** The compared scenarios' targets, matched by id, metric and year, in the order they first appear. */
export function targetGroups(compared: readonly Compared[]): TargetGroups {
  const rows = new Map<string, TargetRow>();
  compared.forEach((c, i) => {
    for (const t of c.result.targets) {
      const key = targetKey(t);
      const row = rows.get(key) ?? {
        key,
        id: t.id,
        metric: t.metric,
        year: t.year,
        cells: compared.map(() => null),
      };
      (row.cells as (TargetResult | null)[])[i] ??= t;
      rows.set(key, row);
    }
  });
  const all = [...rows.values()];
  const count = (r: TargetRow) => r.cells.filter((c) => c !== null).length;
  return {
    shared: all.filter((r) => count(r) > 1),
    own: compared
      .map((_, index) => ({ index, rows: all.filter((r) => count(r) === 1 && r.cells[index] !== null) }))
      .filter((g) => g.rows.length > 0),
  };
}

/** A target's threshold: "≥72.0%", "≤5.0 个百分点". */
export const thresholdText = (t: TargetResult, lang: Lang): string =>
  `${comparatorSign(t.comparator)}${metricValue(t.metric, t.target, lang)}`;

/** The common threshold of a row's targets, or null when the scenarios set different ones. */
export function commonThreshold(row: TargetRow): TargetResult | null {
  const ts = row.cells.filter((c): c is TargetResult => c !== null);
  return ts.every((t) => t.target === ts[0].target && t.comparator === ts[0].comparator) ? ts[0] : null;
}

/** How far a value falls short, in the unit a planner reads it: rates in percentage points. */
export function shortfallText(t: TargetResult, lang: Lang): string {
  if (t.shortfall === null) return '';
  return metricDef(t.metric)?.kind === 'rate'
    ? points(t.shortfall * 100, lang)
    : metricValue(t.metric, t.shortfall, lang);
}

/** "2020年 常住人口城镇化率" / "Resident urbanisation rate, 2020". */
export const targetName = (row: Pick<TargetRow, 'metric' | 'year'>, lang: Lang): string =>
  by(lang, `${row.year}年 ${metricLabel(row.metric, lang)}`, `${metricLabel(row.metric, lang)}, ${row.year}`);

// ---------------------------------------------------------------------------------------------------
// CSV

/** A table as a CSV file like the charts': BOM, title, unit line, header, rows, a blank line, the source. */
export function tableCsv(
  title: string,
  unitLine: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  source: string,
): string {
  const row = (cells: readonly (string | number | null | undefined)[]) => cells.map(csvField).join(',');
  const lines = [csvField(title), csvField(unitLine), row(columns), ...rows.map(row), '', csvField(source)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const sourceOf = (compared: readonly Compared[], lang: Lang) =>
  by(
    lang,
    `资料来源：各方案的模型预测（基年为公布的统计数据与标注的假设，此后为预测，不是统计数据）；方案：${compared.map((c) => c.name).join('、')}。`,
    `Source: model projections of each scenario (base year: published statistics and labelled assumptions; later years projected, not statistics); scenarios: ${compared.map((c) => c.name).join(', ')}.`,
  );

/** The unit of a key figure in the CSV (and the factor from the result's unit). */
function figureUnit(key: FigureKey, lang: Lang) {
  return isRate(key) ? unitOf('percent', lang) : key === 'gapPoints' ? unitOf('points', lang) : unitOf('persons', lang);
}

/** The key-figure table as CSV: one row per scenario, each year's figures and their deltas to the baseline. */
export function figuresCsv(compared: readonly Compared[], baseline: Compared | null, lang: Lang): string {
  const years = figureYears(compared);
  const pts = unitOf('points', lang);
  const columns = [
    by(lang, '方案', 'Scenario'),
    by(lang, '是否基准', 'Baseline'),
    ...years.flatMap((y) =>
      FIGURES.flatMap((f) => {
        const u = figureUnit(f.key, lang);
        const name = by(lang, `${y}年 ${f.zh}`, `${y} ${f.en}`);
        const du = isRate(f.key) ? pts.label : u.label;
        return [withUnit(name, u.label, lang), withUnit(by(lang, `${name} 较基准`, `${name} vs baseline`), du, lang)];
      }),
    ),
  ];
  const rows = compared.map((c) => [
    c.name,
    c === baseline ? by(lang, '是', 'yes') : '',
    ...years.flatMap((y) =>
      FIGURES.flatMap((f) => {
        const u = figureUnit(f.key, lang);
        const v = figureOf(c.result, f.key, y);
        const b = baseline && c !== baseline ? figureOf(baseline.result, f.key, y) : null;
        // Rates differ in percentage points (fractions × 100); the rest in the figure's own unit.
        const d = v === null || b === null ? null : isRate(f.key) ? rounded(100 * (v - b), pts.digits) : cell(v - b, u);
        return [cell(v, u), d];
      }),
    ),
  ]);
  return tableCsv(
    by(lang, '方案比较：主要指标', 'Scenario comparison: key figures'),
    by(
      lang,
      '单位：见各列（%、个百分点、万人）；较基准 = 方案 − 基准',
      'Unit: per column (%, percentage points, thousand persons); vs baseline = scenario − baseline',
    ),
    columns,
    rows,
    sourceOf(compared, lang),
  );
}

/** The targets as CSV, one row per target and scenario: threshold, projected value, met, shortfall. */
export function targetsCsv(compared: readonly Compared[], lang: Lang): string {
  const { shared, own } = targetGroups(compared);
  const rows = [...shared, ...own.flatMap((g) => g.rows)].flatMap((row) =>
    row.cells.flatMap((t, i) => {
      if (!t) return [];
      const u = metricUnitOf(t.metric, lang);
      const short = metricDef(t.metric)?.kind === 'rate' ? unitOf('points', lang) : u;
      const shortfall =
        t.shortfall === null
          ? null
          : metricDef(t.metric)?.kind === 'rate'
            ? rounded(100 * t.shortfall, short.digits)
            : cell(t.shortfall, u);
      return [
        [
          compared[i].name,
          t.id,
          lang === 'en' ? t.labelEn || t.label : t.label,
          metricLabel(t.metric, lang),
          t.year,
          comparatorSign(t.comparator),
          cell(t.target, u),
          cell(t.value, u),
          u.label,
          t.value === null
            ? by(lang, '超出预测期', 'beyond the horizon')
            : t.met
              ? by(lang, '是', 'yes')
              : by(lang, '否', 'no'),
          shortfall,
          short.label,
        ],
      ];
    }),
  );
  return tableCsv(
    by(lang, '方案比较：目标', 'Scenario comparison: targets'),
    by(
      lang,
      '单位：见“单位”列；比率的差距以个百分点计',
      'Unit: see the unit columns; shortfalls of rates in percentage points',
    ),
    [
      by(lang, '方案', 'Scenario'),
      by(lang, '目标编号', 'Target id'),
      by(lang, '目标', 'Target'),
      by(lang, '指标', 'Metric'),
      by(lang, '目标年份', 'Year'),
      by(lang, '比较', 'Comparator'),
      by(lang, '目标值', 'Target value'),
      by(lang, '预测值', 'Projected value'),
      by(lang, '单位', 'Unit'),
      by(lang, '是否达到', 'Met'),
      by(lang, '距目标', 'Shortfall'),
      by(lang, '距目标单位', 'Unit of the shortfall'),
    ],
    rows,
    sourceOf(compared, lang).replace(
      lang === 'en' ? /\.$/ : /。$/,
      by(lang, '；目标取自各方案的规划文件。', '; targets from the documents of the scenarios.'),
    ),
  );
}
