/**
 * The 回测 (back-test) card of the Analyses screen: choose an origin, run the back-test in a worker (with
 * progress and cancel), then read per metric the mean absolute error of the model and of the two naive
 * forecasts with the skill, marked better or worse than naive, and a chart of one metric.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { BacktestMetric, BacktestView } from '../../runner/analysis-types';
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import { ChartCard } from '../ChartCard';
import { backtestChart, backtestMetricLabel, metricUnit } from '../charts/backtest';
import type { ChartContext, Lang } from '../charts/types';
import { t } from '../i18n';
import { rawOf, type Services } from '../services';
import { by, ProgressLine, SlotNote, useAnalysisJobs } from './slot-ui';
import { skillText } from './TrustList';

export interface BacktestCardProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly meta: ScenarioMeta;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

/** Origins worth testing: from the base year to the year before the last observation (and the horizon). */
export function originChoices(years: readonly number[], observedYears: readonly number[]): number[] {
  if (!observedYears.length) return [];
  const last = Math.max(...observedYears);
  return years.slice(0, -1).filter((y) => y < last);
}

export function BacktestCard({ services, result, meta, view, doc, lang }: BacktestCardProps) {
  const { store: analysis, analyst } = services;
  const slot = useStore(analysis, (s) => s.slots.backtest);
  const form = useStore(analysis, (s) => s.form);
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(analysis, docKey, lang);
  const origins = originChoices(
    result.years,
    view.observed.map((o) => o.year),
  );
  const origin =
    form.backtestOrigin !== null && origins.includes(form.backtestOrigin) ? form.backtestOrigin : origins[0];
  const bt = slot.docKey === docKey ? (slot.result as BacktestView | null) : null;
  const lastYear = result.years[result.years.length - 1];
  const chosen = form.backtestMetric;
  // The chart shows a metric with hidden observations: the one chosen, else the first.
  const { charted, metric, ctx } = useMemo(() => {
    const charted = bt ? Object.keys(bt.metrics).filter((m) => bt.metrics[m].years.length > 0) : [];
    const metric = chosen && charted.includes(chosen) ? chosen : charted[0];
    const ctx: ChartContext | null =
      bt && metric ? { result, view, meta, lang, year: lastYear, backtest: { view: bt, metric } } : null;
    return { charted, metric, ctx };
  }, [bt, chosen, result, view, meta, lang, lastYear]);

  return (
    <section
      className="analysis-card"
      data-analysis="backtest"
      data-analysis-status={slot.status}
      aria-labelledby="an-backtest"
    >
      <h2 id="an-backtest">{t('backtest.title', lang)}</h2>
      <p className="muted">{t('backtest.help', lang)}</p>
      {origins.length === 0 ? (
        <p>{t('backtest.noObservations', lang)}</p>
      ) : (
        <div className="analysis-form">
          <label>
            {t('backtest.origin', lang)}{' '}
            <select
              value={origin}
              data-backtest-origin=""
              onChange={(e) => analysis.getState().setForm({ backtestOrigin: Number(e.target.value) })}
            >
              {origins.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-run="backtest"
            data-action="run"
            disabled={slot.status === 'running'}
            onClick={() =>
              void start('backtest', (signal, progress) =>
                analyst.backtest(rawOf(doc), overridesOf(doc), { origin }, progress, signal),
              )
            }
          >
            {t('backtest.run', lang)}
          </button>
        </div>
      )}
      <ProgressLine slot={slot} lang={lang} onCancel={() => cancel('backtest')} />
      <SlotNote slot={slot} docKey={docKey} lang={lang} />
      {bt && (
        <>
          <CalibrationNote bt={bt} lang={lang} />
          <SkillTable bt={bt} lang={lang} />
          {ctx && (
            <>
              <div className="analysis-form">
                <label>
                  {t('backtest.chartMetric', lang)}{' '}
                  <select
                    value={metric}
                    data-backtest-chart-metric=""
                    onChange={(e) => analysis.getState().setForm({ backtestMetric: e.target.value })}
                  >
                    {charted.map((m) => (
                      <option key={m} value={m}>
                        {backtestMetricLabel(m, lang)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <ChartCard spec={backtestChart} ctx={ctx} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** What was fitted on the visible observations, or why nothing was. */
function CalibrationNote({ bt, lang }: { bt: BacktestView; lang: Lang }) {
  const c = bt.calibration;
  let text: string;
  if (c.fitted)
    text = by(
      lang,
      `校准只用 ${bt.origin} 年及以前的 ${c.observations} 个观测值：拟合误差（均方根）${c.rmseStart!.toPrecision(3)} → ${c.rmse!.toPrecision(3)}${c.atBound?.length ? `；${c.atBound.length} 个参数落在边界上` : ''}。`,
      `Calibrated on the ${c.observations} observations up to ${bt.origin} only: fit error (RMSE) ${c.rmseStart!.toPrecision(3)} → ${c.rmse!.toPrecision(3)}${c.atBound?.length ? `; ${c.atBound.length} unknown(s) on a bound` : ''}.`,
    );
  else if (c.why === 'nothing-visible')
    text = by(
      lang,
      `起点（${bt.origin} 年）及以前没有基年之后的观测值，无可校准：按情景原设定预测。`,
      `No observation after the base year is visible at the origin (${bt.origin}): nothing to calibrate on; the scenario runs as it is.`,
    );
  else if (c.why === 'no-calibration-block')
    text = by(
      lang,
      '本情景未指定待校准参数：按情景原设定预测。',
      'The scenario names no unknowns to calibrate: it runs as it is.',
    );
  else text = by(lang, `未校准：${c.reason ?? ''}`, `Not calibrated: ${c.reason ?? ''}`);
  return (
    <p data-backtest-calibration="" data-fitted={String(c.fitted)} title={c.reason ?? c.notes?.join(' ')}>
      {text}{' '}
      {by(
        lang,
        `${bt.hidden} 个起点之后的观测值被隐藏，用于检验。`,
        `${bt.hidden} observation(s) after the origin hidden and used for the test.`,
      )}
    </p>
  );
}

/** Why a metric has no skill, in the interface's words. */
function whyNoSkill(m: BacktestMetric, lang: Lang): string {
  if (!m.years.length && !m.visible.years.length) return t('backtest.notObserved', lang);
  if (!m.years.length) return t('backtest.noHidden', lang);
  if (m.maeNaiveLast === null) return t('backtest.noVisible', lang);
  return t('backtest.naiveExact', lang);
}

function SkillTable({ bt, lang }: { bt: BacktestView; lang: Lang }) {
  const mae = (metric: string, x: number | null) => {
    if (x === null) return '—';
    const u = metricUnit(metric, lang);
    return `${(x / u.per).toFixed(u.digits)} ${u.errorLabel}`;
  };
  return (
    <table className="compact" data-backtest-table="">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('backtest.metric', lang)}
          </th>
          <th scope="col" rowSpan={2}>
            {t('backtest.years', lang)}
          </th>
          <th scope="colgroup" colSpan={3}>
            {t('backtest.mae', lang)}
          </th>
          <th scope="col" rowSpan={2}>
            {t('backtest.skill', lang)}
          </th>
          <th scope="col" rowSpan={2}>
            {t('backtest.verdict', lang)}
          </th>
          <th scope="col" rowSpan={2}>
            {t('backtest.note', lang)}
          </th>
        </tr>
        <tr>
          <th scope="col">{t('backtest.model', lang)}</th>
          <th scope="col">{t('backtest.naiveLast', lang)}</th>
          <th scope="col">{t('backtest.naiveTrend', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(bt.metrics).map(([k, m]) => {
          const verdict = m.skill === null ? 'none' : m.skill > 0 ? 'better' : 'worse';
          return (
            <tr key={k} data-backtest-metric={k} data-skill={m.skill ?? ''} data-verdict={verdict}>
              <td>{backtestMetricLabel(k, lang)}</td>
              <td>{m.years.length ? m.years.join(lang === 'en' ? ', ' : '、') : '—'}</td>
              <td>{mae(k, m.maeModel)}</td>
              <td>{mae(k, m.maeNaiveLast)}</td>
              <td>{mae(k, m.maeNaiveTrend)}</td>
              <td className={`skill-${verdict}`}>{m.skill === null ? '—' : skillText(m.skill)}</td>
              <td className={`skill-${verdict}`}>
                {verdict === 'better'
                  ? `✓ ${t('backtest.better', lang)}`
                  : verdict === 'worse'
                    ? `✗ ${t('backtest.worse', lang)}`
                    : '—'}
              </td>
              <td className="eval-note" title={m.note}>
                {m.skill === null ? whyNoSkill(m, lang) : ''}
                {lang === 'en' && m.note ? <span className="muted"> {m.note}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
