/**
 * Units the charts show, per language, with the factor from the result's units (persons, yuan, fractions)
 * and the rounding of the CSV table. Chinese uses the officials' units (万人, 亿元); English uses
 * thousands and CNY million, as the page's key figures do (src/ui/format.ts).
 */
import { metricDef } from '../../scenario/metrics';
import type { Lang } from './types';
import { grouped } from '../format';

export interface Unit {
  /** Divide a result value by this to get the displayed value. */
  readonly per: number;
  readonly label: string;
  /** Decimals kept in the table: fine enough that sums across columns agree with the totals. */
  readonly digits: number;
}

type UnitKind = 'persons' | 'yuan' | 'yuanPerPerson' | 'percent' | 'points' | 'hectares';

const UNITS: Record<UnitKind, Record<Lang, Unit>> = {
  persons: { zh: { per: 1e4, label: '万人', digits: 3 }, en: { per: 1e3, label: 'thousand persons', digits: 2 } },
  yuan: { zh: { per: 1e8, label: '亿元', digits: 3 }, en: { per: 1e6, label: 'CNY million', digits: 1 } },
  yuanPerPerson: { zh: { per: 1, label: '元/人', digits: 0 }, en: { per: 1, label: 'CNY per person', digits: 0 } },
  percent: { zh: { per: 0.01, label: '%', digits: 2 }, en: { per: 0.01, label: '%', digits: 2 } },
  points: { zh: { per: 1, label: '个百分点', digits: 2 }, en: { per: 1, label: 'percentage points', digits: 2 } },
  hectares: { zh: { per: 1, label: '公顷', digits: 1 }, en: { per: 1, label: 'ha', digits: 1 } },
};

export const unitOf = (kind: UnitKind, lang: Lang): Unit => UNITS[kind][lang];

/** The displayed unit of a metric of the registry (src/scenario/metrics.ts), by its kind. */
export const metricUnitOf = (metric: string, lang: Lang): Unit => {
  const kind = metricDef(metric)?.kind ?? 'persons';
  return unitOf(kind === 'rate' ? 'percent' : kind, lang);
};

/** A result value in the displayed unit; null (a base-year flow, a missing value) stays null. */
export const scaled = (x: number | null | undefined, u: Unit): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x / u.per : null;

/** Rounded to `digits` decimals, for tables. */
export const rounded = (x: number | null, digits: number): number | null => {
  if (x === null) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** A displayed value rounded for its unit's table column. */
export const cell = (x: number | null | undefined, u: Unit): number | null => rounded(scaled(x, u), u.digits);

/** "名称（单位）" in Chinese, "Name (unit)" in English: the form of every column and axis label. */
export const withUnit = (name: string, unit: string, lang: Lang): string =>
  lang === 'en' ? `${name} (${unit})` : `${name}（${unit}）`;

/** A number for labels: grouped thousands, a fixed number of decimals. */
export const fmt = (x: number, digits = 0): string => grouped(x, digits);
