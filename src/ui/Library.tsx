/** The scenario library: saved scenarios with open, rename, duplicate and delete. Kept in localStorage. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { LibraryEntry } from '../state/app-store';
import type { HukouStore } from '../state/store';
import { presetById } from '../state/presets';
import type { Lang } from './charts/types';
import { pick, t } from './i18n';

function basedOn(e: LibraryEntry, lang: Lang): string {
  if (e.doc.source.kind === 'custom') return `${t('imported', lang)} ${e.doc.source.fileName ?? ''}`;
  const p = presetById(e.doc.source.id);
  return p ? pick(lang, p.name, p.nameEn) : e.doc.source.id;
}

export function Library({ app }: { app: HukouStore }) {
  const library = useStore(app, (s) => s.library);
  const lang = useStore(app, (s) => s.lang);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState('');
  return (
    <section className="library screen" aria-labelledby="library-title">
      <h1 id="library-title">{t('nav.library', lang)}</h1>
      {library.length === 0 ? (
        <p>{t('libraryEmpty', lang)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name', lang)}</th>
              <th scope="col">{t('base', lang)}</th>
              <th scope="col">{t('edits', lang)}</th>
              <th scope="col">{t('savedAt', lang)}</th>
              <th scope="col">{t('actions', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {library.map((e) => (
              <tr key={e.id} data-library-entry={e.id}>
                <th scope="row">
                  {renaming === e.id ? (
                    <form
                      onSubmit={(ev) => {
                        ev.preventDefault();
                        if (name.trim()) app.getState().renameEntry(e.id, name.trim());
                        setRenaming(null);
                      }}
                    >
                      <input
                        autoFocus
                        aria-label={t('rename', lang)}
                        value={name}
                        onChange={(ev) => setName(ev.target.value)}
                        onKeyDown={(ev) => ev.key === 'Escape' && setRenaming(null)}
                      />
                      <button type="submit">{t('rename', lang)}</button>
                    </form>
                  ) : (
                    e.name
                  )}
                </th>
                <td>{basedOn(e, lang)}</td>
                <td>{Object.keys(e.doc.edits).length}</td>
                <td>{new Date(e.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => app.getState().openEntry(e.id)}>
                    {t('open', lang)}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setRenaming(e.id);
                      setName(e.name);
                    }}
                  >
                    {t('rename', lang)}
                  </button>
                  <button type="button" onClick={() => app.getState().duplicateEntry(e.id)}>
                    {t('duplicate', lang)}
                  </button>
                  <button type="button" onClick={() => app.getState().deleteEntry(e.id)}>
                    {t('delete', lang)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
