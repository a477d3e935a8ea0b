/**
 * The register's doors (src/model/registration.ts): each reason's flow against a hand-computed value, the
 * identity hukouPop(t) = hukouPop(t−1) + hukouBirths − hukouDeaths + registrationIn − registrationOut, and
 * what follows from the settlers' origin (rewards and land only for agricultural transfer settlers).
 */
import { describe, expect, it } from 'vitest';
import { runResolved } from '../../src/scenario/run';
import { validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import type { RegistrationSpec, Scenario } from '../../src/scenario/schema';
import { syntheticScenario } from '../fixtures/synthetic';

const zeroFlows = (s: Scenario): RegistrationSpec => ({
  student: {
    entrantsPerYear: 0,
    stayShare: 1,
    yearsOfStudy: 4,
    zoneShares: Object.fromEntries(s.zones.map((z, i) => [z.id, i === 0 ? 1 : 0])),
  },
  family: { rate: 0, open: 1, profile: [{ from: 0, to: 100, value: 1 }] },
  transfer: { personsPerYear: 0, zoneShares: Object.fromEntries(s.zones.map((z) => [z.id, 1 / s.zones.length])) },
  other: { personsPerYear: 0, ruralShare: 0 },
  away: { initial: 0, longRun: 0, halfLifeYears: 0 },
  otherOut: { rate: 0 },
  urbanElsewhereShare: 0,
});

function run(edit: (r: RegistrationSpec, s: Scenario) => void, more: Record<string, unknown> = {}) {
  let s = syntheticScenario({ until: 2025 });
  const r = zeroFlows(s);
  edit(r, s);
  s = setAt(s, '/registration', r);
  for (const [p, v] of Object.entries(more)) s = setAt(s, p, v);
  return runResolved(validateScenario(s)).result;
}

const flows = (a: (number | null)[]) => a.slice(1) as number[];

describe('registration flows, reason by reason', () => {
  it('transfers arrive as set, and every move-in of a settler registered elsewhere counts', () => {
    const res = run((r) => (r.transfer.personsPerYear = 12_000));
    const s = res.series;
    for (const x of flows(s.registrationInByReason.transfer)) expect(x).toBeCloseTo(12_000, 6);
    flows(s.registrationIn).forEach((x, j) =>
      expect(x).toBeCloseTo(12_000 + (s.settlersByOrigin.elsewhere[j + 1] as number), 4),
    );
    // Local rural settlers change the type of their registration, not the register's size.
    expect(flows(s.settlersByOrigin.localRural).some((x) => x > 0)).toBe(true);
  });

  it('students: entrants in, and the graduates who do not stay out, yearsOfStudy later', () => {
    const res = run((r) => {
      r.student.entrantsPerYear = 5_000;
      r.student.stayShare = 0.4;
    });
    for (const x of flows(res.series.registrationInByReason.student)) expect(x).toBeCloseTo(5_000, 6);
    // The path is constant, so every year's graduates are 5,000 × (1 − 0.4) (UH holds far more at ages 22–24).
    for (const x of flows(res.series.registrationOutByReason.student)) expect(x).toBeCloseTo(3_000, 6);
  });

  it('people living away move their registration out at the hazard of their years away', () => {
    const h = 0.1;
    const res = run(
      (r) => (r.away = { initial: h, longRun: h, halfLifeYears: 0 }),
      // Nobody leaves or returns, so the away stocks change only by survival, births and this door.
      {
        '/migration/away/leaveUrban': 0,
        '/migration/away/leaveRural': 0,
        '/migration/away/returnUrban': 0,
        '/migration/away/returnRural': 0,
      },
    );
    const s = res.series;
    flows(s.registrationOutByReason.away).forEach((x, j) => {
      const after = (s.stockAWU[j + 1] as number) + (s.stockAWR[j + 1] as number);
      expect(x).toBeCloseTo((after * h) / (1 - h), 4);
    });
  });

  it('the hazard by years away: a rising hazard takes fewer of the recently left than a flat one at its end', () => {
    const rising = run((r) => (r.away = { initial: 0, longRun: 0.2, halfLifeYears: 3 })).series;
    const flat = run((r) => (r.away = { initial: 0.2, longRun: 0.2, halfLifeYears: 0 })).series;
    expect(rising.registrationOutByReason.away[1]!).toBeGreaterThan(0);
    expect(rising.registrationOutByReason.away[1]!).toBeLessThan(flat.registrationOutByReason.away[1]!);
  });

  it('a rural registration moves out at its relative hazard: at 0 only urban registrations leave', () => {
    const h = 0.1;
    const none = run((r) => (r.away = { initial: h, longRun: h, halfLifeYears: 0, ruralRelative: 0 })).series;
    const all = run((r) => (r.away = { initial: h, longRun: h, halfLifeYears: 0, ruralRelative: 1 })).series;
    const base = run(() => {}).series;
    // Only the urban-registered away left the register: the rural ones are all still there.
    expect(none.stockAWR[1]).toBeCloseTo(base.stockAWR[1]!, 6);
    expect(none.stockAWU[1]!).toBeLessThan(base.stockAWU[1]!);
    expect(none.registrationOutByReason.away[1]!).toBeCloseTo(base.stockAWU[1]! - none.stockAWU[1]!, 4);
    expect(all.registrationOutByReason.away[1]!).toBeGreaterThan(none.registrationOutByReason.away[1]!);
  });

  it('family reunion is a rate on the registered urban residents, scaled by how far the package opens it', () => {
    const open = run((r) => (r.family = { ...r.family, rate: 0.01, open: 1 })).series;
    const half = run((r) => (r.family = { ...r.family, rate: 0.01, open: 0.5 })).series;
    const shut = run((r) => (r.family = { ...r.family, rate: 0.01, open: 0 })).series;
    // The first year's stocks before this part do not depend on it: exactly half.
    expect(half.registrationInByReason.family[1]!).toBeCloseTo(open.registrationInByReason.family[1]! / 2, 6);
    expect(flows(shut.registrationInByReason.family).every((x) => x === 0)).toBe(true);
    expect(open.registrationInByReason.family[1]!).toBeGreaterThan(0.005 * open.stockUH[0]!);
    expect(open.registrationInByReason.family[1]!).toBeLessThan(0.0105 * open.stockUH[0]!);
  });

  it('other move-ins can take a rural registration: the rural register grows', () => {
    const base = run(() => {}).series;
    const rural = run((r) => (r.other = { personsPerYear: 20_000, ruralShare: 1 })).series;
    expect(rural.stockRA[1]! - base.stockRA[1]!).toBeCloseTo(20_000, 4);
    expect(rural.urbanHukouPop[1]).toBeCloseTo(base.urbanHukouPop[1]!, 4);
  });

  it('other move-outs take registered residents out of both the register and the residents', () => {
    const base = run(() => {}).series;
    const out = run((r) => (r.otherOut.rate = 0.01)).series;
    const moved = out.registrationOutByReason.other[1]!;
    expect(moved).toBeGreaterThan(0);
    expect(base.hukouPop[1]! - out.hukouPop[1]!).toBeCloseTo(moved, 3);
    expect(base.residentPop[1]! - out.residentPop[1]!).toBeCloseTo(moved, 3);
  });

  it('keeps hukouPop(t) = hukouPop(t−1) + births − deaths + in − out with every door open', () => {
    const res = run((r) => {
      r.student.entrantsPerYear = 8_000;
      r.student.stayShare = 0.3;
      r.family.rate = 0.004;
      r.transfer.personsPerYear = 9_000;
      r.other = { personsPerYear: 3_000, ruralShare: 0.4 };
      r.away = { initial: 0.01, longRun: 0.08, halfLifeYears: 4 };
      r.otherOut.rate = 0.002;
      r.urbanElsewhereShare = 0.3;
    });
    const s = res.series;
    for (let i = 1; i < res.years.length; i++) {
      const rhs =
        s.hukouPop[i - 1]! + s.hukouBirths[i]! - s.hukouDeaths[i]! + s.registrationIn[i]! - s.registrationOut[i]!;
      expect(Math.abs(s.hukouPop[i]! - rhs)).toBeLessThan(1e-9 * s.hukouPop[i]!);
      const inSum = Object.values(s.registrationInByReason).reduce((t, v) => t + v[i]!, 0);
      const outSum = Object.values(s.registrationOutByReason).reduce((t, v) => t + v[i]!, 0);
      expect(inSum).toBeCloseTo(s.registrationIn[i]!, 4);
      expect(outSum).toBeCloseTo(s.registrationOut[i]!, 4);
      const detail = s.settlersByOriginDetail;
      expect(detail.localRural[i]! + detail.ruralElsewhere[i]! + detail.urbanElsewhere[i]!).toBeCloseTo(
        s.settlers[i]!,
        4,
      );
      expect(detail.urbanElsewhere[i]!).toBeCloseTo(0.3 * s.settlersByOrigin.elsewhere[i]!, 4);
    }
  });
});
