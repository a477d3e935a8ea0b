/**
 * Keeps the state where a reload or a copied link finds it: the URL hash (the whole scenario, see
 * url.ts) and an autosave in localStorage. At start-up a link wins over the autosave, the autosave over
 * the default preset; a damaged link is reported, not fatal.
 */
import type { HukouStore } from './store';
import { asDoc, decodeDoc, encodeDoc, presetDoc, type ScenarioDoc } from './doc';
import { presetById, PRESETS } from './presets';
import { formatHash, parseHash } from './url';
import type { KeyValueStore } from './app-store';
import type { Lang } from './lang';

export const AUTOSAVE_KEY = 'hukou-sim:autosave';

interface Autosave {
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

/** The autosave, or why it could not be restored (null when there is none). */
function readAutosave(storage: KeyValueStore | null): Autosave | { error: string } | null {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const a = JSON.parse(text) as { doc: unknown; lang: unknown };
    return { doc: asDoc(a.doc), lang: a.lang === 'en' ? 'en' : 'zh' };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export interface StartState {
  readonly doc: ScenarioDoc | null;
  readonly lang: Lang;
  readonly route: ReturnType<typeof parseHash>['route'];
  readonly year: number | null;
  /** Why the link could not be read, if it could not. */
  readonly linkError: string | null;
  /** Why the autosave could not be restored, if there was one and it could not. */
  readonly autosaveError: string | null;
}

/** What the app opens with, from the location's hash and the autosave. */
export async function startState(hash: string, storage: KeyValueStore | null): Promise<StartState> {
  const h = parseHash(hash);
  const read = readAutosave(storage);
  const saved = read && 'doc' in read ? read : null;
  let doc: ScenarioDoc | null = null;
  let linkError: string | null = null;
  if (h.code) {
    try {
      doc = await decodeDoc(h.code);
    } catch (e) {
      linkError = (e as Error).message;
    }
  } else if (h.preset) {
    if (presetById(h.preset)) doc = presetDoc(h.preset);
    else linkError = `p: no preset "${h.preset}" (${PRESETS.map((p) => p.id).join(', ')})`;
  }
  return {
    doc: doc ?? saved?.doc ?? null,
    lang: h.lang ?? saved?.lang ?? 'zh',
    route: h.route,
    year: h.year,
    linkError,
    autosaveError: read && 'error' in read ? read.error : null,
  };
}

/**
 * Mirrors the store into the hash and the autosave on every change, and follows the hash when the
 * user changes it (back/forward, a pasted link). Returns a function that stops it.
 */
export function persist(store: HukouStore, storage: KeyValueStore | null, win: Window = window): () => void {
  let seq = 0;
  let written = win.location.hash;
  const write = async () => {
    const s = store.getState();
    try {
      storage?.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: s.doc, lang: s.lang }));
    } catch {
      // storage full or disabled: the link still carries the state
    }
    const mine = ++seq;
    const code = await encodeDoc(s.doc);
    if (mine !== seq) return; // a newer state is being written
    const hash = formatHash({ route: s.route, code, lang: s.lang, year: s.year });
    if (hash !== win.location.hash) {
      written = hash;
      win.history.replaceState(null, '', hash);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc !== prev.doc || s.lang !== prev.lang || s.route !== prev.route || s.year !== prev.year) void write();
  });
  const onHash = () => {
    if (win.location.hash === written) return;
    written = win.location.hash;
    const h = parseHash(win.location.hash);
    const st = store.getState();
    if (h.route !== st.route) st.setRoute(h.route);
    if (h.lang && h.lang !== st.lang) st.setLang(h.lang);
    if (!h.code && h.preset) {
      if (presetById(h.preset)) store.getState().openDoc(presetDoc(h.preset));
      else store.getState().setNotice({ kind: 'error', text: 'link-damaged', issues: [`p: no preset "${h.preset}"`] });
    }
    if (h.code)
      decodeDoc(h.code).then(
        (doc) => {
          if (JSON.stringify(doc) !== JSON.stringify(store.getState().doc)) store.getState().openDoc(doc);
        },
        (e: Error) => store.getState().setNotice({ kind: 'error', text: 'link-damaged', issues: [e.message] }),
      );
  };
  win.addEventListener('hashchange', onHash);
  void write();
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHash);
  };
}
