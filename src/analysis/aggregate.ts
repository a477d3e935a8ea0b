/**
 * Collects Monte Carlo runs into percentile bands and target probabilities (MODEL.md §9, the
 * `uncertainty` part of INTERFACES.md's result). Free of the scenario loader and the model, so the
 * browser's main thread can aggregate what its workers send without bundling the engine.
 *
 * Output is byte-identical whatever the order in which runs arrive: runs are fed to the estimators in
 * run-index order, those that arrive early waiting in a reorder buffer. The buffer holds at most the
 * runs in flight (workers × batch size), so memory stays bounded however many runs are made.
 */
import type { UncertainParameterSpec } from '../scenario/schema';
import { P2Quantile, rearrange } from './quantiles';

export const PERCENTILES = [5, 25, 50, 75, 95] as const;
export type PercentileKey = `p${(typeof PERCENTILES)[number]}`;

/** Series drawn as fans; `totalCost` (from `fiscal.totalCost`) is added when the scenario has a fiscal part. */
export const FAN_SERIES = [
  'residentUrbanRate',
  'hukouUrbanRate',
  'gapPoints',
  'settlers',
  'nonRegisteredUrban',
] as const;

/** An uncertain parameter as the result reports it. */
export type ParameterInfo = Pick<UncertainParameterSpec, 'pointer' | 'label' | 'labelEn' | 'dist'> & {
  readonly mode: 'set' | 'scale';
};

/** What an aggregation is over: known before any run. */
export interface UncertaintyPlan {
  readonly years: readonly number[];
  /** Series names, in output order. */
  readonly series: readonly string[];
  /** Target ids, in the scenario's order. */
  readonly targets: readonly string[];
  readonly parameters: readonly ParameterInfo[];
}

/** One run, reduced to what the aggregator needs (small and structured-clone friendly). */
export interface RunSummary {
  readonly index: number;
  /** Per series, one value per year (NaN where the run has none, e.g. a flow in the base year). */
  readonly values: Record<string, Float64Array>;
  /** Per target: met or not; null when the run ends before the target's year. */
  readonly met: Record<string, boolean | null>;
}

export interface UncertaintyResult {
  /** Runs summarised in this result (INTERFACES.md); equal to `completed`. */
  readonly runs: number;
  readonly seed: number;
  /** Runs asked for; a snapshot taken while the analysis runs has `completed < requested`. */
  readonly requested: number;
  readonly completed: number;
  readonly years: readonly number[];
  readonly parameters: readonly ParameterInfo[];
  /** Per percentile, per series, one value per year; null where no run has a value. */
  readonly percentiles: Record<PercentileKey, Record<string, (number | null)[]>>;
  /**
   * Share of runs meeting each target, of those that reach its year; a target no run has reached yet
   * (a snapshot before the first run, a horizon shortened before the target's year) is left out.
   */
  readonly targetProbability: Record<string, number>;
}

/** 12 significant digits, as the projection result (src/scenario/result.ts): stable text, far within the model's precision. */
const clean = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(12)) : null);

export class UncertaintyAggregator {
  /** estimators[s][year * PERCENTILES.length + k]. */
  private readonly estimators: P2Quantile[][];
  private readonly metCount: Int32Array;
  private readonly knownCount: Int32Array;
  private readonly early = new Map<number, RunSummary>();
  private next = 0;

  constructor(
    readonly plan: UncertaintyPlan,
    readonly runs: number,
    readonly seed: number,
  ) {
    if (!Number.isInteger(runs) || runs < 0) throw new RangeError(`runs must be a whole number ≥ 0 (got ${runs})`);
    this.estimators = plan.series.map(() => plan.years.flatMap(() => PERCENTILES.map((p) => new P2Quantile(p / 100))));
    this.metCount = new Int32Array(plan.targets.length);
    this.knownCount = new Int32Array(plan.targets.length);
  }

  /** Runs fed to the estimators: all of 0 … completed − 1. */
  get completed(): number {
    return this.next;
  }

  /** Runs received ahead of their turn, waiting for an earlier one. */
  get waiting(): number {
    return this.early.size;
  }

  /** Takes one run, in any order; throws on an index out of range or received twice. */
  add(summary: RunSummary): void {
    const i = summary.index;
    if (!Number.isInteger(i) || i < 0 || i >= this.runs) throw new RangeError(`run ${i} is outside 0–${this.runs - 1}`);
    if (i < this.next || this.early.has(i)) throw new Error(`run ${i} was received twice`);
    this.check(summary);
    this.early.set(i, summary);
    for (let s = this.early.get(this.next); s; s = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.feed(s);
      this.next++;
    }
  }

  /** The bands and probabilities of the runs completed so far (callable at any time). */
  snapshot(): UncertaintyResult {
    const { years, series, targets, parameters } = this.plan;
    const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`p${p}`, {}])) as UncertaintyResult['percentiles'];
    series.forEach((name, s) => {
      const bands = PERCENTILES.map(() => new Array<number | null>(years.length));
      for (let y = 0; y < years.length; y++) {
        const est = rearrange(PERCENTILES.map((_, k) => this.estimators[s][y * PERCENTILES.length + k].estimate()));
        est.forEach((v, k) => (bands[k][y] = clean(v)));
      }
      PERCENTILES.forEach((p, k) => (percentiles[`p${p}`][name] = bands[k]));
    });
    const targetProbability: Record<string, number> = {};
    targets.forEach((id, t) => {
      if (this.knownCount[t]) targetProbability[id] = clean(this.metCount[t] / this.knownCount[t])!;
    });
    return {
      runs: this.next,
      seed: this.seed,
      requested: this.runs,
      completed: this.next,
      years: [...years],
      parameters: parameters.map((p) => ({ ...p })),
      percentiles,
      targetProbability,
    };
  }

  private check(summary: RunSummary): void {
    for (const name of this.plan.series) {
      const v = summary.values[name];
      if (!v || v.length !== this.plan.years.length)
        throw new Error(
          `run ${summary.index}: series ${name} has ${v?.length ?? 0} values for ${this.plan.years.length} years`,
        );
    }
  }

  private feed(summary: RunSummary): void {
    this.plan.series.forEach((name, s) => {
      const values = summary.values[name];
      const est = this.estimators[s];
      for (let y = 0; y < values.length; y++)
        for (let k = 0; k < PERCENTILES.length; k++) est[y * PERCENTILES.length + k].add(values[y]);
    });
    this.plan.targets.forEach((id, t) => {
      const met = summary.met[id];
      if (met === null || met === undefined) return;
      this.knownCount[t]++;
      if (met) this.metCount[t]++;
    });
  }
}
