import type { TargetResult } from '../scenario/targets';
import type { Lang } from './charts/types';
import { comparatorWords, metricValue } from './format';
import { pick, t } from './i18n';

/** One line per target: value in the target year, met or missed, the first year met, the shortfall. */
export function Scorecard({ targets, lang }: { targets: readonly TargetResult[]; lang: Lang }) {
  const en = lang === 'en';
  return (
    <section className="scorecard" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">{t('scorecard', lang)}</h2>
      {targets.length === 0 ? (
        <p>{en ? 'This scenario sets no targets.' : '本情景未设定目标。'}</p>
      ) : (
        <ul>
          {targets.map((tg) => (
            <li
              key={tg.id}
              className={tg.met ? 'target met' : 'target unmet'}
              data-target={tg.id}
              data-met={String(tg.met)}
              data-value={tg.value ?? ''}
            >
              <span className="badge" aria-hidden="true">
                {tg.value === null ? '…' : tg.met ? '✓' : '✗'}
              </span>
              <span className="target-label">
                {pick(lang, tg.label, tg.labelEn)}
                <span className="sr-only">
                  {' '}
                  {tg.value === null ? t('beyondHorizon', lang) : tg.met ? t('met', lang) : t('missed', lang)}
                </span>
              </span>
              <span className="target-detail">
                {en ? `${tg.year}: ` : `${tg.year} 年预测值 `}
                <strong>{tg.value === null ? t('beyondHorizon', lang) : metricValue(tg.metric, tg.value, lang)}</strong>
                {en ? ` (target ${comparatorWords(tg.comparator, lang)} ` : `（目标${comparatorWords(tg.comparator)} `}
                {metricValue(tg.metric, tg.target, lang)}
                {en ? ')' : '）'}
                {' · '}
                {tg.firstYearMet === null
                  ? t('notReached', lang)
                  : en
                    ? `first met ${tg.firstYearMet}`
                    : `${tg.firstYearMet} 年首次达到`}
                {!tg.met && tg.shortfall !== null && tg.shortfall > 0 && (
                  <>
                    {' · '}
                    {t('shortfall', lang)} {metricValue(tg.metric, tg.shortfall, lang)}
                  </>
                )}
              </span>
              {tg.clause && <span className="target-clause">{tg.clause}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
