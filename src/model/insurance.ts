/**
 * Insured years (MODEL.md §4): a two-state Markov chain over the n = d + 1 years lived here. Covered stays
 * covered with probability p (`insuranceStay`), uncovered starts being covered with q = π(1 − p)/(1 − π),
 * so that the stationary share is the coverage π; the first year is covered with probability π. p = π is
 * independent years (the binomial); p > π makes coverage persist, as employment-based insurance does.
 * Exact distributions of the cumulative (累计) count and of the current continuous (连续) run.
 */

/** P(X ≥ n) for X ~ Binomial(trials, p), exactly: insured years when years are independent (stay = coverage). */
export function binomialAtLeast(trials: number, p: number, n: number): number {
  if (n <= 0) return 1;
  if (n > trials) return 0;
  const pmf = binomialPmf(trials, p);
  let t = 0;
  for (let k = n; k <= trials; k++) t += pmf[k];
  return Math.min(1, t);
}

/** The Binomial(trials, p) probabilities of 0 … trials, by the multiplicative recurrence. */
export function binomialPmf(trials: number, p: number): Float64Array {
  const out = new Float64Array(trials + 1);
  if (p <= 0) {
    out[0] = 1;
    return out;
  }
  if (p >= 1) {
    out[trials] = 1;
    return out;
  }
  // Build by repeated convolution with one Bernoulli trial: stable for all p.
  out[0] = 1;
  for (let t = 1; t <= trials; t++) {
    for (let k = t; k >= 1; k--) out[k] = out[k] * (1 - p) + out[k - 1] * p;
    out[0] *= 1 - p;
  }
  return out;
}

/**
 * The chain's entry probability q = π(1 − p)/(1 − π): an uncovered year is
 * followed by a covered one. π = 1 → 1 (always covered), π = 0 → 0 (never).
 * Capped at 1 for a stay below (2π − 1)/π, which validation refuses.
 */
export function insuranceEntry(coverage: number, stay: number): number {
  if (coverage >= 1) return 1;
  if (coverage <= 0) return 0;
  return Math.min(1, Math.max(0, (coverage * (1 - stay)) / (1 - coverage)));
}

/** The smallest stay p for which q ≤ 1 at coverage π: (2π − 1)/π, and 0 when π ≤ 1/2. */
export function minInsuranceStay(coverage: number): number {
  return coverage <= 0.5 ? 0 : (2 * coverage - 1) / coverage;
}

/**
 * No years, or coverage 0 or 1: the count (and the run) is certain — all mass on 0 or on `years`, written to
 * `out`. Returns whether it was.
 */
function certain(out: Float64Array, years: number, coverage: number): boolean {
  if (years <= 0 || coverage <= 0) out[0] = 1;
  else if (coverage >= 1) out[years] = 1;
  else return false;
  return true;
}

/**
 * The pmf of the number of covered years among `years` years of the chain
 * (cumulative, 累计): index k = 0 … years. Exact, by dynamic programming over
 * (covered years so far, state of the latest year); O(years²). With
 * stay = coverage it is the Binomial(years, coverage) pmf.
 */
export function insuranceYearsPmf(years: number, coverage: number, stay: number): Float64Array {
  const out = new Float64Array(years + 1);
  if (certain(out, years, coverage)) return out;
  const p = stay;
  const q = insuranceEntry(coverage, stay);
  // c[k], u[k]: P(k covered years so far and the latest year covered / uncovered).
  const c = new Float64Array(years + 1);
  const u = new Float64Array(years + 1);
  c[1] = coverage;
  u[0] = 1 - coverage;
  for (let t = 2; t <= years; t++) {
    // Descending k: index k − 1 is still last year's when k is updated.
    for (let k = t; k >= 0; k--) {
      const toCovered = k > 0 ? c[k - 1] * p + u[k - 1] * q : 0;
      const toUncovered = c[k] * (1 - p) + u[k] * (1 - q);
      c[k] = toCovered;
      u[k] = toUncovered;
    }
  }
  for (let k = 0; k <= years; k++) out[k] = c[k] + u[k];
  return out;
}

/** P(at least n covered years among `years`), cumulative (累计) counting. */
export function insuranceYearsAtLeast(years: number, coverage: number, stay: number, n: number): number {
  if (n <= 0) return 1;
  if (n > years) return 0;
  return tailFrom(insuranceYearsPmf(years, coverage, stay), n);
}

/**
 * The pmf of the current unbroken run of covered years, ending in the latest
 * of `years` years (continuous, 连续): index r = 0 (the latest year uncovered)
 * … years. Exact, by dynamic programming over the run length; O(years²).
 * Its tail is P(run ≥ n) = π·p^(n−1) for 1 ≤ n ≤ years (stationary start).
 */
export function insuranceRunPmf(years: number, coverage: number, stay: number): Float64Array {
  const out = new Float64Array(years + 1);
  if (certain(out, years, coverage)) return out;
  const p = stay;
  const q = insuranceEntry(coverage, stay);
  // out[r]: P(the run ending in the latest year is r); r = 0 is an uncovered latest year.
  out[0] = 1 - coverage;
  out[1] = coverage;
  for (let t = 2; t <= years; t++) {
    // A covered run lengthens by one with p or breaks (→ 0) with 1 − p; an uncovered year starts a run with q.
    let stopped = 0;
    for (let r = 1; r < t; r++) stopped += out[r];
    stopped *= 1 - p;
    const was0 = out[0];
    for (let r = t; r >= 2; r--) out[r] = out[r - 1] * p;
    out[1] = was0 * q;
    out[0] = was0 * (1 - q) + stopped;
  }
  return out;
}

/** P(the current unbroken run of covered years ≥ n), continuous (连续) counting. */
export function insuranceRunAtLeast(years: number, coverage: number, stay: number, n: number): number {
  if (n <= 0) return 1;
  if (n > years) return 0;
  return tailFrom(insuranceRunPmf(years, coverage, stay), n);
}

/** P(X ≥ n) from the pmf of X over 0 … pmf.length − 1. */
export function tailFrom(pmf: Float64Array, n: number): number {
  if (n <= 0) return 1;
  let t = 0;
  for (let k = n; k < pmf.length; k++) t += pmf[k];
  return Math.min(1, t);
}
