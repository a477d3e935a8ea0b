/**
 * The document slice of the one store (store.ts): the scenario being edited (with undo/redo), the screen,
 * the language, the pyramid's year, the scenario library and the Compare set. No React and no DOM here,
 * so tests drive it directly.
 */
import type { Lang } from './lang';
import { asDoc, presetDoc, withEdit, type EditValue, type ScenarioDoc } from './doc';
import { DEFAULT_PRESET } from './presets';

import type { Route } from './url';
export { ROUTES, type Route } from './url';

export interface LibraryEntry {
  readonly id: string;
  readonly name: string;
  readonly doc: ScenarioDoc;
  /** ISO time of the last save. */
  readonly savedAt: string;
}

/** A message shown above the workspace: what went wrong with an import or a link, or what was done. */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Validation problems, `path: message`. */
  readonly issues?: readonly string[];
}

export interface AppState {
  readonly doc: ScenarioDoc;
  /** Earlier documents (undo) and undone ones (redo), most recent last. */
  readonly past: readonly ScenarioDoc[];
  readonly future: readonly ScenarioDoc[];
  readonly lang: Lang;
  readonly route: Route;
  /** Year of the pyramid; null = the last projected year. */
  readonly year: number | null;
  readonly notice: Notice | null;
  /** Lever to scroll to and highlight (from the Tasks screen). */
  readonly focusLever: string | null;
  readonly library: readonly LibraryEntry[];
  /** Compare: library entry ids or `preset:<id>`, and the pinned baseline among them. */
  readonly compare: { readonly ids: readonly string[]; readonly pinned: string | null };

  setLever(pointer: string, value: EditValue, sourceValue?: EditValue): void;
  /** Several levers at once, as one step of the history (an optimiser's setting). */
  setLevers(edits: readonly { pointer: string; value: EditValue; sourceValue?: EditValue }[]): void;
  resetLevers(): void;
  undo(): void;
  redo(): void;
  /** Replaces the document (a preset, an import, a library entry); undo brings the old one back. */
  openDoc(doc: ScenarioDoc): void;
  setLang(lang: Lang): void;
  setRoute(route: Route): void;
  setYear(year: number | null): void;
  setNotice(notice: Notice | null): void;
  focus(pointer: string | null): void;
  saveToLibrary(name: string): string;
  renameEntry(id: string, name: string): void;
  duplicateEntry(id: string): string | null;
  deleteEntry(id: string): void;
  openEntry(id: string): void;
  setCompare(ids: readonly string[], pinned: string | null): void;
}

/** Where the library is kept (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const LIBRARY_KEY = 'hukou-sim:library';
/** Lever moves closer together than this (e.g. one slider drag) make one undo step. */
const COALESCE_MS = 800;
const HISTORY_LIMIT = 200;

/** Where library entries that could not be read are kept, so that nothing the user saved is lost. */
export const LIBRARY_SET_ASIDE_KEY = 'hukou-sim:library-set-aside';

/**
 * The saved library, every entry checked (its document as a link would be); an entry that fails is set
 * aside under {@link LIBRARY_SET_ASIDE_KEY} (kept, not deleted) and named in `setAside`. A library that is
 * not even JSON is set aside whole. A damaged library never stops the app.
 */
export function readLibrary(storage: KeyValueStore | null): { entries: LibraryEntry[]; setAside: string[] } {
  let text: string | null;
  try {
    text = storage?.getItem(LIBRARY_KEY) ?? null;
  } catch {
    return { entries: [], setAside: [] };
  }
  if (!text) return { entries: [], setAside: [] };
  const keep = (bad: unknown[]) => {
    try {
      const before = storage?.getItem(LIBRARY_SET_ASIDE_KEY);
      const old = before ? (JSON.parse(before) as unknown[]) : [];
      storage?.setItem(LIBRARY_SET_ASIDE_KEY, JSON.stringify([...(Array.isArray(old) ? old : []), ...bad]));
    } catch {
      // Storage full or unreadable: the entries stay in the library key until the next save.
    }
  };
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    keep([text]);
    return { entries: [], setAside: ['(the whole library: not readable)'] };
  }
  if (!Array.isArray(list)) {
    keep([list]);
    return { entries: [], setAside: ['(the whole library: not a list)'] };
  }
  const entries: LibraryEntry[] = [];
  const bad: unknown[] = [];
  const setAside: string[] = [];
  for (const e of list) {
    const r = e as Record<string, unknown> | null;
    const name = r && typeof r.name === 'string' ? r.name : '(no name)';
    try {
      if (!r || typeof r.id !== 'string' || typeof r.name !== 'string') throw new Error('no id or name');
      entries.push({
        id: r.id,
        name: r.name,
        doc: asDoc(r.doc),
        savedAt: typeof r.savedAt === 'string' ? r.savedAt : '',
      });
    } catch (err) {
      bad.push(e);
      setAside.push(`${name}: ${(err as Error).message}`);
    }
  }
  if (bad.length) keep(bad);
  return { entries, setAside };
}

