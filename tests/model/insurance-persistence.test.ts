/**
 * Insured years as a two-state chain (MODEL.md §4, issue 11): the exact
 * dynamic programmes against a seeded simulation of individual careers, the
 * independent-years special case against the binomial, and the chain's
 * properties (stationary share, monotone tails, continuous ≤ cumulative).
 */
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/analysis/rng';
import { AGES, SA } from '../../src/model/dims';
import {
  binomialAtLeast,
  binomialPmf,
  channelEligibility,
  conditionProbability,
  insuranceEntry,
  insuranceRunAtLeast,
  insuranceRunPmf,
  insuranceYearsAtLeast,
  insuranceYearsPmf,
  minInsuranceStay,
  pointsProbability,
  type GroupAttributes,
  type PointsCondition,
} from '../../src/model/eligibility';

/** The simulation's own q, written out independently of the model's. */
const entry = (pi: number, p: number) => (pi >= 1 ? 1 : pi <= 0 ? 0 : (pi * (1 - p)) / (1 - pi));

/**
 * Simulates `careers` people over n years: the first year covered with π, then covered → covered with p,
 * uncovered → covered with q. Returns the counts of total covered years and of the final unbroken run.
 */
function simulate(pi: number, p: number, n: number, careers: number, seed: number) {
  const rng = rngFor(seed, 0);
  const q = entry(pi, p);
  const total = new Float64Array(n + 1);
  const run = new Float64Array(n + 1);
  for (let c = 0; c < careers; c++) {
    let covered = rng() < pi;
    let k = covered ? 1 : 0;
    let r = k;
    for (let t = 2; t <= n; t++) {
      covered = rng() < (covered ? p : q);
      if (covered) {
        k++;
        r++;
      } else r = 0;
    }
    total[k]++;
    run[r]++;
  }
  return { total, run };
}

/** |simulated − exact| within 5 binomial standard errors of the simulated share. */
function expectWithinSe(simCount: number, exact: number, careers: number, what: string) {
  const sim = simCount / careers;
  const se = Math.sqrt(Math.max(exact * (1 - exact), 0) / careers);
  expect(Math.abs(sim - exact), `${what}: simulated ${sim}, exact ${exact}, s.e. ${se}`).toBeLessThanOrEqual(
    5 * se + 1e-12,
  );
}

const tail = (counts: Float64Array, n: number) => {
  let t = 0;
  for (let k = Math.max(0, n); k < counts.length; k++) t += counts[k];
  return t;
};

describe('the exact chain against 200,000 simulated careers', () => {
  const careers = 200_000;
  // (π, p, n): persistence at the presets' values, independence, the q = 1 boundary, extremes.
  const cases: [number, number, number][] = [
    [0.35, 0.675, 10],
    [0.4, 0.7, 16],
    [0.35, 0.35, 8],
    [0.8, 0.75, 6],
    [0.6, 0.9, 12],
    [0.3, 0.1, 7],
    [0.4, 1, 8],
    [0, 0.5, 5],
    [1, 1, 5],
    [0.35, 0.7, 1],
  ];
  cases.forEach(([pi, p, n], i) => {
    it(`π = ${pi}, p = ${p}, n = ${n}`, () => {
      const { total, run } = simulate(pi, p, n, careers, 1000 + i);
      const pmf = insuranceYearsPmf(n, pi, p);
      const runPmf = insuranceRunPmf(n, pi, p);
      expect(pmf.length).toBe(n + 1);
      expect(runPmf.length).toBe(n + 1);
      for (let k = 0; k <= n; k++) {
        expectWithinSe(total[k], pmf[k], careers, `pmf of total at ${k}`);
        expectWithinSe(run[k], runPmf[k], careers, `pmf of run at ${k}`);
      }
      for (let N = 0; N <= n + 1; N++) {
        expectWithinSe(tail(total, N), insuranceYearsAtLeast(n, pi, p, N), careers, `cumulative ≥ ${N}`);
        expectWithinSe(tail(run, N), insuranceRunAtLeast(n, pi, p, N), careers, `continuous ≥ ${N}`);
      }
    });
  });
});

describe('independent years (stay = coverage) are the binomial', () => {
  it('reproduces binomialPmf and binomialAtLeast to 1e-12', () => {
    for (const pi of [0, 0.05, 0.35, 0.4, 0.5, 0.77, 0.95, 1]) {
      for (const n of [1, 2, 5, 10, 16, 25, 41]) {
        const chain = insuranceYearsPmf(n, pi, pi);
        const bin = binomialPmf(n, pi);
        for (let k = 0; k <= n; k++) expect(Math.abs(chain[k] - bin[k])).toBeLessThan(1e-12);
        for (let N = 0; N <= n + 1; N++)
          expect(Math.abs(insuranceYearsAtLeast(n, pi, pi, N) - binomialAtLeast(n, pi, N))).toBeLessThan(1e-12);
        // Continuous, independent years: the last N all covered, π^N.
        for (let N = 1; N <= n; N++)
          expect(Math.abs(insuranceRunAtLeast(n, pi, pi, N) - Math.pow(pi, N))).toBeLessThan(1e-12);
      }
    }
  });
});

