/**
 * The Analyses screen (MODEL.md §9): uncertainty (Monte Carlo across all cores, fan chart, probability
 * of each target), sensitivity (tornado), goal seek, calibration to observed series, the back-test
 * (BacktestCard.tsx) and the evaluation of projections against what happened. Each runs on the scenario on screen, shows its progress and can
 * be cancelled; a result computed for an earlier setting is marked as such.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { BacktestView } from '../../runner/analysis-types';
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf, type AnalysisKind } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import { ChartCard } from '../ChartCard';
import { fanChart } from '../charts/fan';
import { tornadoChart } from '../charts/tornado';
import { SENSITIVITY_METRICS } from '../../scenario/metrics';
import { metricLabel } from '../charts/words';
import type { ChartContext, Lang } from '../charts/types';
import { metricValue } from '../format';
import { pick } from '../i18n';
import { rawOf, type Services } from '../services';
import './analysis.css';
import { BacktestCard } from './BacktestCard';
import { CalibrationCard } from './CalibrationCard';
import { GoalSeekCard } from './GoalSeekCard';
import { by, ProgressLine, SlotNote, useAnalysisJobs } from './slot-ui';
import { differenceText, TrustList } from './TrustList';

export interface AnalysesProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly meta: ScenarioMeta;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

export function Analyses({ services, result, meta, view, doc, lang }: AnalysesProps) {
  const { store: analysis, analyst } = services;
  const slots = useStore(analysis, (s) => s.slots);
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(analysis, docKey, lang);
  const years = result.years;
  const lastYear = years[years.length - 1];
  const targetYears = [...new Set(result.targets.map((t) => t.year))];

  // The forms live in the analysis store, so that leaving the screen keeps what the user set.
  const form = useStore(analysis, (s) => s.form);
  const setForm = analysis.getState().setForm;
  const { runs, seed, sensMetric } = form;
  const setRuns = (runs: number) => setForm({ runs });
  const setSeed = (seed: number) => setForm({ seed });
  const setSensYear = (sensYear: number) => setForm({ sensYear });
  const setSensMetric = (sensMetric: string) => setForm({ sensMetric });
  const sensYear =
    form.sensYear !== null && years.includes(form.sensYear) ? form.sensYear : (targetYears[0] ?? lastYear);

  const fresh = (k: AnalysisKind) => (slots[k].docKey === docKey ? slots[k].result : null);
  const ctx: ChartContext = useMemo(
    () => ({
      result,
      view,
      meta,
      lang,
      year: lastYear,
      ...(slots.uncertainty.result ? { uncertainty: slots.uncertainty.result as ChartContext['uncertainty'] } : {}),
      ...(slots.sensitivity.result ? { sensitivity: slots.sensitivity.result as ChartContext['sensitivity'] } : {}),
      ...(slots.calibration.result ? { calibration: slots.calibration.result as ChartContext['calibration'] } : {}),
    }),
    [result, view, meta, lang, lastYear, slots.uncertainty.result, slots.sensitivity.result, slots.calibration.result],
  );

  const raw = rawOf(doc);
  const overrides = overridesOf(doc);

  const uncertainty = fresh('uncertainty') as ChartContext['uncertainty'] | null;
  const evaluation =
    slots.evaluation.docKey === docKey
      ? (slots.evaluation.result as Awaited<ReturnType<typeof analyst.evaluate>>)
      : null;

  return (
    <section className="analyses screen" aria-labelledby="analyses-title">
      <h1 id="analyses-title">{by(lang, '分析', 'Analyses')}</h1>
      <p className="muted">
        {by(
          lang,
          '以下分析针对当前工作台的情景（含已调整的杠杆）。计算在后台进行，可随时取消。',
          'These analyses run on the scenario in the workspace (with its changed levers), in the background; each can be cancelled.',
        )}
      </p>

      <section
        className="analysis-card"
        data-analysis="uncertainty"
        data-analysis-status={slots.uncertainty.status}
        aria-labelledby="an-unc"
      >
        <h2 id="an-unc">{by(lang, '不确定性（蒙特卡罗模拟）', 'Uncertainty (Monte Carlo)')}</h2>
        {view.analysis.uncertainty.length === 0 ? (
          <p>
            {by(
              lang,
              '本情景未给出参数分布（uncertainty 部分）。',
              'This scenario gives no parameter distributions (its uncertainty part).',
            )}
          </p>
        ) : (
          <>
            <details>
              <summary>
                {by(
                  lang,
                  `随机变动的参数（${view.analysis.uncertainty.length} 项）`,
                  `Parameters varied (${view.analysis.uncertainty.length})`,
                )}
              </summary>
              <ul className="param-list">
                {view.analysis.uncertainty.map((p) => (
                  <li key={p.pointer}>
                    {pick(lang, p.label, p.labelEn)}：<code>{p.range}</code>
                    {p.mode === 'scale' ? by(lang, '（倍数）', ' (multiplier)') : ''}
                  </li>
                ))}
              </ul>
            </details>
            <div className="analysis-form">
              <label>
                {by(lang, '模拟次数', 'Runs')}{' '}
                <input
                  type="number"
                  min={10}
                  max={10000}
                  step={10}
                  value={runs}
                  data-analysis-runs=""
                  onChange={(e) => setRuns(Number(e.target.value))}
                />
              </label>
              <label>
                {by(lang, '随机种子', 'Seed')}{' '}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={seed}
                  data-analysis-seed=""
                  onChange={(e) => setSeed(Number(e.target.value))}
                />
              </label>
              <button
                type="button"
                data-run="uncertainty"
                data-action="run"
                disabled={
                  slots.uncertainty.status === 'running' || !(runs >= 10 && runs <= 10000) || !Number.isInteger(seed)
                }
                onClick={() =>
                  void start('uncertainty', (signal, progress) =>
                    analyst.uncertainty(
                      raw,
                      overrides,
                      { runs, seed },
                      (snapshot, p) => {
                        progress(p);
                        analysis.getState().update('uncertainty', { result: snapshot, docKey });
                      },
                      signal,
                    ),
                  )
                }
              >
                {by(lang, '开始模拟', 'Run')}
              </button>
            </div>
            <ProgressLine slot={slots.uncertainty} lang={lang} onCancel={() => cancel('uncertainty')} />
            <SlotNote slot={slots.uncertainty} docKey={docKey} lang={lang} />
            {uncertainty && (
              <>
                <table className="compact" data-target-probabilities="">
                  <thead>
                    <tr>
                      <th scope="col">{by(lang, '目标', 'Target')}</th>
                      <th scope="col">{by(lang, '确定性预测', 'Deterministic run')}</th>
                      <th scope="col">{by(lang, '达标概率', 'Probability of meeting it')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.targets.map((t) => (
                      <tr
                        key={t.id}
                        data-target-probability={t.id}
                        data-probability={uncertainty.targetProbability[t.id] ?? ''}
                      >
                        <td>{pick(lang, t.label, t.labelEn)}</td>
                        <td>
                          {t.value === null ? '—' : `${metricValue(t.metric, t.value, lang)} ${t.met ? '✓' : '✗'}`}
                        </td>
                        <td>
                          <strong>{((uncertainty.targetProbability[t.id] ?? 0) * 100).toFixed(0)}%</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ChartCard spec={fanChart} ctx={ctx} />
              </>
            )}
          </>
        )}
      </section>

      <section
        className="analysis-card"
        data-analysis="sensitivity"
        data-analysis-status={slots.sensitivity.status}
        aria-labelledby="an-sens"
      >
        <h2 id="an-sens">{by(lang, '敏感性（龙卷风图）', 'Sensitivity (tornado)')}</h2>
        <div className="analysis-form">
          <label>
            {by(lang, '年份', 'Year')}{' '}
            <select value={sensYear} data-sensitivity-year="" onChange={(e) => setSensYear(Number(e.target.value))}>
              {years.slice(1).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {by(lang, '指标', 'Metric')}{' '}
            <select value={sensMetric} data-sensitivity-metric="" onChange={(e) => setSensMetric(e.target.value)}>
              {SENSITIVITY_METRICS.filter((k) => k !== 'totalCostCumulative' || result.fiscal).map((k) => (
                <option key={k} value={k}>
                  {metricLabel(k, lang)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-run="sensitivity"
            data-action="run"
            disabled={slots.sensitivity.status === 'running'}
            onClick={() =>
              void start('sensitivity', (signal, progress) =>
                analyst.sensitivity(raw, overrides, { year: sensYear, metric: sensMetric }, progress, signal),
              )
            }
          >
            {by(lang, '计算', 'Run')}
          </button>
        </div>
        <ProgressLine slot={slots.sensitivity} lang={lang} onCancel={() => cancel('sensitivity')} />
        <SlotNote slot={slots.sensitivity} docKey={docKey} lang={lang} />
        {fresh('sensitivity') !== null && <ChartCard spec={tornadoChart} ctx={ctx} />}
      </section>

      <GoalSeekCard services={services} result={result} view={view} doc={doc} lang={lang} />

      <CalibrationCard services={services} result={result} view={view} doc={doc} lang={lang} ctx={ctx} />

      <BacktestCard services={services} result={result} meta={meta} view={view} doc={doc} lang={lang} />

      <section
        className="analysis-card"
        data-analysis="evaluation"
        data-analysis-status={slots.evaluation.status}
        aria-labelledby="an-eval"
      >
        <h2 id="an-eval">{by(lang, '评估：观测值与预测值', 'Evaluation: observed against projected')}</h2>
        <p className="muted">
          {by(
            lang,
            '文件要求的中期评估与总结评估：各观测年份的公布数值与模型预测之差。户籍统计口径不同的年份不作比较。',
            'The mid-term and summary evaluations the documents call for: published values against the projection in each observed year. Years with a different hukou definition are not compared.',
          )}
        </p>
        <div className="analysis-form">
          <button
            type="button"
            data-run="evaluation"
            data-action="run"
            disabled={slots.evaluation.status === 'running'}
            onClick={() =>
              void start('evaluation', async (signal) => {
                const rows = await analyst.evaluate(raw, overrides);
                if (signal.aborted) throw new DOMException('aborted', 'AbortError');
                return rows;
              })
            }
          >
            {by(lang, '生成评估表与可信度', 'Evaluate (with trust summary)')}
          </button>
        </div>
        <SlotNote slot={slots.evaluation} docKey={docKey} lang={lang} />
        {evaluation && (
          <TrustList
            rows={evaluation}
            sources={view.sources}
            backtest={fresh('backtest') as BacktestView | null}
            lang={lang}
          />
        )}
        {evaluation && (
          <table className="compact" data-evaluation="">
            <thead>
              <tr>
                <th scope="col">{by(lang, '指标', 'Metric')}</th>
                <th scope="col">{by(lang, '年份', 'Year')}</th>
                <th scope="col">{by(lang, '观测值', 'Observed')}</th>
                <th scope="col">{by(lang, '预测值', 'Projected')}</th>
                <th scope="col">{by(lang, '差', 'Difference')}</th>
                <th scope="col">{by(lang, '说明', 'Note')}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.map((r, i) => (
                <tr key={i} data-comparable={String(r.comparable)} className={r.comparable ? '' : 'muted'}>
                  <td>{metricLabel(r.metric, lang)}</td>
                  <td>{r.year}</td>
                  <td>{metricValue(r.metric, r.observed, lang)}</td>
                  <td>{r.projected === null ? '—' : metricValue(r.metric, r.projected, lang)}</td>
                  <td>{r.difference === null || !r.comparable ? '—' : differenceText(r.metric, r.difference, lang)}</td>
                  <td className="eval-note">
                    {r.targetId ? by(lang, '目标年份。', 'Target year. ') : ''}
                    {r.note ?? ''}
                    <span className="muted"> {r.source}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
