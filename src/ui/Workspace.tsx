/**
 * The Workspace screen: levers on the left (scrolling on their own); on the right the scenario, the headline
 * (the rates chart beside the key figures and the target scorecard, above the fold), the policy timeline,
 * the cost for the document's period and every other chart, all from the latest run.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioMeta } from '../runner/reply';
import type { UncertaintyView } from '../runner/analysis-types';
import type { ViewData } from '../runner/view-data';
import type { ProjectionResult } from '../scenario/result';
import type { EditValue, ScenarioDoc } from '../state/doc';
import { ChartCard } from './ChartCard';
import { FiscalPanel } from './fiscal/FiscalPanel';
import { FiscalSummary } from './fiscal/FiscalSummary';
import { CHARTS } from './charts';
import type { ChartContext, Lang } from './charts/types';
import { KeyFigures } from './KeyFigures';
import { LeverPanel } from './LeverPanel';
import { PinnedRates } from './PinnedRates';
import { ScenarioHeader } from './ScenarioHeader';
import { Scorecard } from './Scorecard';
import { Timeline } from './Timeline';
import { t } from './i18n';

export interface WorkspaceProps {
  readonly result: ProjectionResult;
  readonly meta: ScenarioMeta;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
  readonly year: number | null;
  readonly focusLever: string | null;
  readonly nameEn?: string;
  /** An uncertainty analysis of this very document, when one has run: the fan chart joins the charts. */
  readonly uncertainty?: UncertaintyView | null;
  /** The run before the last lever move, drawn faintly in the rates chart. */
  readonly baseline?: ProjectionResult | null;
  setLever(pointer: string, value: EditValue, sourceValue: EditValue): void;
  setYear(year: number | null): void;
  focus(pointer: string | null): void;
}

export function Workspace(p: WorkspaceProps) {
  const { result, view, lang } = p;
  const years = result.years;
  const year = p.year !== null && years.includes(p.year) ? p.year : years[years.length - 1];
  const ctx: ChartContext = useMemo(
    () => ({
      result,
      view,
      meta: p.meta,
      lang,
      year,
      ...(p.uncertainty ? { uncertainty: p.uncertainty } : {}),
      ...(p.baseline ? { baseline: p.baseline } : {}),
    }),
    [result, view, p.meta, lang, year, p.uncertainty, p.baseline],
  );
  const { focus } = p;
  const onFocused = useCallback(() => focus(null), [focus]);
  const fiscalInputs = useMemo(() => view.levers.filter((l) => l.fiscal), [view.levers]);
  const headline = CHARTS.find((spec) => spec.id === 'rates' && spec.available(ctx));
  // The strip that keeps the rates in view shows once the headline has scrolled up out of sight.
  const headlineRef = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(false);
  useEffect(() => {
    // On scroll and resize, the toolbar's height read each time (it wraps on narrower screens).
    let frame = 0;
    const check = () => {
      frame = 0;
      const el = headlineRef.current?.querySelector('[data-chart="rates"]') ?? headlineRef.current;
      if (!el) return;
      const r = el.getBoundingClientRect();
      const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
      // Pinned once less than a third of the headline's chart remains below the toolbar.
      setPinned(r.height > 0 && r.bottom - toolbar < r.height / 3);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  // On a phone the levers are a drawer over the results (workspace.css, max-width 700px); elsewhere always shown.
  const [drawer, setDrawer] = useState(false);
  // A task's "go to lever" opens the drawer, so that the lever it points at can be seen (state adjusted
  // while rendering, when the focused lever changes: React's pattern for state that follows a prop).
  const [seenFocus, setSeenFocus] = useState(p.focusLever);
  if (p.focusLever !== seenFocus) {
    setSeenFocus(p.focusLever);
    if (p.focusLever) setDrawer(true);
  }
  // Levers of a zone nobody lives in (辽源 has no county-level city) would move nothing: not shown.
  const shownLevers = useMemo(() => {
    const empty = view.zones.filter((z) => z.empty).map((z) => z.id);
    if (!empty.length) return view.levers;
    const inEmpty = (p: string) =>
      empty.some((z) => p.includes(`/zones/${z}/`) || p.endsWith(`/${z}`) || p.includes(`/${z}/`));
    return view.levers.filter((l) => !inEmpty(l.pointer));
  }, [view.levers, view.zones]);
  return (
    <div className={`workspace${drawer ? ' drawer-open' : ''}`}>
      <button
        type="button"
        className="drawer-toggle"
        data-levers-toggle=""
        aria-expanded={drawer}
        onClick={() => setDrawer(!drawer)}
      >
        {drawer ? t('closeLevers', lang) : t('openLevers', lang)}
      </button>
      <LeverPanel
        levers={shownLevers}
        sourceValues={view.sourceValues}
        edits={p.doc.edits}
        tasks={view.tasks?.tasks ?? []}
        lang={lang}
        focusLever={p.focusLever}
        onChange={p.setLever}
        onFocused={onFocused}
      />
      <div className="results">
        {/* First in the results, so that on a phone it sits under the drawer's button before any scroll. */}
        <PinnedRates result={result} baseline={p.baseline ?? null} lang={lang} shown={pinned || drawer} />
        <ScenarioHeader
          meta={p.meta}
          scenario={result.scenario}
          warnings={result.decomposition.warnings}
          lang={lang}
          nameEn={p.nameEn}
        />
        {/* The headline: the two rates and the gap beside the key figures and the targets, above the fold at
            1280×720, so that a lever move can be watched while the lever panel scrolls on its own. */}
        <div className="headline" ref={headlineRef}>
          {headline && <ChartCard spec={headline} ctx={ctx} />}
          <div className="headline-side">
            <KeyFigures result={result} lang={lang} view={view} />
            <Scorecard
              targets={result.targets}
              lang={lang}
              observed={view.observed}
              definitionOf={(y) => result.hukouDefinition[result.years.indexOf(y)]}
              kind={p.meta.kind}
            />
          </div>
        </div>
        <Timeline
          meta={p.meta}
          timeline={view.timeline}
          milestones={view.milestones}
          levers={view.levers}
          lang={lang}
          baseYear={years[0]}
        />
        <FiscalSummary result={result} lang={lang} panelLink />
        <div className="charts-grid">
          {CHARTS.filter((spec) => spec !== headline && spec.available(ctx)).map((spec) => (
            <ChartCard key={spec.id} spec={spec} ctx={ctx}>
              {spec.id === 'pyramid' && (
                <label className="year-scrubber">
                  {t('pyramidYear', lang)}{' '}
                  <input
                    type="range"
                    min={years[0]}
                    max={years[years.length - 1]}
                    step={1}
                    value={year}
                    data-year-scrubber=""
                    onChange={(e) => p.setYear(Number(e.target.value))}
                  />{' '}
                  <output>{year}</output>
                </label>
              )}
            </ChartCard>
          ))}
        </div>
        {result.fiscal && (
          <FiscalPanel
            inputs={fiscalInputs}
            components={view.components}
            info={view.fiscalComponents}
            sources={view.sources}
            sourceValues={view.sourceValues}
            edits={p.doc.edits}
            localPooled={result.fiscal.localPooled}
            lang={lang}
            onChange={p.setLever}
          />
        )}
        <p className="source-line">{t('sourceNote', lang)}</p>
      </div>
    </div>
  );
}
