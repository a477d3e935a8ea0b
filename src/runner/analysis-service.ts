/**
 * The analyses in the page ({@link Analyst}): Monte Carlo across a pool of Web Workers (one per core,
 * src/runner/analysis-pool.ts); goal seek, sensitivity, calibration, evaluation and the back-test each in
 * a worker of their own, so that cancelling one (which terminates its worker) leaves the others running. A worker
 * that dies rejects the call with its message; the next call starts a fresh one.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { AnalysisWorkerApi, Answer } from '../../workers/analysis.worker';
import { ValidationError } from '../scenario/issues';
import type { Override } from '../scenario/load';
import { runUncertaintyInBrowser } from './analysis-pool';
import {
  AnalysisInputError,
  type Analyst,
  type BacktestView,
  type CalibrationOutcome,
  type EvaluationRow,
  type GoalSeekView,
  type Progress,
  type SensitivityView,
  type UncertaintyView,
} from './analysis-types';

type Slot = 'goalSeek' | 'sensitivity' | 'calibrate' | 'evaluate' | 'backtest';

interface Live {
  readonly worker: Worker;
  readonly api: Remote<AnalysisWorkerApi>;
  readonly crashed: Promise<never>;
}

const abortError = () => new DOMException('the analysis was cancelled', 'AbortError');

export class BrowserAnalyst implements Analyst {
  private readonly live: Partial<Record<Slot, Live>> = {};

  private spawn(slot: Slot): Live {
    const existing = this.live[slot];
    if (existing) return existing;
    const worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new Error(e.message || 'an analysis worker failed'));
      });
    });
    crashed.catch(() => {});
    const live = { worker, api: wrap<AnalysisWorkerApi>(worker), crashed };
    this.live[slot] = live;
    return live;
  }

  private kill(slot: Slot): void {
    const l = this.live[slot];
    if (!l) return;
    l.api[releaseProxy]();
    l.worker.terminate();
    delete this.live[slot];
  }

  /** One call in the slot's worker, raced against its death and the signal; input problems as issues. */
  private async call<T>(
    slot: Slot,
    signal: AbortSignal | null,
    f: (api: Remote<AnalysisWorkerApi>) => Promise<Answer<T>>,
  ): Promise<T> {
    if (signal?.aborted) throw abortError();
    const live = this.spawn(slot);
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        this.kill(slot); // the only way to stop a synchronous computation in a worker
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort);
    });
    try {
      const a = (await Promise.race([f(live.api), live.crashed, aborted])) as Answer<T>;
      if (!a.ok) throw new AnalysisInputError(a.issues);
      return a.value;
    } catch (e) {
      if (!(e instanceof AnalysisInputError) && !(e instanceof DOMException)) this.kill(slot);
      throw e;
    } finally {
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
      return await runUncertaintyInBrowser({
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
    return this.call('sensitivity', signal, (api) =>
      api.sensitivity(
        raw,
        overrides,
        opts as Parameters<AnalysisWorkerApi['sensitivity']>[2],
        proxy((done: number, total: number) => onProgress({ done, total })),
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
    return this.call('goalSeek', signal, (api) =>
      api.goalSeek(
        raw,
        overrides,
        opts,
        proxy((done: number, total: number) => onProgress({ done, total })),
      ),
    );
  }

  calibrate(
    raw: unknown,
    overrides: readonly Override[],
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<CalibrationOutcome> {
    return this.call('calibrate', signal, (api) =>
      api.calibrate(
        raw,
        overrides,
        proxy((done: number, total: number) => onProgress({ done, total })),
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
    return this.call('backtest', signal, (api) =>
      api.backtest(
        raw,
        overrides,
        opts.origin,
        proxy((done: number, total: number) => onProgress({ done, total })),
      ),
    );
  }
}