describe('properties of the chain', () => {
  const grid: [number, number][] = [
    [0.35, 0.675],
    [0.4, 0.7],
    [0.35, 0.35],
    [0.8, 0.75],
    [0.6, 0.95],
    [0.2, 0.05],
    [0.5, 1],
  ];
  it('q keeps the coverage as the stationary share: P(covered in year n) = π for every n, E[total] = nπ', () => {
    for (const [pi, p] of grid) {
      const q = insuranceEntry(pi, p);
      expect(pi * (1 - p)).toBeCloseTo((1 - pi) * q, 14);
      for (let n = 1; n <= 40; n++) {
        // The latest year is covered iff the current run is at least 1.
        expect(insuranceRunAtLeast(n, pi, p, 1)).toBeCloseTo(pi, 12);
        const pmf = insuranceYearsPmf(n, pi, p);
        let mean = 0;
        let sum = 0;
        for (let k = 0; k <= n; k++) {
          mean += k * pmf[k];
          sum += pmf[k];
        }
        expect(sum).toBeCloseTo(1, 12);
        expect(mean).toBeCloseTo(n * pi, 10);
      }
    }
  });
  it('the continuous tail is π·p^(N−1): the stationary start makes it closed-form', () => {
    for (const [pi, p] of grid)
      for (const n of [1, 4, 16])
        for (let N = 1; N <= n; N++) expect(insuranceRunAtLeast(n, pi, p, N)).toBeCloseTo(pi * Math.pow(p, N - 1), 12);
  });
  it('P(≥ N) falls with N, and continuous ≤ cumulative', () => {
    for (const [pi, p] of grid) {
      for (const n of [1, 3, 10, 16, 40]) {
        let prevCum = 1;
        let prevRun = 1;
        for (let N = 0; N <= n + 1; N++) {
          const cum = insuranceYearsAtLeast(n, pi, p, N);
          const run = insuranceRunAtLeast(n, pi, p, N);
          expect(cum).toBeLessThanOrEqual(prevCum + 1e-15);
          expect(run).toBeLessThanOrEqual(prevRun + 1e-15);
          expect(run).toBeLessThanOrEqual(cum + 1e-15);
          prevCum = cum;
          prevRun = run;
        }
      }
    }
  });
  it('persistence lowers the chance of many insured years at low coverage: the issue’s example', () => {
    // At 35 % coverage after 10 completed years (11 years lived here), ≥ 2 insured years: 94 % when
    // independent, 79 % when the covered stay covered with 0.675; ≥ 8 years becomes more likely (1 % → 9 %).
    expect(insuranceYearsAtLeast(11, 0.35, 0.35, 2)).toBeCloseTo(0.9394, 4);
    expect(insuranceYearsAtLeast(11, 0.35, 0.675, 2)).toBeCloseTo(0.7934, 4);
    expect(insuranceYearsAtLeast(11, 0.35, 0.675, 8)).toBeGreaterThan(5 * insuranceYearsAtLeast(11, 0.35, 0.35, 8));
  });
  it('the smallest allowed stay gives q = 1', () => {
    expect(minInsuranceStay(0.35)).toBe(0);
    expect(minInsuranceStay(0.8)).toBeCloseTo(0.75, 15);
    expect(insuranceEntry(0.8, minInsuranceStay(0.8))).toBeCloseTo(1, 12);
    expect(insuranceEntry(1, 0.3)).toBe(1);
    expect(insuranceEntry(0, 0.3)).toBe(0);
  });
});

describe('eligibility uses the chain', () => {
  const flat = (v: number) => new Float64Array(SA).fill(v);
  const attrs: GroupAttributes = {
    insuranceCoverage: 0.35,
    insuranceStay: 0.675,
    employment: flat(1),
    ownershipLongRun: flat(0.4),
    ownershipAtArrival: 0.25,
    ownershipHalfLife: 4,
    legalRent: flat(0.2),
    educationAtLeast: [flat(0.4), flat(0.15), flat(0.06), flat(0.01)],
    attributes: {},
  };
  const cell = AGES + 30;
  it('insurance conditions, by counting, per (group, duration)', () => {
    const D = 16;
    const cum = channelEligibility([{ type: 'insurance', years: 5, counting: 'cumulative' }], [attrs, attrs], D);
    const con = channelEligibility([{ type: 'insurance', years: 5, counting: 'continuous' }], [attrs, attrs], D);
    for (let d = 0; d < D; d++) {
      expect(cum[(1 * D + d) * SA + cell]).toBeCloseTo(insuranceYearsAtLeast(d + 1, 0.35, 0.675, 5), 15);
      expect(con[(0 * D + d) * SA + cell]).toBeCloseTo(insuranceRunAtLeast(d + 1, 0.35, 0.675, 5), 15);
      expect(conditionProbability({ type: 'insurance', years: 5, counting: 'continuous' }, attrs, d, cell)).toBe(
        con[d * SA + cell],
      );
    }
  });
  it('points sum over the chain’s pmf of insured years', () => {
    const cond: PointsCondition = {
      type: 'points',
      threshold: 30,
      base: 0,
      education: [0, 0, 0, 0, 0],
      perResidenceYear: 0,
      maxResidenceYears: 0,
      perInsuranceYear: 10,
      maxInsuranceYears: 10,
      agePoints: new Float64Array(AGES),
    };
    // Only insurance scores: 10 per insured year, so ≥ 30 points is ≥ 3 insured years.
    for (const d of [0, 2, 5, 12])
      expect(pointsProbability(cond, attrs, d, cell)).toBeCloseTo(insuranceYearsAtLeast(d + 1, 0.35, 0.675, 3), 14);
  });
});
