/**
 * The compared scenarios' targets side by side: one row per target, one column per scenario, each cell
 * the scenario's projected value in the target year with ✓ or ✗ and the shortfall. Targets that several
 * scenarios set (same id, metric and year) share a row; the rest are grouped under the scenario that sets
 * them. Hooks: `[data-compare-targets]` on the table, `data-met` on each cell with a result.
 */
import type { TargetResult } from '../../scenario/targets';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { metricValue } from '../format';
import { pick, t as tr } from '../i18n';
import {
  commonThreshold,
  shortfallText,
  targetGroups,
  targetName,
  thresholdText,
  targetsCsv,
  type Compared,
  type TargetRow,
} from './compare-data';
import { CsvButton } from './CsvButton';

/** The scenario's line as the charts draw it (an svg attribute, not an inline style: the CSP forbids those). */
export function ScenarioKey({ color }: { color: string }) {
  return (
    <svg className="compare-key" width="18" height="10" aria-hidden="true" focusable="false">
      <line x1="0" x2="18" y1="5" y2="5" stroke={color} strokeWidth="2.5" />
    </svg>
  );
}

function Cell({
  target,
  row,
  scenario,
  lang,
}: {
  target: TargetResult | null;
  row: TargetRow;
  scenario: Compared;
  lang: Lang;
}) {
  if (!target)
    return (
      <td className="muted" data-scenario={scenario.key}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{by(lang, '未设此目标', 'no such target')}</span>
      </td>
    );
  const beyond = target.value === null;
  // Where the scenarios set different thresholds for one target, each cell says its own.
  const own = commonThreshold(row) === null;
  return (
    <td
      className={`compare-target ${beyond ? '' : target.met ? 'met' : 'unmet'}`}
      data-scenario={scenario.key}
      data-target-id={target.id}
      data-met={beyond ? undefined : String(target.met)}
      data-value={target.value ?? ''}
      title={pick(lang, target.label, target.labelEn)}
    >
      {beyond ? (
        tr('beyondHorizon', lang)
      ) : (
        <>
          <span className="badge" aria-hidden="true">
            {target.met ? '✓' : '✗'}
          </span>{' '}
          <strong>{metricValue(target.metric, target.value, lang)}</strong>
          <span className="sr-only"> {target.met ? tr('met', lang) : tr('missed', lang)}</span>
          {!target.met && target.shortfall !== null && target.shortfall > 0 && (
            <span className="compare-shortfall">
              {tr('shortfall', lang)} {shortfallText(target, lang)}
            </span>
          )}
        </>
      )}
      {own && (
        <span className="compare-threshold">
          {by(lang, '目标', 'target')} {thresholdText(target, lang)}
        </span>
      )}
    </td>
  );
}

function Row({ row, compared, lang }: { row: TargetRow; compared: readonly Compared[]; lang: Lang }) {
  const common = commonThreshold(row);
  const first = row.cells.find((c): c is TargetResult => c !== null)!;
  return (
    <tr data-compare-target={row.id}>
      <th scope="row">
        {targetName(row, lang)}{' '}
        {common ? (
          thresholdText(common, lang)
        ) : (
          <span className="muted">{by(lang, '（目标值各异）', '(thresholds differ)')}</span>
        )}
        <span className="compare-target-label">{pick(lang, first.label, first.labelEn)}</span>
      </th>
      {compared.map((c, i) => (
        <Cell key={c.key} target={row.cells[i]} row={row} scenario={c} lang={lang} />
      ))}
    </tr>
  );
}

export function CompareTargets({
  compared,
  pinned,
  fileBase,
  lang,
}: {
  compared: readonly Compared[];
  pinned: string | null;
  fileBase: string;
  lang: Lang;
}) {
  const { shared, own } = targetGroups(compared);
  const title = by(lang, '目标对照', 'Targets compared');
  const span = compared.length + 1;
  // Group headings only where they tell something: several scenarios, and targets not all shared.
  const headed = compared.length > 1;
  return (
    <section className="compare-targets" aria-labelledby="compare-targets-title">
      <h2 id="compare-targets-title">{title}</h2>
      {shared.length === 0 && own.length === 0 ? (
        <p>{by(lang, '所比较的方案均未设定目标。', 'None of the compared scenarios sets targets.')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="compare-table compare-targets-table" data-compare-targets="">
              <thead>
                <tr>
                  <th scope="col">{by(lang, '目标（目标年份、指标、目标值）', 'Target (year, metric, threshold)')}</th>
                  {compared.map((c) => (
                    <th scope="col" key={c.key} className={c.key === pinned ? 'is-baseline' : ''}>
                      <ScenarioKey color={c.color} />
                      {c.name}
                      {c.key === pinned ? ` (${tr('baseline', lang)})` : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              {shared.length > 0 && (
                <tbody data-compare-target-group="shared">
                  {headed && (
                    <tr className="compare-group">
                      <th scope="colgroup" colSpan={span}>
                        {by(lang, '共同目标', 'Targets several scenarios set')}
                      </th>
                    </tr>
                  )}
                  {shared.map((row) => (
                    <Row key={row.key} row={row} compared={compared} lang={lang} />
                  ))}
                </tbody>
              )}
              {own.map((g) => (
                <tbody key={compared[g.index].key} data-compare-target-group={compared[g.index].key}>
                  {headed && (
                    <tr className="compare-group">
                      <th scope="colgroup" colSpan={span}>
                        {by(lang, `仅${compared[g.index].name}设定的目标`, `Set by ${compared[g.index].name} only`)}
                      </th>
                    </tr>
                  )}
                  {g.rows.map((row) => (
                    <Row key={row.key} row={row} compared={compared} lang={lang} />
                  ))}
                </tbody>
              ))}
            </table>
          </div>
          <CsvButton
            lang={lang}
            label={title}
            what="targets"
            fileName={`${fileBase}-compare-targets.csv`}
            csv={() => targetsCsv(compared, lang)}
          />
        </>
      )}
    </section>
  );
}
