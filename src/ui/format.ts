/**
 * Numbers in the units officials use: rates as % with one decimal, gaps in 个百分点 (percentage points),
 * people in 万人 (in English: thousands), money in 亿元 and 元/人. Missing values (null, NaN) read "—".
 */
import type { TargetResult } from '../scenario/targets';
import { metricDef } from '../scenario/metrics';
import type { Lang } from './charts/types';

const DASH = '—';
const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const fixed = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s; // no "-0.0"
};
// One formatter per number of decimals: toLocaleString with options builds a new Intl.NumberFormat on
// every call, which made a chart redraw (thousands of tick and tip labels) tens of milliseconds slower.
const FORMATTERS = new Map<number, Intl.NumberFormat>();
/** Grouped thousands with a fixed number of decimals: 12345.6 → "12,345.6". */
export function grouped(x: number, digits: number): string {
  let f = FORMATTERS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    FORMATTERS.set(digits, f);
  }
  return f.format(x);
}

/** A fraction 0–1 as a percentage: 0.699996 → "70.0%". */
export const percent = (x: number | null | undefined): string => (ok(x) ? `${fixed(100 * x, 1)}%` : DASH);

/** Percentage points: 4.52 → "4.5 个百分点" / "4.5 pp". */
export const points = (x: number | null | undefined, lang: Lang = 'zh'): string =>
  ok(x) ? `${fixed(x, 1)} ${lang === 'en' ? 'pp' : '个百分点'}` : DASH;

/** Persons in 万人 (10,000 persons): 4701400 → "470.1 万人"; in English, thousands: "4,701.4 thousand". */
export const tenThousands = (x: number | null | undefined, digits = 1, lang: Lang = 'zh'): string => {
  if (!ok(x)) return DASH;
  return lang === 'en' ? `${grouped(x / 1e3, Math.max(0, digits))} thousand` : `${fixed(x / 1e4, digits)} 万人`;
};

/** Yuan in 亿元 (10⁸ yuan): 1.234e9 → "12.34 亿元"; in English, CNY million. */
export const hundredMillionYuan = (x: number | null | undefined, lang: Lang = 'zh'): string => {
  if (!ok(x)) return DASH;
  return lang === 'en' ? `CNY ${grouped(x / 1e6, 0)} million` : `${fixed(x / 1e8, 2)} 亿元`;
};

/** Yuan per person: 66825.3 → "66,825 元/人". */
export const yuanPerPerson = (x: number | null | undefined, lang: Lang = 'zh'): string =>
  ok(x) ? (lang === 'en' ? `CNY ${grouped(x, 0)} per person` : `${grouped(x, 0)} 元/人`) : DASH;

/** A value of a metric in its unit, by its kind in the registry (src/scenario/metrics.ts). */
export function metricValue(
  metric: TargetResult['metric'] | (string & {}),
  x: number | null | undefined,
  lang: Lang = 'zh',
): string {
  switch (metricDef(metric)?.kind) {
    case 'rate':
      return percent(x);
    case 'points':
      return points(x, lang);
    case 'yuan':
      return hundredMillionYuan(x, lang);
    default:
      return tenThousands(x, 1, lang);
  }
}

/** A target's comparator in words: ">=" → "不低于" / "at least". */
export const comparatorWords = (c: TargetResult['comparator'], lang: Lang = 'zh'): string =>
  lang === 'en' ? (c === '>=' ? 'at least' : 'at most') : c === '>=' ? '不低于' : '不高于';

/** A lever's unit (the scenario's, in Chinese) in the page's language: the English page once kept 年 and 岁. */
const UNITS_EN: Readonly<Record<string, string>> = {
  年: 'years',
  岁: 'years of age',
  人: 'persons',
  '人/年': 'persons a year',
  比例: 'share',
  '比例/年': 'share a year',
  '±比例': '± share',
  倍: '×',
  '元/人': 'CNY per person',
  分: 'points',
  '孩/妇女': 'children per woman',
  '平方米/人': 'm² per person',
  '是/否': 'yes/no',
};
export const unitIn = (unit: string, lang: Lang): string => (lang === 'en' ? (UNITS_EN[unit] ?? unit) : unit);

/** Province and city as a heading reads them: “江苏省常州市”; the nation once read “全国全国”. */
export const placeName = (city: string, province?: string): string =>
  province && !city.startsWith(province) && province !== city ? `${province}${city}` : city;
