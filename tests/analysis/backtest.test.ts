/**
 * Back-test: the naive forecasts, errors and skill on numbers worked by hand; one statistical series per
 * metric; and, end to end on the small inline scenario, a model that is exact (skill 1), a truth on a
 * straight line (the naive trend wins), and the rule that no hidden observation reaches the calibration.
 */
import { describe, expect, it } from 'vitest';
import { backtest, checkOrigin } from '../../src/analysis/backtest';
import { scoreMetric, withDerivedGap, type Observation, type RunView } from '../../src/analysis/backtest-metrics';
import {
  byYear,
  meanAbsoluteError,
  naiveLast,
  naiveTrend,
  skillScore,
  trendBasis,
} from '../../src/analysis/forecast-skill';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { runScenario } from '../../src/scenario/run';
import { ValidationError } from '../../src/scenario/issues';
import type { Override } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { syntheticScenario } from '../fixtures/synthetic';

const load = nodeDataLoader();
const pts = (...xs: [number, number][]) => xs.map(([year, value]) => ({ year, value }));

describe('naive forecasts, error and skill (by hand)', () => {
  const visible = pts([2011, 10], [2012, 12], [2013, 11], [2014, 13], [2015, 14]);

  it('carries the last visible value forward', () => {
    expect(naiveLast(visible)).toBe(14);
    expect(naiveLast(pts([2015, 3], [2010, 9]))).toBe(3);
    expect(naiveLast([])).toBeNull();
  });

  it('draws the least-squares line through the five years up to the origin', () => {
    // Mean year 2013, mean 12; Σ dx·dy = 4 + 0 + 0 + 1 + 4 = 9, Σ dx² = 10: slope 0.9.
    const f = naiveTrend([...pts([2005, 100]), ...visible], 2015)!;
    expect(trendBasis([...pts([2005, 100]), ...visible], 2015).map((p) => p.year)).toEqual([
      2011, 2012, 2013, 2014, 2015,
    ]);
    expect(f(2017)).toBeCloseTo(12 + 0.9 * 4, 12);
    expect(f(2018)).toBeCloseTo(16.5, 12);
  });

  it('widens to the last two visible points when the window holds fewer than two', () => {
    // Nothing in 2011–2015: through (2005, 1) and (2008, 4), slope 1.
    expect(naiveTrend(pts([2005, 1], [2008, 4]), 2015)!(2016)).toBeCloseTo(12, 12);
    // One point in the window: (2009, 8) and (2014, 10), slope 0.4.
    const f = naiveTrend(pts([2000, 5], [2009, 8], [2014, 10]), 2015)!;
    expect(trendBasis(pts([2000, 5], [2009, 8], [2014, 10]), 2015).map((p) => p.year)).toEqual([2009, 2014]);
    expect(f(2016)).toBeCloseTo(10.8, 12);
  });

  it('is the last value with one visible point, and nothing with none', () => {
    expect(naiveTrend(pts([2015, 7]), 2015)!(2030)).toBe(7);
    expect(naiveTrend([], 2015)).toBeNull();
  });

  it('averages two figures of one year, so that no year weighs double', () => {
    expect(byYear(pts([2010, 4], [2012, 1], [2010, 6]))).toEqual(pts([2010, 5], [2012, 1]));
  });

  it('mean absolute error and skill', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(meanAbsoluteError([1, null], [1, 2])).toBeNull();
    expect(meanAbsoluteError([], [])).toBeNull();
    expect(skillScore(0.5, 1, 2)).toEqual({ skill: 0.5 });
    expect(skillScore(0, 1, 2)).toEqual({ skill: 1 });
    expect(skillScore(3, 2, 1).skill).toBe(-2);
    expect(skillScore(0.5, 1, 0)).toMatchObject({ skill: null, why: expect.stringMatching(/exact/) });
    expect(skillScore(0.5, null, null)).toMatchObject({ skill: null, why: expect.stringMatching(/no visible value/) });
    expect(skillScore(null, 1, 1)).toMatchObject({ skill: null, why: expect.stringMatching(/no hidden/) });
  });
});

