/**
 * Goal seek on the default scenario (常州 2016): the core zone's insurance-years condition against the gap
 * target, which no setting reaches, and against looser gap targets set by override, which it does; a
 * continuous lever; feeding the answer back as an override meets the target.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek } from '../../src/analysis/goal-seek';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { runScenario } from '../../src/scenario/run';
import { ValidationError } from '../../src/scenario/issues';
import type { Override } from '../../src/scenario/load';

const load = nodeDataLoader();
const YEARS = '/policy/zones/core/channels/0/conditions/2/years';
/** The gap target of 5 points, loosened for the cases that need a reachable boundary. */
const gapTarget = (v: number): Override[] => [{ pointer: '/targets/1/value', value: v }];
const targetOf = (overrides: readonly Override[], id: string) =>
  runScenario(DEFAULT_SCENARIO, load, overrides).result.targets.find((t) => t.id === id)!;

describe('goalSeek', () => {
  it('says when no setting of the lever reaches the target, naming the best one', () => {
    const r = goalSeek(DEFAULT_SCENARIO, load, [], { lever: YEARS, target: 'gap-2020' });
    expect(r.value).toBeNull();
    expect(r.achieved).toBe(false);
    expect(r.override).toBeNull();
    // Fewer years of insurance let more settle: 0 years gives the smallest gap, still far above 5 points.
    expect(r.best?.value).toBe(0);
    expect(r.metricValue).toBeGreaterThan(5);
    expect(r.metricValue).toBe(r.best?.metricValue);
    expect(r.message).toMatch(/no setting/);
    expect(r.message).toContain('is 0, giving 14.');
    expect(r.messageZh).toContain('最优设定为0年');
    expect(r.evaluations).toBe(3);
  });

  it('finds the tightest whole number of years that meets a reachable gap, and the override meets it', () => {
    const ov = gapTarget(14.7);
    const r = goalSeek(DEFAULT_SCENARIO, load, ov, { lever: YEARS, target: 'gap-2020' });
    expect(r).toMatchObject({ value: 1, achieved: true, direction: 'atMost', monotone: true });
    expect(Number.isInteger(r.value)).toBe(true);
    expect(r.override).toEqual({ pointer: YEARS, value: 1 });
    expect(r.metricValue).toBeLessThanOrEqual(14.7);
    // Fed back, the answer meets the target; one year more does not (the current setting, 2, misses).
    expect(targetOf([...ov, r.override!], 'gap-2020').met).toBe(true);
    expect(targetOf([...ov, { pointer: YEARS, value: 2 }], 'gap-2020').met).toBe(false);
    expect(r.current).toMatchObject({ value: 2, met: false });
    expect(r.message).toMatch(/at most 1 meets gap-2020/);
    expect(r.message).toMatch(/current setting 2 misses it/);
    expect(r.evaluations).toBeLessThanOrEqual(3 + Math.ceil(Math.log2(17)));
  });

  it('still returns the boundary when the current setting already meets the target, and says so', () => {
    const ov = gapTarget(14.75);
    const r = goalSeek(DEFAULT_SCENARIO, load, ov, { lever: YEARS, target: 'gap-2020' });
    expect(r).toMatchObject({ value: 2, achieved: true, direction: 'atMost' });
    expect(r.current.met).toBe(true);
    expect(r.message).toMatch(/already meets it/);
    expect(r.messageZh).toMatch(/已达到目标/);
    expect(targetOf([...ov, r.override!], 'gap-2020').met).toBe(true);
    expect(targetOf([...ov, { pointer: YEARS, value: 3 }], 'gap-2020').met).toBe(false);
  });

  it('seeks on a continuous lever, on its grid of steps', () => {
    const lever = '/migration/inflow/persons';
    // A resident rate of 75 % by 2020: met at the preset's inflow, not without one (73 %).
    const rate: Override[] = [{ pointer: '/targets/0/value', value: 0.75 }];
    const r = goalSeek(DEFAULT_SCENARIO, load, rate, { lever, target: 'resident-rate-2020' });
    expect(r).toMatchObject({ achieved: true, direction: 'atLeast' });
    expect(r.value! % 1000).toBe(0);
    expect(r.value!).toBeGreaterThan(0);
    expect(targetOf([...rate, r.override!], 'resident-rate-2020').met).toBe(true);
    expect(targetOf([...rate, { pointer: lever, value: r.value! - 1000 }], 'resident-rate-2020').met).toBe(false);
    expect(r.message).toMatch(/already meets it/);
  });

  it('seeks on any number given its range, on a round grid', () => {
    const pointer = '/willingness/landElasticity';
    const ov = gapTarget(12.95);
    const r = goalSeek(DEFAULT_SCENARIO, load, ov, { lever: pointer, target: 'gap-2020', min: -2, max: 2 });
    expect(r).toMatchObject({ achieved: true, direction: 'atLeast', range: { min: -2, max: 2, step: 0.005 } });
    expect(Math.abs(r.value! / 0.005 - Math.round(r.value! / 0.005))).toBeLessThan(1e-9);
    expect(targetOf([...ov, r.override!], 'gap-2020').met).toBe(true);
    expect(targetOf([...ov, { pointer, value: r.value! - 0.005 }], 'gap-2020').met).toBe(false);
  });

  it('warns when the timeline changes the lever later', () => {
    const timeline: Override = { pointer: '/timeline', value: [{ year: 2019, set: { [YEARS]: 1 } }] };
    const r = goalSeek(DEFAULT_SCENARIO, load, [timeline, ...gapTarget(14.75)], { lever: YEARS, target: 'gap-2020' });
    expect(r.message).toMatch(/the timeline sets this lever from 2019/);
    expect(r.messageZh).toMatch(/政策时间表自2019年起/);
  });

  it('reports a lever that does not move the metric', () => {
    const r = goalSeek(DEFAULT_SCENARIO, load, [], { lever: '/fiscal/discountRate', target: 'gap-2020' });
    expect(r).toMatchObject({ value: null, achieved: false });
    expect(r.message).toMatch(/does not move gapPoints/);
  });

  it('reports bad input as issues naming the flag', () => {
    const issues = (o: Parameters<typeof goalSeek>[3]) => {
      try {
        goalSeek(DEFAULT_SCENARIO, load, [], o);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      throw new Error('expected a ValidationError');
    };
    expect(issues({ lever: '/x', target: 'gap-2020' })).toEqual(['--goal-seek: /x names no lever (see --list-levers)']);
    expect(issues({ lever: YEARS, target: 'nope' })[0]).toMatch(/^--target: nope names no target/);
    expect(issues({ lever: '/migration/ruralToUrban/attraction/core', target: 'gap-2020' })[0]).toMatch(
      /^--goal-seek: .* give min and max/,
    );
    expect(issues({ lever: YEARS, target: 'gap-2020', min: 5, max: 1 })[0]).toMatch(/min < max/);
    // The talent channel's age maximum below its minimum age (18) is refused by the scenario's checks.
    expect(
      issues({ lever: '/policy/zones/core/channels/2/conditions/1/max', target: 'gap-2020', min: 10, max: 60 })[0],
    ).toMatch(/^--goal-seek: at 10 the scenario is invalid: .*must not exceed max/);
  });
});
