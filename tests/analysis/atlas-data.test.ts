/**
 * data/atlas/prefectures.json (scripts/data/build-atlas.ts): the counties' sums against the prefecture
 * totals of the city table, the age tables against an independent build (data/cities/*.json, read from
 * the county extracts by build-cities.ts), and the size classes against the national data file's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtlasData } from '../../src/analysis/atlas-scenario';
import { PROJECT_ROOT } from '../../src/runner/node-loader';

const read = <T>(file: string) => JSON.parse(readFileSync(resolve(PROJECT_ROOT, file), 'utf8')) as T;
const data = read<AtlasData & { counts: { runnable: number } }>('data/atlas/prefectures.json');
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the atlas data', () => {
  it('holds every unit of the city table and at least 330 that a scenario can start from in 2010 and 2020', () => {
    expect(data.prefectures.length).toBe(369);
    const both = data.prefectures.filter((p) => p.y2010 && p.y2020);
    expect(both.length).toBeGreaterThanOrEqual(330);
    expect(data.counts.runnable).toBe(both.length);
  });

  it('sums the counties to the prefecture totals of the city table (exact for nine in ten units; the rest named)', () => {
    const withCounties = data.prefectures.filter((p) => p.y2020?.countyTotal != null);
    const off = withCounties.filter((p) => Math.abs(p.y2020!.countyTotal! / p.y2020!.resident - 1) > 1e-4);
    expect(withCounties.length).toBeGreaterThan(320);
    // Development zones and boundary changes the two tables treat differently (e.g. 保定 with 定州 and 雄安).
    expect(off.length / withCounties.length).toBeLessThan(0.12);
    for (const p of off) expect(Math.abs(p.y2020!.countyTotal! / p.y2020!.resident - 1), p.name).toBeLessThan(0.3);
    for (const p of withCounties.filter((x) => !off.includes(x)))
      expect(sum([...p.y2020!.female, ...p.y2020!.male]) / p.y2020!.resident, p.name).toBeCloseTo(1, 2);
  });

  it('agrees with the city files built from the same census by another path', () => {
    for (const [name, file] of [
      ['常州市', 'changzhou'],
      ['广州市', 'guangzhou'],
      ['辽源市', 'liaoyuan'],
      ['锦州市', 'jinzhou'],
    ] as const) {
      const p = data.prefectures.find((x) => x.name === name)!;
      const city = read<{ ageSex2020: { female: number[]; male: number[] }; census2020: { residentPop: number } }>(
        `data/cities/${file}.json`,
      );
      expect(p.y2020!.female, name).toEqual(city.ageSex2020.female);
      expect(p.y2020!.male, name).toEqual(city.ageSex2020.male);
      expect(p.y2020!.resident, name).toBe(city.census2020.residentPop);
    }
  });

  it('classes each city by its 2020 城区 as the national data file does', () => {
    const national = read<{ citySizes2020: { rows: { city: string; unit: string; sizeClass: string }[] } }>(
      'data/national/china.json',
    );
    const classOf = (name: string) => data.prefectures.find((p) => p.name === name)!.sizeClass;
    for (const r of national.citySizes2020.rows.filter((x) => x.unit.startsWith('市辖区')))
      expect(classOf(r.city), r.city).toBe(r.sizeClass);
    expect(classOf('北京市')).toBe('mega');
  });

  it('scales the 2010 ages to the published broad shares', () => {
    const p = data.prefectures.find((x) => x.name === '常州市')!;
    const total = sum([...p.y2010!.female, ...p.y2010!.male]);
    const share = (lo: number, hi: number) =>
      sum(data.ageStarts.map((a, i) => (a >= lo && a <= hi ? p.y2010!.female[i] + p.y2010!.male[i] : 0))) / total;
    // The city table's 常州 2010: 0–14 11.52 %, 60+ 15.05 %, 65+ 9.77 % (shared/data/README.md §2a).
    expect(share(0, 14)).toBeCloseTo(0.1152, 3);
    expect(share(60, 200)).toBeCloseTo(0.1505, 3);
    expect(share(65, 200)).toBeCloseTo(0.0977, 3);
    expect(total).toBeCloseTo(p.y2010!.resident, -2);
  });
});
