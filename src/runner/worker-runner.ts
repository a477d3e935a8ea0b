/**
 * Runs the model in a Web Worker, latest request wins.
 *
 * - At most one run is in flight. A request made meanwhile is queued; a newer request replaces the
 *   queued one, which resolves as `superseded`. When the in-flight run ends, its answer is delivered
 *   only if no newer request exists (otherwise it is stale and resolves as `superseded`).
 * - If the worker fails (a call rejects, or the worker dies: load error, uncaught error), it is
 *   terminated, the run resolves as `failed` with the message, and the next run starts a fresh one.
 * - A watchdog: a worker that does not answer within `answerWithinMs` (it exited silently or hangs) is
 *   treated the same way, so the page never stays "running" for good.
 */
import { releaseProxy, wrap } from 'comlink';
import type { ModelWorkerApi } from '../../workers/model.worker';
import type { Override } from '../scenario/load';
import type { ModelReply } from './reply';

/** How a requested run ended. */
export type RunStatus =
  | { readonly kind: 'done'; readonly reply: ModelReply }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly message: string };

/** One live worker, as the runner sees it (a seam for tests). */
export interface ModelEndpoint {
  run(raw: unknown, overrides: readonly Override[]): Promise<ModelReply>;
  /** Rejects if the worker dies outside a call's answer; never resolves. */
  readonly crashed: Promise<never>;
  terminate(): void;
}

/** Starts the real model worker. */
export function spawnModelWorker(): ModelEndpoint {
  const worker = new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<ModelWorkerApi>(worker);
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault(); // reported through the run's status instead of the console
      reject(new Error(e.message || 'the model worker failed to start'));
    });
    worker.addEventListener('messageerror', () => reject(new Error('the model worker sent an unreadable message')));
  });
  crashed.catch(() => {}); // observed through Promise.race in a run; never an unhandled rejection
  return {
    run: (raw, overrides) => api.run(raw, overrides) as Promise<ModelReply>,
    crashed,
    terminate: () => {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

interface Job {
  readonly id: number;
  readonly raw: unknown;
  readonly overrides: readonly Override[];
  readonly resolve: (status: RunStatus) => void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class WorkerRunner {
  private endpoint: ModelEndpoint | null = null;
  private running = false;
  private queued: Job | null = null;
  private lastId = 0;
  private cancelRunning: ((reason: Error) => void) | null = null;

  /**
   * @param answerWithinMs how long a run may take before the worker counts as stuck: a run takes
   *   milliseconds to a few seconds for the largest scenario the limits accept, so 60 s is generous.
   */
  constructor(
    private readonly spawn: () => ModelEndpoint = spawnModelWorker,
    private readonly answerWithinMs = 60_000,
  ) {}

  /** Requests a run of raw scenario JSON; the inputs are cloned when the run starts. */
  run(raw: unknown, overrides: readonly Override[] = []): Promise<RunStatus> {
    return new Promise((resolve) => {
      this.queued?.resolve({ kind: 'superseded' });
      this.queued = { id: ++this.lastId, raw, overrides, resolve };
      void this.pump();
    });
  }

  /**
   * Terminates the worker; a run in flight resolves as `failed` ("cancelled"). A queued or later
   * request starts a fresh worker.
   */
  dispose(): void {
    this.cancelRunning?.(new Error('the run was cancelled'));
    this.endpoint?.terminate();
    this.endpoint = null;
  }

  private async pump(): Promise<void> {
    if (this.running || !this.queued) return;
    const job = this.queued;
    this.queued = null;
    this.running = true;
    let status: RunStatus;
    const cancelled = new Promise<never>((_, reject) => (this.cancelRunning = reject));
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      watchdog = setTimeout(
        () =>
          reject(
            new Error(
              `the model worker did not answer within ${Math.round(this.answerWithinMs / 1000)} s; it was stopped and the next run starts a new one`,
            ),
          ),
        this.answerWithinMs,
      );
    });
    try {
      const endpoint = (this.endpoint ??= this.spawn());
      const reply = await Promise.race([endpoint.run(job.raw, job.overrides), endpoint.crashed, cancelled, stuck]);
      status = { kind: 'done', reply };
    } catch (e) {
      status = { kind: 'failed', message: messageOf(e) };
      this.cancelRunning = null;
      this.dispose();
    }
    clearTimeout(watchdog);
    this.cancelRunning = null;
    this.running = false;
    job.resolve(job.id === this.lastId ? status : { kind: 'superseded' });
    void this.pump();
  }
}
