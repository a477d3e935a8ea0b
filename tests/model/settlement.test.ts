import { describe, expect, it } from 'vitest';
import { AGES, makeLayout } from '../../src/model/dims';
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
  const L = makeLayout(input.dims);
  const n = input.steps + 1;
  const C = input.channelIds.length;
  const sinks = {
    byChannel: new Float64Array(C * n),
    demandByChannel: new Float64Array(C * n),
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
    expect(q.sinks.demandByChannel[ci * q.n + 1]).toBeCloseTo(2 * zoneDemand, 6);
    expect(q.total).toBeLessThan(free.total);
  });
});
