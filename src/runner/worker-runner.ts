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
 * - A newer request does not wait more than `replaceAfterMs` behind a run in flight: the old run is stopped
 *   (its worker terminated) and resolves as `superseded`, so opening another preset gets out of a long run.
 */
import type { ModelWorkerApi } from './worker-api';
import type { Override } from '../scenario/load';
import type { ModelReply } from './reply';
import { ViewAssembler, type WireReply, type WireRequest } from './model-session';
import { deadline, linkWorker, silentWorkerMessage } from './worker-link';

/** How a requested run ended. */
export type RunStatus =
  | { readonly kind: 'done'; readonly reply: ModelReply }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * One live worker, as the runner sees it (a seam for tests): send once, run many (model-session.ts): the
 * raw JSON crosses once per scenario key, then each run sends the edits only.
 */
export interface ModelEndpoint {
  run(req: WireRequest): Promise<WireReply>;
  /** Rejects if the worker dies outside a call's answer; never resolves. */
  readonly crashed: Promise<never>;
  terminate(): void;
}

/** Starts the real model worker. */
export function spawnModelWorker(): ModelEndpoint {
  const worker = new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module' });
  const { api, crashed, terminate } = linkWorker<ModelWorkerApi>(worker, 'the model worker');
  return { run: (req) => api.session(req) as Promise<WireReply>, crashed, terminate };
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
  /** The key of the scenario the current worker holds (−1: none). */
  private sentKey = -1;
  private readonly assembler = new ViewAssembler();
  private readonly objectKeys = new WeakMap<object, number>();
  private readonly valueKeys = new Map<unknown, number>();
  private nextKey = 0;

  /** The same raw JSON (the same object) keeps its key: the worker is sent it once. */
  private keyOf(raw: unknown): number {
    if (typeof raw === 'object' && raw !== null) {
      let k = this.objectKeys.get(raw);
      if (k === undefined) this.objectKeys.set(raw, (k = this.nextKey++));
      return k;
    }
    let k = this.valueKeys.get(raw);
    if (k === undefined) this.valueKeys.set(raw, (k = this.nextKey++));
    return k;
  }

  /**
   * @param answerWithinMs how long a run may take before the worker counts as stuck: a run takes
   *   milliseconds to a few seconds for the largest scenario the limits accept, so 60 s is generous.
   * @param replaceAfterMs how long a newer request waits behind the run in flight before that run is stopped:
   *   longer than a drag's ordinary runs (tens of ms), so slider moves still coalesce instead of restarting workers.
   */
  constructor(
    private readonly spawn: () => ModelEndpoint = spawnModelWorker,
    private readonly answerWithinMs = 60_000,
    private readonly replaceAfterMs = 2_000,
  ) {}

  /** Requests a run of raw scenario JSON; the inputs are cloned when the run starts. */
  run(raw: unknown, overrides: readonly Override[] = []): Promise<RunStatus> {
    return new Promise((resolve) => {
      this.queued?.resolve({ kind: 'superseded' });
      const job = { id: ++this.lastId, raw, overrides, resolve };
      this.queued = job;
      if (this.running)
        setTimeout(() => {
          if (this.queued === job) this.cancelRunning?.(new Error('replaced by a newer request'));
        }, this.replaceAfterMs);
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
    const watchdog = deadline(
      this.answerWithinMs,
      silentWorkerMessage('the model worker', this.answerWithinMs, 'the next run starts a new one'),
    );
    try {
      if (!this.endpoint) {
        this.endpoint = this.spawn();
        this.sentKey = -1;
        this.assembler.reset();
      }
      const endpoint = this.endpoint;
      const key = this.keyOf(job.raw);
      const send = (withRaw: boolean) =>
        Promise.race([
          endpoint.run({ key, overrides: job.overrides, ...(withRaw ? { raw: job.raw } : {}) }),
          endpoint.crashed,
          cancelled,
          watchdog.expired,
        ]);
      let wire = await send(this.sentKey !== key);
      // The worker lost the scenario, or the page its fixed view: send the raw JSON once more.
      let reply = 'needRaw' in wire ? null : this.assembler.assemble(key, wire);
      if (!reply) {
        wire = await send(true);
        reply = 'needRaw' in wire ? null : this.assembler.assemble(key, wire);
        if (!reply) throw new Error('the model worker did not keep the scenario it was sent');
      }
      this.sentKey = key;
      status = { kind: 'done', reply };
    } catch (e) {
      status = { kind: 'failed', message: messageOf(e) };
      this.cancelRunning = null;
      this.dispose();
    }
    watchdog.stop();
    this.cancelRunning = null;
    this.running = false;
    job.resolve(job.id === this.lastId ? status : { kind: 'superseded' });
    void this.pump();
  }
}
