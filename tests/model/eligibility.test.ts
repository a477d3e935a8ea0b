import { describe, expect, it } from 'vitest';
import { AGES, SA } from '../../src/model/dims';
import {
  binomialAtLeast,
  channelEligibility,
  combineChannels,
  conditionProbability,
  ownership,
  pointsProbability,
  type GroupAttributes,
  type PointsCondition,
} from '../../src/model/eligibility';

const flat = (v: number) => new Float64Array(SA).fill(v);
const attrs = (over: Partial<GroupAttributes> = {}): GroupAttributes => ({
  insuranceCoverage: 0.5,
  // Independent years (stay = coverage): the binomial hand computations below hold.
  insuranceStay: 0.5,
  employment: flat(0.7),
  ownershipLongRun: flat(0.4),
  ownershipAtArrival: 0.25,
  ownershipHalfLife: 4,
  legalRent: flat(0.2),
  educationAtLeast: [flat(0.4), flat(0.15), flat(0.06), flat(0.01)],
  attributes: {},
  ...over,
});
const cell30 = 30; // female, age 30
const male30 = AGES + 30;

describe('binomial insurance years', () => {
  it('matches hand-computed binomial tails', () => {
    // P(Bin(4, 0.5) ≥ 3) = (4 + 1) / 16
    expect(binomialAtLeast(4, 0.5, 3)).toBeCloseTo(5 / 16, 15);
    // P(Bin(3, 0.2) ≥ 1) = 1 − 0.8³
    expect(binomialAtLeast(3, 0.2, 1)).toBeCloseTo(1 - 0.512, 15);
    // P(Bin(5, 0.3) ≥ 5) = 0.3⁵
    expect(binomialAtLeast(5, 0.3, 5)).toBeCloseTo(0.00243, 15);
    expect(binomialAtLeast(2, 0.9, 3)).toBe(0);
    expect(binomialAtLeast(2, 0.9, 0)).toBe(1);
    expect(binomialAtLeast(6, 1, 6)).toBe(1);
    expect(binomialAtLeast(6, 0, 1)).toBe(0);
  });
});

describe('conditions, cell by cell', () => {
  const A = attrs();
  it('residence ≥ N is exact in duration', () => {
    expect(conditionProbability({ type: 'residence', years: 3 }, A, 2, cell30)).toBe(0);
    expect(conditionProbability({ type: 'residence', years: 3 }, A, 3, cell30)).toBe(1);
  });
  it('insurance ≥ N uses d + 1 insured-year trials', () => {
    // d = 2 ⇒ 3 trials at p = 0.5: P(≥ 2) = 4/8.
    expect(conditionProbability({ type: 'insurance', years: 2, counting: 'cumulative' }, A, 2, cell30)).toBeCloseTo(
      0.5,
      15,
    );
    // Continuous: the last two of the three years both covered, 1/4.
    expect(conditionProbability({ type: 'insurance', years: 2, counting: 'continuous' }, A, 2, cell30)).toBeCloseTo(
      0.25,
      15,
    );
  });
  it('persistent coverage (stay > coverage) makes many insured years rarer, a few more likely', () => {
    const P = attrs({ insuranceStay: 0.9 });
    const cum = (n: number, a: GroupAttributes) =>
      conditionProbability({ type: 'insurance', years: n, counting: 'cumulative' }, a, 9, cell30);
    // Ten years at coverage 0.5: the expected insured years stay 5, the spread widens.
    expect(cum(10, P)).toBeGreaterThan(cum(10, A));
    expect(cum(2, P)).toBeLessThan(cum(2, A));
  });
  it('employment and education read the attribute of the cell', () => {
    expect(conditionProbability({ type: 'employment' }, A, 0, male30)).toBe(0.7);
    expect(conditionProbability({ type: 'education', level: 'college' }, A, 0, cell30)).toBe(0.15);
    expect(conditionProbability({ type: 'education', level: 'postgraduate' }, A, 0, cell30)).toBe(0.01);
  });
  it('housing: ownership rises with duration toward its long-run share; rented housing adds when allowed', () => {
    // d = 4 = one half-life: 0.4 × (0.25 + 0.75 × 0.5) = 0.25
    expect(ownership(A, cell30, 4)).toBeCloseTo(0.25, 15);
    expect(conditionProbability({ type: 'housing', rentedCounts: false }, A, 4, cell30)).toBeCloseTo(0.25, 15);
    expect(conditionProbability({ type: 'housing', rentedCounts: true }, A, 4, cell30)).toBeCloseTo(0.45, 15);
    expect(conditionProbability({ type: 'property', areaShare: 0.8 }, A, 4, cell30)).toBeCloseTo(0.2, 15);
  });
  it('age limits are inclusive', () => {
    expect(conditionProbability({ type: 'age', min: 18, max: 35 }, A, 0, AGES + 35)).toBe(1);
    expect(conditionProbability({ type: 'age', min: 18, max: 35 }, A, 0, AGES + 36)).toBe(0);
  });
});

