import type { ProjectionResult } from '../scenario/result';
import { headlineYears, MILESTONE_YEAR, valueAt } from './figures';
import { percent, points, tenThousands } from './format';

const ROWS = [
  { key: 'residentUrbanRate', label: '常住人口城镇化率', format: percent },
  { key: 'hukouUrbanRate', label: '户籍人口城镇化率', format: percent },
  { key: 'gapPoints', label: '两率差距', format: points },
  { key: 'residentPop', label: '常住人口', format: tenThousands },
] as const;

/** Headline rates, gap and population in the base year, 2020 and the last year; settlers in 2020. */
export function KeyFigures({ result }: { result: ProjectionResult }) {
  const years = headlineYears(result);
  const baseYear = result.years[0];
  const settlers = valueAt(result, result.series.settlers, MILESTONE_YEAR);
  return (
    <section className="key-figures" aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">主要指标</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">指标</th>
            {years.map((y) => (
              <th scope="col" key={y} data-year={y}>
                {y} 年{y === baseYear ? '（基年）' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} data-series={row.key}>
              <th scope="row">{row.label}</th>
              {years.map((y) => (
                <td key={y} data-year={y}>
                  {row.format(valueAt(result, result.series[row.key], y))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {result.years.includes(MILESTONE_YEAR) && (
        <p className="settlers" data-series="settlers" data-year={MILESTONE_YEAR}>
          {MILESTONE_YEAR} 年落户人数：<strong>{tenThousands(settlers, 2)}</strong>
        </p>
      )}
    </section>
  );
}
