/**
 * Streaming percentiles in bounded memory: the P² algorithm (Jain & Chlamtac 1985, "The P² algorithm
 * for dynamic calculation of quantiles and histograms without storing observations", CACM 28(10)).
 * Five markers per estimator, whatever the number of runs, so a Monte Carlo of any size keeps a fixed
 * footprint per series × year × percentile. The estimate depends on the order of the observations:
 * callers that need reproducible output must feed them in a fixed order (see aggregate.ts).
 */

/** The p-quantile (0 ≤ p ≤ 1) of sorted values, linear between order statistics (Hyndman & Fan type 7). */
export function exactQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/** One P² estimator of the p-quantile. Non-finite observations are ignored (a flow of the base year). */
export class P2Quantile {
  /** Marker heights q₀…q₄ (during the first five observations: the observations, unsorted). */
  private readonly q = new Float64Array(5);
  /** Actual marker positions n₀…n₄ (1-based ranks). */
  private readonly n = new Float64Array([1, 2, 3, 4, 5]);
  /** Desired marker positions n′₀…n′₄ and their increments per observation. */
  private readonly want: Float64Array;
  private readonly step: Float64Array;
  private count = 0;

  constructor(readonly p: number) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1] (got ${p})`);
    this.want = new Float64Array([1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]);
    this.step = new Float64Array([0, p / 2, p, (1 + p) / 2, 1]);
  }

  /** Observations taken so far (finite ones only). */
  get size(): number {
    return this.count;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    const { q, n, want, step } = this;
    if (this.count < 5) {
      q[this.count++] = x;
      if (this.count === 5) q.sort();
      return;
    }
    this.count++;
    // The cell k with q[k] ≤ x < q[k+1], widening the extreme markers when x falls outside them.
    let k: number;
    if (x < q[0]) {
      q[0] = x;
      k = 0;
    } else if (x >= q[4]) {
      if (x > q[4]) q[4] = x;
      k = 3;
    } else {
      k = 0;
      while (x >= q[k + 1]) k++;
    }
    for (let i = k + 1; i < 5; i++) n[i]++;
    for (let i = 0; i < 5; i++) want[i] += step[i];
    // Move the middle markers by one position at most, towards where they should be.
    for (let i = 1; i <= 3; i++) {
      const d = want[i] - n[i];
      if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
        const s = d > 0 ? 1 : -1;
        const parabolic =
          q[i] +
          (s / (n[i + 1] - n[i - 1])) *
            ((n[i] - n[i - 1] + s) * ((q[i + 1] - q[i]) / (n[i + 1] - n[i])) +
              (n[i + 1] - n[i] - s) * ((q[i] - q[i - 1]) / (n[i] - n[i - 1])));
        q[i] =
          q[i - 1] < parabolic && parabolic < q[i + 1] ? parabolic : q[i] + (s * (q[i + s] - q[i])) / (n[i + s] - n[i]);
        n[i] += s;
      }
    }
  }

  /** The current estimate: exact while fewer than six observations, the middle marker after; NaN if none. */
  estimate(): number {
    if (this.count === 0) return NaN;
    if (this.count <= 5) return exactQuantile(this.q.slice(0, this.count).sort(), this.p);
    return this.q[2];
  }
}

/**
 * Estimates of increasing percentiles put in increasing order (in place). Independent P² estimators
 * can cross where the percentiles are close together or the runs few, and a fan chart whose p25 lies
 * above its p50 is nonsense. Sorting is the monotone rearrangement of Chernozhukov, Fernández-Val &
 * Galichon (2010, Econometrica 78(3)): it never moves the estimates further from the true, ordered
 * quantiles. NaN (no observation) stays where it is.
 */
export function rearrange(values: number[]): number[] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) values[i] = finite[j++];
  return values;
}
