/**
 * The observations a calibration fits (calibrate.ts): which are left out and why, and the scale each
 * residual is divided by so that rates, points and populations add up.
 */
import type { ProjectionResult } from '../scenario/result';
import type { ObservationMetric, Scenario } from '../scenario/schema';
import { DEFINITION_METRICS } from './evaluate';

export type ObservationMetricName = (typeof ObservationMetric.options)[number];

const RATE_METRICS = new Set<string>(['residentUrbanRate', 'hukouUrbanRate']);

/** The scale a residual is divided by (see the module comment). */
export const residualScale = (metric: string, observed: number): number =>
  RATE_METRICS.has(metric) ? 1 : metric === 'gapPoints' ? 100 : Math.abs(observed) || 1;

export interface Point {
  readonly metric: ObservationMetricName;
  readonly year: number;
  readonly value: number;
  readonly scale: number;
}

export type Observation = Extract<Scenario['observed'], unknown[]>[number];

/** Why an observation is not fitted, or null when it is. */
export function exclusion(
  o: Observation,
  s: Scenario,
  result: ProjectionResult,
  metrics: ReadonlySet<string>,
): string | null {
  if (!metrics.has(o.metric)) return 'metric not among the fitted metrics';
  if (o.year < s.baseYear) return `before the base year ${s.baseYear}`;
  if (o.year === s.baseYear)
    return 'base year: reproduced by construction, so it carries no information on the unknowns';
  if (o.year > s.until) return `after the end of the projection (${s.until})`;
  const def = result.hukouDefinition[result.years.indexOf(o.year)];
  if (DEFINITION_METRICS.has(o.metric) && o.definition && o.definition !== def)
    return `observed under the ${o.definition} definition, projected under the ${def} definition in ${o.year}: not comparable`;
  return null;
}
