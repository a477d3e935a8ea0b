/**
 * The run slice of the one store (store.ts): status, last result, and what went wrong. Runs start from
 * actions (not from React effects); no React import, so actions work outside components and tests.
 */
import type { ModelReply, ScenarioMeta } from '../runner/reply';
import type { ViewData } from '../runner/view-data';
import type { RunStatus } from '../runner/worker-runner';
import type { Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';
import type { ProjectionResult } from '../scenario/result';

/** Matches the page's `[data-status]` hook (INTERFACES.md). */
export type Status = 'idle' | 'running' | 'error';

export interface RunState {
  readonly status: Status;
  /** Result and metadata of the last successful run (kept while a new run is in flight or fails). */
  readonly result: ProjectionResult | null;
  /**
   * The successful run before it, of the same scenario: drawn faintly in the rates chart until the next
   * move, so that a lever move shows where the lines were. Null after a change of scenario.
   */
  readonly previous: ProjectionResult | null;
  readonly meta: ScenarioMeta | null;
  /** What the interface shows besides the result (levers, names, pyramid), from the same run. */
  readonly view: ViewData | null;
  /** Increases with every delivered run (for latency measurements and tests). */
  readonly runCount: number;
  /** Validation issues of the last run (empty when it was valid). */
  readonly issues: readonly Issue[];
  /** Message of a failed worker (a bug or a crash), null otherwise. */
  readonly failure: string | null;
  /** Requests a run; a newer request supersedes it. */
  run(raw: unknown, overrides?: readonly Override[]): Promise<void>;
}

/** What a store needs from a runner; {@link WorkerRunner} fits. */
export interface Runner {
  run(raw: unknown, overrides?: readonly Override[]): Promise<RunStatus>;
}

const fromReply = (reply: ModelReply, runCount: number, before: ProjectionResult | null): Partial<RunState> =>
  reply.ok
    ? {
        status: 'idle',
        result: reply.result,
        previous: before && before.scenario.id === reply.result.scenario.id ? before : null,
        meta: reply.meta,
        view: reply.view,
        issues: [],
        failure: null,
        runCount,
      }
    : { status: 'error', issues: reply.issues, failure: null, runCount };

export const runSlice =
  (runner: Runner) =>
  (set: (partial: Partial<RunState>) => void, get: () => RunState): RunState => ({
    status: 'idle',
    result: null,
    previous: null,
    meta: null,
    view: null,
    runCount: 0,
    issues: [],
    failure: null,
    async run(raw, overrides = []) {
      set({ status: 'running' });
      const s = await runner.run(raw, overrides);
      if (s.kind === 'done') set(fromReply(s.reply, get().runCount + 1, get().result));
      else if (s.kind === 'failed') set({ status: 'error', issues: [], failure: s.message });
      // 'superseded': a newer request will set the state.
    },
  });
