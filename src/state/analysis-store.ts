/**
 * The analysis slice of the one store (store.ts): the analyses of the scenario on screen: each one's status, progress and last result, with the key of
 * the scenario document it was computed for, so the page can say when a result belongs to an earlier
 * setting. Results are not persisted: they are recomputed on demand.
 */

export type AnalysisKind =
  | 'uncertainty'
  | 'sensitivity'
  | 'goalSeek'
  | 'optimize'
  | 'calibration'
  | 'evaluation'
  | 'backtest'
  | 'atlas'
  | 'hindcast';

export interface AnalysisSlot<R = unknown> {
  readonly status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  readonly done: number;
  readonly total: number;
  readonly result: R | null;
  /** The document key (see docKeyOf) the result was computed for. */
  readonly docKey: string | null;
  readonly error: string | null;
}

const EMPTY: AnalysisSlot = { status: 'idle', done: 0, total: 0, result: null, docKey: null, error: null };

/** The settings of the Analyses screen's forms, kept while the user visits other screens. */
export interface AnalysisForm {
  readonly runs: number;
  readonly seed: number;
  readonly sensYear: number | null;
  readonly sensMetric: string;
  readonly goalLever: string | null;
  readonly goalTarget: string | null;
  /** A goal-seek target set up on the spot (see Analyses.tsx): metric, year, comparator, value in display units. */
  readonly custom: {
    readonly metric: string;
    readonly year: number | null;
    readonly comparator: '>=' | '<=';
    readonly value: number;
  };
  /** The optimiser's levers, targets (null: the scenario's first targets) and objective. */
  readonly optLevers: readonly string[];
  readonly optTargets: readonly string[] | null;
  readonly optMinimize: string | null;
  /** The back-test's origin (null: the scenario's base year). */
  readonly backtestOrigin: number | null;
  /** The metric the back-test chart shows (null: the first one scored). */
  readonly backtestMetric: string | null;
  /** The atlas's metric and year, kept while the user visits the workspace. */
  readonly atlasMetric: string;
  readonly atlasYear: number;
}

/** Progress of a running job: runs (or steps) done out of the total. */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
}

/** A job of one analysis: it stops when the signal aborts, and reports its progress. */
export type AnalysisJob<R> = (signal: AbortSignal, progress: (p: JobProgress) => void) => Promise<R>;

export interface AnalysisState {
  readonly slots: Readonly<Record<AnalysisKind, AnalysisSlot>>;
  readonly form: AnalysisForm;
  update(kind: AnalysisKind, patch: Partial<AnalysisSlot>): void;
  setForm(patch: Partial<AnalysisForm>): void;
  /**
   * Runs one analysis into its slot for the document `docKey`: progress into the store, a newer start of
   * the same kind cancels the older, `describeError` words a failure. The store, not a component, holds
   * the job, so leaving the screen and coming back keeps Cancel working.
   */
  start<R>(
    kind: AnalysisKind,
    docKey: string,
    job: AnalysisJob<R>,
    describeError: (e: unknown) => string,
  ): Promise<void>;
  /** Aborts the running job of a kind, if any. */
  cancel(kind: AnalysisKind): void;
}

type SetAnalysis = (partial: Partial<AnalysisState> | ((s: AnalysisState) => Partial<AnalysisState>)) => void;

export const analysisSlice = () => {
  const controllers: Partial<Record<AnalysisKind, AbortController>> = {};
  return (set: SetAnalysis, get: () => AnalysisState): AnalysisState => ({
    slots: {
      uncertainty: EMPTY,
      sensitivity: EMPTY,
      goalSeek: EMPTY,
      optimize: EMPTY,
      calibration: EMPTY,
      evaluation: EMPTY,
      backtest: EMPTY,
      atlas: EMPTY,
      hindcast: EMPTY,
    },
    form: {
      runs: 500,
      seed: 1,
      sensYear: null,
      sensMetric: 'gapPoints',
      goalLever: null,
      goalTarget: null,
      custom: { metric: 'municipalNetCumulative', year: null, comparator: '<=', value: 0 },
      optLevers: [],
      optTargets: null,
      optMinimize: null,
      backtestOrigin: null,
      backtestMetric: null,
      atlasMetric: 'gapPoints',
      atlasYear: 2035,
    },
    update: (kind, patch) => set((s) => ({ slots: { ...s.slots, [kind]: { ...s.slots[kind], ...patch } } })),
    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
    start: async (kind, docKey, job, describeError) => {
      controllers[kind]?.abort();
      const controller = new AbortController();
      controllers[kind] = controller;
      const { update } = get();
      // Partial results (the Monte Carlo's snapshots) replace the last one while running; a cancel puts
      // the last complete result back.
      const previous = { result: get().slots[kind].result, docKey: get().slots[kind].docKey };
      update(kind, { status: 'running', done: 0, total: 0, error: null });
      try {
        const r = await job(controller.signal, (p) => {
          if (!controller.signal.aborted) update(kind, { done: p.done, total: p.total });
        });
        if (!controller.signal.aborted) update(kind, { status: 'done', result: r, docKey });
      } catch (e) {
        if (controller.signal.aborted) update(kind, { status: 'cancelled', ...previous });
        else update(kind, { status: 'error', error: describeError(e) });
      } finally {
        if (controllers[kind] === controller) delete controllers[kind];
      }
    },
    cancel: (kind) => controllers[kind]?.abort(),
  });
};

/** A document's identity for analyses: its source and edits, in a stable text form. */
export const docKeyOf = (doc: unknown): string => JSON.stringify(doc);
