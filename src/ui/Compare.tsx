/**
 * The Compare screen: several scenarios (the workspace's, presets, library entries) overlaid, with the
 * deltas of each to a pinned baseline and each one's targets. The store runs each scenario (its runCompare
 * action) in the model service's worker, one after another, and keeps results per document, so ticking a
 * box again costs nothing. The charts sit in the workspace's chart cards (PNG, SVG and CSV export); the
 * tables download as CSV.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { docKeyOf } from '../state/analysis-store';
import { presetDoc, type ScenarioDoc } from '../state/doc';
import { PRESETS } from '../state/presets';
import type { CompareOutcome } from '../state/store';
import { ChartCard } from './ChartCard';
import { OKABE_ITO } from './charts/palette';
import type { ChartContext } from './charts/types';
import { compareChart } from './compare/compare-charts';
import type { Compared } from './compare/compare-data';
import { CompareTable } from './compare/CompareTable';
import { CompareTargets } from './compare/CompareTargets';
import { pick, t } from './i18n';
import type { Services } from './services';
import './compare/compare.css';

/** One colour per compared scenario, in order (black is kept for the text). */
const SCENARIO_COLORS = Object.values(OKABE_ITO).filter((c) => c !== OKABE_ITO.black);

interface Candidate {
  readonly key: string;
  readonly name: string;
  readonly doc: ScenarioDoc;
}

const RUNNING: CompareOutcome = { status: 'running' };

export function Compare({ services }: { services: Services }) {
  const { store: app } = services;
  const lang = useStore(app, (s) => s.lang);
  const doc = useStore(app, (s) => s.doc);
  const library = useStore(app, (s) => s.library);
  // The workspace's scenario by its name too: an imported city is otherwise only "the current workspace".
  const currentName = useStore(app, (s) => s.result?.scenario.name ?? null);
  const { ids, pinned } = useStore(app, (s) => s.compare);
  // The store runs the Compare set (its runCompare action, on every change of the set or its documents).
  const outcomes = useStore(app, (s) => s.compareOutcomes);

  const candidates: Candidate[] = useMemo(
    () => [
      {
        key: 'current',
        name: currentName ? `${t('current', lang)}${lang === 'en' ? ': ' : '：'}${currentName}` : t('current', lang),
        doc,
      },
      ...PRESETS.map((p) => ({ key: `preset:${p.id}`, name: pick(lang, p.name, p.nameEn), doc: presetDoc(p.id) })),
      ...library.map((e) => ({ key: e.id, name: e.name, doc: e.doc })),
    ],
    [doc, library, lang, currentName],
  );
  const docKey = (c: Candidate) => docKeyOf(c.doc);

  const toggle = (key: string, on: boolean) => {
    const next = on ? [...ids, key] : ids.filter((x) => x !== key);
    app.getState().setCompare(next, pinned ?? (on ? key : null));
  };

  // The compared runs, charts and the charts' context change only with the set, its runs or the language,
  // so the chart cards redraw only then.
  const view = useMemo(() => {
    const compared: Compared[] = candidates
      .filter((c) => ids.includes(c.key))
      .flatMap((c) => {
        const o = outcomes[docKeyOf(c.doc)];
        return o?.status === 'done' && o.reply.ok ? [{ c, reply: o.reply }] : [];
      })
      .map(({ c, reply }, i) => ({
        key: c.key,
        name: c.name,
        color: SCENARIO_COLORS[i % SCENARIO_COLORS.length],
        result: reply.result,
        view: reply.view,
        meta: reply.meta,
      }));
    const baseline = compared.find((x) => x.key === pinned) ?? null;
    const anchor = baseline ?? compared[0];
    // The cards' context: the baseline's run names the exported files (`<id>-compare-rates.png`).
    const ctx: ChartContext | null = anchor
      ? { result: anchor.result, view: anchor.view, meta: anchor.meta, lang, year: anchor.result.scenario.baseYear }
      : null;
    const charts = [compareChart('compare-rates', compared), compareChart('compare-gap', compared)];
    return { compared, baseline, ctx, charts, fileBase: anchor?.result.scenario.id ?? 'compare' };
  }, [candidates, ids, pinned, outcomes, lang]);
  const { compared, baseline, ctx, charts, fileBase } = view;

  return (
    <section className="compare screen" aria-labelledby="compare-title">
      <h1 id="compare-title">{t('compareTitle', lang)}</h1>
      <p>{t('compareHelp', lang)}</p>
      <fieldset className="compare-pick">
        <legend className="sr-only">{t('compareTitle', lang)}</legend>
        {candidates.map((c) => {
          const o = outcomes[docKey(c)] ?? RUNNING;
          const on = ids.includes(c.key);
          return (
            <div key={c.key} className="compare-option" data-compare-option={c.key}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => toggle(c.key, e.target.checked)} /> {c.name}
              </label>
              <label className={on ? '' : 'muted'}>
                <input
                  type="radio"
                  name="baseline"
                  disabled={!on}
                  checked={pinned === c.key}
                  onChange={() => app.getState().setCompare(ids, c.key)}
                />{' '}
                {t('baseline', lang)}
              </label>
              {on && o.status === 'running' && <span className="muted"> {t('status.running', lang)}</span>}
              {on && o.status === 'done' && !o.reply.ok && (
                <span className="error-text" role="alert">
                  {' '}
                  {o.reply.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}
                </span>
              )}
            </div>
          );
        })}
      </fieldset>
      {ctx && compared.length > 0 && (
        <>
          <div className="compare-charts">
            {charts.map((spec) => (
              <ChartCard key={spec.id} spec={spec} ctx={ctx} />
            ))}
          </div>
          <CompareTargets compared={compared} pinned={pinned} fileBase={fileBase} lang={lang} />
          <CompareTable compared={compared} baseline={baseline} fileBase={fileBase} lang={lang} />
        </>
      )}
    </section>
  );
}
