/**
 * The page's one store (zustand), made of slices: the document and its history, the screen and the
 * library (app-store.ts), the workspace's run (run-store.ts), the analyses (analysis-store.ts) and the
 * Compare screen's runs (here). Its actions start, supersede and cancel every job: no component owns one.
 */
import { createStore } from 'zustand/vanilla';
import type { ModelReply } from '../runner/reply';
import type { Override } from '../scenario/load';
import { analysisSlice, docKeyOf, type AnalysisState } from './analysis-store';
import { appSlice, type AppState, type AppStoreOptions } from './app-store';
import { overridesOf, presetDoc, type ScenarioDoc } from './doc';
import { PRESETS, presetById } from './presets';
import { runSlice, type RunState, type Runner } from './run-store';

/** A Compare scenario's run: under way, or its answer (a failed call becomes issues). */
export type CompareOutcome = { readonly status: 'running' } | { readonly status: 'done'; readonly reply: ModelReply };

/** What runs Compare's scenarios: one at a time, never superseded (ModelService fits). */
export interface CompareRunner {
  run(raw: unknown, overrides: readonly Override[]): Promise<ModelReply>;
}

export interface CompareState {
  /** Outcomes by document key (docKeyOf): each distinct scenario runs once. */
  readonly compareOutcomes: Readonly<Record<string, CompareOutcome>>;
  /** Starts the runs of the Compare set that have none yet. */
  runCompare(): void;
  /** Runs the workspace's document (latest wins); a preset this build lacks is an error naming it. */
  runDoc(): Promise<void>;
}

export type HukouState = AppState & RunState & AnalysisState & CompareState;

export interface HukouStoreOptions extends AppStoreOptions {
  readonly runner: Runner;
  readonly compareRunner?: CompareRunner;
}

/** The raw scenario JSON a document starts from; an unknown preset id gives undefined. */
export function rawOf(doc: ScenarioDoc): unknown {
  if (doc.source.kind === 'custom') return doc.source.raw;
  return presetById(doc.source.id)?.raw;
}

/** The document a Compare key names: the workspace's (`current`), a preset's, or a library entry's. */
export function compareDocOf(s: Pick<AppState, 'doc' | 'library'>, key: string): ScenarioDoc | null {
  if (key === 'current') return s.doc;
  if (key.startsWith('preset:')) return presetById(key.slice(7)) ? presetDoc(key.slice(7)) : null;
  return s.library.find((e) => e.id === key)?.doc ?? null;
}

export const createHukouStore = (options: HukouStoreOptions) =>
  createStore<HukouState>()((set, get) => ({
    ...appSlice(options)(set, get),
    ...runSlice(options.runner)(set, get),
    ...analysisSlice()(set, get),
    compareOutcomes: {},
    runCompare() {
      const runner = options.compareRunner;
      if (!runner) return;
      // The Compare set's documents now: outcomes of documents no longer in it are dropped (each edit of the
      // workspace's document would otherwise keep a full result for good).
      const selectedKeys = () =>
        new Set(
          get()
            .compare.ids.map((key) => compareDocOf(get(), key))
            .flatMap((d) => (d ? [docKeyOf(d)] : [])),
        );
      const wanted = selectedKeys();
      const kept = Object.fromEntries(Object.entries(get().compareOutcomes).filter(([k]) => wanted.has(k)));
      if (Object.keys(kept).length !== Object.keys(get().compareOutcomes).length) set({ compareOutcomes: kept });
      for (const key of get().compare.ids) {
        const doc = compareDocOf(get(), key);
        if (!doc) continue;
        const k = docKeyOf(doc);
        if (get().compareOutcomes[k]) continue;
        const settle = (reply: ModelReply) => {
          // An answer for a document that has left the set meanwhile is not kept.
          if (selectedKeys().has(k))
            set((s) => ({ compareOutcomes: { ...s.compareOutcomes, [k]: { status: 'done', reply } } }));
        };
        set((s) => ({ compareOutcomes: { ...s.compareOutcomes, [k]: { status: 'running' } } }));
        runner
          .run(rawOf(doc), overridesOf(doc))
          .then(settle, (e: Error) => settle({ ok: false, issues: [{ path: '', message: e.message }] }));
      }
    },
    runDoc() {
      const { doc } = get();
      if (doc.source.kind === 'preset' && !presetById(doc.source.id)) {
        const known = PRESETS.map((p) => p.id).join(', ');
        set((s) => ({
          status: 'error',
          issues: [
            {
              path: 'preset',
              message: `"${doc.source.kind === 'preset' ? doc.source.id : ''}" is not a preset of this version (presets: ${known})`,
            },
          ],
          failure: null,
          runCount: s.runCount + 1,
        }));
        return Promise.resolve();
      }
      return get().run(rawOf(doc), overridesOf(doc));
    },
  }));

export type HukouStore = ReturnType<typeof createHukouStore>;

/**
 * Runs follow the document: the workspace's on every change of it; Compare's, while the Compare screen is
 * shown, when it opens or its set or a document in it changes. Returns the unsubscribe.
 */
export function connectRuns(store: HukouStore): () => void {
  void store.getState().runDoc();
  if (store.getState().route === 'compare') store.getState().runCompare();
  return store.subscribe((now, prev) => {
    if (now.doc !== prev.doc) void now.runDoc();
    // Compare runs only while its screen is shown: lever moves in the workspace queue nothing behind it.
    const changed = now.compare !== prev.compare || now.doc !== prev.doc || now.library !== prev.library;
    if (now.route === 'compare' && (changed || prev.route !== 'compare')) now.runCompare();
  });
}
