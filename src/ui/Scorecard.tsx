import type { TargetResult } from '../scenario/targets';
import { comparatorWords, metricValue } from './format';

/** One line per target of the scenario: value in the target year, met or not, first year met. */
export function Scorecard({ targets }: { targets: readonly TargetResult[] }) {
  return (
    <section className="scorecard" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">目标完成情况</h2>
      {targets.length === 0 ? (
        <p>本情景未设定目标。</p>
      ) : (
        <ul>
          {targets.map((t) => (
            <li
              key={t.id}
              className={t.met ? 'target met' : 'target unmet'}
              data-target={t.id}
              data-met={String(t.met)}
              data-value={t.value ?? ''}
            >
              <span className="badge">{t.met ? '✓ 达成' : '✗ 未达成'}</span>
              <span className="target-label">{t.label}</span>
              <span className="target-detail">
                {t.year} 年预测值 <strong>{metricValue(t.metric, t.value)}</strong>（目标{comparatorWords(t.comparator)}{' '}
                {metricValue(t.metric, t.target)}）{' · '}
                {t.firstYearMet === null ? '预测期内未达成' : `${t.firstYearMet} 年首次达成`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
