/**
 * Construction land (issue 20): the 2016 standard per settler by the city's band and size class (hand
 * values for each preset), new land only for settlers who are net additions to the urban population (a
 * shrinking city gets none for people already living there), and 增减挂钩: rural land reclaimed from local
 * rural settlers' homesteads, offset against the new urban land in the net.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { landStandard } from '../../src/scenario/compile-fiscal';
import type { Override } from '../../src/scenario/load';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/run';

const load = nodeDataLoader();
const preset = (id: string) =>
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${id}.json`), 'utf8')) as unknown;
const run = (id: string, overrides: Override[] = []) => runScenario(preset(id), load, overrides).result;
const ha = (m2: number) => m2 / 10_000;

describe('the 2016 standard per settler, by band and size class', () => {
  it('gives each preset the m² its current land per person and its size class call for', () => {
    // current m² per person → band: ≤ 100 → 100 m²; 100–150 → 80; the national preset one band of 80.
    const expected: Record<string, number> = {
      'changzhou-2016': 80, // 110 m² now (大城市)
      guangzhou: 100, // 95 m² now (超大城市: its central districts get none, below)
      'jinzhou-2017': 80, // 130 m² now
      liaoyuan: 80, // 140 m² now
      'china-2015': 80,
    };
    for (const [id, m2] of Object.entries(expected)) {
      const s = loadScenario(preset(id), load);
      expect(landStandard(s.fiscal!.land), id).toBe(m2);
      expect(run(id).land!.m2PerSettler, id).toBe(m2);
    }
    // A province may move the standard by up to ±10 %.
    const s = loadScenario(preset('changzhou-2016'), load, [
      { pointer: '/fiscal/land/provincialAdjustment', value: 0.1 },
    ]);
    expect(landStandard(s.fiscal!.land)).toBeCloseTo(88, 9);
    expect(loadScenario(preset('guangzhou'), load).fiscal!.land.noLandZones).toEqual(['core']);
  });

  it('counts each settler at the standard (常州), and none in a megacity’s central districts (广州)', () => {
    const r = run('changzhou-2016');
    const l = r.land!;
    for (let i = 1; i < r.years.length; i++) {
      expect(l.newUrbanHa[i]).toBeCloseTo(ha(80 * l.settlers[i]!), 6);
      // At most the settlers, and at most the urban population's net growth by migration.
      expect(l.settlers[i]!).toBeLessThanOrEqual(r.series.settlers[i]! + 1e-6);
      expect(l.settlers[i]!).toBeLessThanOrEqual(r.fiscal!.newUrbanResidents[i]! + 1e-6);
    }
    const gz = run('guangzhou').land!;
    const open = run('guangzhou', [{ pointer: '/fiscal/land/noLandZones', value: [] }]).land!;
    const sum = (s: (number | null)[]) => s.reduce<number>((t, v) => t + (v ?? 0), 0);
    // The same settlers counted; the core's bring land only once the core is no longer excluded.
    expect(sum(open.settlers)).toBeCloseTo(sum(gz.settlers), 6);
    expect(sum(gz.newUrbanHa)).toBeLessThan(sum(open.newUrbanHa));
    expect(sum(open.newUrbanHa)).toBeCloseTo(ha(100 * sum(open.settlers)), 6);
  });
});

describe('a shrinking city and 增减挂钩', () => {
  // 辽源 with settlement sped up: people do settle, but its urban population does not grow.
  const speed: Override[] = ['core', 'county', 'town'].map((z) => ({ pointer: `/willingness/speed/${z}`, value: 0.3 }));

  it('gets no new land for settlers already living there, and gives back what they reclaim', () => {
    const r = run('liaoyuan', speed);
    const l = r.land!;
    const { exitShare, m2PerPerson } = l.reclaim!;
    let settled = 0;
    for (let i = 1; i < r.years.length; i++) {
      settled += r.series.settlers[i]!;
      expect(r.fiscal!.newUrbanResidents[i]).toBe(0);
      expect(l.settlers[i]).toBe(0);
      expect(l.newUrbanHa[i]).toBe(0);
      // Local rural settlers who give up a homestead free its land, here and now.
      expect(l.reclaimedHa[i]!).toBeCloseTo(ha(r.series.settlersByOrigin.localRural[i]! * exitShare * m2PerPerson), 6);
      expect(l.netHa[i]!).toBeCloseTo(-l.reclaimedHa[i]!, 9);
    }
    // Thousands settle: under a rule that counted every settler they would have brought land.
    expect(settled).toBeGreaterThan(1000);
    expect(l.netHaCumulative.at(-1)!).toBeLessThan(0);
  });

  it('offsets nothing when nobody gives up a homestead', () => {
    const l = run('changzhou-2016', [{ pointer: '/fiscal/land/reclaim/exitShare', value: 0 }]).land!;
    for (let i = 1; i < l.netHa.length; i++) {
      expect(l.reclaimedHa[i]).toBe(0);
      expect(l.netHa[i]).toBe(l.newUrbanHa[i]);
    }
  });
});

describe('the size class decides which zones get no land', () => {
  it('excludes the central districts where the city is 特大/超大 by its 2020 城区 population, and nowhere else', () => {
    const national = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'data/national/china.json'), 'utf8')) as {
      citySizes2020: { rows: { city: string; unit: string; sizeClass: string }[] };
    };
    const presets: Record<string, string> = {
      常州市: 'changzhou-2016',
      锦州市: 'jinzhou-2017',
      辽源市: 'liaoyuan',
      广州市: 'guangzhou',
      梅州市: 'doc001-package',
    };
    for (const row of national.citySizes2020.rows) {
      const id = presets[row.city];
      if (!id || !row.unit.startsWith('市辖区')) continue;
      const land = loadScenario(preset(id), load).fiscal!.land;
      expect(land.noLandZones, `${row.city} (${row.sizeClass})`).toEqual(row.sizeClass === 'mega' ? ['core'] : []);
    }
  });
});
