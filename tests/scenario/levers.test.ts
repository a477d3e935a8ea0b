/**
 * The register's levers (src/scenario/levers.ts): offered where a scenario has a registration part, each
 * moving the flow it names in the direction its label says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { runScenario } from '../../src/scenario/run';
import { liveYears } from '../../src/scenario/levers-settlement';
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

describe('years of a path offered as levers', () => {
  it('drops the years before the one in force at the first projected year, and keeps the rest', () => {
    expect(liveYears({ 2017: 6000, 2018: 7000 }, 2019)).toEqual([['2018', 7000]]);
    expect(liveYears({ 2017: 6000, 2018: 7000 }, 2016)).toEqual([
      ['2017', 6000],
      ['2018', 7000],
    ]);
    // 2015 → 2020 interpolates through 2019: both ends still count; 2010 does not.
    expect(liveYears({ 2010: 0, 2015: 0.1, 2020: 0.3 }, 2019)).toEqual([
      ['2015', 0.1],
      ['2020', 0.3],
    ]);
    expect(liveYears({ 2019: 1 }, 2019)).toEqual([['2019', 1]]);
  });
});

describe('levers of the documents’ channels', () => {
  const preset = (file: string) =>
    listLevers(loadScenario(JSON.parse(readFileSync(resolve(PROJECT_ROOT, file), 'utf8')), nodeDataLoader()));
  it('广州 offers its city-wide points quota, each year of its path, and its channels’ switches', () => {
    const levers = preset('scenarios/guangzhou.json');
    const quota = levers.filter((l) => /quota/i.test(l.pointer));
    // Based at 2018, the 2017 quota moves nothing: only the year that holds from 2019 is a lever.
    expect(quota.map((l) => [l.pointer, l.value, l.label])).toEqual([
      ['/policy/cityQuotas/points/2018', 7000, '全市·积分制入户（总量控制）：年度指标（2018年起）'],
    ]);
    const from2015 = preset('scenarios/guangzhou-2015.json').filter((l) => /quota/i.test(l.pointer));
    expect(from2015.map((l) => [l.pointer, l.labelEn])).toEqual([
      ['/policy/cityQuotas/points/2017', 'City · Points-based settlement (total quota): annual quota (2017)'],
      ['/policy/cityQuotas/points/2018', 'City · Points-based settlement (total quota): annual quota (2018 on)'],
    ]);
    expect(levers.some((l) => l.pointer === '/policy/zones/core/channels/2/enabled' && l.toggle)).toBe(true);
    expect(levers.some((l) => l.pointer === '/policy/zones/core/channels/2/conditions/0/share')).toBe(true);
  });
  it('a channel switched off admits nobody; the others settle as before', () => {
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
    const on = runScenario(raw, nodeDataLoader()).result.series;
    const off = runScenario(raw, nodeDataLoader(), [
      { pointer: '/policy/zones/core/channels/3/enabled', value: false },
      { pointer: '/policy/zones/county/channels/3/enabled', value: false },
    ]).result.series;
    expect(on.settlersByChannel['skill-worker'][1]!).toBeGreaterThan(0);
    expect(off.settlersByChannel['skill-worker'][1]).toBe(0);
    expect(off.settlers[1]!).toBeLessThan(on.settlers[1]!);
  });
});
