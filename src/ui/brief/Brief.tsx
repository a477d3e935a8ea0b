/**
 * The one-page brief (`#/brief`): an A4 landscape page for officials with the scenario's title, city,
 * document and date, a one-sentence conclusion, the key figures, the target scorecard, the cost for the
 * document's period, two charts, the changed levers and main assumptions, the sources and the bureaus
 * responsible; no text under 8 pt, nothing cut off. Printed by the browser (print style sheet in
 * brief.css), so its text stays text in the PDF, Chinese included.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import type { ScenarioDoc } from '../../state/doc';
import { CHARTS } from '../charts';
import { withPlotHeight } from '../charts/frame';
import type { ChartContext, ChartSpec, Lang } from '../charts/types';
import { placeName } from '../format';
import { pick } from '../i18n';
import { FiscalSummary } from '../fiscal/FiscalSummary';
import { KeyFigures } from '../KeyFigures';
import { Scorecard } from '../Scorecard';
import { bureaus, changedLevers, conclusion, MAX_ASSUMPTIONS, mainAssumptions, mainSources } from './brief-content';
import './brief.css';

/** The charts of the brief, in order of preference. */
const BRIEF_CHARTS = ['rates', 'settlers', 'fiscal-payer', 'per-settler', 'non-registered', 'land'];
/**
 * Two charts, side by side: on one A4 page, more would have to be scaled down below 8 pt (four once put
 * their axis labels at 5 pt on paper). The cost figures are in the finance box beside them.
 */
const CHART_COUNT = 2;
/** Changed levers listed by name; more are counted (the page has room for about eight lines). */
const MAX_CHANGED = 3;
/**
 * Charts are drawn at the width they are printed at (brief.css: 84 mm = 317 CSS px), so their 12 px text
 * prints at 9 pt; drawn wider and scaled down, it shrank with them.
 */
const DRAW_WIDTH = 317;
/** Their plot height (the legend comes on top): lower than on screen, so two fit beside the side column. */
const BRIEF_PLOT_HEIGHT = 190;

export interface BriefProps {
  readonly result: ProjectionResult;
  readonly meta: ScenarioMeta;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
  readonly nameEn?: string;
  /** Date printed on the brief (YYYY-MM-DD); today by default. */
  readonly date?: string;
}

function BriefChart({ spec, ctx }: { spec: ChartSpec; ctx: ChartContext }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      el.replaceChildren(withPlotHeight(BRIEF_PLOT_HEIGHT, () => spec.render(ctx, DRAW_WIDTH)));
    } catch (e) {
      el.textContent = e instanceof Error ? e.message : String(e);
    }
  }, [spec, ctx]);
  const en = ctx.lang === 'en';
  return (
    <figure className="brief-chart" data-chart={spec.id}>
      <figcaption>
        <strong>{spec.title(ctx)}</strong>
        <span className="brief-unit">
          {en ? 'Unit: ' : '单位：'}
          {spec.unit(ctx)}
        </span>
      </figcaption>
      <div className="brief-chart-body" ref={ref} />
      {spec.caption && <p className="brief-chart-caption">{spec.caption(ctx)}</p>}
      <p className="brief-chart-source">{spec.source(ctx)}</p>
    </figure>
  );
}

