/**
 * What the interface asks of the analyses, whatever runs them (a pool of Web Workers in the page, a
 * stub in tests). Each call takes the scenario document as raw JSON and overrides, reports progress,
 * and stops when its signal aborts (rejecting with an AbortError).
 */
import type { BacktestResult } from '../analysis/backtest';
import type { EvaluationRow } from '../analysis/evaluate';
import type { OptimizeOptions, OptimizeResult } from '../analysis/optimize';
import type { Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';

/** What the fan chart reads of an uncertainty analysis (src/analysis/uncertainty.ts gives more). */
export interface UncertaintyView {
  readonly runs: number;
  readonly seed: number;
  readonly years: readonly number[];
  readonly percentiles: Readonly<
    Record<'p5' | 'p25' | 'p50' | 'p75' | 'p95', Readonly<Record<string, ArrayLike<number | null>>>>
  >;
  readonly targetProbability: Readonly<Record<string, number>>;
  readonly parameters?: readonly { readonly pointer: string; readonly label?: string; readonly labelEn?: string }[];
}

/** What the tornado chart reads of a sensitivity analysis. */
export interface SensitivityView {
  readonly year: number;
  readonly metric: string;
  readonly base: number;
  readonly items: readonly {
    readonly pointer: string;
    readonly label: string;
    readonly labelEn?: string;
    readonly low: number;
    readonly high: number;
    /** Null when the run at that end failed (see `error`). */
    readonly valueAtLow: number | null;
    readonly valueAtHigh: number | null;
    readonly error?: string;
    readonly swing: number;
  }[];
}

/** What the calibration chart reads of a calibration: fitted against observed, by metric. */
export interface CalibrationView {
  readonly rmse: number;
  readonly rmseStart: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly fitted: Readonly<
    Record<
      string,
      readonly {
        readonly year: number;
        readonly observed: number;
        readonly fitted: number | null;
        readonly used: boolean;
        readonly reason?: string;
      }[]
    >
  >;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface GoalSeekView {
  readonly lever: string;
  readonly target: string;
  readonly value: number | null;
  readonly achieved: boolean;
  readonly message: string;
  readonly messageZh?: string;
  readonly metricValue?: number | null;
  readonly evaluations?: number;
  /** The setting as it is, and whether it meets the target already. */
  readonly current?: { readonly value: number; readonly metricValue: number | null; readonly met: boolean };
}

/** A goal seek over several levers (src/analysis/optimize.ts). */
export type OptimizeView = OptimizeResult;

/** A back-test (src/analysis/backtest.ts): errors and skill per metric, the projection from the origin. */
export type BacktestView = BacktestResult;
export type { BacktestMetric } from '../analysis/backtest';

/** A row of the evaluation (observed against projected), as src/analysis/evaluate.ts gives it. */
export type { EvaluationRow } from '../analysis/evaluate';

export interface CalibrationOutcome extends CalibrationView {
  readonly evaluations: number;
  readonly converged: boolean;
  readonly overrides: readonly Override[];
}

/** An analysis refused for its input: the engine's issues (`path: message`). */
export class AnalysisInputError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'AnalysisInputError';
  }
}

export interface Analyst {
  uncertainty(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly runs: number; readonly seed: number },
    onProgress: (snapshot: UncertaintyView, p: Progress) => void,
    signal: AbortSignal,
  ): Promise<UncertaintyView>;
  sensitivity(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly year: number; readonly metric: string },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<SensitivityView>;
  goalSeek(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly lever: string; readonly target: string },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<GoalSeekView>;
  /** Goal seek over several levers (src/analysis/optimize.ts). */
  optimize(
    raw: unknown,
    overrides: readonly Override[],
    opts: OptimizeOptions,
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<OptimizeView>;
  calibrate(
    raw: unknown,
    overrides: readonly Override[],
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<CalibrationOutcome>;
  /** The calibrated scenario as a self-contained JSON text. */
  calibratedScenario(raw: unknown, overrides: readonly Override[], calibration: CalibrationOutcome): Promise<string>;
  evaluate(raw: unknown, overrides: readonly Override[]): Promise<readonly EvaluationRow[]>;
  /** The back-test from `origin` (src/analysis/backtest.ts): later observations hidden, errors and skill. */
  backtest(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly origin: number },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<BacktestView>;
}
