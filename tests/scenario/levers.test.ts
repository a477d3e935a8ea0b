/**
 * The register's levers (src/scenario/levers.ts): offered where a scenario has a registration part, each
 * moving the flow it names in the direction its label says.
 */
import { describe, expect, it } from 'vitest';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../../src/runner/default-scenario';
import { runScenario } from '../../src/runner/run';
import { listLevers } from '../../src/scenario/levers';
import { loadScenario } from '../../src/scenario/load';
import { syntheticScenario } from '../fixtures/synthetic';

const load = nodeDataLoader();
const REGISTER = ['/registration/family/open', '/registration/transfer/personsPerYear', '/registration/away/longRun'];

describe('levers of the register', () => {
  it('are offered with a registration part and not without one', () => {
    const pointers = listLevers(loadScenario(DEFAULT_SCENARIO, load)).map((l) => l.pointer);
    expect(pointers).toEqual(expect.arrayContaining(REGISTER));
    const none = listLevers(syntheticScenario()).map((l) => l.pointer);
    for (const p of REGISTER) expect(none).not.toContain(p);
  });

  it('move the flows they name: closing family reunion, more transfers, more people long away moving out', () => {
    const at = (pointer: string, value: number) =>
      runScenario(DEFAULT_SCENARIO, load, [{ pointer, value }]).result.series;
    const y = 5; // 2020
    const shut = at('/registration/family/open', 0);
    const open = at('/registration/family/open', 1);
    expect(shut.registrationInByReason.family[y]).toBe(0);
    expect(open.registrationInByReason.family[y]!).toBeGreaterThan(0);
    expect(at('/registration/transfer/personsPerYear', 20_000).registrationInByReason.transfer[y]).toBeCloseTo(
      20_000,
      3,
    );
    const low = at('/registration/away/longRun', 0.01).registrationOutByReason.away[y]!;
    const high = at('/registration/away/longRun', 0.1).registrationOutByReason.away[y]!;
    expect(high).toBeGreaterThan(low);
  });
});
