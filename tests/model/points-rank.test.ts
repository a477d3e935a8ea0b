/**
 * Ranking by score under a points quota (积分排名): the grid of shares reaching each cut-off, against a hand
 * enumeration; and in a projection, a binding quota filled exactly, highest scores first, with the year's
 * cut-off reported, one pool and one cut-off for a city-wide quota.
 */
import { describe, expect, it } from 'vitest';
import { AGES, SA } from '../../src/model/dims';
import type { GroupAttributes, PointsCondition } from '../../src/model/eligibility';
import { pointsRanking, RANK_LEVELS } from '../../src/model/points-rank';
import { runResolved } from '../../src/scenario/run';
import { validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { syntheticScenario } from '../fixtures/synthetic';

const flat = (v: number) => new Float64Array(SA).fill(v);
const attrs: GroupAttributes = {
  // Everyone insured every year: the insured years are d + 1 for sure, so scores are fixed per education.
  insuranceCoverage: 1,
  insuranceStay: 1,
  employment: flat(1),
  ownershipLongRun: flat(0),
  ownershipAtArrival: 0,
  ownershipHalfLife: 1,
  legalRent: flat(0),
  educationAtLeast: [flat(1), flat(0.5), flat(0.25), flat(0)],
  attributes: {},
};
const cond: PointsCondition = {
  type: 'points',
  threshold: 50,
  base: 0,
  education: [0, 20, 40, 60, 80],
  perResidenceYear: 10,
  maxResidenceYears: 5,
  perInsuranceYear: 0,
  maxInsuranceYears: 0,
  agePoints: new Float64Array(AGES).fill(0),
};

describe('the ranking grid', () => {
  it('gives each cell the share reaching each cut-off, from a hand enumeration', () => {
    const D = 4;
    const r = pointsRanking(cond, [attrs, attrs], D)!;
    // Best score: 5 residence years × 10 + 80 (postgraduate) = 130; 24 steps of 80/24 from 50.
    expect(r.cutoffs[0]).toBe(50);
    expect(r.cutoffs[RANK_LEVELS]).toBeCloseTo(130, 12);
    const cells = 2 * D * SA;
    const at = (k: number, d: number, i: number) => r.ratio[k * cells + d * SA + i];
    // d = 3: 30 residence points; secondary 50 (share 0.5), college 70 (0.25), bachelor 90 (0.25): all reach 50.
    const i = 30;
    expect(at(0, 3, i)).toBe(1);
    expect(at(6, 3, i)).toBeCloseTo(0.5, 12); // s = 70: college and bachelor
    expect(at(7, 3, i)).toBeCloseTo(0.25, 12); // s = 73.3: bachelor only
    expect(at(12, 3, i)).toBeCloseTo(0.25, 12); // s = 90: bachelor (a score on a level counts)
    expect(at(13, 3, i)).toBe(0);
    // d = 0: 0 residence points; only bachelor (60) reaches 50, and it is everyone who does.
    expect(at(0, 0, i)).toBe(1);
    expect(at(3, 0, i)).toBe(1); // s = 60
    expect(at(4, 0, i)).toBe(0);
  });

  it('has no grid where no score can pass the minimum', () => {
    expect(pointsRanking({ ...cond, threshold: 200 }, [attrs, attrs], 4)).toBeNull();
  });
});

/** The points rule of the synthetic city's channel (scenario form). */
const POINTS = {
  type: 'points',
  threshold: 60,
  base: 0,
  education: { none: 0, secondary: 20, college: 40, bachelor: 60, postgraduate: 80 },
  perResidenceYear: 5,
  maxResidenceYears: 10,
  perInsuranceYear: 5,
  maxInsuranceYears: 10,
  agePoints: [{ from: 0, to: 100, value: 0 }],
};

/** The synthetic city with a points channel (quota `quota`) in every zone, or a city-wide quota. */
function pointsCity(
  quota: number | null,
  opts: { city?: number; order?: 'score' | 'proportional'; coreThreshold?: number } = {},
) {
  let s = syntheticScenario();
  const channel = {
    id: 'points',
    label: '积分',
    conditions: [POINTS],
    ...(quota !== null ? { quota } : {}),
    ...(opts.order ? { quotaOrder: opts.order } : {}),
  };
  for (const z of ['core', 'county', 'town']) s = setAt(s, `/policy/zones/${z}/channels`, [channel]);
  if (opts.coreThreshold !== undefined)
    s = setAt(s, '/policy/zones/core/channels/0/conditions/0/threshold', opts.coreThreshold);
  if (opts.city !== undefined) s = setAt(s, '/policy/cityQuotas', { points: opts.city });
  return runResolved(validateScenario(s)).result;
}

describe('a points quota in a projection', () => {
  const free = pointsCity(null);
  const demand = free.series.settlersByChannel.points[1]!;

  it('fills a binding quota exactly, reports the cut-off above the minimum, and leaves a slack one alone', () => {
    const quota = Math.round(demand / 6); // per zone: binding in every zone
    const ranked = pointsCity(quota);
    expect(ranked.series.settlersByChannel.points[1]).toBeCloseTo(3 * quota, 6);
    for (const z of ['core', 'county', 'town']) {
      const cut = ranked.series.quotaCutoff[`points@${z}`];
      expect(cut[0]).toBeNull();
      expect(cut[1]!).toBeGreaterThan(60);
    }
    const slack = pointsCity(demand * 10);
    expect(slack.series.settlersByChannel.points[1]).toBeCloseTo(demand, 6);
    expect(slack.series.quotaCutoff['points@core'][1]).toBe(60);
  });

  it('admits the highest scores first: more graduates and long stayers than all alike would', () => {
    const quota = Math.round(demand / 6);
    const ranked = pointsCity(quota);
    const alike = pointsCity(quota, { order: 'proportional' });
    expect(alike.series.settlersByChannel.points[1]).toBeCloseTo(ranked.series.settlersByChannel.points[1]!, 6);
    expect(alike.series.quotaCutoff).toEqual({});
    // Younger settlers score less (fewer years here, in this city's age profile of arrivals): ranking shifts the
    // settlers toward those who stayed longest, so their registered population differs from proportional.
    expect(ranked.series.hukouPop[1]).not.toBeCloseTo(alike.series.hukouPop[1]!, 0);
    // A tighter quota raises the cut-off.
    const tighter = pointsCity(Math.round(quota / 3));
    expect(tighter.series.quotaCutoff['points@core'][1]!).toBeGreaterThan(ranked.series.quotaCutoff['points@core'][1]!);
  });

  it('pools a city-wide quota over the zones: one total, one cut-off', () => {
    const city = Math.round(demand / 2);
    const r = pointsCity(null, { city });
    expect(r.series.settlersByChannel.points[1]).toBeCloseTo(city, 6);
    expect(Object.keys(r.series.quotaCutoff)).toEqual(['points']);
    expect(r.series.quotaCutoff.points[1]!).toBeGreaterThan(60);
  });

  it('ranks a city-wide pool by one score where the zones set different minimums (a planner moved one zone’s)', () => {
    const city = Math.round(demand / 2);
    const r = pointsCity(null, { city, coreThreshold: 80 });
    expect(r.series.settlersByChannel.points[1]).toBeCloseTo(city, 6);
    expect(r.series.quotaCutoff.points[1]!).toBeGreaterThan(60);
    // Raising the core zone's own minimum takes core applicants out: the city's cut-off falls.
    const same = pointsCity(null, { city });
    expect(r.series.quotaCutoff.points[1]!).toBeLessThan(same.series.quotaCutoff.points[1]!);
  });

  it('refuses a city-wide quota over channels of which some rank by score and some do not', () => {
    let s = syntheticScenario();
    for (const z of ['core', 'county', 'town'])
      s = setAt(s, `/policy/zones/${z}/channels`, [
        { id: 'points', label: '积分', conditions: [POINTS], ...(z === 'core' ? { quotaOrder: 'proportional' } : {}) },
      ]);
    s = setAt(s, '/policy/cityQuotas', { points: 1000 });
    expect(() => validateScenario(s)).toThrow(
      /\/policy\/zones\/county\/channels\/0: a city-wide quota \(\/policy\/cityQuotas\/points\) ranks its channels by score or admits them alike, not both/,
    );
  });
});
