/** The year the strip that keeps the rates in view reports: the first rate or gap target's year, else the last. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { runScenario } from '../../src/scenario/run';
import { pinnedYear } from '../../src/ui/PinnedRates';

describe('pinnedYear', () => {
  const load = nodeDataLoader();
  it("reports 常州's target year, 2020", () => {
    expect(pinnedYear(runScenario(DEFAULT_SCENARIO, load).result)).toBe(2020);
  });
  it('reports the last year when no rate or gap target lies in the projection', () => {
    // Both targets moved to 2040, beyond the projection's last year.
    const r = runScenario(DEFAULT_SCENARIO, load, [
      { pointer: '/targets/0/year', value: 2040 },
      { pointer: '/targets/1/year', value: 2040 },
    ]).result;
    expect(pinnedYear(r)).toBe(r.years[r.years.length - 1]);
    const later = runScenario(DEFAULT_SCENARIO, load, [{ pointer: '/targets/1/year', value: 2030 }]).result;
    // The resident-rate target stays in 2020, the earlier of the two.
    expect(pinnedYear(later)).toBe(2020);
  });
});
