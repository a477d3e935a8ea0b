/**
 * "How far can I trust this" (PRODUCT.md): from the evaluation rows and the scenario's sources, how far
 * the base year sits from the published totals, how far the projection has strayed from what was
 * published since, and how many inputs are published figures rather than labelled assumptions.
 */
import type { EvaluationRow } from '../../analysis/evaluate';
import { isAssumption } from '../brief/brief-content';

export interface MetricFit {
  readonly metric: string;
  /** Comparable observations after the base year. */
  readonly count: number;
  /** Mean absolute difference, in the metric's unit (fractions for rates, points for the gap, persons). */
  readonly meanAbs: number;
  /** The largest difference by absolute value, signed, and its year. */
  readonly worst: { readonly year: number; readonly difference: number };
}

export interface TrustSummary {
  /** Largest absolute base-year difference over the metrics published for it (0 by construction). */
  readonly baseYearMaxAbs: number | null;
  readonly fits: readonly MetricFit[];
  /** Observations not compared (another hukou definition), which a reader should know were left out. */
  readonly notComparable: number;
  readonly inputs: { readonly sourced: number; readonly assumptions: number };
}

export function trustSummary(rows: readonly EvaluationRow[], sources: Readonly<Record<string, string>>): TrustSummary {
  const base = rows.filter((r) => r.baseYear && r.difference !== null && !r.derived);
  const later = rows.filter((r) => !r.baseYear && r.comparable && r.difference !== null && !r.derived);
  const metrics = [...new Set(later.map((r) => r.metric))];
  const fits = metrics.map((metric) => {
    const rs = later.filter((r) => r.metric === metric);
    const worst = rs.reduce((a, r) => (Math.abs(r.difference!) > Math.abs(a.difference!) ? r : a));
    return {
      metric,
      count: rs.length,
      meanAbs: rs.reduce((s, r) => s + Math.abs(r.difference!), 0) / rs.length,
      worst: { year: worst.year, difference: worst.difference! },
    };
  });
  const values = Object.values(sources);
  const assumptions = values.filter(isAssumption).length;
  return {
    baseYearMaxAbs: base.length ? Math.max(...base.map((r) => Math.abs(r.difference!))) : null,
    fits,
    notComparable: rows.filter((r) => !r.comparable).length,
    inputs: { sourced: values.length - assumptions, assumptions },
  };
}
