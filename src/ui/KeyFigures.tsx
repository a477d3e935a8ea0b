import type { ProjectionResult } from '../scenario/result';
import type { Lang } from './charts/types';
import { headlineYears, MILESTONE_YEAR, valueAt } from './figures';
import { percent, points, tenThousands } from './format';
import type { Named, ViewData } from '../runner/view-data';
import { pick, t } from './i18n';

const ROWS = [
  { key: 'residentUrbanRate', format: (x: number | null) => percent(x) },
  { key: 'hukouUrbanRate', format: (x: number | null) => percent(x) },
  { key: 'gapPoints', format: (x: number | null, lang: Lang) => points(x, lang) },
  { key: 'residentPop', format: (x: number | null, lang: Lang) => tenThousands(x, 1, lang) },
] as const;

/** Where a ranked quota applies: its zone (or the whole city) and its channel, under the row's name. */
function cutoffLabel(key: string, lang: Lang, channels: readonly Named[], zones: readonly Named[]): string {
  const [id, zone] = key.split('@');
  const name = (list: readonly Named[], x: string) => {
    const n = list.find((c) => c.id === x);
    return n ? pick(lang, n.label, n.labelEn) : x;
  };
  return `${zone ? name(zones, zone) : t('cityWide', lang)} · ${name(channels, id)}`;
}

/**
 * Headline rates, gap and population in the base year, 2020, the document's evaluation years (marked)
 * and the last year; the cut-off score of each points quota ranked by score; settlers in 2020.
 */
export function KeyFigures({
  result,
  lang,
  view,
}: {
  result: ProjectionResult;
  lang: Lang;
  /** The run's view: the document's evaluation years, and the names of channels and zones. */
  view: Pick<ViewData, 'milestones' | 'channels' | 'zones'>;
}) {
  const { milestones, channels, zones } = view;
  const evaluations = milestones.filter((m) => m.kind === 'evaluation');
  const years = headlineYears(
    result,
    evaluations.map((m) => m.year),
  );
  const baseYear = result.years[0];
  const settlers = valueAt(result, result.series.settlers, MILESTONE_YEAR);
  return (
    <section className="key-figures" aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">{t('keyFigures', lang)}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('indicator', lang)}</th>
            {years.map((y) => (
              <th scope="col" key={y} data-year={y}>
                {y}
                {lang === 'en' ? '' : ' 年'}
                {y === baseYear ? t('baseYearTag', lang) : ''}
                {evaluations
                  .filter((m) => m.year === y)
                  .map((m) => (
                    <span key={m.label} className="evaluation-mark" data-evaluation={y} title={m.clause}>
                      {pick(lang, m.label, m.labelEn)}
                    </span>
                  ))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} data-series={row.key}>
              <th scope="row">{t(row.key, lang)}</th>
              {years.map((y) => (
                <td key={y} data-year={y}>
                  {row.format(valueAt(result, result.series[row.key], y), lang)}
                </td>
              ))}
            </tr>
          ))}
          {Object.entries(result.series.quotaCutoff ?? {}).map(([key, series]) => (
            <tr key={key} data-series="quotaCutoff" data-cutoff={key}>
              <th scope="row" className="cutoff-label">
                {t('quotaCutoff', lang)}
                <small>{cutoffLabel(key, lang, channels, zones)}</small>
              </th>
              {years.map((y) => {
                const v = valueAt(result, series, y);
                return (
                  <td key={y} data-year={y}>
                    {v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(1)}${lang === 'en' ? '' : ' 分'}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {result.years.includes(MILESTONE_YEAR) && (
        <p className="settlers" data-series="settlers" data-year={MILESTONE_YEAR}>
          {MILESTONE_YEAR}
          {lang === 'en' ? '' : ' '}
          {t('settlersIn', lang)}
          {lang === 'en' ? ': ' : '：'}
          <strong>{tenThousands(settlers, 2, lang)}</strong>
        </p>
      )}
    </section>
  );
}
