/**
 * The bar above every screen: screens, preset, undo/redo, import/export, link, library, language.
 * Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo outside text fields.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { formatIssue } from '../scenario/issues';
import type { Route } from '../state/app-store';
import { overridesOf, presetDoc } from '../state/doc';
import { PRESETS } from '../state/presets';
import { pick, t, type StringKey } from './i18n';
import { resultToCsv } from '../runner/result-csv';
import { resultToPeopleCsv } from '../runner/result-csv-people';
import { download, fileNameOf, rawOf, type Services } from './services';

const SCREENS: readonly Route[] = ['workspace', 'analyses', 'compare', 'atlas', 'tasks', 'library', 'brief'];

export function Toolbar({ services }: { services: Services }) {
  const { store: app, service, store: runs } = services;
  const result = useStore(runs, (s) => s.result);
  const view = useStore(runs, (s) => s.view);
  const { doc, lang, route, canUndo, canRedo } = useStore(
    app,
    useShallow((s) => ({
      doc: s.doc,
      lang: s.lang,
      route: s.route,
      canUndo: s.past.length > 0,
      canRedo: s.future.length > 0,
    })),
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLElement>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');

  // The toolbar's height (it wraps onto two lines on narrower screens), for what sticks below it: the lever
  // panel and the strip that keeps the rates in view.
  useEffect(() => {
    const el = barRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--toolbar-h', `${Math.ceil(el.getBoundingClientRect().height)}px`),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) app.getState().undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') app.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app]);

  const onImport = async (file: File) => {
    const text = await file.text();
    const reply = await service.check(text, file.name).catch((e: Error) => ({
      ok: false as const,
      issues: [{ path: file.name, message: e.message }],
    }));
    const st = app.getState();
    if (reply.ok) {
      st.openDoc({ source: { kind: 'custom', raw: reply.raw, fileName: file.name }, edits: {} });
      st.setNotice({ kind: 'info', text: `${t('importDone', lang)}：${file.name}` });
    } else st.setNotice({ kind: 'error', text: t('importFailed', lang), issues: reply.issues.map(formatIssue) });
  };
  const onExport = async () => {
    const reply = await service.export(rawOf(doc), overridesOf(doc));
    if (reply.ok) download(reply.text, fileNameOf(doc));
    else
      app
        .getState()
        .setNotice({ kind: 'error', text: t('invalidScenario', lang), issues: reply.issues.map(formatIssue) });
  };
  const onCopyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      app.getState().setNotice({ kind: 'info', text: t('linkCopied', lang) });
    } catch {
      app.getState().setNotice({ kind: 'info', text: location.href });
    }
  };

  const presetValue = doc.source.kind === 'preset' ? doc.source.id : '';
  return (
    <header className="toolbar" ref={barRef}>
      <p className="app-title">{t('appTitle', lang)}</p>
      <nav aria-label={t('nav.label', lang)} className="screens">
        {SCREENS.map((r) => (
          <a
            key={r}
            href={`#/${r}`}
            aria-current={route === r ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              app.getState().setRoute(r);
            }}
          >
            {t(`nav.${r}` as StringKey, lang)}
          </a>
        ))}
      </nav>
      <div className="tools">
        <label>
          <span className="sr-only">{t('preset', lang)}</span>
          <select
            value={presetValue}
            data-preset-select=""
            onChange={(e) => e.target.value && app.getState().openDoc(presetDoc(e.target.value))}
          >
            {doc.source.kind === 'custom' && (
              <option value="">
                {t('imported', lang)}: {doc.source.fileName ?? ''}
              </option>
            )}
            {(['current', 'document'] as const).map((kind) => (
              <optgroup key={kind} label={t(`presets.${kind}`, lang)} data-preset-group={kind}>
                {PRESETS.filter((p) => p.kind === kind).map((p) => (
                  <option key={p.id} value={p.id}>
                    {pick(lang, p.name, p.nameEn)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => app.getState().undo()} disabled={!canUndo} title="Ctrl+Z">
          {t('undo', lang)}
        </button>
        <button type="button" onClick={() => app.getState().redo()} disabled={!canRedo} title="Ctrl+Shift+Z">
          {t('redo', lang)}
        </button>
        <button
          type="button"
          onClick={() => app.getState().resetLevers()}
          disabled={Object.keys(doc.edits).length === 0}
        >
          {t('reset', lang)}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('import', lang)}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-import=""
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void onImport(f);
          }}
        />
        <button type="button" onClick={() => void onExport()} data-export-scenario="">
          {t('export', lang)}
        </button>
        <button
          type="button"
          data-export-results=""
          disabled={!result}
          title={t('exportResultsHint', lang)}
          onClick={() =>
            result &&
            download(
              '\ufeff' + resultToPeopleCsv(result, { lang, ...(view ? { names: view } : {}) }),
              `${result.scenario.id}-results.csv`,
              'text/csv',
            )
          }
        >
          {t('exportResults', lang)}
        </button>
        <button
          type="button"
          data-export-results-raw=""
          disabled={!result}
          title={t('exportResultsRawHint', lang)}
          onClick={() =>
            result && download('\ufeff' + resultToCsv(result), `${result.scenario.id}-results-raw.csv`, 'text/csv')
          }
        >
          {t('exportResultsRaw', lang)}
        </button>
        <button type="button" onClick={() => void onCopyLink()}>
          {t('copyLink', lang)}
        </button>
        {saving ? (
          <form
            className="save-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim()) return;
              app.getState().saveToLibrary(name.trim());
              app.getState().setNotice({ kind: 'info', text: `${t('saved', lang)}：${name.trim()}` });
              setSaving(false);
              setName('');
            }}
          >
            <label>
              <span className="sr-only">{t('saveName', lang)}</span>
              <input
                autoFocus
                value={name}
                placeholder={t('saveName', lang)}
                onChange={(e) => setName(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setSaving(false)}
              />
            </label>
            <button type="submit">{t('saveAs', lang)}</button>
          </form>
        ) : (
          <button type="button" onClick={() => setSaving(true)}>
            {t('saveAs', lang)}
          </button>
        )}
        <button
          type="button"
          lang={lang === 'en' ? 'zh' : 'en'}
          aria-label={t('languageLabel', lang)}
          onClick={() => app.getState().setLang(lang === 'en' ? 'zh' : 'en')}
        >
          {t('language', lang)}
        </button>
      </div>
    </header>
  );
}
