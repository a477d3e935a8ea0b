/**
 * The trust summary above the evaluation table (PRODUCT.md "Trust", see trust.ts): the base year, the fit
 * to what was published since, the inputs' sources, and, once a back-test has run, the model's
 * out-of-sample skill against naive forecasts.
 */
import type { BacktestView, EvaluationRow } from '../../runner/analysis-types';
import { backtestMetricLabel } from '../charts/backtest';
import type { Lang } from '../charts/types';
import { metricLabel } from '../charts/words';
import { metricValue } from '../format';
import { t } from '../i18n';
import { by } from './slot-ui';
import { trustSummary } from './trust';

/** A signed difference as shown (one decimal); one that rounds to nothing reads "0.0", never "-0.0". */
export function differenceText(metric: string, d: number, lang: Lang): string {
  const isRate = metric === 'residentUrbanRate' || metric === 'hukouUrbanRate';
  const shown = isRate ? 100 * d : metric === 'gapPoints' ? d : d / 1e4;
  const rounded = Math.round(shown * 10) / 10;
  const sign = rounded > 0 ? '+' : '';
  if (isRate || metric === 'gapPoints')
    return `${sign}${rounded === 0 ? '0.0' : rounded.toFixed(1)} ${by(lang, '个百分点', 'pp')}`;
  return `${sign}${metricValue(metric, rounded === 0 ? 0 : d, lang)}`;
}

/** The trust summary above the evaluation table (see trust.ts). */
export function TrustList({
  rows,
  sources,
  backtest,
  lang,
}: {
  rows: readonly EvaluationRow[];
  sources: Readonly<Record<string, string>>;
  /** The back-test of the same setting, when one has run. */
  backtest: BacktestView | null;
  lang: Lang;
}) {
  const summary = trustSummary(rows, sources);
  const diff = (metric: string, d: number) => differenceText(metric, d, lang);
  return (
    <ul className="trust" data-trust="">
      <li data-trust-base="">
        {summary.baseYearMaxAbs === null
          ? by(lang, '基年无公布数值可比。', 'No published base-year figures to compare.')
          : by(
              lang,
              '基年：模型从公布的总量出发，与之一致（由构造保证）。',
              'Base year: the model starts from the published totals and matches them (by construction).',
            )}
      </li>
      {summary.fits.map((f) => (
        <li key={f.metric} data-trust-fit={f.metric}>
          <strong>{metricLabel(f.metric, lang)}</strong>
          {by(
            lang,
            `：基年后 ${f.count} 个观测年份，预测与公布值平均相差 ${diff(f.metric, f.meanAbs).replace(/^[+±]/, '')}，最大 ${diff(f.metric, f.worst.difference)}（${f.worst.year} 年）。`,
            `: ${f.count} observed year(s) after the base year; the projection differs from the published value by ${diff(f.metric, f.meanAbs).replace(/^[+±]/, '')} on average, at most ${diff(f.metric, f.worst.difference)} (${f.worst.year}).`,
          )}
        </li>
      ))}
      {summary.notComparable > 0 && (
        <li>
          {by(
            lang,
            `${summary.notComparable} 个观测值因户籍统计口径不同未作比较。`,
            `${summary.notComparable} observation(s) not compared: another hukou definition.`,
          )}
        </li>
      )}
      {backtest && <BacktestSkillLine backtest={backtest} lang={lang} />}
      <li data-trust-inputs="">
        {by(
          lang,
          `输入：${summary.inputs.sourced} 项注明出处的公布数据或推算，${summary.inputs.assumptions} 项标注的假设（理由见情景文件 sources）。`,
          `Inputs: ${summary.inputs.sourced} with a published source or derivation, ${summary.inputs.assumptions} labelled assumptions (reasoning in the scenario's sources).`,
        )}
      </li>
    </ul>
  );
}

/** The goal-seek target a user sets up on the spot; it joins the scenario's targets for that analysis only. */

/** A skill as shown: two decimals, a true minus sign. */
export const skillText = (x: number): string => {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s.replace('-', '−');
};

/** "回测（起点 2015）技能分数：户籍人口 0.42，户籍人口城镇化率 −0.10（…）": out-of-sample skill per metric. */
function BacktestSkillLine({ backtest, lang }: { backtest: BacktestView; lang: Lang }) {
  const scored = Object.entries(backtest.metrics).filter(([, m]) => m.skill !== null);
  const parts = scored.map(([k, m]) => `${backtestMetricLabel(k, lang)} ${skillText(m.skill!)}`);
  return (
    <li data-trust-backtest={backtest.origin}>
      {scored.length === 0
        ? by(
            lang,
            `回测（起点 ${backtest.origin}）：${t('backtest.noSkill', lang)}。`,
            `Back-test (origin ${backtest.origin}): ${t('backtest.noSkill', lang)}.`,
          )
        : by(
            lang,
            `回测（起点 ${backtest.origin}）技能分数：${parts.join('，')}（${t('backtest.skillMeaning', lang)}）。`,
            `Back-test (origin ${backtest.origin}) skill: ${parts.join(', ')} (${t('backtest.skillMeaning', lang)}).`,
          )}
    </li>
  );
}