export function Brief({ result, meta, view, doc, lang, nameEn, date }: BriefProps) {
  const en = lang === 'en';
  const lastYear = result.years[result.years.length - 1];
  const ctx: ChartContext = useMemo(
    () => ({ result, view, meta, lang, year: lastYear }),
    [result, view, meta, lang, lastYear],
  );
  const charts = CHARTS.filter((c) => BRIEF_CHARTS.includes(c.id) && c.available(ctx))
    .sort((a, b) => BRIEF_CHARTS.indexOf(a.id) - BRIEF_CHARTS.indexOf(b.id))
    .slice(0, CHART_COUNT);
  const changed = changedLevers(view, doc, lang);
  const assumptions = mainAssumptions(view, lang);
  // Changed levers and assumptions share the column: together no more than MAX_ASSUMPTIONS lines.
  const shownAssumptions = assumptions.lines.slice(
    0,
    Math.max(2, MAX_ASSUMPTIONS - Math.min(changed.length, MAX_CHANGED + 1)),
  );
  const moreAssumptions = Math.max(0, assumptions.total - shownAssumptions.length);
  const sources = mainSources(meta, view, lang);
  const who = bureaus(view, lang).slice(0, 8);
  const d = meta.document;
  const today = date ?? new Date().toISOString().slice(0, 10);
  const city = en ? (meta.cityEn ?? meta.city) : placeName(meta.city, meta.province);

  return (
    <article className="brief" aria-labelledby="brief-title" data-brief="">
      <header className="brief-head">
        <div>
          <p className="brief-kicker">
            {en ? 'Hukou reform · scenario brief' : '户籍制度改革 · 情景简报'} · {city}
          </p>
          <h1 id="brief-title">{pick(lang, result.scenario.name, nameEn)}</h1>
          <p className="brief-doc">
            {en ? 'Document: ' : '依据：'}
            {d.issuedBy ? `${d.issuedBy}《${d.title}》` : `《${d.title}》`}
            {d.number ? `（${d.number}）` : ''}
            {d.date ? `${en ? ', ' : '，'}${d.date}` : ''}
          </p>
        </div>
        <dl className="brief-meta">
          <dt>{en ? 'Date' : '日期'}</dt>
          <dd data-brief-date="">{today}</dd>
          <dt>{en ? 'Projection' : '预测'}</dt>
          <dd>
            {result.scenario.baseYear}–{lastYear}
          </dd>
          <dt>{en ? 'Scenario' : '情景'}</dt>
          <dd>
            {doc.source.kind === 'preset'
              ? `${en ? 'preset' : '预设'} ${doc.source.id}`
              : (doc.source.fileName ?? (en ? 'imported' : '导入'))}
            {changed.length > 0 && (en ? `, ${changed.length} lever(s) changed` : `，调整 ${changed.length} 项`)}
          </dd>
        </dl>
      </header>

      <p className="brief-conclusion" data-brief-conclusion="">
        {conclusion(result, lang, view.observed)}
      </p>

      <div className="brief-grid">
        <div className="brief-side">
          <KeyFigures result={result} lang={lang} view={view} />
          <Scorecard
            targets={result.targets}
            lang={lang}
            observed={view.observed}
            definitionOf={(y) => result.hukouDefinition[result.years.indexOf(y)]}
            kind={meta.kind}
          />
          <FiscalSummary result={result} lang={lang} />
        </div>
        <div className="brief-charts">
          {charts.map((spec) => (
            <BriefChart key={spec.id} spec={spec} ctx={ctx} />
          ))}
        </div>
      </div>

      <footer className="brief-foot">
        <section>
          <h2>{en ? 'Main assumptions' : '主要假设'}</h2>
          <ul>
            {changed.slice(0, MAX_CHANGED).map((l) => (
              <li key={`c-${l.label}`} className="brief-changed">
                {en ? 'Changed: ' : '本情景调整：'}
                {l.label} {l.value}
              </li>
            ))}
            {changed.length > MAX_CHANGED && (
              <li className="brief-changed">
                {en
                  ? `… and ${changed.length - MAX_CHANGED} more changed levers (see the workspace)`
                  : `……另调整 ${changed.length - MAX_CHANGED} 项（见工作台）`}
              </li>
            )}
            {shownAssumptions.map((l) => (
              <li key={l.label}>
                {l.label}
                {en ? ': ' : '：'}
                {l.value}
              </li>
            ))}
          </ul>
          <p className="brief-note">
            {en
              ? `Later years are model projections, not statistics. ${moreAssumptions} further assumptions, each with its reasoning, are in the scenario file (scenarios/${result.scenario.id}.json, sources).`
              : `此后各年为模型预测，不是统计数据。另有 ${moreAssumptions} 项假设及其理由见情景文件（scenarios/${result.scenario.id}.json 的 sources 字段）。`}
          </p>
        </section>
        <section>
          <h2>{en ? 'Sources' : '数据来源'}</h2>
          <ul>
            {sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{en ? 'Bureaus responsible' : '责任部门'}</h2>
          {who.length === 0 ? (
            <p className="brief-note">{en ? 'The document names no bureaus.' : '文件未列明责任部门。'}</p>
          ) : (
            <ul className="brief-bureaus">
              {who.map((b) => (
                <li key={b.bureau}>
                  <strong>{b.bureau}</strong>
                  {view.tasks
                    ? `${en ? ' leads ' : ' 牵头 '}${b.items.join('')}`
                    : en
                      ? `: ${b.items.length} lever(s)`
                      : `：${b.items.length} 项政策参数`}
                </li>
              ))}
            </ul>
          )}
        </section>
      </footer>
    </article>
  );
}
