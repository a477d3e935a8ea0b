import { describe, expect, it } from 'vitest';
import { AGES, makeLayout, SA } from '../../src/model/dims';
import { combineChannels } from '../../src/model/eligibility';
import type { CompiledChannel, ModelInput, ZonePolicy } from '../../src/model/input';
import { makeSettlementScratch, settle } from '../../src/model/settlement';
import { compileScenario } from '../../src/scenario/compile';
import { validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { syntheticScenario } from '../fixtures/synthetic';

function oneSettlement(follow: number, quota?: number) {
  let s = syntheticScenario({ zones: 2, durations: 8 });
  s = setAt(s, '/willingness/familyFollow', follow);
  if (quota !== undefined) s = setAt(s, '/policy/zones/core/channels/0/quota', quota);
  const { input } = compileScenario(validateScenario(s));
  return settleOnce(input);
}

function settleOnce(input: ModelInput) {
  const L = makeLayout(input.dims);
  const n = input.steps + 1;
  const C = input.channelIds.length;
  const sinks = {
    byChannel: new Float64Array(C * n),
    demandByChannel: new Float64Array(C * n),
    cutoff: new Float64Array((input.cutoffKeys?.length ?? 0) * n).fill(NaN),
    byOrigin: new Float64Array(2 * n),
    byZone: new Float64Array(2 * n),
    byZoneGroup: new Float64Array(4 * n),
    byAge: new Float64Array(n * 2 * 2 * AGES),
    byAgeUN: new Float64Array(n * 2 * AGES),
    ledger: new Float64Array(input.steps * 36),
    stride: n,
  };
  const before = input.initial.slice();
  const after = input.initial.slice();
  const total = settle(input, L, 0, after, makeSettlementScratch(input), sinks);
  return { input, L, before, after, total, sinks, n, C };
}

describe('settlement', () => {
  it('moves children and the old at the adults’ population-weighted mean hazard × familyFollow', () => {
    const { input, L, before, after } = oneSettlement(0.5);
    const period = input.periods[input.periodOfStep[0]];
    const z = 0;
    const g = 1; // UN
    const d = 5;
    const D = input.dims.durations;
    const off = L.un(z, d);
    const drive = ((0 * 2 + g) * input.dims.zones + z) * 2 * AGES;
    let pop = 0;
    let popH = 0;
    for (let s = 0; s < 2; s++)
      for (let a = 20; a <= 59; a++) {
        const i = s * AGES + a;
        const h = Math.min(1, input.settleDrive[drive + i] * period.zones[z].eligible[(g * D + d) * 2 * AGES + i]);
        pop += before[off + i];
        popH += before[off + i] * h;
      }
    const expected = Math.min(1, (popH / pop) * 0.5);
    expect(expected).toBeGreaterThan(0);
    for (const a of [0, 5, 17, 60, 80]) {
      expect(1 - after[off + a] / before[off + a]).toBeCloseTo(expected, 12);
      expect(1 - after[off + AGES + a] / before[off + AGES + a]).toBeCloseTo(expected, 12);
    }
  });

  it('moves nobody of the dependants when familyFollow is 0, and adults at their own hazard', () => {
    const { L, before, after } = oneSettlement(0);
    const off = L.ua(1, 3);
    expect(after[off + 10]).toBe(before[off + 10]);
    expect(after[off + 30]).toBeLessThan(before[off + 30]);
  });

  it('adds up: channels, origins and zones each sum to the settlers, who all land in UH', () => {
    const { L, before, after, total, sinks, n, C } = oneSettlement(1);
    const sum = (a: Float64Array, parts: number) =>
      Array.from({ length: parts }, (_, j) => a[j * n + 1]).reduce((x, y) => x + y, 0);
    expect(total).toBeGreaterThan(0);
    expect(sum(sinks.byChannel, C)).toBeCloseTo(total, 6);
    expect(sum(sinks.byOrigin, 2)).toBeCloseTo(total, 6);
    expect(sum(sinks.byZone, 2)).toBeCloseTo(total, 6);
    let gainedUH = 0;
    for (let z = 0; z < 2; z++) for (let i = 0; i < 2 * AGES; i++) gainedUH += after[L.uh(z) + i] - before[L.uh(z) + i];
    expect(gainedUH).toBeCloseTo(total, 6);
  });

  it('holds a binding quota exactly and reports the unmet demand', () => {
    const free = oneSettlement(1);
    const ci = free.input.channelIds.indexOf('job-housing');
    const zoneDemand = free.sinks.byChannel[ci * free.n + 1] / 2; // two zones alike
    const quota = zoneDemand / 3;
    const q = oneSettlement(1, quota);
    // Core is capped at the quota, the other zone is not.
    expect(q.sinks.byChannel[ci * q.n + 1]).toBeCloseTo(quota + zoneDemand, 6);
    // Core's demand on the quota channel is only those no free channel admits: less than its p_c share, above the quota.
    const coreDemand = q.sinks.demandByChannel[ci * q.n + 1] - zoneDemand;
    expect(coreDemand).toBeGreaterThan(quota);
    expect(coreDemand).toBeLessThan(zoneDemand);
    expect(q.total).toBeLessThan(free.total);
  });

  it('counts only applicants against a quota that says so: their dependants follow outside it', () => {
    const free = oneSettlement(1);
    const ci = free.input.channelIds.indexOf('job-housing');
    const quota = free.sinks.byChannel[ci * free.n + 1] / 2 / 3;
    const withQuota = (counts: 'everyone' | 'applicants') => {
      let s = syntheticScenario({ zones: 2, durations: 8 });
      s = setAt(s, '/willingness/familyFollow', 1);
      s = setAt(s, '/policy/zones/core/channels/0/quota', quota);
      s = setAt(s, '/policy/zones/core/channels/0/quotaCounts', counts);
      return settleOnce(compileScenario(validateScenario(s)).input);
    };
    const everyone = withQuota('everyone');
    const applicants = withQuota('applicants');
    // Dependants no longer use up places: the quota admits more people in all; who would settle without
    // it (the reported demand) is the same.
    expect(applicants.sinks.byChannel[ci * applicants.n + 1]).toBeGreaterThan(
      everyone.sinks.byChannel[ci * everyone.n + 1],
    );
    expect(applicants.sinks.demandByChannel[ci * applicants.n + 1]).toBeCloseTo(
      everyone.sinks.demandByChannel[ci * everyone.n + 1],
      9,
    );
    expect(applicants.total).toBeGreaterThan(everyone.total);
    expect(applicants.total).toBeLessThanOrEqual(free.total + 1e-9);
  });

  describe('a binding quota limits only those no free channel admits', () => {
    // One zone, one cell: 1,000 men aged 30 and 200 men aged 70 (dependants) in UN at d = 3. Two independent
    // channels (κ = 0): `points`, p = 0.6 with a quota, and `talent`, p = 0.5 without; 0.3 qualify for both.
    const D = 4;
    const cells = 2 * D * SA;
    const base = compileScenario(validateScenario(syntheticScenario({ zones: 1, durations: D }))).input;
    const constant = (v: number) => new Float64Array(cells).fill(v);
    const channel = (id: string, index: number, p: number, quota: number | null): CompiledChannel => ({
      id,
      channelIndex: index,
      eligibility: constant(p),
      quota: quota === null ? null : new Float64Array(base.steps).fill(quota),
    });
    const L = makeLayout(base.dims);
    const run = (drive: number, quota: number | null, withPoints = true) => {
      const talent = channel('talent', 1, 0.5, null);
      const channels = withPoints ? [channel('points', 0, 0.6, quota), talent] : [talent];
      const zone: ZonePolicy = {
        channels,
        ...combineChannels(
          channels.map((c) => c.eligibility),
          0,
          cells,
          channels.map((c) => c.quota !== null),
        ),
      };
      const initial = new Float64Array(L.size);
      initial[L.un(0, 3) + AGES + 30] = 1000;
      initial[L.un(0, 3) + AGES + 70] = 200;
      const input: ModelInput = {
        ...base,
        channelIds: ['points', 'talent'],
        initial,
        periods: [{ channelOverlap: 0, zones: [zone] }],
        periodOfStep: new Int32Array(base.steps),
        settleDrive: new Float64Array(base.settleDrive.length).fill(drive),
        familyFollow: new Float64Array(base.steps).fill(1),
      };
      return settleOnce(input);
    };
    const settled = (r: ReturnType<typeof run>, c: number) => r.sinks.byChannel[c * r.n + 1];
    const demanded = (r: ReturnType<typeof run>, c: number) => r.sinks.demandByChannel[c * r.n + 1];

    // Hazards: all = min(1, drive·0.8), free = min(1, drive·0.5); the quota part is their difference.
    // drive 0.5: adults 250 free + 150 quota; dependants at the adults' 0.4 follow their mix: 50 free + 30 quota.
    //   Quota 60 of a demand of 180: factor 1/3, settlers 300 + 60.
    // drive 1.5 (the hazard saturates): adults 750 free + 250 quota; dependants at 1: 150 free + 50 quota.
    //   Quota 60 of a demand of 300: factor 1/5, settlers 900 + 60.
    for (const { drive, free, demand } of [
      { drive: 0.5, free: 300, demand: 180 },
      { drive: 1.5, free: 900, demand: 300 },
    ]) {
      it(`at speed × willingness ${drive}: the free channel is not cut, the quota channel admits its quota`, () => {
        const r = run(drive, 60);
        expect(demanded(r, 0)).toBeCloseTo(demand, 9);
        expect(settled(r, 0)).toBeCloseTo(60, 9);
        expect(demanded(r, 1)).toBeCloseTo(free, 9);
        expect(settled(r, 1)).toBeCloseTo(free, 9);
        expect(r.total).toBeCloseTo(free + 60, 9);
        // The free channel admits as many as it would alone, without the points channel.
        const alone = run(drive, null, false);
        expect(alone.total).toBeCloseTo(free, 9);
        expect(settled(r, 1)).toBeCloseTo(alone.total, 9);
        // Dependants follow the adults' mix and factors: the same share of them settles as of the adults.
        const off = L.un(0, 3) + AGES;
        const adultShare = (r.before[off + 30] - r.after[off + 30]) / r.before[off + 30];
        const depShare = (r.before[off + 70] - r.after[off + 70]) / r.before[off + 70];
        expect(depShare).toBeCloseTo(adultShare, 12);
        expect(r.after[off + 30] + r.after[off + 70]).toBeCloseTo(1200 - free - 60, 9);
      });
    }

    it('a quota that does not bind changes no one’s settlement, only the attribution', () => {
      const unlimited = run(0.5, null);
      const loose = run(0.5, 1000);
      expect(loose.total).toBe(unlimited.total);
      expect(loose.after).toEqual(unlimited.after);
      // Without a quota the 480 are attributed in proportion to p: 0.6 / 1.1 and 0.5 / 1.1.
      expect(settled(unlimited, 0)).toBeCloseTo((480 * 6) / 11, 9);
      // With one, the free channel takes everyone it admits (300) and the points channel the rest (180).
      expect(settled(loose, 0)).toBeCloseTo(180, 9);
      expect(settled(loose, 1)).toBeCloseTo(300, 9);
    });
  });
});
