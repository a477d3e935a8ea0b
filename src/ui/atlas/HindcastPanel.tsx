/**
 * The ten-year test on the atlas screen (`[data-atlas-hindcast]`): every prefecture from its 2010 census
 * to 2020 against its 2020 census, beside the 2010 value carried forward and the province's change; the
 * median and 90th-percentile errors, the skill, and the worst ten with the reason.
 */
import type { Hindcast } from '../../analysis/atlas-run';
import type { AnalysisSlot } from '../../state/analysis-store';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { ProgressLine } from '../analysis/slot-ui';

export function HindcastPanel({
  slot,
  result,
  lang,
  onRun,
  onCancel,
}: {
  slot: AnalysisSlot;
  result: Hindcast | null;
  lang: Lang;
  onRun: (() => void) | null;
  onCancel: () => void;
}) {
  const f = (x: number) => x.toFixed(2);
  return (
    <section className="atlas-hindcast" data-atlas-hindcast="" aria-labelledby="hindcast-title">
      <h2 id="hindcast-title">{by(lang, '十年回测：2010 → 2020', 'The ten-year test: 2010 → 2020')}</h2>
      <p className="muted">
        {by(
          lang,
          '每个城市以2010年普查为基年、按2014年的政策预测到2020年，与2020年普查对比；朴素预测：2010年值不变，或按全省2010–2020年的变化。',
          'Every city from its 2010 census, under the rules of 2014, to 2020, against its 2020 census; the naive forecasts: the 2010 value carried forward, or the province’s 2010–2020 change.',
        )}
      </p>
      {onRun && (
        <button type="button" data-hindcast-run="" onClick={onRun} disabled={slot.status === 'running'}>
          {by(lang, '运行回测', 'Run the test')}
        </button>
      )}
      <ProgressLine slot={slot} lang={lang} onCancel={onCancel} />
      {slot.status === 'error' && (
        <p className="error-text" role="alert">
          {slot.error}
        </p>
      )}
      {result && (
        <>
          <table className="atlas-hindcast-table">
            <thead>
              <tr>
                <th scope="col">
                  {by(lang, `指标（${result.cities.length} 个城市）`, `Metric (${result.cities.length} cities)`)}
                </th>
                <th scope="col">{by(lang, '模型：误差中位数 / 90%分位', 'Model: median / 90th percentile error')}</th>
                <th scope="col">{by(lang, '2010年值不变', '2010 carried forward')}</th>
                <th scope="col">{by(lang, '按全省变化', 'Province’s change')}</th>
                <th scope="col">{by(lang, '技巧（对两种朴素预测）', 'Skill (against the two)')}</th>
              </tr>
            </thead>
            <tbody>
              {result.stats.map((s) => {
                const unit = s.metric === 'residentUrbanRate' ? by(lang, ' 个百分点', ' pp') : ' %';
                return (
                  <tr key={s.metric} data-hindcast-metric={s.metric}>
                    <th scope="row">
                      {s.metric === 'residentUrbanRate'
                        ? by(lang, '常住人口城镇化率', 'Resident urbanisation')
                        : by(lang, '常住人口', 'Residents')}
                    </th>
                    <td>
                      {f(s.model.median)} / {f(s.model.p90)}
                      {unit}
                    </td>
                    <td>
                      {f(s.naiveLast.median)} / {f(s.naiveLast.p90)}
                      {unit}
                    </td>
                    <td>
                      {f(s.naiveProvince.median)} / {f(s.naiveProvince.p90)}
                      {unit}
                    </td>
                    <td data-skill={s.skillVsProvince}>
                      {f(s.skillVsLast)} / {f(s.skillVsProvince)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.stats.map((s) => (
            <details key={s.metric}>
              <summary>
                {s.metric === 'residentUrbanRate'
                  ? by(lang, '城镇化率误差最大的十个城市', 'The ten largest errors of the urbanisation rate')
                  : by(lang, '常住人口误差最大的十个城市', 'The ten largest errors of residents')}
              </summary>
              <ol>
                {s.worst.map((w) => (
                  <li key={w.code}>
                    <strong>{w.name}</strong> {f(w.error)}
                    {s.metric === 'residentUrbanRate' ? by(lang, ' 个百分点', ' pp') : ' %'}：{w.reason}
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
