/**
 * Sensitivity on the default scenario: ordering by the size of the swing, the signs the model's mechanics
 * imply, yes/no levers at off and on, uncertain parameters at the ends of their distributions.
 */
import { describe, expect, it } from 'vitest';
import { analysisBase } from '../../src/analysis/apply';
import { sensitivity } from '../../src/analysis/sensitivity';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { runScenario } from '../../src/scenario/run';
import { ValidationError } from '../../src/scenario/issues';

const load = nodeDataLoader();
const INTENSITY = '/migration/ruralToUrban/intensity';
const INFLOW = '/migration/inflow/persons';
const SPEED = '/willingness/speed/core';
const DEPARTURE = '/migration/departure/initial';
const YEARS = '/policy/zones/core/channels/0/conditions/2/years';
const RENTED = '/policy/zones/core/channels/0/conditions/1/rentedCounts';
const HALF_LIFE = '/migration/departure/halfLifeYears';
const TFR = '/demography/fertility/tfr';

/** The default scenario, merged, with two uncertain parameters of its own (one set, one scaled) in place of any it has. */
const merged = analysisBase(DEFAULT_SCENARIO, load) as Record<string, unknown> & { sources: Record<string, string> };
const withUncertainty = {
  ...merged,
  sources: Object.fromEntries(Object.entries(merged.sources).filter(([k]) => !k.startsWith('/uncertainty'))),
  uncertainty: {
    parameters: [
      { pointer: HALF_LIFE, dist: { type: 'normal', mean: 2, sd: 0.75, min: 1 } },
      { pointer: TFR, mode: 'scale', dist: { type: 'uniform', min: 0.8, max: 1.2 } },
    ],
  },
};

describe('sensitivity', () => {
  const items = [YEARS, RENTED, SPEED, DEPARTURE, INFLOW, INTENSITY, HALF_LIFE, TFR];
  const r = sensitivity(withUncertainty, load, [], { year: 2020, metric: 'gapPoints', items });
  const item = (p: string) => r.items.find((i) => i.pointer === p)!;

  it('moves each chosen item to both ends, sorted by the size of its swing', () => {
    expect(r.items.map((i) => i.pointer).sort()).toEqual([...items].sort());
    const swings = r.items.map((i) => Math.abs(i.swing));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(r.evaluations).toBe(1 + 2 * items.length);
    for (const i of r.items) expect(i.swing).toBeCloseTo(i.valueAtHigh! - i.valueAtLow!, 12);
    const base = runScenario(DEFAULT_SCENARIO, load).result;
    expect(r.base).toBe(base.series.gapPoints[base.years.indexOf(2020)]);
  });

  it('has the signs the mechanics imply', () => {
    // More rural-to-urban migrants and more incoming migrants add non-registered urban residents: the gap widens.
    expect(item(INTENSITY).swing).toBeGreaterThan(0);
    expect(item(INFLOW).swing).toBeGreaterThan(0);
    // Faster settlement and more migrants leaving close it; stricter insurance years widen it.
    expect(item(SPEED).swing).toBeLessThan(0);
    expect(item(DEPARTURE).swing).toBeLessThan(0);
    expect(item(YEARS).swing).toBeGreaterThan(0);
    // Letting rented housing count lets more settle.
    expect(item(RENTED).swing).toBeLessThan(0);
  });

  it('runs each end exactly as its override says', () => {
    const i = item(INTENSITY);
    expect(i).toMatchObject({ kind: 'lever', low: 0, high: 0.2, value: 0.09442 });
    const run = runScenario(DEFAULT_SCENARIO, load, [i.overrideHigh]).result;
    expect(i.valueAtHigh).toBe(run.series.gapPoints[run.years.indexOf(2020)]);
  });

  it('moves a yes/no lever between off and on', () => {
    const i = item(RENTED);
    expect(i).toMatchObject({ low: 0, high: 1, value: 1 });
    expect(i.overrideLow.value).toBe(false);
    expect(i.overrideHigh.value).toBe(true);
    expect(i.valueAtHigh).toBe(r.base);
  });

  it('moves uncertain parameters to the ends of their distributions, within bounds', () => {
    // Normal: mean ± 2 sd, cut at its lower bound of 1 year.
    expect(item(HALF_LIFE)).toMatchObject({ kind: 'uncertainty', mode: 'set', low: 1, high: 3.5, value: 2 });
    expect(item(TFR)).toMatchObject({ kind: 'uncertainty', mode: 'scale', low: 0.8, high: 1.2, value: 1 });
    expect(item(TFR).overrideLow.pointer).toBe(TFR);
  });

  it('leaves fiscal levers out of a population metric, and totals cost up to the year', () => {
    const all = sensitivity(DEFAULT_SCENARIO, load, [], { year: 2018, metric: 'hukouUrbanRate' });
    expect(all.items.some((i) => i.pointer.startsWith('/fiscal/'))).toBe(false);
    expect(all.note).toMatch(/Fiscal levers are left out/);
    // A range end the scenario refuses (an age maximum below the channel's minimum age) is reported, not fatal.
    expect(all.items.filter((i) => i.error).every((i) => i.swing === 0)).toBe(true);
    const cost = sensitivity(DEFAULT_SCENARIO, load, [], {
      year: 2020,
      metric: 'totalCostCumulative',
      items: ['/fiscal/components/0/takeUp', SPEED],
    });
    const base = runScenario(DEFAULT_SCENARIO, load).result;
    expect(cost.base).toBeCloseTo(base.fiscal!.cumulativeToTargetYears['2020'].totalCost, 0);
    expect(cost.note).toMatch(/sum of fiscal.totalCost from 2016 to 2020/);
    expect(cost.items.every((i) => i.swing > 0)).toBe(true);
  });

  it('reports bad input as issues', () => {
    const { fiscal: _f, include: _i, ...rest } = merged;
    const noFiscal = {
      ...rest,
      sources: Object.fromEntries(Object.entries(merged.sources).filter(([k]) => !k.startsWith('/fiscal'))),
    };
    const issues = (raw: unknown, o: Parameters<typeof sensitivity>[3]) => {
      try {
        sensitivity(raw, load, [], o);
      } catch (e) {
        return (e as ValidationError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(issues(noFiscal, { year: 2020, metric: 'totalCostCumulative' })).toEqual(['--metric']);
    expect(issues(DEFAULT_SCENARIO, { year: 2050, metric: 'gapPoints' })).toEqual(['--year']);
    expect(issues(DEFAULT_SCENARIO, { year: 2020, metric: 'gapPoints', items: ['/nope'] })).toEqual(['--items/0']);
    expect(() =>
      sensitivity(DEFAULT_SCENARIO, load, [], { year: 2020, metric: 'gapPoints', items: ['/nope'] }),
    ).toThrow(ValidationError);
  });
});

describe('sensitivity: one row per input', () => {
  it('lists a lever that is also an uncertain parameter once, over the parameter’s range', () => {
    const r = sensitivity(DEFAULT_SCENARIO, nodeDataLoader(), [], { year: 2020, metric: 'gapPoints' });
    const pointers = r.items.map((i) => i.pointer);
    expect(new Set(pointers).size).toBe(pointers.length);
  }, 60_000);
});
