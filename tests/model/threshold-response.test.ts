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

    const monotone = () => {
      const r = sweep(c);
      for (let k = 1; k < r.length; k++)
        expect(r[k].settlers, `${describeSettlers(r)}`).toBeLessThanOrEqual(r[k - 1].settlers * (1 + 1e-9) + 1e-6);
    };
    if (!c.quota) it(`${name}: settlers never rise as the threshold rises`, monotone, SWEEP_TIMEOUT_MS);
    // Known defect (settlement.ts): a binding quota scales each channel's share of a cell, so people who also
    // qualify through an unrestricted channel are turned away with the quota channel's share. A lower
    // threshold puts more of them into the quota channel, and settlers *fall*. 广州's points channel: settlers
    // rise from 0 to 6–8 years, then fall. Without the quota the response is monotone. When the attribution
    // is fixed this expected failure starts to pass: make it a plain `it` then.
    else
      it.fails(
        `${name}: KNOWN DEFECT, quota-bound channel: settlers rise with the threshold while the quota binds`,
        monotone,
        SWEEP_TIMEOUT_MS,
      );
  }
});
