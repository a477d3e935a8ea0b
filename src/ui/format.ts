/**
 * Numbers in the units officials use: rates as % with one decimal, gaps in 个百分点, people in 万人.
 * Missing values (null, NaN) read "—".
 */
import type { TargetResult } from '../scenario/targets';

const DASH = '—';
const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const fixed = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s; // no "-0.0"
};

/** A fraction 0–1 as a percentage: 0.699996 → "70.0%". */
export const percent = (x: number | null | undefined): string => (ok(x) ? `${fixed(100 * x, 1)}%` : DASH);

/** Percentage points: 4.52 → "4.5 个百分点". */
export const points = (x: number | null | undefined): string => (ok(x) ? `${fixed(x, 1)} 个百分点` : DASH);

/** Persons in 万人 (10,000 persons): 4701400 → "470.1 万人". */
export const tenThousands = (x: number | null | undefined, digits = 1): string =>
  ok(x) ? `${fixed(x / 1e4, digits)} 万人` : DASH;

/** A value of a target's metric in that metric's unit. */
export function metricValue(metric: TargetResult['metric'], x: number | null | undefined): string {
  switch (metric) {
    case 'residentUrbanRate':
    case 'hukouUrbanRate':
      return percent(x);
    case 'gapPoints':
      return points(x);
    default:
      return tenThousands(x);
  }
}

/** A target's comparator in words: ">=" → "不低于". */
export const comparatorWords = (c: TargetResult['comparator']): string => (c === '>=' ? '不低于' : '不高于');
