/**
 * Threshold response (issue 11): in every preset, raising an insurance-years
 * threshold never raises the settlers of the lever's zone, and its top
 * setting visibly lowers them against no threshold at all. The sweep is the
 * one of scripts/threshold-response.ts (THRESHOLD-RESPONSE.md).
 */
import { describe, expect, it } from 'vitest';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { loadScenario } from '../../src/scenario/load';
import { getAt } from '../../src/scenario/pointer';
import {
  presetIds,
  readPreset,
  responseAt,
  sweepSettings,
  thresholdLevers,
  type ResponsePoint,
  type ThresholdLever,
} from '../../scripts/threshold-response';

const SWEEP_TIMEOUT_MS = 120_000;

interface Case {
  readonly preset: string;
  readonly lever: ThresholdLever;
  /** The lever's channel has an annual quota. */
  readonly quota: boolean;
  readonly raw: unknown;
}

const load = nodeDataLoader();
const cases: Case[] = presetIds().flatMap((preset) => {
  const raw = readPreset(preset);
  const s = loadScenario(raw, load);
  return thresholdLevers(s)
    .filter((l) => l.kind === 'insurance')
    .map((lever) => {
      const channel = lever.pointer.replace(/\/conditions\/\d+\/years$/, '');
      const quota = getAt(s, `${channel}/quota`);
      return { preset, lever, quota: quota !== undefined && quota !== null, raw };
    });
});

/** Memoised sweeps: each (preset, lever) is run once for both tests. */
const sweeps = new Map<Case, ResponsePoint[]>();
const sweep = (c: Case) => {
  let r = sweeps.get(c);
  if (!r) {
    r = sweepSettings(c.lever).map((v) => responseAt(c.raw, load, c.lever, v));
    sweeps.set(c, r);
  }
  return r;
};

const describeSettlers = (r: readonly ResponsePoint[]) =>
  r.map((p) => `${p.setting}: ${Math.round(p.settlers)}`).join(', ');

describe('insurance-years thresholds and the settlers of their zone', () => {
  it('finds the insurance levers of the presets', () => {
    // 常州 (core, county), the nation (large, medium), document 001 (core), 广州 (core, county, town).
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of cases) {
    const name = `${c.preset} ${c.lever.pointer}`;

    it(
      `${name}: the top of the range (${c.lever.max} years) visibly lowers settlers against 0`,
      () => {
        const r = sweep(c);
        const first = r[0];
        const last = r[r.length - 1];
        expect(first.setting).toBe(0);
        expect(last.setting).toBe(c.lever.max);
        // "Visibly": at least 1 % fewer settlers in the zone.
        expect(last.settlers, describeSettlers(r)).toBeLessThan(0.99 * first.settlers);
      },
      SWEEP_TIMEOUT_MS,
    );

    const monotone = (relTol: number) => () => {
      const r = sweep(c);
      for (let k = 1; k < r.length; k++)
        expect(r[k].settlers, `${describeSettlers(r)}`).toBeLessThanOrEqual(r[k - 1].settlers * (1 + relTol) + 1e-6);
    };
    // Quota-bound channels too: a binding quota limits only those whom no free channel admits (settlement.ts),
    // so in any one year a stricter quota channel lets no one more through the free ones (settlers = free + quota).
    // Across years a residue remains: cells are homogeneous, so the quota's settlers, though by construction not
    // eligible for a free channel, leave their cell as a cross-section of it, and which cells the quota draws from
    // (shorter durations at a low threshold) changes later years' free settlers. In 广州 it is at most 4e-5 of the
    // zone's settlers per step of the sweep (the attribution defect this test caught was +5 %): tolerance 1e-3.
    it(
      `${name}: settlers never rise as the threshold rises${c.quota ? ' (quota-bound channel)' : ''}`,
      monotone(c.quota ? 1e-3 : 1e-9),
      SWEEP_TIMEOUT_MS,
    );
  }
});
