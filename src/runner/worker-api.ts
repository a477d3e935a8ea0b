/**
 * What the page's workers answer (workers/*.worker.ts implement these): declared here, below the workers,
 * so the main thread knows them without importing a worker (a runner ↔ workers folder cycle once), and
 * the worker files stay the only place that pulls the model and the data into a worker bundle.
 */
import type { RunSummary } from '../analysis/aggregate';
import type { backtest } from '../analysis/backtest';
import type { CalibrationResult } from '../analysis/calibrate';
import type { evaluate } from '../analysis/evaluate';
import type { goalSeek, GoalSeekOptions } from '../analysis/goal-seek';
import type { OptimizeOptions, OptimizeResult } from '../analysis/optimize';
import type { sensitivity, SensitivityOptions } from '../analysis/sensitivity';
import type { PlanReply } from '../analysis/uncertainty';
import type { Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';
import type { WireReply, WireRequest } from './model-session';
import type { ModelReply } from './reply';
import type { CheckReply, ExportReply } from './scenario-io';
import type { AtlasFailure, AtlasRow, AtlasSpeeds, Hindcast } from '../analysis/atlas-run';
import type { AtlasBase } from '../analysis/atlas-scenario';

/** An analysis's answer, or the engine's issues for bad input (classes do not cross the worker boundary). */
export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issue[] };

export type OnProgress = (done: number, total: number) => void;

/**
 * workers/model.worker.ts. Every call is asynchronous in the worker too: it first fetches the data files the
 * scenario reads (browser-loader.ts `preloadFor`).
 */
export interface ModelWorkerApi {
  /** Validates and runs a scenario; invalid input → `{ ok: false, issues }`, a bug → a rejected call. */
  run(raw: unknown, overrides?: readonly Override[]): Promise<ModelReply>;
  /** The workspace's runs: the scenario sent once per key, then the edits only (model-session.ts). */
  session(req: WireRequest): Promise<WireReply>;
  /** Parses and validates an imported file, with the engine's messages. */
  check(text: string, fileName: string): Promise<CheckReply>;
  /** One self-contained scenario file: parts merged, edits applied. */
  export(raw: unknown, overrides?: readonly Override[]): Promise<ExportReply>;
}

/** workers/analysis.worker.ts */
export interface AnalysisWorkerApi {
  /** What an uncertainty analysis of this scenario is over (years, series, targets, parameters), or its problems. */
  planUncertainty(raw: unknown, overrides?: readonly Override[]): Promise<PlanReply>;
  /** Monte Carlo runs `indices`; their arrays are transferred, not copied. */
  runBatch(
    raw: unknown,
    overrides: readonly Override[],
    seed: number,
    indices: readonly number[],
  ): Promise<RunSummary[]>;
  goalSeek(
    raw: unknown,
    overrides: readonly Override[],
    options: GoalSeekOptions,
    onProgress?: OnProgress,
  ): Promise<Answer<ReturnType<typeof goalSeek>>>;
  optimize(
    raw: unknown,
    overrides: readonly Override[],
    options: OptimizeOptions,
    onProgress?: OnProgress,
  ): Promise<Answer<OptimizeResult>>;
  sensitivity(
    raw: unknown,
    overrides: readonly Override[],
    options: SensitivityOptions,
    onProgress?: OnProgress,
  ): Promise<Answer<ReturnType<typeof sensitivity>>>;
  calibrate(raw: unknown, overrides: readonly Override[], onProgress?: OnProgress): Promise<Answer<CalibrationResult>>;
  /** The calibrated scenario as the JSON text of a file. */
  calibratedScenario(
    raw: unknown,
    overrides: readonly Override[],
    calibration: CalibrationResult,
  ): Promise<Answer<string>>;
  /** Back-test from `origin`: observations after it hidden from the fit, errors and skill on them. */
  backtest(
    raw: unknown,
    overrides: readonly Override[],
    origin: number,
    onProgress?: OnProgress,
  ): Promise<Answer<ReturnType<typeof backtest>>>;
  evaluate(raw: unknown, overrides: readonly Override[]): Promise<Answer<ReturnType<typeof evaluate>>>;
  /** The atlas's rows (src/analysis/atlas-run.ts): every `of`-th runnable prefecture from `part`, for `years`. */
  atlasRows(request: AtlasRequest, onProgress?: OnProgress): Promise<Answer<AtlasPage>>;
  /** One prefecture's scenario as a document the workspace opens. */
  atlasScenario(
    code: string,
    base: AtlasBase,
    speeds: AtlasSpeeds,
    edits?: readonly { readonly pointer: string; readonly value: unknown }[],
  ): Promise<Answer<unknown>>;
  /** The ten-year test, 2010 → 2020, on every prefecture. */
  atlasHindcast(speeds: AtlasSpeeds, onProgress?: OnProgress): Promise<Answer<Hindcast>>;
}

/** A share of the atlas for one worker. */
export interface AtlasRequest {
  readonly base: AtlasBase;
  readonly years: readonly number[];
  readonly part: number;
  readonly of: number;
  readonly speeds: AtlasSpeeds;
  /** Edits of the nation's current preset (china-now) that the atlas carries (atlasEditable). */
  readonly edits?: readonly { readonly pointer: string; readonly value: unknown }[];
}

export interface AtlasPage {
  readonly rows: AtlasRow[];
  readonly failures: AtlasFailure[];
  /** Runnable prefectures of this share. */
  readonly total: number;
}
