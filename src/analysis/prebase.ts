/**
 * Targets for a calibration on data up to the base year (the forecasting discipline of the presets: no
 * parameter follows observations after the base year). The projection starts at the base year, so the
 * years before it cannot be fitted directly; what they tell is the trend the city was on. Each metric's
 * trend through the observations up to the base year (one statistical vintage, the last five years, as the
 * back-test's naive trend draws it) is carried from the projection's own start a few years on, and those
 * points are what the unknowns are fitted to: the model starts on the published trend and its own
 * mechanisms take over from there.
 */
import type { Scenario } from '../scenario/schema';
import { leastSquaresLine, trendBasis, type YearValue } from './forecast-skill';

type Observation = Extract<Scenario['observed'], unknown[]>[number];

export interface PrebaseTarget {
  readonly metric: Observation['metric'];
  /** The points the trend goes through (the projection's start included when the base year is not observed). */
  readonly basis: readonly YearValue[];
  readonly vintage: string | null;
  /** Change per year. */
  readonly slope: number;
  /** Why the trend joins two vintages, when it does. */
  readonly note?: string;
  /** The target points after the base year: start + slope × years since the base year. */
  readonly points: readonly Observation[];
}

/**
 * The pre-base trend of `metric` from `observed`, carried `years` years from `start` (the projection's
 * base-year value); null when fewer than two years of one vintage are visible.
 */
export function prebaseTarget(
  observed: readonly Observation[],
  metric: Observation['metric'],
  baseYear: number,
  start: number,
  years = 3,
): PrebaseTarget | null {
  const visible = observed.filter((o) => o.metric === metric && o.year <= baseYear);
  if (!visible.length) return null;
  // The vintage of the base year's own figure, else of the latest figure before it.
  const ref = visible.find((o) => o.year === baseYear) ?? visible.reduce((a, o) => (o.year > a.year ? o : a));
  const vintage = ref.vintage ?? null;
  const withStart = (os: readonly Observation[]) => {
    const pts = os.map((o) => ({ year: o.year, value: o.value }));
    if (!pts.some((p) => p.year === baseYear)) pts.push({ year: baseYear, value: start });
    return pts;
  };
  // A census belongs to the series revised on it (the revision joins the censuses).
  const sameSeries = (o: Observation) =>
    (o.vintage ?? null) === vintage || (vintage === 'census-revised' && o.vintage === 'census');
  let basis = trendBasis(withStart(visible.filter(sameSeries)), baseYear);
  let note: string | undefined;
  if (basis.length < 2) {
    // One vintage gives a single year: the trend must join two, and says so.
    basis = trendBasis(withStart(visible), baseYear);
    note = `two vintages joined (${[...new Set(visible.map((o) => o.vintage ?? 'not stated'))].join(', ')}): no two years of one`;
  }
  const line = leastSquaresLine(basis);
  if (!line) return null;
  const points: Observation[] = Array.from({ length: years }, (_, h) => ({
    metric,
    year: baseYear + h + 1,
    value: start + line.slope * (h + 1),
    source: `pre-base trend: ${basis.map((p) => p.year).join(', ')} (vintage ${vintage ?? 'not stated'}), ${line.slope.toPrecision(4)} a year from the base-year start`,
  }));
  return { metric, basis, vintage, slope: line.slope, points, ...(note ? { note } : {}) };
}
