/**
 * The application root: the toolbar, the run status (the `[data-status]` hook of INTERFACES.md),
 * notices and errors, and the screen of the current route. A failed run keeps the last good result on
 * screen; nothing the user made is dropped.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { UncertaintyView } from '../runner/analysis-types';
import { docKeyOf } from '../state/analysis-store';
import { presetById } from '../state/presets';
import { Analyses } from './analysis/Analyses';
import { Atlas } from './atlas/Atlas';
import { BriefScreen } from './brief/BriefScreen';
import { Compare } from './Compare';
import { ErrorPanel } from './ErrorPanel';
import { t } from './i18n';
import { Library } from './Library';
import type { Services } from './services';
import { Tasks } from './Tasks';
import { Toolbar } from './Toolbar';
import { Workspace } from './Workspace';

export function App({ services }: { services: Services }) {
  const { store: app, store: runs } = services;
  const a = useStore(
    app,
    useShallow((s) => ({
      route: s.route,
      lang: s.lang,
      doc: s.doc,
      year: s.year,
      notice: s.notice,
      focusLever: s.focusLever,
      setLever: s.setLever,
      setYear: s.setYear,
      focus: s.focus,
    })),
  );
  const r = useStore(
    runs,
    useShallow((s) => ({
      status: s.status,
      result: s.result,
      previous: s.previous,
      meta: s.meta,
      view: s.view,
      issues: s.issues,
      failure: s.failure,
    })),
  );
  const { lang } = a;
  // The fan chart shows only an uncertainty analysis of the document on screen, never an earlier one.
  const unc = useStore(services.store, (s) => s.slots.uncertainty);
  const uncertainty =
    unc.result && unc.docKey === docKeyOf(a.doc) && unc.status !== 'running' ? (unc.result as UncertaintyView) : null;
  const nameEn = a.doc.source.kind === 'preset' ? presetById(a.doc.source.id)?.nameEn : undefined;
  return (
    <div className="app" data-status={r.status} aria-busy={r.status === 'running'}>
      <Toolbar services={services} />
      <p className={`status status-${r.status}`} role="status">
        {t(`status.${r.status}`, lang)}
      </p>
      {a.notice && (
        <div className={`notice notice-${a.notice.kind}`} role={a.notice.kind === 'error' ? 'alert' : 'status'}>
          <p data-notice={a.notice.text}>
            {a.notice.text === 'library-full'
              ? t('libraryFull', lang)
              : a.notice.text === 'library-set-aside'
                ? t('librarySetAside', lang)
                : a.notice.text}
          </p>
          {a.notice.issues && (
            <ul data-notice-issues="">
              {a.notice.issues.map((i, k) => (
                <li key={k}>
                  <code>{i}</code>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => app.getState().setNotice(null)}>
            {t('dismiss', lang)}
          </button>
        </div>
      )}
      {r.status === 'error' && <ErrorPanel issues={r.issues} failure={r.failure} lang={lang} />}
      <main>
        {a.route === 'workspace' &&
          (r.result && r.view && r.meta ? (
            <Workspace
              result={r.result}
              meta={r.meta}
              view={r.view}
              doc={a.doc}
              lang={lang}
              year={a.year}
              focusLever={a.focusLever}
              nameEn={nameEn}
              setLever={a.setLever}
              setYear={a.setYear}
              focus={a.focus}
              uncertainty={uncertainty}
              baseline={r.previous}
            />
          ) : (
            r.status !== 'error' && <p className="loading">{t('loading', lang)}</p>
          ))}
        {a.route === 'brief' &&
          (r.result && r.view && r.meta ? (
            <BriefScreen result={r.result} meta={r.meta} view={r.view} doc={a.doc} lang={lang} nameEn={nameEn} />
          ) : (
            r.status !== 'error' && <p className="loading">{t('loading', lang)}</p>
          ))}
        {a.route === 'analyses' &&
          (r.result && r.view && r.meta ? (
            <Analyses services={services} result={r.result} meta={r.meta} view={r.view} doc={a.doc} lang={lang} />
          ) : (
            r.status !== 'error' && <p className="loading">{t('loading', lang)}</p>
          ))}
        {a.route === 'compare' && <Compare services={services} />}
        {a.route === 'atlas' && <Atlas services={services} lang={lang} />}
        {a.route === 'tasks' && (
          <Tasks
            table={r.view?.tasks ?? null}
            levers={r.view?.levers ?? []}
            targets={r.result?.targets ?? []}
            parts={r.view?.parts ?? {}}
            lang={lang}
            focus={a.focus}
          />
        )}
        {a.route === 'library' && <Library app={app} />}
      </main>
    </div>
  );
}
