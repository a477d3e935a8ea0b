/**
 * Stacking of yearly series into rectangles or areas, done here rather than by Plot's stack transform
 * so that missing values (base-year flows are null) leave a gap instead of a zero, and so that the
 * shaping can be tested without drawing.
 */
import type { Series } from '../../scenario/result';
import { scaled, type Unit } from './units';

export interface StackPart {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly values: Series;
}

export interface Stacked {
  readonly year: number;
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** The part's own value, in the displayed unit. */
  readonly value: number;
  readonly y1: number;
  readonly y2: number;
}

/**
 * Parts stacked in order, year by year, in the displayed unit. Positive values stack upwards from 0 and
 * negative ones downwards; a null leaves the part out of that year.
 */
export function stackParts(years: readonly number[], parts: readonly StackPart[], unit: Unit): Stacked[] {
  const out: Stacked[] = [];
  years.forEach((year, i) => {
    let up = 0;
    let down = 0;
    for (const p of parts) {
      const v = scaled(p.values[i], unit);
      if (v === null) continue;
      const from = v >= 0 ? up : down;
      const to = from + v;
      if (v >= 0) up = to;
      else down = to;
      out.push({ year, key: p.key, label: p.label, color: p.color, value: v, y1: from, y2: to });
    }
  });
  return out;
}

/** Sum of the stacked parts per year (the height of each bar), for the y domain. */
export function stackTotals(stacked: readonly Stacked[]): number[] {
  const top = new Map<number, number>();
  for (const s of stacked) top.set(s.year, Math.max(top.get(s.year) ?? 0, s.y2, s.y1));
  return [...top.values()];
}
