/**
 * Goal seek over several levers on the default scenario (常州 2016), whose gap target (5 points by 2020)
 * no single lever reaches: a set of six levers that does reach it (found, and confirmed by running the
 * setting), a set that does not (the closest setting, with each target's shortfall), the least-change and
 * least-cost objectives, and bad options named by flag.
 */
import { describe, expect, it } from 'vitest';
import { optimize } from '../../src/analysis/optimize';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { ValidationError } from '../../src/scenario/issues';
import { runScenario } from '../../src/scenario/run';

const load = nodeDataLoader();
const BOTH = ['resident-rate-2020', 'gap-2020'];
/** Settlement speed in the core and county seats, the core's insurance years, services, incentive, transfers. */
const REACHING = [
  '/willingness/speed/core',
  '/willingness/speed/county',
  '/policy/zones/core/channels/0/conditions/2/years',
  '/willingness/serviceLevel',
  '/willingness/incentive',
  '/registration/transfer/personsPerYear',
];

const issuesOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
};

describe('optimize', () => {
  it('finds a setting of six levers that meets both 2020 targets, and running it meets them', () => {
    const now = runScenario(DEFAULT_SCENARIO, load).result;
    expect(now.targets.find((t) => t.id === 'gap-2020')!.met).toBe(false);
    const r = optimize(DEFAULT_SCENARIO, load, [], { levers: REACHING, targets: BOTH });
    expect(r.met).toBe(true);
    expect(r.shortfall).toBe(0);
    expect(r.objective.metric).toBe('municipalNetCumulative');
    expect(r.objective.year).toBe(2020);
    const check = runScenario(DEFAULT_SCENARIO, load, r.overrides).result;
    for (const id of BOTH) expect(check.targets.find((t) => t.id === id)!.met).toBe(true);
    // The setting stays within every lever's range and on its grid of steps.
    for (const l of r.levers) {
      expect(l.to).toBeGreaterThanOrEqual(l.min);
      expect(l.to).toBeLessThanOrEqual(l.max);
      expect(Math.abs((l.to - l.min) / l.step - Math.round((l.to - l.min) / l.step))).toBeLessThan(1e-6);
    }
    expect(Object.keys(r.setting)).toEqual(REACHING);
    // Levers are named by their labels, never by pointer.
    expect(r.messageZh).toContain('年度落户转化率');
    expect(r.message).not.toContain('/willingness');
    expect(r.messageZh).not.toContain('/willingness');
  }, 60_000);

  it('says when the levers cannot meet every target, with the closest setting and each shortfall', () => {
    const r = optimize(DEFAULT_SCENARIO, load, [], {
      levers: ['/policy/zones/core/channels/0/conditions/2/years', '/willingness/serviceLevel'],
      targets: BOTH,
    });
    expect(r.met).toBe(false);
    const gap = r.targets.find((t) => t.id === 'gap-2020')!;
    expect(gap.met).toBe(false);
    expect(gap.shortfall).toBeGreaterThan(0);
    expect(r.shortfall).toBeCloseTo(gap.shortfall!, 9);
    // The closest setting narrows the gap from where it is now.
    expect(gap.value!).toBeLessThan(gap.currentValue!);
    expect(r.messageZh).toMatch(/未找到同时达到全部目标的设定/);
    expect(r.messageZh).toMatch(/差\d+\.\d\d个百分点/);
    expect(r.message).toMatch(/short by \d+\.\d\d points/);
  }, 60_000);

  it('with the targets met as set, keeps the setting under least change and lowers the cost under least cost', () => {
    const levers = ['/willingness/speed/core', '/willingness/incentive'];
    const still = optimize(DEFAULT_SCENARIO, load, [], {
      levers,
      targets: ['resident-rate-2020'],
      minimize: 'change',
    });
    expect(still.met).toBe(true);
    expect(still.objective.value).toBe(0);
    for (const l of still.levers) expect(l.to).toBe(l.from);
    const cheap = optimize(DEFAULT_SCENARIO, load, [], { levers, targets: ['resident-rate-2020'] });
    expect(cheap.met).toBe(true);
    expect(cheap.objective.value!).toBeLessThan(cheap.objective.current!);
  }, 60_000);

  it('names bad options by flag', () => {
    const issues = issuesOf(() =>
      optimize(DEFAULT_SCENARIO, load, [], {
        levers: ['/no/such/lever', '/willingness/incentive', '/willingness/incentive'],
        targets: ['no-such-target'],
        minimize: 'births' as never,
      }),
    );
    expect(issues).toContain('--optimize: /no/such/lever names no lever of this scenario (see --list-levers)');
    expect(issues).toContain('--optimize: /willingness/incentive is named twice');
    expect(issues.some((i) => i.startsWith('--targets: no-such-target names no target'))).toBe(true);
    expect(issues.some((i) => i.startsWith('--minimize: must be one of'))).toBe(true);
    const many = Array.from({ length: 9 }, (_, i) => `/willingness/base/UA/core${i}`);
    expect(issuesOf(() => optimize(DEFAULT_SCENARIO, load, [], { levers: many, targets: BOTH }))).toContain(
      '--optimize: at most 8 levers, got 9',
    );
    expect(issuesOf(() => optimize(DEFAULT_SCENARIO, load, [], { levers: [], targets: [] }))).toEqual([
      '--optimize: give at least one lever (see --list-levers)',
      '--targets: give at least one target id',
    ]);
  });
});

describe('optimize, in words', () => {
  it('says least change is the second criterion when no setting meets the targets', () => {
    const r = optimize(DEFAULT_SCENARIO, load, [], {
      levers: ['/willingness/incentive'],
      targets: ['gap-2020'],
      minimize: 'change',
    });
    expect(r.met).toBe(false);
    expect(r.messageZh).toContain('差距相同的设定中取改动最小者');
    expect(r.messageZh).not.toContain('在达到目标的设定中');
    expect(r.message).toContain('Among settings as close');
  }, 30_000);
});

describe('optimize, its budget', () => {
  it('runs at most the budget, which is at least the start, the ends and the corner', () => {
    const r = optimize(DEFAULT_SCENARIO, load, [], {
      levers: ['/willingness/incentive', '/willingness/speed/core'],
      targets: ['gap-2020'],
      maxEvaluations: 5,
    });
    // The run as set, the start, two ends of each of two levers and the corner: 7.
    expect(r.evaluations).toBeLessThanOrEqual(2 * 2 + 3);
  }, 30_000);
});
