/**
 * `npm run sim -- --atlas …` (issue 18): every prefecture from the command line, one row each, in JSON and
 * CSV; the ten-year test; bad flags answered with `flag: message` and exit 2.
 */
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../src/cli/main';

describe('npm run sim -- --atlas', () => {
  it('runs at least 330 prefectures from 2020, one CSV row each', async () => {
    const out = await runCliAsync(['--atlas', '--format', 'csv-raw']);
    expect(out.code, out.stderr).toBe(0);
    const rows = csvParse(out.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(330);
    expect(rows.columns).toEqual(
      expect.arrayContaining(['code', 'name', 'residentUrbanRate', 'hukouUrbanRate', 'gapPoints', 'settlersPer1000']),
    );
    const cz = rows.find((r) => r.name === '常州市')!;
    expect(cz.year).toBe('2035');
    expect(Number(cz.residentUrbanRate)).toBeGreaterThan(0.77);
    expect(out.stderr).toMatch(/^atlas: \d{3} prefectures from 2020 in [\d.]+ s; \d+ left out/m);
  }, 60_000);

  it('people’s CSV: Chinese headers with units', async () => {
    const out = await runCliAsync(['--atlas', '--base', '2010', '--until', '2015', '--format', 'csv']);
    expect(out.code, out.stderr).toBe(0);
    const rows = csvParse(out.stdout);
    expect(rows.columns.slice(0, 5)).toEqual(['区划代码', '城市', '省份', '城市规模', '年份']);
    expect(rows.columns).toContain('常住人口城镇化率（%）');
    expect(rows[0]['年份']).toBe('2015');
  }, 60_000);

  it('--hindcast: errors against the 2020 census beside both naive forecasts, the worst ten with reasons', async () => {
    const out = await runCliAsync(['--atlas', '--hindcast']);
    expect(out.code, out.stderr).toBe(0);
    const h = JSON.parse(out.stdout).hindcast;
    expect(h.cities.length).toBeGreaterThanOrEqual(330);
    const rate = h.stats.find((s: { metric: string }) => s.metric === 'residentUrbanRate');
    expect(rate.model.median).toBeGreaterThan(0);
    expect(rate.worst).toHaveLength(10);
    for (const w of rate.worst) expect(w.reason).toMatch(/urban share/);
    expect(out.stderr).toMatch(
      /hindcast 2010 → 2020, residentUrbanRate \(\d{3} prefectures\): median \|error\| [\d.]+ points/,
    );
  }, 60_000);

  it('answers bad flags with flag: message and exit 2', async () => {
    const out = await runCliAsync(['--atlas', '--base', '2030', '--format', 'xml', 'scenarios/x.json']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^--base: must be 2010 or 2020, got "2030"$/m);
    expect(out.stderr).toMatch(/^--format: must be json, csv or csv-raw, got "xml"$/m);
    expect(out.stderr).toMatch(/^scenarios\/x\.json: the atlas takes no scenario file$/m);
    const until = await runCliAsync(['--atlas', '--hindcast', '--until', '2030', '--base=2020']);
    expect(until.stderr).toMatch(/^--until: the ten-year test runs 2010 → 2020$/m);
    expect(until.stderr).toMatch(/^--base: the ten-year test starts from 2010$/m);
    const twice = await runCliAsync(['--atlas', '--format', 'csv', '--format=json']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^--format: given twice$/m);
  });
});
