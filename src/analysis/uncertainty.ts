/**
 * Monte Carlo uncertainty (MODEL.md §9): each run draws every parameter of the scenario's `uncertainty`
 * block from its distribution, runs the model, and is reduced to a {@link RunSummary}; an
 * {@link UncertaintyAggregator} turns the summaries into percentile bands and target probabilities.
 *
 * Run i's draws depend only on (seed, i) (see rng.ts), so runs can be spread over any number of
 * workers, in any order, and give the same bytes.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { loadScenario, type Override } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario, UncertainParameterSpec } from '../scenario/schema';
import { applyChecked } from '../scenario/apply-checked';
import { runResolved, runScenario } from '../scenario/run';
import {
  FAN_SERIES,
  UncertaintyAggregator,
  type ParameterInfo,
  type RunSummary,
  type UncertaintyPlan,
  type UncertaintyResult,
} from './aggregate';
import { analysisBase, checkParameters, parameterOverride } from './apply';
import { quantileOf } from './distributions';
import { rngFor } from './rng';

export {
  FAN_SERIES,
  PERCENTILES,
  UncertaintyAggregator,
  type ParameterInfo,
  type PercentileKey,
  type RunSummary,
  type UncertaintyPlan,
  type UncertaintyResult,
} from './aggregate';

export interface PreparedUncertainty {
  /** The merged scenario with the user's overrides applied: what every run starts from. */
  readonly doc: unknown;
  readonly scenario: Scenario;
  readonly params: readonly UncertainParameterSpec[];
  /** Problems with the `uncertainty` block; the analysis cannot run while there are any. */
  readonly issues: readonly Issue[];
  readonly plan: UncertaintyPlan;
}

/**
 * Everything the runs share. An invalid scenario throws {@link ValidationError} (as a single run
 * would); a missing `uncertainty` block or a parameter pointer that cannot be moved is returned in
 * `issues`.
 */
export function prepareUncertainty(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[] = [],
): PreparedUncertainty {
  // Without `include`: the merged document holds every part already, so a run does not merge them again.
  const { include: _include, ...doc } = analysisBase(raw, load, overrides) as Record<string, unknown>;
  const scenario = loadScenario(raw, load, overrides);
  const params = scenario.uncertainty?.parameters ?? [];
  const issues: Issue[] = scenario.uncertainty
    ? checkParameters(doc, params, '/uncertainty/parameters')
    : [
        {
          path: '/uncertainty',
          message:
            'this scenario gives no parameter distributions; add an "uncertainty": { "parameters": [ … ] } block (see the schema)',
        },
      ];
  const parameters: ParameterInfo[] = params.map((p) => ({
    pointer: p.pointer,
    mode: p.mode ?? 'set',
    ...(p.label !== undefined ? { label: p.label } : {}),
    ...(p.labelEn !== undefined ? { labelEn: p.labelEn } : {}),
    dist: p.dist,
  }));
  const plan: UncertaintyPlan = {
    years: Array.from({ length: scenario.until - scenario.baseYear + 1 }, (_, i) => scenario.baseYear + i),
    series: scenario.fiscal ? [...FAN_SERIES, 'totalCost'] : [...FAN_SERIES],
    targets: scenario.targets.map((t) => t.id),
    parameters,
  };
  return { doc, scenario, params, issues, plan };
}

/**
 * The overrides of run `index`: one uniform draw per parameter, in the block's order, turned into a
 * value by the parameter's inverse CDF. The user's overrides are already in `doc`; pass the result
 * to `runScenario(doc, load, overrides)`.
 */
export function sampleOverrides(
  doc: unknown,
  params: readonly UncertainParameterSpec[],
  seed: number,
  index: number,
): Override[] {
  const u = rngFor(seed, index);
  return params.map((p) => parameterOverride(doc, p, quantileOf(p.dist, u())));
}

const toValues = (s: readonly (number | null)[]): Float64Array => Float64Array.from(s, (v) => v ?? NaN);

