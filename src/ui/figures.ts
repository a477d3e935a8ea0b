/**
 * The headline figures of a result, picked without rendering: the years shown (base year, 2020,
 * last year) and each series' value in them.
 */
import type { ProjectionResult, Series } from '../scenario/result';

/** Milestone year of the source documents' targets. */
export const MILESTONE_YEAR = 2020;

/**
 * Base year, 2020 (when projected), the document's evaluation years and the last year, without
 * duplicates, in order.
 */
export function headlineYears(result: ProjectionResult, evaluations: readonly number[] = []): number[] {
  const { years } = result;
  if (years.length === 0) return [];
  const picked = [years[0], MILESTONE_YEAR, ...evaluations, years[years.length - 1]].filter((y) => years.includes(y));
  return [...new Set(picked)].sort((a, b) => a - b);
}

/** A series' value in a year, or null when the year is not projected or the value is missing. */
export function valueAt(result: ProjectionResult, series: Series | undefined, year: number): number | null {
  const i = result.years.indexOf(year);
  return i < 0 || !series ? null : (series[i] ?? null);
}