describe('one statistical series per metric', () => {
  const years = Array.from({ length: 11 }, (_, k) => 2015 + k);
  const run: RunView = {
    years,
    series: { hukouPop: years.map((y) => 100 + (y - 2015)), hukouUrbanRate: years.map(() => 0.5) },
    hukouDefinition: years.map((y) => (y < 2018 ? 'nonAgricultural' : 'address')),
  };
  const o = (metric: string, year: number, value: number, extra: Partial<Observation> = {}) =>
    ({ metric, year, value, source: 'test', ...extra }) as Observation;

  it('keeps the vintage of the last visible observation and says how many were left out', () => {
    const all = [
      o('hukouPop', 2013, 90, { vintage: 'register' }),
      o('hukouPop', 2015, 100, { vintage: 'bulletin' }),
      o('hukouPop', 2017, 103, { vintage: 'bulletin' }),
      o('hukouPop', 2019, 999, { vintage: 'census-revised' }),
      o('hukouPop', 2020, 104, { vintage: 'bulletin' }),
    ];
    const m = scoreMetric('hukouPop', all, 2016, run, 100);
    expect(m.vintage).toBe('bulletin');
    expect(m.years).toEqual([2017, 2020]);
    expect(m.visible).toEqual({ years: [2015], observed: [100] });
    expect(m.model).toEqual([102, 105]);
    expect(m.naiveLast).toEqual([100, 100]);
    expect(m.maeModel).toBe(1);
    expect(m.maeNaiveLast).toBe(3.5);
    expect(m.skill).toBeCloseTo(1 - 1 / 3.5, 12);
    expect(m.note).toMatch(/2 observation\(s\) of another vintage left out/);
  });

  it('tests the series that goes on after the origin, not a count that stops there (a census)', () => {
    const all = [
      o('hukouPop', 2014, 97, { vintage: 'revised' }),
      o('hukouPop', 2015, 99, { vintage: 'revised' }),
      o('hukouPop', 2016, 500, { vintage: 'census' }),
      o('hukouPop', 2018, 104, { vintage: 'revised' }),
    ];
    const m = scoreMetric('hukouPop', all, 2016, run, 100);
    expect(m.vintage).toBe('revised');
    expect(m.visible).toEqual({ years: [2014, 2015], observed: [97, 99] });
    expect(m.years).toEqual([2018]);
    expect(m.naiveLast).toEqual([99]);
    // Where no series goes on, the last visible observation's is kept (and nothing is scored).
    const none = scoreMetric('hukouPop', all.slice(0, 3), 2016, run, 100);
    expect(none.vintage).toBe('census');
    expect(none.skill).toBeNull();
  });

  it('never compares across the hukou definition break', () => {
    const all = [
      o('hukouUrbanRate', 2015, 0.3, { definition: 'nonAgricultural' }),
      o('hukouUrbanRate', 2016, 0.31, { definition: 'nonAgricultural' }),
      o('hukouUrbanRate', 2019, 0.55, { definition: 'address' }),
      o('hukouUrbanRate', 2020, 0.56, { definition: 'address' }),
    ];
    const m = scoreMetric('hukouUrbanRate', all, 2016, run, 0.3);
    expect(m.definition).toBe('nonAgricultural');
    // The address figures are another series; no hidden value of the kept one remains to test.
    expect(m.years).toEqual([]);
    expect(m.skill).toBeNull();
    expect(m.note).toMatch(/2 observation\(s\) under another hukou definition left out/);
    expect(m.note).toMatch(/no hidden observation/);
  });

  it('derives the gap from the two rates of a year, under the hukou rate’s definition', () => {
    const all = withDerivedGap([
      o('residentUrbanRate', 2016, 0.7),
      o('hukouUrbanRate', 2016, 0.55, { definition: 'address' }),
      o('residentUrbanRate', 2017, 0.71),
    ]);
    expect(all.filter((x) => x.metric === 'gapPoints')).toEqual([
      expect.objectContaining({ year: 2016, value: 15, definition: 'address' }),
    ]);
  });

  it('starts the naive forecasts from the base year’s value when the base year is not observed', () => {
    const m = scoreMetric('hukouPop', [o('hukouPop', 2010, 80), o('hukouPop', 2018, 104)], 2015, run, 100);
    expect(m.visible).toEqual({ years: [2010, 2015], observed: [80, 100] });
    expect(m.naiveLast).toEqual([100]);
    expect(m.note).toMatch(/no observation of the base year/);
  });
});

/** The inline scenario with observations of its own (and optionally a calibration block). */
function scenarioWith(observed: Observation[], calibration?: Scenario['calibration']): Scenario {
  return { ...syntheticScenario({ until: 2025 }), observed, ...(calibration ? { calibration } : {}) };
}

/** Observations of `metrics` in `years` from a run of `doc` under `overrides`. */
function observe(
  doc: unknown,
  metrics: readonly string[],
  years: readonly number[],
  overrides: readonly Override[] = [],
): Observation[] {
  const r = runScenario(doc, load, overrides).result;
  return metrics.flatMap((metric) =>
    years.map((year) => ({ metric, year, value: r.series[metric][r.years.indexOf(year)]!, source: 'test: model' })),
  ) as Observation[];
}

const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];

