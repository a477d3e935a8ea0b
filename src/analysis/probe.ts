/**
 * What every deterministic analysis (goal seek, sensitivity, calibration) needs from the model: the scenario
 * as the user runs it (parts merged, their overrides applied, validated once) and runs of it under further
 * overrides, counted. Each probe is one JSON document plus overrides, so whatever an analysis finds can be
 * handed back as `--set` overrides on the same command line.
 */
import { applyChecked } from '../scenario/apply-checked';
import { runResolved, runScenario } from '../scenario/run';
import type { Override } from '../scenario/load';
import { loadScenario } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario } from '../scenario/schema';
import { analysisBase } from './apply';

/** Reports progress: `done` of `total` model runs (total may be an upper bound). */
export type Progress = (done: number, total: number) => void;

export interface Probe {
  /** The merged document with the user's overrides, `include` dropped (every part is in it already). */
  readonly doc: Record<string, unknown>;
  /** `doc` validated and resolved. */
  readonly scenario: Scenario;
  /** The run at the user's settings. */
  readonly base: ProjectionResult;
  /** Runs `doc` with further overrides (throws ValidationError when they make it invalid). */
  run(overrides: readonly Override[]): ProjectionResult;
  /** Model runs so far, the base run included. */
  readonly evaluations: number;
}

/** Throws ValidationError (with every issue) when the scenario or the user's overrides are invalid. */
export function makeProbe(raw: unknown, load: DataLoader, overrides: readonly Override[] = []): Probe {
  // Dropping `include` keeps each run from merging the parts again: the merged document already holds them.
  const { include: _include, ...doc } = analysisBase(raw, load, overrides) as Record<string, unknown>;
  const scenario = loadScenario(doc, load);
  let evaluations = 0;
  const run = (o: readonly Override[]): ProjectionResult => {
    evaluations++;
    // On the validated scenario, each setting checked part by part; the full way where that cannot be done.
    const set = o.length ? applyChecked(scenario, o) : scenario;
    return (set ? runResolved(set) : runScenario(doc, load, o)).result;
  };
  const base = run([]);
  return {
    doc,
    scenario,
    base,
    run,
    get evaluations() {
      return evaluations;
    },
  };
}

/** Years from which the scenario's timeline sets `pointer` (an analysis moving it moves only the value before). */
export const timelineYears = (s: Scenario, pointer: string): number[] =>
  s.timeline
    .filter((e) => Object.keys(e.set).some((k) => k === pointer || k.startsWith(pointer + '/')))
    .map((e) => e.year);

/** The metrics the analyses read off a run in a given year. */
export type AnalysisMetric =
  | 'residentUrbanRate'
  | 'hukouUrbanRate'
  | 'gapPoints'
  | 'residentPop'
  | 'hukouPop'
  | 'urbanResidentPop'
  | 'urbanHukouPop'
  | 'registrationIn'
  | 'registrationOut'
  | 'hukouBirths'
  | 'hukouDeaths'
  | 'nonRegisteredUrban'
  | 'settlersCumulative'
  | 'totalCostCumulative';

/** Sum of a series over the projected years up to index i (the base year's flow is unknown, so left out). */
function sumTo(s: readonly (number | null)[], i: number): number {
  let t = 0;
  for (let j = 1; j <= i; j++) t += s[j] ?? 0;
  return t;
}

/**
 * The value of `metric` in `year`, or null outside the projection. `settlersCumulative` and `totalCostCumulative` are
 * sums from the first projected year (as the targets and `fiscal.cumulativeToTargetYears` count them);
 * `totalCostCumulative` is null without a fiscal part.
 */
export function metricAt(result: ProjectionResult, metric: AnalysisMetric, year: number): number | null {
  const i = result.years.indexOf(year);
  if (i < 0) return null;
  if (metric === 'settlersCumulative') return sumTo(result.series.settlers, i);
  if (metric === 'totalCostCumulative') return result.fiscal ? sumTo(result.fiscal.totalCost, i) : null;
  return result.series[metric]?.[i] ?? null;
}

/** The override that puts `x` on a lever (a yes/no lever holds a boolean in the scenario). */
export const leverOverride = (pointer: string, x: number, toggle = false): Override => ({
  pointer,
  value: toggle ? x >= 0.5 : x,
});

/** Decimals of a step (0.001 → 3), so grid values print and compare exactly. */
export function stepDecimals(step: number): number {
  const s = String(step);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

export const roundTo = (x: number, decimals: number): number => Number(x.toFixed(Math.min(decimals, 15)));

/** Units that are shares or factors without a word of their own: a setting reads as the bare number. */
const BARE_UNITS = new Set(['比例', '比例/年', '0–1', '±比例', '是/否', '']);

/** Whether a lever's unit reads as a bare number (a share or a factor). */
export const isBareUnit = (unit: string): boolean => BARE_UNITS.has(unit);

/** A lever's setting in a Chinese sentence: `2年`, `0.35` (a share), `是` / `否` (a yes/no lever). */
export function leverValueZh(x: number, unit: string, toggle = false): string {
  if (toggle) return x >= 0.5 ? '是' : '否';
  return BARE_UNITS.has(unit) ? String(x) : `${x}${unit}`;
}
