/**
 * Evaluation (MODEL.md §9): observed values (bulletins, censuses) beside the projection, as the documents'
 * mid-term (2018) and summary (2020) evaluations require. One row per observation within the projection,
 * the base year included and flagged; where a year has both rates observed but no gap, the observed gap is
 * derived from them. Rows that match a target's metric and year carry its id. A hukou figure observed under
 * another registration definition than the projection's in its year (MODEL.md §2) is shown but not compared:
 * `comparable: false`, no difference, and a note.
 */
import type { ProjectionResult } from '../scenario/result';
import { ObservationMetric, type Scenario } from '../scenario/schema';

type Definition = 'address' | 'nonAgricultural';

export interface EvaluationRow {
  readonly metric: string;
  readonly year: number;
  readonly observed: number;
  /** The projection's value (rates as fractions, the gap in points, people as persons). */
  readonly projected: number | null;
  /** projected − observed; null when not comparable. */
  readonly difference: number | null;
  readonly source: string;
  readonly definitionObserved?: Definition;
  readonly definitionProjected?: Definition;
  readonly comparable: boolean;
  readonly note?: string;
  /** The base year: the projection starts from the published totals, so agreement there is by construction. */
  readonly baseYear?: true;
  /** Derived from other observations (the gap from the two rates). */
  readonly derived?: true;
  /** The target this row evaluates (same metric and year). */
  readonly targetId?: string;
  /** Whether the observed value meets that target (when comparable). */
  readonly observedMeetsTarget?: boolean;
  readonly confidence?: string;
}

/** Metrics whose value depends on what counts as an urban registration (MODEL.md §2's definition break). */
export const DEFINITION_METRICS: ReadonlySet<string> = new Set(['hukouUrbanRate', 'urbanHukouPop', 'gapPoints']);
const ORDER: readonly string[] = ObservationMetric.options;

type Observation = Extract<Scenario['observed'], unknown[]>[number];

/** The observed values of `scenario` beside `result` (a run of it), sorted by metric (schema order), then year. */
export function evaluate(scenario: Scenario, result: ProjectionResult): EvaluationRow[] {
  const observed: Observation[] = Array.isArray(scenario.observed) ? scenario.observed : [];
  const inRange = observed.filter((o) => result.years.includes(o.year));

  // The gap from the two observed rates of a year, when the gap itself is not observed.
  const derived: Observation[] = [];
  for (const r of inRange.filter((o) => o.metric === 'residentUrbanRate')) {
    const h = inRange.find((o) => o.metric === 'hukouUrbanRate' && o.year === r.year);
    if (!h || inRange.some((o) => o.metric === 'gapPoints' && o.year === r.year)) continue;
    derived.push({
      metric: 'gapPoints',
      year: r.year,
      value: 100 * (r.value - h.value),
      source: `derived: 100 × (residentUrbanRate − hukouUrbanRate); ${r.source}; ${h.source}`,
      ...(h.definition ? { definition: h.definition } : {}),
    });
  }

  const rows = [...inRange, ...derived].map((o): EvaluationRow => {
    const i = result.years.indexOf(o.year);
    const series = result.series[o.metric] as (number | null)[] | undefined;
    const projected = series?.[i] ?? null;
    const notes: string[] = [];
    let comparable = projected !== null;
    let definitions: { definitionObserved?: Definition; definitionProjected?: Definition } = {};
    if (DEFINITION_METRICS.has(o.metric)) {
      const dp = result.hukouDefinition[i];
      definitions = { ...(o.definition ? { definitionObserved: o.definition } : {}), definitionProjected: dp };
      if (o.definition && o.definition !== dp) {
        comparable = false;
        notes.push(
          `observed under the ${o.definition} definition, projected under the ${dp} definition: not comparable across the definition break (MODEL.md §2)`,
        );
      } else if (!o.definition) notes.push(`definition not stated; taken as the projection's (${dp})`);
    }
    const isBase = o.year === scenario.baseYear;
    if (isBase) notes.push('base year: the projection starts from the published totals');
    const isDerived = derived.includes(o);
    const target = scenario.targets.find((t) => t.metric === o.metric && t.year === o.year);
    if (o.note) notes.push(o.note);
    return {
      metric: o.metric,
      year: o.year,
      observed: o.value,
      projected,
      difference: comparable && projected !== null ? projected - o.value : null,
      source: o.source,
      ...definitions,
      comparable,
      ...(notes.length ? { note: notes.join('; ') } : {}),
      ...(isBase ? { baseYear: true as const } : {}),
      ...(isDerived ? { derived: true as const } : {}),
      ...(target
        ? {
            targetId: target.id,
            ...(comparable
              ? { observedMeetsTarget: target.comparator === '>=' ? o.value >= target.value : o.value <= target.value }
              : {}),
          }
        : {}),
      ...(o.confidence ? { confidence: o.confidence } : {}),
    };
  });
  const rank = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length);
  return rows.sort(
    (a, b) => rank(a.metric) - rank(b.metric) || a.year - b.year || Number(!!a.derived) - Number(!!b.derived),
  );
}
