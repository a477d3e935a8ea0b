/** The sensitivity card: a tornado of one metric in one year, each lever and assumption moved end to end. */
import { SENSITIVITY_METRICS } from '../../scenario/metrics';
import { ChartCard } from '../ChartCard';
import { tornadoChart } from '../charts/tornado';
import { metricLabel } from '../charts/words';
import { useAnalysisCard, type AnalysesProps } from './analysis-card';
import { by, ProgressLine, SlotNote } from './slot-ui';

export function SensitivityCard(props: AnalysesProps) {
  const { result, lang } = props;
  const { analyst, slots, docKey, start, cancel, years, lastYear, form, setForm, fresh, ctx, raw, overrides } =
    useAnalysisCard(props);
  const targetYears = [...new Set(result.targets.map((t) => t.year))];
  const { sensMetric } = form;
  const setSensYear = (sensYear: number) => setForm({ sensYear });
  const setSensMetric = (sensMetric: string) => setForm({ sensMetric });
  const sensYear =
    form.sensYear !== null && years.includes(form.sensYear) ? form.sensYear : (targetYears[0] ?? lastYear);
  return (
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
  );
}