export interface AppStoreOptions {
  readonly doc?: ScenarioDoc;
  readonly lang?: Lang;
  readonly route?: Route;
  readonly storage?: KeyValueStore | null;
  readonly now?: () => number;
}

/** The slice's setter and getter: the store's, narrowed to this slice. */
type Set = (partial: Partial<AppState>) => void;

export const appSlice =
  ({ doc, lang = 'zh', route = 'workspace', storage = null, now = Date.now }: AppStoreOptions) =>
  (set: Set, get: () => AppState): AppState => {
    let lastEdit = { pointer: '', at: -Infinity };
    const persist = (library: readonly LibraryEntry[]) => {
      try {
        storage?.setItem(LIBRARY_KEY, JSON.stringify(library));
      } catch {
        set({ notice: { kind: 'error', text: 'library-full' } });
      }
    };
    const setLibrary = (library: readonly LibraryEntry[]) => {
      set({ library });
      persist(library);
    };
    const loaded = readLibrary(storage);
    const newId = () => `s${now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const stamp = () => new Date(now()).toISOString();

    return {
      doc: doc ?? presetDoc(DEFAULT_PRESET),
      past: [],
      future: [],
      lang,
      route,
      year: null,
      notice: loaded.setAside.length ? { kind: 'error', text: 'library-set-aside', issues: loaded.setAside } : null,
      focusLever: null,
      library: loaded.entries,
      compare: { ids: [], pinned: null },

      setLever(pointer, value, sourceValue) {
        const { doc: current, past } = get();
        const next = withEdit(current, pointer, value, sourceValue);
        const t = now();
        const coalesce = lastEdit.pointer === pointer && t - lastEdit.at < COALESCE_MS && past.length > 0;
        lastEdit = { pointer, at: t };
        set({
          doc: next,
          past: coalesce ? past : [...past, current].slice(-HISTORY_LIMIT),
          future: [],
        });
      },
      setLevers(edits) {
        if (!edits.length) return;
        const { doc: current, past } = get();
        const next = edits.reduce((d, e) => withEdit(d, e.pointer, e.value, e.sourceValue), current);
        lastEdit = { pointer: '', at: -Infinity };
        set({ doc: next, past: [...past, current].slice(-HISTORY_LIMIT), future: [] });
      },
      resetLevers() {
        const { doc: current } = get();
        if (Object.keys(current.edits).length === 0) return;
        get().openDoc({ ...current, edits: {} });
      },
      undo() {
        const { past, doc: current, future } = get();
        if (!past.length) return;
        lastEdit = { pointer: '', at: -Infinity };
        set({ doc: past[past.length - 1], past: past.slice(0, -1), future: [...future, current] });
      },
      redo() {
        const { past, doc: current, future } = get();
        if (!future.length) return;
        lastEdit = { pointer: '', at: -Infinity };
        set({ doc: future[future.length - 1], future: future.slice(0, -1), past: [...past, current] });
      },
      openDoc(next) {
        const { doc: current, past } = get();
        lastEdit = { pointer: '', at: -Infinity };
        set({ doc: next, past: [...past, current].slice(-HISTORY_LIMIT), future: [], year: null });
      },
      setLang: (l) => set({ lang: l }),
      setRoute: (r) => set({ route: r }),
      setYear: (year) => set({ year }),
      setNotice: (notice) => set({ notice }),
      focus: (pointer) => set({ focusLever: pointer, ...(pointer ? { route: 'workspace' as const } : {}) }),

      saveToLibrary(name) {
        const id = newId();
        setLibrary([...get().library, { id, name, doc: get().doc, savedAt: stamp() }]);
        return id;
      },
      renameEntry(id, name) {
        setLibrary(get().library.map((e) => (e.id === id ? { ...e, name, savedAt: stamp() } : e)));
      },
      duplicateEntry(id) {
        const e = get().library.find((x) => x.id === id);
        if (!e) return null;
        const copy = { ...e, id: newId(), name: `${e.name} (2)`, savedAt: stamp() };
        setLibrary([...get().library, copy]);
        return copy.id;
      },
      deleteEntry(id) {
        setLibrary(get().library.filter((e) => e.id !== id));
        const { ids, pinned } = get().compare;
        set({ compare: { ids: ids.filter((x) => x !== id), pinned: pinned === id ? null : pinned } });
      },
      openEntry(id) {
        const e = get().library.find((x) => x.id === id);
        if (e) {
          get().openDoc(e.doc);
          set({ route: 'workspace' });
        }
      },
      setCompare: (ids, pinned) => set({ compare: { ids, pinned: pinned && ids.includes(pinned) ? pinned : null } }),
    };
  };
