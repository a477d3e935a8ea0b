/**
 * Parameter distributions of the uncertainty analysis (MODEL.md §9), drawn by inverse CDF: one uniform
 * number per parameter and run, so a draw takes constant time (no rejection loop that could spin on a
 * narrow truncation) and the same u always gives the same value.
 */
import type { UncertainParameterSpec } from '../scenario/schema';

export type Distribution = UncertainParameterSpec['dist'];

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal CDF Φ(z), to about 1e-15 relative accuracy in both tails (Hart 1968 as given by
 * West 2005, "Better approximations to cumulative normal functions", Wilmott): the tails must stay
 * accurate for normals truncated far from their mean.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  let c: number;
  if (x > 37) c = 0;
  else {
    const e = Math.exp((-x * x) / 2);
    if (x < 7.07106781186547) {
      let n = 3.52624965998911e-2 * x + 0.700383064443688;
      n = n * x + 6.37396220353165;
      n = n * x + 33.912866078383;
      n = n * x + 112.079291497871;
      n = n * x + 221.213596169931;
      n = n * x + 220.206867912376;
      let d = 8.83883476483184e-2 * x + 1.75566716318264;
      d = d * x + 16.064177579207;
      d = d * x + 86.7807322029461;
      d = d * x + 296.564248779674;
      d = d * x + 637.333633378831;
      d = d * x + 793.826512519948;
      d = d * x + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = x + 0.65;
      b = x + 4 / b;
      b = x + 3 / b;
      b = x + 2 / b;
      b = x + 1 / b;
      c = e / b / SQRT_2PI;
    }
  }
  return z > 0 ? 1 - c : c;
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9), then one
 * Halley step against {@link normalCdf}, which brings it to double precision. ±Infinity at 0 and 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    x =
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    if (p > 1 - P_LOW) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // Halley refinement of e = Φ(x) − p; above the median as (1 − p) − Φ(−x), where Φ keeps its precision.
  const e = p > 0.5 ? 1 - p - normalCdf(-x) : normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * A standard normal truncated to [lo, hi] at probability u. Computed in the lower tail (reflecting an
 * interval that lies above 0), where Φ keeps its relative precision; when even that mass underflows
 * (an interval beyond 37 standard deviations) the truncated normal is, to double precision, an
 * exponential with rate |lo| from the nearer bound.
 */
function truncatedStandardNormal(lo: number, hi: number, u: number): number {
  if (lo > 0) return -truncatedStandardNormal(-hi, -lo, 1 - u);
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  let z: number;
  if (pHi - pLo > 0) z = normalQuantile(pLo + u * (pHi - pLo));
  else {
    // Both bounds far below 0: density ∝ exp(-z²/2) ≈ exp(hi·(z − hi)) near hi, the upper bound.
    const rate = -hi;
    z = hi + Math.log(u + (1 - u) * Math.exp(-rate * (hi - lo))) / rate;
  }
  return Math.min(hi, Math.max(lo, z)); // rounding at the ends must not leave the range
}

/** The value of `dist` at cumulative probability `u` ∈ (0, 1) (its inverse CDF). */
export function quantileOf(dist: Distribution, u: number): number {
  switch (dist.type) {
    case 'uniform':
      return dist.min + u * (dist.max - dist.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal': {
      const lo = dist.min === undefined ? -Infinity : (dist.min - dist.mean) / dist.sd;
      const hi = dist.max === undefined ? Infinity : (dist.max - dist.mean) / dist.sd;
      const x = dist.mean + dist.sd * truncatedStandardNormal(lo, hi, u);
      return Math.min(dist.max ?? Infinity, Math.max(dist.min ?? -Infinity, x));
    }
  }
}