/** A run reduced to the fan series and whether each target is met. */
export function summarize(index: number, result: ProjectionResult): RunSummary {
  const values: Record<string, Float64Array> = {};
  for (const name of FAN_SERIES) values[name] = toValues(result.series[name]);
  if (result.fiscal) values.totalCost = toValues(result.fiscal.totalCost);
  const met = Object.fromEntries(result.targets.map((t) => [t.id, t.value === null ? null : t.met]));
  return { index, values, met };
}

/**
 * Makes run `index`. A draw that leaves the scenario invalid (a share above 1 from an unbounded normal,
 * say) is reported at the parameter's pointer, naming the run, so its bounds can be tightened.
 */
export function runOne(prep: PreparedUncertainty, load: DataLoader, seed: number, index: number): RunSummary {
  const overrides = sampleOverrides(prep.doc, prep.params, seed, index);
  try {
    // The draw on the prepared scenario, checked part by part; the full way where that cannot be done.
    const drawn = applyChecked(prep.scenario, overrides);
    return summarize(index, (drawn ? runResolved(drawn) : runScenario(prep.doc, load, overrides)).result);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(
      e.issues.map((i) => ({
        path: i.path,
        message: `${i.message} (in Monte Carlo run ${index} of seed ${seed}: bound the distributions of /uncertainty/parameters)`,
      })),
    );
  }
}

/** Throws the block's issues, if any. */
export function assertRunnable(prep: PreparedUncertainty): void {
  if (prep.issues.length) throw new ValidationError(prep.issues);
}

/** A worker's answer to "what would this analysis be over?". */
export type PlanReply = { ok: true; plan: UncertaintyPlan } | { ok: false; issues: readonly Issue[] };

/**
 * For workers: prepares a scenario once and runs batches of it. The preparation is cached by the
 * content of (raw, overrides), since a worker receives a fresh copy of them with every batch.
 */
export function uncertaintyBatchRunner(load: DataLoader) {
  let cached: { key: string; prep: PreparedUncertainty } | null = null;
  const prepared = (raw: unknown, overrides: readonly Override[]): PreparedUncertainty => {
    const key = JSON.stringify([raw, overrides]);
    if (cached?.key !== key) cached = { key, prep: prepareUncertainty(raw, load, overrides) };
    return cached.prep;
  };
  return {
    /** The plan of an analysis, or the problems that prevent it (an invalid scenario included). */
    plan(raw: unknown, overrides: readonly Override[] = []): PlanReply {
      try {
        const prep = prepared(raw, overrides);
        return prep.issues.length ? { ok: false, issues: prep.issues } : { ok: true, plan: prep.plan };
      } catch (e) {
        if (e instanceof ValidationError) return { ok: false, issues: e.issues };
        throw e;
      }
    },
    /** The summaries of the runs `indices`, in that order. */
    runBatch(raw: unknown, overrides: readonly Override[], seed: number, indices: readonly number[]): RunSummary[] {
      const prep = prepared(raw, overrides);
      assertRunnable(prep);
      return indices.map((i) => runOne(prep, load, seed, i));
    },
  };
}

/** The buffers of summaries, to transfer rather than copy them between threads. */
export const summaryBuffers = (summaries: readonly RunSummary[]): ArrayBuffer[] =>
  summaries.flatMap((s) => Object.values(s.values).map((v) => v.buffer as ArrayBuffer));

/**
 * The whole analysis on this thread (tests, small analyses). `onProgress` gets a snapshot after
 * every run.
 */
export function runUncertaintySync(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  runs: number,
  seed: number,
  onProgress?: (snapshot: UncertaintyResult) => void,
): UncertaintyResult {
  const prep = prepareUncertainty(raw, load, overrides);
  assertRunnable(prep);
  const agg = new UncertaintyAggregator(prep.plan, runs, seed);
  for (let i = 0; i < runs; i++) {
    agg.add(runOne(prep, load, seed, i));
    onProgress?.(agg.snapshot());
  }
  return agg.snapshot();
}
