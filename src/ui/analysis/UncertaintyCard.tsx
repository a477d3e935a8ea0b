/** The uncertainty card: a Monte Carlo across all cores, the probability of each target, the fan chart. */
import { ChartCard } from '../ChartCard';
import { fanChart } from '../charts/fan';
import type { ChartContext } from '../charts/types';
import { metricValue } from '../format';
import { pick } from '../i18n';
import { useAnalysisCard, type AnalysesProps } from './analysis-card';
import { by, ProgressLine, SlotNote } from './slot-ui';

export function UncertaintyCard(props: AnalysesProps) {
  const { result, view, lang } = props;
  const { analysis, analyst, slots, docKey, start, cancel, form, setForm, fresh, ctx, raw, overrides } =
    useAnalysisCard(props);
  const { runs, seed } = form;
  const setRuns = (runs: number) => setForm({ runs });
  const setSeed = (seed: number) => setForm({ seed });
  const uncertainty = fresh('uncertainty') as ChartContext['uncertainty'] | null;
  return (
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
                      <td>{t.value === null ? '—' : `${metricValue(t.metric, t.value, lang)} ${t.met ? '✓' : '✗'}`}</td>
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
  );
}
