import type { ScenarioMeta } from '../runner/reply';
import type { ProjectionResult } from '../scenario/result';
import type { Lang } from './charts/types';
import { placeName } from './format';
import { pick, t } from './i18n';

/**
 * City, source document, base year and horizon of the scenario on screen, and the base year's published
 * totals that could not all hold (they were once only in the JSON result, unseen on the page).
 */
export function ScenarioHeader({
  meta,
  scenario,
  warnings,
  lang,
  nameEn,
}: {
  meta: ScenarioMeta;
  scenario: ProjectionResult['scenario'];
  warnings: ProjectionResult['decomposition']['warnings'];
  lang: Lang;
  nameEn?: string;
}) {
  const { document } = meta;
  const en = lang === 'en';
  return (
    <header className="scenario-header">
      <p className="app-city" data-meta="city">
        {en ? (meta.cityEn ?? meta.city) : placeName(meta.city, meta.province)}
      </p>
      <h1>{pick(lang, scenario.name, nameEn)}</h1>
      <p className="document" data-meta="document">
        {en ? 'Document: ' : '依据：'}
        {document.issuedBy ? `${document.issuedBy}《${document.title}》` : `《${document.title}》`}
        {document.number ? `（${document.number}）` : ''}
        {document.date ? `${en ? ', ' : '，'}${document.date}` : ''}
      </p>
      <p className="horizon" data-meta="horizon">
        {en ? (
          <>
            Base year-end <strong>{scenario.baseYear}</strong> · projected to <strong>{scenario.until}</strong>
          </>
        ) : (
          <>
            基年 <strong>{scenario.baseYear}</strong> 年末 · 预测至 <strong>{scenario.until}</strong> 年
          </>
        )}
      </p>
      {warnings.length > 0 && (
        <div className="notice notice-warning" role="status" data-notice="base-year-warnings">
          <p>{t('baseYearWarnings', lang)}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>
                <code>{w}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}
