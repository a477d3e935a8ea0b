/** The evaluation card: published values against the projection in each observed year, with a trust summary. */
import type { BacktestView } from '../../runner/analysis-types';
import { metricLabel } from '../charts/words';
import { metricValue } from '../format';
import { useAnalysisCard, type AnalysesProps } from './analysis-card';
import { by, SlotNote } from './slot-ui';
import { differenceText, TrustList } from './TrustList';

export function EvaluationCard(props: AnalysesProps) {
  const { view, lang } = props;
  const { analyst, slots, docKey, start, fresh, raw, overrides } = useAnalysisCard(props);
  const evaluation =
    slots.evaluation.docKey === docKey
      ? (slots.evaluation.result as Awaited<ReturnType<typeof analyst.evaluate>>)
      : null;
  return (
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
  );
}
