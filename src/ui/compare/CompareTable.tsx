/**
 * The key figures of the compared scenarios in 2020 and at each horizon, with each one's delta to the
 * pinned baseline (`[data-compare-table]`, `[data-delta]`), and its CSV download.
 */
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { t } from '../i18n';
import { deltaText, FIGURES, figureOf, figureText, figureYears, figuresCsv, type Compared } from './compare-data';
import { ScenarioKey } from './CompareTargets';
import { CsvButton } from './CsvButton';

export function CompareTable({
  compared,
  baseline,
  fileBase,
  lang,
}: {
  compared: readonly Compared[];
  baseline: Compared | null;
  fileBase: string;
  lang: Lang;
}) {
  const years = figureYears(compared);
  const title = by(lang, '主要指标', 'Key figures');
  return (
    <section className="compare-figures" aria-labelledby="compare-figures-title">
      <h2 id="compare-figures-title">{title}</h2>
      <div className="table-scroll">
        <table className="compare-table" data-compare-table="">
          <thead>
            <tr>
              <th scope="col">{by(lang, '方案', 'Scenario')}</th>
              {years.flatMap((y) =>
                FIGURES.map((m) => (
                  <th scope="col" key={`${y}-${m.key}`}>
                    {y} {lang === 'en' ? m.en : m.zh}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {compared.map((c) => (
              <tr key={c.key} className={c === baseline ? 'is-baseline' : ''}>
                <th scope="row">
                  <ScenarioKey color={c.color} />
                  {c.name}
                  {c === baseline ? ` (${t('baseline', lang)})` : ''}
                </th>
                {years.flatMap((y) =>
                  FIGURES.map((m) => {
                    const v = figureOf(c.result, m.key, y);
                    const b = baseline && c !== baseline ? figureOf(baseline.result, m.key, y) : null;
                    return (
                      <td key={`${y}-${m.key}`}>
                        {figureText(m.key, v, lang)}
                        {v !== null && b !== null && (
                          <span className="delta" data-delta={m.key}>
                            {' '}
                            ({t('delta', lang)} {deltaText(m.key, v - b, lang)})
                          </span>
                        )}
                      </td>
                    );
                  }),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvButton
        lang={lang}
        label={by(lang, `方案比较：${title}`, `Scenario comparison: ${title}`)}
        what="figures"
        fileName={`${fileBase}-compare-figures.csv`}
        csv={() => figuresCsv(compared, baseline, lang)}
      />
    </section>
  );
}
