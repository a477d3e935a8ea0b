/** The trust summary on the Analyses screen: base-year agreement, later fit, inputs, from real rows. */
import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationRow } from '../../../src/analysis/evaluate';
import { DEFAULT_SCENARIO } from '../../fixtures/default-scenario';
import { nodeDataLoader } from '../../../src/runner/node-loader';
import { runScenario } from '../../../src/scenario/run';
import { trustSummary } from '../../../src/ui/analysis/trust';

describe('trustSummary', () => {
  const { scenario, result } = runScenario(DEFAULT_SCENARIO, nodeDataLoader());
  const rows = evaluate(scenario, result);
  const t = trustSummary(rows, (scenario.sources ?? {}) as Record<string, string>);

  it('finds the base year at the published totals (by construction) and fits for later years', () => {
    expect(t.baseYearMaxAbs).not.toBeNull();
    expect(t.baseYearMaxAbs!).toBeLessThan(1e-3);
    const rate = t.fits.find((f) => f.metric === 'residentUrbanRate')!;
    const comparable = rows.filter((r) => r.metric === 'residentUrbanRate' && !r.baseYear && r.comparable);
    expect(rate.count).toBe(comparable.length);
    const mean = comparable.reduce((s, r) => s + Math.abs(r.difference!), 0) / comparable.length;
    expect(rate.meanAbs).toBeCloseTo(mean, 12);
    expect(Math.abs(rate.worst.difference)).toBe(Math.max(...comparable.map((r) => Math.abs(r.difference!))));
  });

  it('counts published inputs and labelled assumptions', () => {
    const n = Object.keys(scenario.sources ?? {}).length;
    expect(t.inputs.sourced + t.inputs.assumptions).toBe(n);
    expect(t.inputs.assumptions).toBeGreaterThan(0);
  });

  it('leaves rows across a definition break out of the fit, and counts them', () => {
    // Changzhou has no later hukou-rate observation; mark a hukou-population row as across a break.
    const row = rows.find((r) => r.metric === 'hukouPop' && !r.baseYear && r.comparable)!;
    expect(row).toBeDefined();
    const broken: EvaluationRow = { ...row, comparable: false, difference: null };
    const t2 = trustSummary([...rows.filter((r) => r !== row), broken], {});
    expect(t2.notComparable).toBe(t.notComparable + 1);
    expect(t2.fits.find((f) => f.metric === 'hukouPop')?.count ?? 0).toBe(
      t.fits.find((f) => f.metric === 'hukouPop')!.count - 1,
    );
  });
});
