/**
 * The analyses in the page ({@link Analyst}): Monte Carlo across a pool of Web Workers (one per core,
 * src/runner/analysis-pool.ts); goal seek, sensitivity, calibration, evaluation and the back-test each in
 * a worker of their own, so that cancelling one (which terminates its worker) leaves the others running. A worker
 * that dies rejects the call with its message, and one silent for `answerWithinMs` (no answer, no progress) is
 * stopped and rejects it saying so; the next call starts a fresh one.
 */
import { proxy, type Remote } from 'comlink';
import type { AnalysisWorkerApi, Answer } from './worker-api';
import { ValidationError } from '../scenario/issues';
import type { Override } from '../scenario/load';
import type { OptimizeOptions } from '../analysis/optimize';
import { runUncertaintyPool } from './analysis-pool';
import { deadline, linkWorker, silentWorkerMessage, type WorkerLink } from './worker-link';
import {
  AnalysisInputError,
  type Analyst,
  type BacktestView,
  type CalibrationOutcome,
  type EvaluationRow,
  type GoalSeekView,
  type OptimizeView,
  type Progress,
  type SensitivityView,
  type UncertaintyView,
} from './analysis-types';

type Slot = 'goalSeek' | 'optimize' | 'sensitivity' | 'calibrate' | 'evaluate' | 'backtest';

const abortError = () => new DOMException('the analysis was cancelled', 'AbortError');

export class BrowserAnalyst implements Analyst {
  private readonly live: Partial<Record<Slot, WorkerLink<AnalysisWorkerApi>>> = {};

  /**
   * @param answerWithinMs how long a worker may go without answering or reporting progress before it
   *   counts as stuck: every analysis reports progress after each model run (milliseconds), so 60 s is generous.
   * @param startWorker starts a worker (a seam for tests).
   */
  constructor(
    private readonly answerWithinMs = 60_000,
    private readonly startWorker: () => Worker = () =>
      new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  private spawn(slot: Slot): WorkerLink<AnalysisWorkerApi> {
    const existing = this.live[slot];
    if (existing) return existing;
    return (this.live[slot] = linkWorker<AnalysisWorkerApi>(this.startWorker(), 'an analysis worker'));
  }

  /**
   * Stops the slot's worker, if it is still `only` (the worker of the call asking): a late failure of one call
   * must not stop the fresh worker a later call of the same slot has started.
   */
  private kill(slot: Slot, only?: WorkerLink<AnalysisWorkerApi>): void {
    const l = this.live[slot];
    if (!l || (only && l !== only)) return;
    l.terminate();
    delete this.live[slot];
  }

  /** One call in the slot's worker, raced against its death and the signal; input problems as issues. */
  private async call<T>(
    slot: Slot,
    signal: AbortSignal | null,
    f: (api: Remote<AnalysisWorkerApi>, alive: () => void) => Promise<Answer<T>>,
  ): Promise<T> {
    if (signal?.aborted) throw abortError();
    const live = this.spawn(slot);
    const watchdog = deadline(
      this.answerWithinMs,
      silentWorkerMessage('an analysis worker', this.answerWithinMs, 'the next analysis starts a new one'),
    );
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        this.kill(slot, live); // the only way to stop a synchronous computation in a worker
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort);
    });
    try {
      const a = (await Promise.race([
        f(live.api, watchdog.poke),
        live.crashed,
        aborted,
        watchdog.expired,
      ])) as Answer<T>;
      if (!a.ok) throw new AnalysisInputError(a.issues);
      return a.value;
    } catch (e) {
      if (!(e instanceof AnalysisInputError) && !(e instanceof DOMException)) this.kill(slot, live);
      throw e;
    } finally {
      watchdog.stop();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async uncertainty(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly runs: number; readonly seed: number },
    onProgress: (snapshot: UncertaintyView, p: Progress) => void,
    signal: AbortSignal,
  ): Promise<UncertaintyView> {
    try {
      return await runUncertaintyPool({
        raw,
        overrides,
        runs: opts.runs,
        seed: opts.seed,
        signal,
        onProgress: (snap) => onProgress(snap, { done: snap.completed, total: snap.requested }),
      });
    } catch (e) {
      if (e instanceof ValidationError) throw new AnalysisInputError(e.issues);
      throw e;
    }
  }

  sensitivity(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly year: number; readonly metric: string },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<SensitivityView> {
    return this.call('sensitivity', signal, (api, alive) =>
      api.sensitivity(
        raw,
        overrides,
        opts as Parameters<AnalysisWorkerApi['sensitivity']>[2],
        proxy((done: number, total: number) => (alive(), onProgress({ done, total }))),
      ),
    );
  }

  goalSeek(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly lever: string; readonly target: string },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<GoalSeekView> {
    return this.call('goalSeek', signal, (api, alive) =>
      api.goalSeek(
        raw,
        overrides,
        opts,
        proxy((done: number, total: number) => (alive(), onProgress({ done, total }))),
      ),
    );
  }

  optimize(
    raw: unknown,
    overrides: readonly Override[],
    opts: OptimizeOptions,
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<OptimizeView> {
    return this.call('optimize', signal, (api, alive) =>
      api.optimize(
        raw,
        overrides,
        opts,
        proxy((done: number, total: number) => (alive(), onProgress({ done, total }))),
      ),
    );
  }

  calibrate(
    raw: unknown,
    overrides: readonly Override[],
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<CalibrationOutcome> {
    return this.call('calibrate', signal, (api, alive) =>
      api.calibrate(
        raw,
        overrides,
        proxy((done: number, total: number) => (alive(), onProgress({ done, total }))),
      ),
    ) as Promise<CalibrationOutcome>;
  }

  calibratedScenario(raw: unknown, overrides: readonly Override[], calibration: CalibrationOutcome): Promise<string> {
    return this.call('evaluate', null, (api) =>
      api.calibratedScenario(raw, overrides, calibration as Parameters<AnalysisWorkerApi['calibratedScenario']>[2]),
    );
  }

  evaluate(raw: unknown, overrides: readonly Override[]): Promise<readonly EvaluationRow[]> {
    return this.call('evaluate', null, (api) => api.evaluate(raw, overrides));
  }

  backtest(
    raw: unknown,
    overrides: readonly Override[],
    opts: { readonly origin: number },
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<BacktestView> {
    return this.call('backtest', signal, (api, alive) =>
      api.backtest(
        raw,
        overrides,
        opts.origin,
        proxy((done: number, total: number) => (alive(), onProgress({ done, total }))),
      ),
    );
  }
}
