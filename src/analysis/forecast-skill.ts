/**
 * The back-test's yardsticks (src/analysis/backtest.ts): two naive forecasts made from the observations
 * visible at the origin, the mean absolute error of a forecast, and the skill of the model against the
 * better of the naive forecasts. A model earns its keep only where it beats what anyone could have
 * drawn by hand from the same figures: carrying the last value forward, or extending the recent trend.
 */

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Years the straight line is fitted over: the origin and the four years before it. */
export const TREND_WINDOW_YEARS = 5;

/**
 * One value per year, sorted by year: two figures of one year (two bulletins, a census and a bulletin of
 * the same vintage) are averaged, so that no year weighs double in a line or in an error.
 */
export function byYear(points: readonly YearValue[]): YearValue[] {
  const sums = new Map<number, { total: number; n: number }>();
  for (const p of points) {
    const s = sums.get(p.year) ?? { total: 0, n: 0 };
    s.total += p.value;
    s.n += 1;
    sums.set(p.year, s);
  }
  return [...sums]
    .sort((a, b) => a[0] - b[0])
    .map(([year, s]) => ({ year, value: s.n === 1 ? s.total : s.total / s.n }));
}

/** Naive forecast (a): the last visible value, carried forward to every later year; null with none. */
export function naiveLast(visible: readonly YearValue[]): number | null {
  const pts = byYear(visible);
  return pts.length ? pts[pts.length - 1].value : null;
}

/**
 * The points the naive trend goes through: those of the years origin−4 … origin; with fewer than two
 * there, the last two visible points (a trend needs two); with one visible point, that point alone.
 */
export function trendBasis(visible: readonly YearValue[], origin: number): YearValue[] {
  const pts = byYear(visible.filter((p) => p.year <= origin));
  const window = pts.filter((p) => p.year > origin - TREND_WINDOW_YEARS);
  return window.length >= 2 ? window : pts.slice(-2);
}

export interface Line {
  /** Mean year and mean value of the points: the line passes through them. */
  readonly meanYear: number;
  readonly meanValue: number;
  /** Change per year. */
  readonly slope: number;
}

/** The least-squares line through points of at least two distinct years; null otherwise. */
export function leastSquaresLine(points: readonly YearValue[]): Line | null {
  if (points.length < 2) return null;
  // Centred on the mean year: the sums stay small and exact for years around 2000.
  const meanYear = points.reduce((t, p) => t + p.year, 0) / points.length;
  const meanValue = points.reduce((t, p) => t + p.value, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanYear) ** 2;
    sxy += (p.year - meanYear) * (p.value - meanValue);
  }
  return sxx > 0 ? { meanYear, meanValue, slope: sxy / sxx } : null;
}

export const lineAt = (l: Line, year: number): number => l.meanValue + l.slope * (year - l.meanYear);

/** The naive trend as drawn: the years it goes through, its slope per year and its value at the origin. */
export interface Trend {
  readonly years: number[];
  readonly slope: number;
  readonly valueAtOrigin: number;
}

/**
 * Naive forecast (b): the straight line through {@link trendBasis}; with a single visible point it is flat
 * at that point (naive forecast (a)); with none, null.
 */
export function trendLine(visible: readonly YearValue[], origin: number): Trend | null {
  const basis = trendBasis(visible, origin);
  if (!basis.length) return null;
  const years = basis.map((p) => p.year);
  const line = leastSquaresLine(basis);
  return line
    ? { years, slope: line.slope, valueAtOrigin: lineAt(line, origin) }
    : { years, slope: 0, valueAtOrigin: basis[basis.length - 1].value };
}

/** Naive forecast (b) as a function of the year (see {@link trendLine}); null with no visible value. */
export function naiveTrend(visible: readonly YearValue[], origin: number): ((year: number) => number) | null {
  const t = trendLine(visible, origin);
  return t ? (year) => t.valueAtOrigin + t.slope * (year - origin) : null;
}

/** Mean absolute error of a forecast against what was observed; null when there is nothing to compare. */
export function meanAbsoluteError(forecast: readonly (number | null)[], observed: readonly number[]): number | null {
  if (!observed.length || forecast.length !== observed.length || forecast.some((f) => f === null)) return null;
  return forecast.reduce<number>((t, f, i) => t + Math.abs(f! - observed[i]), 0) / observed.length;
}

export interface Skill {
  /** 1 − MAE(model) ÷ min(MAE(naive last), MAE(naive trend)): 1 exact, 0 no better than naive, < 0 worse. */
  readonly skill: number | null;
  /** Why the skill is null. */
  readonly why?: string;
}

/** The model's skill against the better naive forecast; null (with the reason) when it is undefined. */
export function skillScore(maeModel: number | null, maeNaiveLast: number | null, maeNaiveTrend: number | null): Skill {
  if (maeModel === null) return { skill: null, why: 'no hidden observation to test the model against' };
  if (maeNaiveLast === null || maeNaiveTrend === null)
    return { skill: null, why: 'no visible value up to the origin to make a naive forecast from' };
  const best = Math.min(maeNaiveLast, maeNaiveTrend);
  if (!(best > 0))
    return {
      skill: null,
      why: 'a naive forecast is exact here (mean absolute error 0): a skill against it is undefined',
    };
  return { skill: 1 - maeModel / best };
}
