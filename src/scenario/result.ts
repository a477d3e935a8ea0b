/**
 * The JSON result of INTERFACES.md from a projection's typed arrays.
 * Rates are fractions 0–1, the gap is in percentage points, people are
 * persons; NaN (flows of the base year) becomes null.
 */
import type { DecompositionResult } from '../model/decomposition';
import { SERIES, type ProjectionOutput } from '../model/output';
import type { Scenario, TargetSpec } from './schema';
import { evaluateTargets, type TargetResult } from './targets';

export type Series = (number | null)[];

export interface ProjectionResult {
  scenario: { id: string; name: string; baseYear: number; until: number; version: number };
  years: number[];
  series: Record<string, Series> & {
    settlersByChannel: Record<string, Series>;
    settlersByOrigin: { localRural: Series; elsewhere: Series };
    settlersByZone: Record<string, Series>;
    channelDemand: Record<string, Series>;
    nonRegisteredByZone: Record<string, Series>;
  };
  /** Hukou definition in force in each year (MODEL.md §2): evaluations must not compare across it unawares. */
  hukouDefinition: ('address' | 'nonAgricultural')[];
  targets: TargetResult[];
  decomposition: {
    residual: DecompositionResult['residual'];
    states: DecompositionResult['totals'];
    warnings: readonly string[];
  };
}

/** Rounds to 6 significant digits beyond the integer part: stable text output, well inside model precision. */
const clean = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(12)) : null);
const toSeries = (a: ArrayLike<number>, from = 0, n = a.length): Series => {
  const out: Series = new Array(n);
  for (let i = 0; i < n; i++) out[i] = clean(a[from + i]);
  return out;
};

export function cumulative(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  let t = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i])) t += a[i];
    out[i] = i === 0 ? 0 : t;
  }
  return out;
}

export function metricSeries(out: ProjectionOutput, metric: TargetSpec['metric']): ArrayLike<number> {
  if (metric === 'settlersCumulative') return cumulative(out.series.settlers);
  return out.series[metric];
}

export function buildResult(
  s: Scenario,
  out: ProjectionOutput,
  decomposition: DecompositionResult,
  definitionByYear: readonly ('address' | 'nonAgricultural')[],
): ProjectionResult {
  const n = out.steps + 1;
  const years = Array.from({ length: n }, (_, i) => out.baseYear + i);
  const series: Record<string, unknown> = {};
  for (const name of SERIES) series[name] = toSeries(out.series[name]);
  const byKey = (keys: readonly string[], arr: Float64Array) =>
    Object.fromEntries(keys.map((k, j) => [k, toSeries(arr, j * n, n)]));
  series.settlersByChannel = byKey(out.channelIds, out.settlersByChannel);
  series.channelDemand = byKey(out.channelIds, out.channelDemand);
  series.settlersByOrigin = {
    localRural: toSeries(out.settlersByOrigin, 0, n),
    elsewhere: toSeries(out.settlersByOrigin, n, n),
  };
  series.settlersByZone = byKey(out.zoneIds, out.settlersByZone);
  const nonReg = new Float64Array(out.zoneIds.length * n);
  for (let j = 0; j < nonReg.length; j++) nonReg[j] = out.zoneUA[j] + out.zoneUN[j];
  series.nonRegisteredByZone = byKey(out.zoneIds, nonReg);

  const baseDef =
    s.hukouDefinition.definition === 'address' ||
    (s.hukouDefinition.switchYear !== null && s.baseYear >= s.hukouDefinition.switchYear)
      ? 'address'
      : 'nonAgricultural';
  return {
    scenario: { id: s.id, name: s.name, baseYear: s.baseYear, until: s.until, version: s.version },
    years,
    series: series as ProjectionResult['series'],
    hukouDefinition: [baseDef, ...definitionByYear],
    targets: evaluateTargets(s.targets, years, (m) => metricSeries(out, m)),
    decomposition: {
      residual: decomposition.residual,
      states: decomposition.totals,
      warnings: decomposition.warnings,
    },
  };
}