describe('points: exact sum over education and insurance years', () => {
  const cond: PointsCondition = {
    type: 'points',
    threshold: 60,
    base: 0,
    education: [0, 20, 40, 60, 80],
    perResidenceYear: 5,
    maxResidenceYears: 10,
    perInsuranceYear: 10,
    maxInsuranceYears: 10,
    agePoints: new Float64Array(AGES).fill(0),
  };
  it('matches a hand enumeration', () => {
    // d = 1: residence 5 points; insured years k ~ Bin(2, 0.5): 0, 1, 2 with 1/4, 1/2, 1/4.
    // Exact levels: none 0.6, secondary 0.25, college 0.09, bachelor 0.05, postgraduate 0.01.
    // Need edu + 5 + 10k ≥ 60:
    //   none (0): k ≥ 5.5 → 0;  secondary (20): k ≥ 3.5 → 0;  college (40): k ≥ 1.5 → 1/4;
    //   bachelor (60): always → 1;  postgraduate: always → 1.
    const expected = 0.09 * 0.25 + 0.05 + 0.01;
    expect(pointsProbability(cond, attrs(), 1, cell30)).toBeCloseTo(expected, 15);
  });
  it('caps residence and insurance points', () => {
    const capped = { ...cond, maxResidenceYears: 0, maxInsuranceYears: 1 };
    // At most 10 points from insurance: only bachelor+ (60, 80) pass.
    expect(pointsProbability(capped, attrs(), 8, cell30)).toBeCloseTo(0.06, 15);
  });
  it('adds age points', () => {
    const agePoints = new Float64Array(AGES);
    agePoints[30] = 100;
    expect(pointsProbability({ ...cond, agePoints }, attrs(), 0, cell30)).toBeCloseTo(1, 15);
    expect(pointsProbability({ ...cond, agePoints }, attrs(), 0, cell30 + 1)).toBeLessThan(1);
  });
});

describe('channels', () => {
  it('multiplies conditions within a channel, per group and duration', () => {
    const A = attrs();
    const B = attrs({ employment: flat(0.5) });
    const e = channelEligibility([{ type: 'employment' }, { type: 'residence', years: 2 }], [A, B], 4);
    expect(e[(0 * 4 + 1) * SA + cell30]).toBe(0);
    expect(e[(0 * 4 + 2) * SA + cell30]).toBe(0.7);
    expect(e[(1 * 4 + 3) * SA + cell30]).toBe(0.5);
  });
  it('combines channels between independence (κ = 0) and full overlap (κ = 1)', () => {
    const p1 = Float64Array.of(0.5, 0, 0.2);
    const p2 = Float64Array.of(0.4, 0, 0.2);
    const ind = combineChannels([p1, p2], 0, 3);
    expect(ind.eligible[0]).toBeCloseTo(1 - 0.5 * 0.6, 15);
    expect(ind.eligible[1]).toBe(0);
    const full = combineChannels([p1, p2], 1, 3);
    expect(full.eligible[0]).toBeCloseTo(0.5, 15);
    const half = combineChannels([p1, p2], 0.5, 3);
    expect(half.eligible[0]).toBeCloseTo(0.5 * 0.7 + 0.5 * 0.5, 15);
    // Attribution in proportion to each channel's eligibility.
    expect(ind.shares[0]).toBeCloseTo(0.5 / 0.9, 15);
    expect(ind.shares[3]).toBeCloseTo(0.4 / 0.9, 15);
    expect(ind.shares[1] + ind.shares[4]).toBe(0);
  });
});

describe('attribute conditions and closed channels', () => {
  // Skill certificates held by 30 % of women and 20 % of men at 25–44, by nobody else.
  const skill = new Float64Array(SA);
  for (let a = 25; a <= 44; a++) {
    skill[a] = 0.3;
    skill[AGES + a] = 0.2;
  }
  const a = attrs({ attributes: { skill } });
  it('gives the share holding the attribute, times the share meeting the clause, by hand', () => {
    expect(conditionProbability({ type: 'attribute', name: 'skill', share: 1 }, a, 3, cell30)).toBeCloseTo(0.3, 15);
    expect(conditionProbability({ type: 'attribute', name: 'skill', share: 0.5 }, a, 3, male30)).toBeCloseTo(0.1, 15);
    expect(conditionProbability({ type: 'attribute', name: 'skill', share: 1 }, a, 3, 50)).toBe(0);
    // An attribute a group does not hold: nobody.
    expect(conditionProbability({ type: 'attribute', name: 'veteran', share: 1 }, a, 3, cell30)).toBe(0);
  });
  it('multiplies with the other conditions of the channel, cell by cell', () => {
    const e = channelEligibility(
      [{ type: 'attribute', name: 'skill', share: 0.5 }, { type: 'employment' }, { type: 'residence', years: 2 }],
      [a, a],
      4,
    );
    // d = 3 ≥ 2 years: 0.3 × 0.5 × employment 0.7 for a woman of 30; d = 1: nobody.
    expect(e[3 * SA + cell30]).toBeCloseTo(0.3 * 0.5 * 0.7, 15);
    expect(e[1 * SA + cell30]).toBe(0);
    expect(e[(4 + 3) * SA + male30]).toBeCloseTo(0.2 * 0.5 * 0.7, 15);
  });
  it('a closed channel admits nobody', () => {
    const e = channelEligibility([{ type: 'closed' }], [a, a], 4);
    expect(e.every((x) => x === 0)).toBe(true);
  });
});
