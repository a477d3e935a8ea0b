/**
 * The analyses of the scenario on screen: each one's status, progress and last result, with the key of
 * the scenario document it was computed for, so the page can say when a result belongs to an earlier
 * setting. Results are not persisted: they are recomputed on demand.
 */
import { createStore } from 'zustand/vanilla';

export type AnalysisKind = 'uncertainty' | 'sensitivity' | 'goalSeek' | 'calibration' | 'evaluation' | 'backtest';

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
  /** The back-test's origin (null: the scenario's base year). */
  readonly backtestOrigin: number | null;
  /** The metric the back-test chart shows (null: the first one scored). */
  readonly backtestMetric: string | null;
}

export interface AnalysisState {
  readonly slots: Readonly<Record<AnalysisKind, AnalysisSlot>>;
  readonly form: AnalysisForm;
  update(kind: AnalysisKind, patch: Partial<AnalysisSlot>): void;
  setForm(patch: Partial<AnalysisForm>): void;
}

export const createAnalysisStore = () =>
  createStore<AnalysisState>()((set) => ({
    slots: {
      uncertainty: EMPTY,
      sensitivity: EMPTY,
      goalSeek: EMPTY,
      calibration: EMPTY,
      evaluation: EMPTY,
      backtest: EMPTY,
    },
    form: {
      runs: 500,
      seed: 1,
      sensYear: null,
      sensMetric: 'gapPoints',
      goalLever: null,
      goalTarget: null,
      custom: { metric: 'municipalNetCumulative', year: null, comparator: '<=', value: 0 },
      backtestOrigin: null,
      backtestMetric: null,
    },
    update: (kind, patch) => set((s) => ({ slots: { ...s.slots, [kind]: { ...s.slots[kind], ...patch } } })),
    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
  }));

export type AnalysisStore = ReturnType<typeof createAnalysisStore>;

/** A document's identity for analyses: its source and edits, in a stable text form. */
export const docKeyOf = (doc: unknown): string => JSON.stringify(doc);
