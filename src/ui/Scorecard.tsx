import { publishedOutcome, type PublishedPoint, type TargetResult } from '../scenario/targets';
import { shortSource } from './charts/source';
import type { Lang } from './charts/types';
import { comparatorWords, metricValue } from './format';
import { pick, t } from './i18n';

/**
 * One line per target: value in the target year, met or missed, the first year met, the shortfall; and
 * where the year's figure has been published, what happened (met or missed, by how much) beside it: the
 * summary evaluation a document's own deadline calls for.
 */
export function Scorecard({
  targets,
  lang,
  observed = [],
  definitionOf,
  kind,
}: {
  targets: readonly TargetResult[];
  lang: Lang;
  /** The scenario's published figures (the view's `observed`). */
  observed?: readonly PublishedPoint[];
  /** The projection's hukou definition in a year (published figures under another are left out). */
  definitionOf?: (year: number) => 'address' | 'nonAgricultural' | undefined;
  /** The scenario's kind (meta.kind): today's plans, or a past document evaluated against what happened. */
  kind?: 'current' | 'document';
}) {
  const en = lang === 'en';
  return (
    <section className="scorecard" aria-labelledby="scorecard-title" data-scorecard-kind={kind ?? 'document'}>
      <h2 id="scorecard-title">{t(kind === 'current' ? 'scorecard.current' : 'scorecard.document', lang)}</h2>
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
              <Published target={tg} observed={observed} definition={definitionOf?.(tg.year)} lang={lang} />
              {tg.clause && <span className="target-clause">{tg.clause}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Published({
  target,
  observed,
  definition,
  lang,
}: {
  target: TargetResult;
  observed: readonly PublishedPoint[];
  definition: 'address' | 'nonAgricultural' | undefined;
  lang: Lang;
}) {
  const o = publishedOutcome(target, observed, definition);
  if (!o) return null;
  const en = lang === 'en';
  const value = metricValue(target.metric, o.value, lang);
  const verdict = o.met
    ? en
      ? 'met'
      : '达到'
    : `${en ? 'missed by' : '未达到，差'} ${metricValue(target.metric, o.shortfall, lang)}`;
  // The first source, by its title (a derived gap has two; file paths and notes stay in the data).
  const source = shortSource(o.source, lang).split(/[;；]\s*/)[0];
  return (
    <span
      className={`target-published ${o.met ? 'met' : 'unmet'}`}
      data-published={o.value}
      data-published-met={String(o.met)}
    >
      {en ? `Published ${target.year}: ` : `${target.year} 年公布值 `}
      <strong>{value}</strong>
      {o.derived ? (en ? ' (from the two published rates)' : '（由公布的两率相减）') : ''}
      {en ? ` — ${verdict}` : `：${verdict}`}
      {source && <span className="target-source">{en ? ` · Source: ${source}` : ` · 来源：${source}`}</span>}
    </span>
  );
}
