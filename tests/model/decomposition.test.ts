import { describe, expect, it } from 'vitest';
import { decompose, durationShares } from '../../src/model/decomposition';
import { SA } from '../../src/model/dims';
import { stateTotals } from '../fixtures/invariants';
import { makeLayout } from '../../src/model/dims';

const dims = { zones: 2, durations: 6 };
const base = {
  dims,
  residentPop: 4_701_400,
  urbanResidentPop: 3_291_000,
  hukouPop: 3_708_500,
  urbanHukouPop: 2_150_930,
  nonLocalResidents: null,
  nonLocalRuralResidents: 0,
  residentStructure: new Float64Array(SA).fill(1),
  ruralStructure: null,
  migrantProfile: Float64Array.from({ length: SA }, (_, i) => (i % 101 >= 16 && i % 101 < 60 ? 1 : 0.1)),
  awayShareOfHukou: 0.03,
  awayUrbanShare: 0.5,
  urbanZoneShares: Float64Array.of(0.7, 0.3),
  nonLocalZoneShares: Float64Array.of(0.8, 0.2),
  durationMeanYears: [6, 4] as const,
  awayDurationMeanYears: 5,
};

describe('base-year decomposition', () => {
  it('reproduces every published total exactly when no state is negative', () => {
    const r = decompose(base);
    expect(r.warnings).toEqual([]);
    for (const v of Object.values(r.residual)) expect(Math.abs(v)).toBeLessThan(1e-6);
    const t = stateTotals(makeLayout(dims), r.state);
    expect(t[0] + t[1] + t[2] + t[3]).toBeCloseTo(base.residentPop, 4);
    expect(t[0] + t[1] + t[3] + t[4] + t[5]).toBeCloseTo(base.hukouPop, 4);
    expect(t[0] + t[4]).toBeCloseTo(base.urbanHukouPop, 4);
    // Hand check: AW = 0.03 H, N = R − H + AW.
    expect(r.totals.UN).toBeCloseTo(4_701_400 - 3_708_500 + 0.03 * 3_708_500, 6);
  });
  it('gives RA the rural structure when it is known, and keeps every total', () => {
    const rural = Float64Array.from({ length: SA }, (_, i) => (i % 101 >= 60 ? 3 : 1));
    const r = decompose({ ...base, ruralStructure: rural });
    const L = makeLayout(dims);
    // RA follows the rural shape exactly: age 70 has three times the people of age 30.
    expect(r.state[L.ra + 70] / r.state[L.ra + 30]).toBeCloseTo(3, 12);
    for (const v of Object.values(r.residual).slice(0, 6)) expect(Math.abs(v)).toBeLessThan(1e-6);
  });

  it('puts the given non-local villagers in RN, out of UN and RA, keeping every total', () => {
    const r0 = decompose(base);
    const r = decompose({ ...base, nonLocalRuralResidents: 200_000 });
    expect(r.totals.RN).toBe(200_000);
    expect(r.totals.UN).toBeCloseTo(r0.totals.UN - 200_000, 6);
    expect(r.totals.RA).toBeCloseTo(r0.totals.RA - 200_000, 6);
    // UA takes the residents the smaller UN leaves in towns.
    expect(r.totals.UA).toBeCloseTo(r0.totals.UA + 200_000, 6);
    for (const v of Object.values(r.residual).slice(0, 6)) expect(Math.abs(v)).toBeLessThan(1e-6);
    const t = stateTotals(makeLayout(dims), r.state);
    expect(t[6]).toBeCloseTo(200_000, 4);
    expect(t[0] + t[1] + t[2] + t[3] + t[6]).toBeCloseTo(base.residentPop, 4);
  });

  it('uses the published non-local count when given', () => {
    const r = decompose({ ...base, nonLocalResidents: 1_100_000 });
    expect(r.totals.AWU + r.totals.AWR).toBeCloseTo(3_708_500 + 1_100_000 - 4_701_400, 6);
  });
  it('clamps impossible states to zero, says so and reports the residual', () => {
    const r = decompose({ ...base, urbanHukouPop: 3_000_000 });
    expect(r.warnings.join(' ')).toMatch(/rural-registered urban residents/);
    expect(r.totals.UA).toBe(0);
    expect(r.residual.urbanResidentPop).toBeGreaterThan(0);
  });
  it('spreads durations geometrically with the given mean, the tail in the open bin', () => {
    const s = durationShares(6, 4);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    const q = 4 / 5;
    expect(s[0]).toBeCloseTo(1 - q, 15);
    expect(s[5]).toBeCloseTo(q ** 5, 15);
  });
});
