/** Target results: the value in the target year, met or not, the first year met, the shortfall. */
import type { TargetSpec } from './schema';

export interface TargetResult {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly metric: TargetSpec['metric'];
  readonly year: number;
  readonly comparator: '>=' | '<=';
  /** The target, in the metric's unit (rates as fractions, gap in points, people as persons). */
  readonly target: number;
  /** The projected value in the target year; null when the run ends before it. */
  readonly value: number | null;
  readonly met: boolean;
  /** First projected year (base year included) in which the comparison holds, or null. */
  readonly firstYearMet: number | null;
  /** How far the value falls short of the target (0 when met), in the metric's unit. */
  readonly shortfall: number | null;
  readonly clause?: string;
}

const holds = (cmp: '>=' | '<=', v: number, t: number) => (cmp === '>=' ? v >= t : v <= t);

/**
 * @param seriesOf returns the yearly values of a metric (index i = years[i])
 */
export function evaluateTargets(
  targets: readonly TargetSpec[],
  years: readonly number[],
  seriesOf: (metric: TargetSpec['metric']) => ArrayLike<number>,
): TargetResult[] {
  return targets.map((t) => {
    const s = seriesOf(t.metric);
    const i = years.indexOf(t.year);
    const v = i >= 0 && Number.isFinite(s[i]) ? s[i] : null;
    let first: number | null = null;
    for (let j = 0; j < years.length; j++) {
      if (Number.isFinite(s[j]) && holds(t.comparator, s[j], t.value)) {
        first = years[j];
        break;
      }
    }
    const met = v !== null && holds(t.comparator, v, t.value);
    return {
      id: t.id,
      label: t.label,
      ...(t.labelEn ? { labelEn: t.labelEn } : {}),
      metric: t.metric,
      year: t.year,
      comparator: t.comparator,
      target: t.value,
      value: v,
      met,
      firstYearMet: first,
      shortfall: v === null ? null : met ? 0 : Math.abs(t.value - v),
      ...(t.clause ? { clause: t.clause } : {}),
    };
  });
}

/** A published figure as the scenario's `observed` series carry it (the view's ObservedPoint fits). */
export interface PublishedPoint {
  readonly metric: string;
  readonly year: number;
  readonly value: number;
  readonly source?: string;
  /** The hukou definition of a registered-population figure, where it says. */
  readonly definition?: 'address' | 'nonAgricultural';
}

/** What happened: a target checked against the published figure of its year (issue 19, evaluation). */
export interface PublishedOutcome {
  readonly value: number;
  readonly met: boolean;
  /** How far it fell short (0 when met), in the metric's unit. */
  readonly shortfall: number;
  readonly source: string;
  /** The gap worked out from the two published rates of the year, not published itself. */
  readonly derived: boolean;
}

/**
 * The published outcome of a target, where the year's figure is published: the metric itself, or for the
 * gap the two rates of that year (resident minus hukou, in points), under the projection's hukou
 * `definition` of that year where one is given. Null where nothing was published.
 */
export function publishedOutcome(
  t: TargetResult,
  observed: readonly PublishedPoint[],
  definition?: 'address' | 'nonAgricultural',
): PublishedOutcome | null {
  // A figure under another hukou definition than the projection's in that year is not this target's outcome.
  const at = (metric: string) =>
    observed.find(
      (o) => o.metric === metric && o.year === t.year && !(definition && o.definition && o.definition !== definition),
    );
  const outcome = (value: number, source: string, derived: boolean): PublishedOutcome => {
    const met = holds(t.comparator, value, t.target);
    return { value, met, shortfall: met ? 0 : Math.abs(t.target - value), source, derived };
  };
  const direct = at(t.metric);
  if (direct && Number.isFinite(direct.value)) return outcome(direct.value, direct.source ?? '', false);
  if (t.metric === 'gapPoints') {
    const r = at('residentUrbanRate');
    const h = at('hukouUrbanRate');
    if (r && h && Number.isFinite(r.value) && Number.isFinite(h.value))
      return outcome((r.value - h.value) * 100, [r.source, h.source].filter(Boolean).join('; '), true);
  }
  return null;
}
