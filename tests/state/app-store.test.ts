import { describe, expect, it } from 'vitest';
import {
  LIBRARY_KEY,
  LIBRARY_SET_ASIDE_KEY,
  type AppStoreOptions,
  type KeyValueStore,
} from '../../src/state/app-store';
import { createHukouStore } from '../../src/state/store';

/** The one store, its runner never asked (these tests drive the document slice). */
const createAppStore = (options: AppStoreOptions) =>
  createHukouStore({ ...options, runner: { run: () => new Promise(() => {}) } });
import { presetDoc } from '../../src/state/doc';
import { AUTOSAVE_KEY, startState } from '../../src/state/persistence';
import { encodeDoc } from '../../src/state/doc';

const memory = (): KeyValueStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};

describe('app store', () => {
  it('undoes and redoes lever changes; one slider drag is one step', () => {
    let clock = 0;
    const store = createAppStore({ now: () => clock });
    const s = () => store.getState();
    s().setLever('/a', 1, 0);
    clock += 100;
    s().setLever('/a', 2, 0); // same lever, moments later: the same step
    clock += 5000;
    s().setLever('/b', 5, 0);
    expect(s().doc.edits).toEqual({ '/a': 2, '/b': 5 });
    s().undo();
    expect(s().doc.edits).toEqual({ '/a': 2 });
    s().undo();
    expect(s().doc.edits).toEqual({});
    s().undo(); // nothing left: no change
    expect(s().doc.edits).toEqual({});
    s().redo();
    s().redo();
    expect(s().doc.edits).toEqual({ '/a': 2, '/b': 5 });
    s().undo();
    s().setLever('/c', 1, 0); // a new change drops the redo branch
    expect(s().future).toEqual([]);
    s().resetLevers();
    expect(s().doc.edits).toEqual({});
    s().undo();
    expect(s().doc.edits).toEqual({ '/a': 2, '/c': 1 });
  });

  it('keeps the library in storage: save, rename, duplicate, open, delete', () => {
    const storage = memory();
    const store = createAppStore({ storage });
    const s = () => store.getState();
    s().setLever('/x', 3, 1);
    const id = s().saveToLibrary('放宽方案');
    s().renameEntry(id, '放宽方案 A');
    const copy = s().duplicateEntry(id)!;
    expect(s().library.map((e) => e.name)).toEqual(['放宽方案 A', '放宽方案 A (2)']);
    // A new store (a reload) reads the same library.
    const again = createAppStore({ storage });
    expect(again.getState().library.map((e) => e.id)).toEqual([id, copy]);
    s().openDoc(presetDoc('liaoyuan'));
    s().openEntry(copy);
    expect(s().doc.edits).toEqual({ '/x': 3 });
    s().setCompare([id, copy], copy);
    s().deleteEntry(copy);
    expect(s().compare).toEqual({ ids: [id], pinned: null });
    expect(JSON.parse(storage.map.get(LIBRARY_KEY)!)).toHaveLength(1);
  });

  it('survives a damaged library in storage, keeping it aside and saying so', () => {
    const storage = memory();
    storage.setItem(LIBRARY_KEY, '{not json');
    const st = createAppStore({ storage }).getState();
    expect(st.library).toEqual([]);
    expect(st.notice).toMatchObject({ kind: 'error', text: 'library-set-aside' });
    expect(JSON.parse(storage.map.get(LIBRARY_SET_ASIDE_KEY)!)).toEqual(['{not json']);
  });

  it('sets aside only the library entries that cannot be read, and names them (one once blanked the app)', () => {
    const storage = memory();
    const good = { id: 'a', name: '常州试算', doc: presetDoc('changzhou-2016'), savedAt: '2026-11-30T00:00:00Z' };
    const bad = [
      { id: 'b', name: '坏条目', doc: { source: { kind: 'preset', id: 'BAD ID' }, edits: {} } },
      { id: 'c', name: '无文档' },
      null,
    ];
    storage.setItem(LIBRARY_KEY, JSON.stringify([good, ...bad]));
    const st = createAppStore({ storage }).getState();
    expect(st.library).toEqual([good]);
    expect(st.notice?.issues).toHaveLength(3);
    expect(st.notice?.issues?.[0]).toMatch(/^坏条目: source: must be a preset id/);
    expect(JSON.parse(storage.map.get(LIBRARY_SET_ASIDE_KEY)!)).toEqual(bad);
  });
});

describe('start-up state', () => {
  it('prefers the link, then the autosave, then nothing (the default preset)', async () => {
    const storage = memory();
    expect((await startState('', storage)).doc).toBeNull();
    const saved = { source: { kind: 'preset' as const, id: 'liaoyuan' }, edits: { '/a': 1 } };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: saved, lang: 'en' }));
    const fromSave = await startState('#/tasks', storage);
    expect(fromSave).toMatchObject({ doc: saved, lang: 'en', route: 'tasks', linkError: null });
    const linked = { source: { kind: 'preset' as const, id: 'guangzhou' }, edits: {} };
    const fromLink = await startState(`#/workspace?s=${await encodeDoc(linked)}`, storage);
    expect(fromLink.doc).toEqual(linked);
  });

  it('opens a preset a link names (p=), over the autosave; an unknown one is reported, the autosave kept', async () => {
    const storage = memory();
    const saved = { source: { kind: 'preset' as const, id: 'liaoyuan' }, edits: { '/a': 1 } };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: saved, lang: 'zh' }));
    const s = await startState('#/analyses?p=changzhou-2016', storage);
    expect(s).toMatchObject({ route: 'analyses', linkError: null });
    expect(s.doc).toEqual({ source: { kind: 'preset', id: 'changzhou-2016' }, edits: {} });
    const bad = await startState('#/workspace?p=atlantis', storage);
    expect(bad.linkError).toMatch(/^p: no preset "atlantis" \(changzhou-now, /);
    expect(bad.doc).toEqual(saved);
  });

  it('reports a damaged link and falls back to the autosave', async () => {
    const storage = memory();
    const saved = { source: { kind: 'preset' as const, id: 'liaoyuan' }, edits: {} };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: saved, lang: 'zh' }));
    const s = await startState('#/workspace?s=AAAA', storage);
    expect(s.linkError).toMatch(/damaged/);
    expect(s.doc).toEqual(saved);
  });
});

describe('a damaged autosave', () => {
  it('is not restored, and the start state says why (it was dropped without a word)', async () => {
    const storage = memory();
    storage.setItem(AUTOSAVE_KEY, '{"doc": {"source": {"kind": "preset", "id": "BAD ID"}, "edits": {}}}');
    const s = await startState('', storage);
    expect(s.doc).toBeNull();
    expect(s.autosaveError).toMatch(/source: must be a preset id/);
    storage.setItem(AUTOSAVE_KEY, 'not json');
    expect((await startState('', storage)).autosaveError).toMatch(/JSON/);
    // None saved: nothing to say.
    expect((await startState('', memory())).autosaveError).toBeNull();
  });
});
