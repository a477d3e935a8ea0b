/**
 * Evaluation: observed values beside the projection, the base year flagged, targets matched, and nothing
 * compared across the hukou definition break (MODEL.md §2).
 */
import { describe, expect, it } from 'vitest';
import { analysisBase } from '../../src/analysis/apply';
import { evaluate } from '../../src/analysis/evaluate';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { runScenario } from '../../src/scenario/run';
import { ObservationMetric } from '../../src/scenario/schema';

const load = nodeDataLoader();

describe('evaluate', () => {
  it('puts every observation within the projection beside it, sorted by metric then year', () => {
    const { scenario, result } = runScenario(DEFAULT_SCENARIO, load);
    const rows = evaluate(scenario, result);
    const observed = scenario.observed as { year: number }[];
    expect(rows.length).toBe(observed.filter((o) => o.year >= 2015 && o.year <= scenario.until).length);
    const order = ObservationMetric.options as readonly string[];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(order.indexOf(a.metric) < order.indexOf(b.metric) || (a.metric === b.metric && a.year <= b.year)).toBe(
        true,
      );
    }
    for (const r of rows) {
      expect(r.projected).toBe(result.series[r.metric][result.years.indexOf(r.year)]);
      expect(r.difference).toBeCloseTo(r.projected! - r.observed, 6);
      expect(r.comparable).toBe(true);
      expect(!!r.baseYear).toBe(r.year === 2015);
    }
    // The base year is reproduced by construction and says so.
    const base = rows.find((r) => r.metric === 'residentPop' && r.year === 2015)!;
    expect(base.note).toMatch(/base year/);
    expect(Math.abs(base.difference!) / base.observed).toBeLessThan(0.001);
    // The summary evaluation of the resident-rate target: the 2020 census against 72 %.
    const rate2020 = rows.find((r) => r.metric === 'residentUrbanRate' && r.year === 2020)!;
    expect(rate2020).toMatchObject({ targetId: 'resident-rate-2020', observedMeetsTarget: true });
  });

  it('never compares across the definition break', () => {
    // Changzhou with the non-agricultural definition until a switch in 2018, and hukou figures on both sides.
    const { include: _i, ...doc } = analysisBase(DEFAULT_SCENARIO, load) as Record<string, unknown>;
    const src = 'test';
    const raw = {
      ...doc,
      hukouDefinition: { definition: 'nonAgricultural', switchYear: 2018 },
      observed: [
        { metric: 'hukouUrbanRate', year: 2016, value: 0.55, source: src, definition: 'nonAgricultural' },
        { metric: 'hukouUrbanRate', year: 2017, value: 0.56, source: src },
        { metric: 'hukouUrbanRate', year: 2020, value: 0.57, source: src, definition: 'nonAgricultural' },
        { metric: 'urbanHukouPop', year: 2020, value: 2.3e6, source: src, definition: 'address' },
        { metric: 'residentUrbanRate', year: 2020, value: 0.77, source: src },
        { metric: 'hukouPop', year: 2020, value: 3.87e6, source: src, definition: 'nonAgricultural' },
      ],
    };
    const { scenario, result } = runScenario(raw, load);
    const def = (y: number) => result.hukouDefinition[result.years.indexOf(y)];
    expect([def(2016), def(2020)]).toEqual(['nonAgricultural', 'address']);
    const rows = evaluate(scenario, result);
    const row = (m: string, y: number, derived = false) =>
      rows.find((r) => r.metric === m && r.year === y && !!r.derived === derived)!;

    expect(row('hukouUrbanRate', 2016)).toMatchObject({
      comparable: true,
      definitionObserved: 'nonAgricultural',
      definitionProjected: 'nonAgricultural',
    });
    expect(row('hukouUrbanRate', 2017).note).toMatch(/definition not stated/);
    const across = row('hukouUrbanRate', 2020);
    expect(across).toMatchObject({
      comparable: false,
      difference: null,
      definitionObserved: 'nonAgricultural',
      definitionProjected: 'address',
    });
    expect(across.projected).not.toBeNull();
    expect(across.note).toMatch(/definition break/);
    expect(row('urbanHukouPop', 2020)).toMatchObject({ comparable: true, definitionProjected: 'address' });
    // The total registered population does not depend on what counts as urban.
    expect(row('hukouPop', 2020)).toMatchObject({ comparable: true });
    expect(row('hukouPop', 2020).definitionProjected).toBeUndefined();
    // The gap derived from the two 2020 rates inherits the old definition: shown, not compared, and it is the
    // year of the gap target, whose evaluation is therefore withheld.
    const gap = row('gapPoints', 2020, true);
    expect(gap.observed).toBeCloseTo(100 * (0.77 - 0.57), 10);
    expect(gap).toMatchObject({ comparable: false, difference: null, targetId: 'gap-2020' });
    expect(gap.observedMeetsTarget).toBeUndefined();
  });
});
