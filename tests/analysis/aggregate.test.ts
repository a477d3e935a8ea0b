import { describe, expect, it } from 'vitest';
import {
  PERCENTILES,
  UncertaintyAggregator,
  type RunSummary,
  type UncertaintyPlan,
} from '../../src/analysis/aggregate';
import { rngFor } from '../../src/analysis/rng';

const plan: UncertaintyPlan = {
  years: [2015, 2016, 2017],
  series: ['a', 'flow'],
  targets: ['t1', 't2'],
  parameters: [{ pointer: '/x', mode: 'set', dist: { type: 'uniform', min: 0, max: 1 } }],
};

/** Run i of a synthetic analysis: values from its own stream, a flow unknown in the base year. */
function summary(i: number): RunSummary {
  const r = rngFor(99, i);
  const a = Float64Array.from(plan.years, (_, y) => y + r());
  const flow = Float64Array.from(plan.years, (_, y) => (y === 0 ? NaN : 100 * r()));
  return { index: i, values: { a, flow }, met: { t1: a[2] > 2.5, t2: null } };
}

/** A fixed shuffle of 0 … n − 1 (Fisher–Yates on a seeded stream). */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const r = rngFor(seed, 0);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe('UncertaintyAggregator', () => {
  it('gives the same snapshot to the byte whatever the order in which runs arrive', () => {
    const snapshots = [0, 1, 2].map((seed) => {
      const agg = new UncertaintyAggregator(plan, 300, 5);
      const order = seed === 0 ? Array.from({ length: 300 }, (_, i) => i) : shuffled(300, seed);
      for (const i of order) agg.add(summary(i));
      expect(agg.waiting).toBe(0);
      return JSON.stringify(agg.snapshot());
    });
    expect(snapshots[1]).toBe(snapshots[0]);
    expect(snapshots[2]).toBe(snapshots[0]);
  });

  it('counts runs completed from 0 without a gap, holding early ones back', () => {
    const agg = new UncertaintyAggregator(plan, 10, 5);
    agg.add(summary(2));
    agg.add(summary(1));
    expect(agg.completed).toBe(0);
    expect(agg.waiting).toBe(2);
    expect(agg.snapshot().runs).toBe(0);
    agg.add(summary(0));
    expect(agg.completed).toBe(3);
    expect(agg.waiting).toBe(0);
    const s = agg.snapshot();
    expect(s).toMatchObject({ runs: 3, completed: 3, requested: 10, seed: 5, years: plan.years });
    expect(s.parameters).toEqual(plan.parameters);
  });

  it('reports ordered percentiles, null where no run has a value, and target probabilities', () => {
    const agg = new UncertaintyAggregator(plan, 200, 5);
    let met = 0;
    for (let i = 0; i < 200; i++) {
      const s = summary(i);
      if (s.met.t1) met++;
      agg.add(s);
    }
    const snap = agg.snapshot();
    for (const name of plan.series)
      for (let y = 0; y < plan.years.length; y++) {
        const band = PERCENTILES.map((p) => snap.percentiles[`p${p}`][name][y]);
        if (name === 'flow' && y === 0) expect(band).toEqual([null, null, null, null, null]);
        else for (let k = 1; k < band.length; k++) expect(band[k]!).toBeGreaterThanOrEqual(band[k - 1]!);
      }
    expect(snap.targetProbability.t1).toBeCloseTo(met / 200, 10);
    expect(snap.targetProbability).not.toHaveProperty('t2'); // no run reached its year
    // The median of y + U(0,1) is near y + 0.5.
    expect(snap.percentiles.p50.a[1]).toBeCloseTo(1.5, 1);
  });

  it('refuses a run twice, out of range, or of the wrong length', () => {
    const agg = new UncertaintyAggregator(plan, 3, 5);
    agg.add(summary(0));
    expect(() => agg.add(summary(0))).toThrow(/twice/);
    agg.add(summary(2));
    expect(() => agg.add(summary(2))).toThrow(/twice/);
    expect(() => agg.add(summary(3))).toThrow(/outside/);
    const short = { ...summary(1), values: { a: new Float64Array(2), flow: new Float64Array(3) } };
    expect(() => agg.add(short)).toThrow(/series a has 2 values for 3 years/);
  });

  it('answers before any run with empty bands', () => {
    const snap = new UncertaintyAggregator(plan, 0, 1).snapshot();
    expect(snap.runs).toBe(0);
    expect(snap.percentiles.p5.a).toEqual([null, null, null]);
    expect(snap.targetProbability).toEqual({});
  });
});