describe('backtest, end to end', () => {
  it('scores an exact model at 1, against naive forecasts that are not', () => {
    const within = YEARS.filter((y) => y >= 2015);
    const obs = observe(scenarioWith([]), ['residentPop', 'residentUrbanRate', 'hukouPop'], within);
    const b = backtest(scenarioWith(obs), load, [], { origin: 2017 });
    expect(b.calibration).toMatchObject({ fitted: false, reason: expect.stringMatching(/no "calibration" block/) });
    for (const m of ['residentPop', 'residentUrbanRate', 'hukouPop']) {
      expect(b.metrics[m].years, m).toEqual([2018, 2019, 2020]);
      expect(b.metrics[m].maeModel, m).toBe(0);
      expect(b.metrics[m].maeNaiveLast!, m).toBeGreaterThan(0);
      expect(b.metrics[m].skill, m).toBe(1);
    }
    // The gap is derived from the two rates only where both are observed: here the hukou rate is not.
    expect(b.metrics.gapPoints.years).toEqual([]);
    expect(b.years).toEqual(Array.from({ length: 11 }, (_, k) => 2015 + k));
    expect(Object.keys(b.series)).toEqual(expect.arrayContaining(['residentPop', 'settlersByChannel']));
  });

  it('lets the naive trend win when the truth is a straight line', () => {
    // Resident population rising by 40,000 a year from the base, measured with some hundreds of noise up
    // to the origin: the line through the visible values all but hits the hidden ones; the model does not.
    const line = (y: number) => 1_000_000 + 40_000 * (y - 2015);
    const NOISE: Record<number, number> = { 2013: 800, 2014: -300, 2016: 400, 2017: -200 };
    const noise = (y: number) => NOISE[y] ?? 0;
    const obs = YEARS.map((year) => ({
      metric: 'residentPop',
      year,
      value: line(year) + noise(year),
      source: 'test: line',
    })) as Observation[];
    const m = backtest(scenarioWith(obs), load, [], { origin: 2017 }).metrics.residentPop;
    expect(m.years).toEqual([2018, 2019, 2020]);
    expect(m.maeNaiveTrend!).toBeLessThan(m.maeNaiveLast!);
    expect(m.maeNaiveTrend!).toBeLessThan(m.maeModel!);
    expect(m.skill!).toBeLessThanOrEqual(0);
    // Without the noise the line is exact: a skill against a perfect forecast is undefined, and says so.
    const exact = obs.map((o) => ({ ...o, value: line(o.year) }));
    const e = backtest(scenarioWith(exact), load, [], { origin: 2017 }).metrics.residentPop;
    expect(e.maeNaiveTrend).toBe(0);
    expect(e.skill).toBeNull();
    expect(e.note).toMatch(/exact/);
  });

  describe('visibility: no hidden observation reaches the calibration', () => {
    const INFLOW = '/migration/inflow/persons';
    const calibration: Scenario['calibration'] = {
      parameters: [{ pointer: INFLOW, mode: 'scale', min: 0.5, max: 2 }],
    };
    const truth = [{ pointer: INFLOW, value: 24_000 }];
    const obs = observe(scenarioWith([]), ['residentPop', 'residentUrbanRate'], YEARS.slice(2), truth);
    const b = backtest(scenarioWith(obs, calibration), load, [], { origin: 2018 });

    it('fits on the visible observations only', () => {
      expect(b.calibration.fitted).toBe(true);
      expect(b.calibration.parameters![INFLOW]).toBeCloseTo(0.8, 3);
      for (const ys of Object.values(b.calibration.used!)) for (const y of ys) expect(y).toBeLessThanOrEqual(2018);
      expect(b.hidden).toBe(4);
    });

    it('gives byte-identical parameters and projection when a hidden observation changes', () => {
      const perturbed = obs.map((o) => (o.year === 2019 && o.metric === 'residentPop' ? { ...o, value: 2e6 } : o));
      const p = backtest(scenarioWith(perturbed, calibration), load, [], { origin: 2018 });
      expect(JSON.stringify(p.calibration)).toBe(JSON.stringify(b.calibration));
      expect(JSON.stringify(p.series)).toBe(JSON.stringify(b.series));
      // Only the score moves.
      expect(p.metrics.residentPop.maeModel).not.toBe(b.metrics.residentPop.maeModel);
    });

    it('while a visible observation does move the fit', () => {
      const moved = obs.map((o) =>
        o.year === 2017 && o.metric === 'residentPop' ? { ...o, value: o.value * 1.02 } : o,
      );
      const p = backtest(scenarioWith(moved, calibration), load, [], { origin: 2018 });
      expect(p.calibration.parameters![INFLOW]).not.toBe(b.calibration.parameters![INFLOW]);
    });

    it('fits nothing from the base year, and says so', () => {
      const atBase = backtest(scenarioWith(obs, calibration), load, [], { origin: 2015 });
      expect(atBase.calibration).toMatchObject({
        fitted: false,
        reason: expect.stringMatching(/nothing to calibrate on/),
      });
      expect(atBase.metrics.residentPop.years).toEqual([2016, 2017, 2018, 2019, 2020]);
    });
  });

  it('refuses an origin it cannot test, naming the flag', () => {
    const s = scenarioWith(observe(scenarioWith([]), ['residentPop'], [2015, 2018]));
    const issues = (origin: number, sc: Scenario = s) => checkOrigin(sc, origin, sc.observed as Observation[]);
    expect(issues(2014)).toEqual([{ path: '--origin', message: expect.stringMatching(/before the base year 2015/) }]);
    expect(issues(2018)).toEqual([{ path: '--origin', message: expect.stringMatching(/last observed year 2018/) }]);
    expect(issues(2016.5)).toEqual([{ path: '--origin', message: expect.stringMatching(/whole year/) }]);
    expect(issues(2015, scenarioWith([]))).toEqual([
      { path: '--backtest', message: expect.stringMatching(/no observations/) },
    ]);
    expect(issues(2016)).toEqual([]);
    expect(() => backtest(s, load, [], { origin: 2019 })).toThrow(ValidationError);
  });
});
