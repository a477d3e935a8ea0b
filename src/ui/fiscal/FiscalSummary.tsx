/**
 * What a finance bureau reads first: the cumulative cost of citizenisation, the transfers received and
 * the city's and counties' net burden over the document's period (the first projected year to its target
 * year). The `[data-figure]` hooks carry the raw yuan in `data-value`.
 */
import type { ProjectionResult } from '../../scenario/result';
import type { Lang } from '../charts/types';
import { MILESTONE_YEAR } from '../figures';
import { hundredMillionYuan } from '../format';

/** The document's period: from the first projected year to its last target year (else 2020, else the end). */
export function fiscalPeriod(result: ProjectionResult): { from: number; to: number; index: number } | null {
  const years = result.years;
  if (years.length < 2) return null;
  const targetYears = result.targets.map((t) => t.year).filter((y) => y > years[0] && years.includes(y));
  const to = targetYears.length
    ? Math.max(...targetYears)
    : years.includes(MILESTONE_YEAR) && MILESTONE_YEAR > years[0]
      ? MILESTONE_YEAR
      : years[years.length - 1];
  return { from: years[1], to, index: years.indexOf(to) };
}

const FIGURES = [
  { id: 'cost-cumulative', key: 'totalCost', zh: '市民化成本', en: 'Cost of citizenisation' },
  { id: 'transfers-cumulative', key: 'transfers', zh: '上级转移支付与奖励', en: 'Transfers and rewards received' },
  { id: 'net-burden-cumulative', key: 'municipalNet', zh: '市县净负担', en: 'Net burden of city and counties' },
] as const;

export function FiscalSummary({
  result,
  lang,
  panelLink,
}: {
  result: ProjectionResult;
  lang: Lang;
  panelLink?: boolean;
}) {
  const f = result.fiscal;
  const period = fiscalPeriod(result);
  if (!f || !period) return null;
  const en = lang === 'en';
  return (
    <section className="fiscal-summary" aria-labelledby="fiscal-summary-title">
      <h2 id="fiscal-summary-title">
        {en ? `Finance, ${period.from}–${period.to} in total` : `财政：${period.from}–${period.to}年累计`}
      </h2>
      <dl>
        {FIGURES.map((g) => {
          const v = f.cumulative[g.key][period.index];
          return (
            <div key={g.id} data-figure={g.id} data-value={v ?? ''} data-year={period.to}>
              <dt>{en ? g.en : g.zh}</dt>
              <dd>{hundredMillionYuan(v, lang)}</dd>
            </div>
          );
        })}
      </dl>
      <p className="fiscal-summary-note">
        {en
          ? `Net burden = the costs the city and its counties bear − the transfers and rewards they receive; at ${f.priceYear} prices.`
          : `净负担 = 市、县（区）承担的成本 − 收到的转移支付与奖励；按${f.priceYear}年价格计。`}
        {panelLink && (
          <>
            {' '}
            {/* The URL hash holds the route: scroll instead of linking to an anchor. */}
            <button
              type="button"
              className="link"
              onClick={() => document.getElementById('fiscal-panel')?.scrollIntoView({ block: 'start' })}
            >
              {en ? 'Unit costs and shares…' : '单位成本与分担比例…'}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
