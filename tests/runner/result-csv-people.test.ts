/**
 * The results CSV for people: Chinese headers naming each unit, a unit row, values rounded in the units
 * officials use (万人, 人, %, 百分点, 亿元, 元/人, 公顷), scenario names for channels and zones, the analyses'
 * columns named too, and an English variant.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultToCsv } from '../../src/runner/result-csv';
import { csvNamesOf, resultToPeopleCsv } from '../../src/runner/result-csv-people';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runScenario } from '../../src/scenario/run';

const { result: r, scenario } = runScenario(
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')),
  nodeDataLoader(),
);
const names = csvNamesOf(scenario);

/** RFC 4180 fields of a CSV text (quoted fields may hold commas and quotes). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trimEnd().split('\n')) {
    const fields: string[] = [];
    for (let i = 0; i <= line.length;) {
      if (line[i] === '"') {
        let v = '';
        for (i++; i < line.length; i++)
          if (line[i] === '"' && line[i + 1] === '"') {
            v += '"';
            i++;
          } else if (line[i] === '"') break;
          else v += line[i];
        fields.push(v);
        i += 2;
      } else {
        const end = line.indexOf(',', i);
        fields.push(line.slice(i, end < 0 ? line.length : end));
        i = end < 0 ? line.length + 1 : end + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

const rows = parse(resultToPeopleCsv(r, { names }));
const [header, units] = rows;
const data = rows.slice(2);
const column = (name: string): string[] => {
  const j = header.indexOf(name);
  expect(j, `no column ${name}`).toBeGreaterThan(0);
  return data.map((row) => row[j]);
};

describe('resultToPeopleCsv', () => {
  it('has Chinese headers that name each unit, one row per year after the unit row', () => {
    expect(header[0]).toBe('年份');
    for (const h of [
      '常住人口（万人）',
      '常住人口城镇化率（%）',
      '户籍人口城镇化率（%）',
      '两率差距（百分点）',
      '落户人数（人）',
      '市民化总成本（亿元）',
      '市民化成本·中央承担（亿元）',
      '落户当年人均成本（元/人）',
      '当年新增建设用地（公顷）',
      '落户人数·中心城区（人）',
    ])
      expect(header).toContain(h);
    expect(data.map((row) => Number(row[0]))).toEqual(r.years);
    expect(new Set(header).size).toBe(header.length);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    // Every series column: Chinese, its unit in brackets, no English key left.
    for (const h of header.slice(1, -1)) {
      expect(h).toMatch(/[\u4e00-\u9fff]/);
      expect(h).toMatch(/（[^（）]+）$/);
      expect(h).not.toMatch(/[a-z]{2}/);
    }
  });

  it('puts the unit of each column in the second row, the one its header names', () => {
    expect(units[0]).toBe('单位');
    header.slice(1, -1).forEach((h, k) => expect(h.endsWith(`（${units[k + 1]}）`)).toBe(true));
    expect(new Set(units.slice(1, -1))).toEqual(new Set(['万人', '人', '%', '百分点', '亿元', '元/人', '公顷']));
  });

  it('gives rates in % with 2 decimals: 100 × the fraction, rounded', () => {
    for (const [name, raw] of [
      ['常住人口城镇化率（%）', r.series.residentUrbanRate],
      ['户籍人口城镇化率（%）', r.series.hukouUrbanRate],
    ] as const)
      column(name).forEach((cell, i) => {
        expect(cell).toMatch(/^\d+\.\d{2}$/);
        expect(cell).toBe((Math.round(raw[i]! * 1e4) / 100).toFixed(2));
      });
    column('两率差距（百分点）').forEach((cell, i) => expect(Number(cell)).toBeCloseTo(r.series.gapPoints[i]!, 2));
  });

  it('converts money to 亿元, stocks to 万人, flows to whole persons; null stays empty', () => {
    const f = r.fiscal!;
    column('市民化总成本（亿元）').forEach((cell, i) =>
      f.totalCost[i] === null ? expect(cell).toBe('') : expect(Number(cell)).toBeCloseTo(f.totalCost[i]! / 1e8, 4),
    );
    const central = column('市民化成本·中央承担（亿元）');
    expect(Number(central[5])).toBeCloseTo(f.costByPayer.central[5]! / 1e8, 4);
    expect(Number(central[5])).toBeGreaterThan(0);
    column('常住人口（万人）').forEach((cell, i) => {
      expect(cell).toMatch(/^\d+\.\d{2}$/);
      expect(Number(cell)).toBeCloseTo(r.series.residentPop[i]! / 1e4, 2);
    });
    const settlers = column('落户人数（人）');
    expect(settlers[0]).toBe(''); // a flow of the base year
    settlers.slice(1).forEach((cell, i) => expect(cell).toBe(String(Math.round(r.series.settlers[i + 1]!))));
    column('落户当年人均成本（元/人）')
      .slice(1)
      .forEach((cell) => expect(cell).toMatch(/^\d+$/));
  });

  it('keeps no value with more than 4 decimals', () => {
    for (const row of data) for (const cell of row) expect(cell).not.toMatch(/\.\d{5,}/);
  });

  it('names channels and zones by the scenario, ids without names; the hukou definition in words', () => {
    const talent = names.channels!.find((c) => c.id === 'talent')!;
    expect(header).toContain(`落户人数·${talent.label}（人）`);
    const bare = parse(resultToPeopleCsv(r))[0];
    expect(bare).toContain('落户人数·talent（人）');
    expect(header.at(-1)).toBe('户籍人口口径');
    expect(data[0].at(-1)).toBe('按户籍登记地口径');
  });

  it('quotes names with commas and keeps a spreadsheet from running a name as a formula', () => {
    const odd = {
      ...names,
      zones: names.zones!.map((z, k) => (k === 0 ? { ...z, label: '主城区, "老城"' } : z)),
    };
    const text = resultToPeopleCsv(r, { names: odd });
    expect(parse(text)[0]).toContain('落户人数·主城区, "老城"（人）');
    const formula = parse(resultToPeopleCsv(r, { names: odd, extra: { '=cmd': { settlers: r.series.settlers } } }))[0];
    expect(formula.at(-2)!.startsWith("'=cmd")).toBe(true);
  });

  it('names the analyses’ columns: percentiles and the back-test', () => {
    const extra = {
      uncertainty: { p5: { residentUrbanRate: r.series.residentUrbanRate, totalCost: r.fiscal!.totalCost } },
      backtest: { residentPop: r.series.residentPop },
    };
    const withExtra = parse(resultToPeopleCsv(r, { names, extra }));
    expect(withExtra[0]).toContain('常住人口城镇化率 P5（%）');
    expect(withExtra[0]).toContain('市民化总成本 P5（亿元）');
    expect(withExtra[0]).toContain('回测·常住人口（万人）');
    const j = withExtra[0].indexOf('常住人口城镇化率 P5（%）');
    expect(withExtra[2 + 3][j]).toBe(column('常住人口城镇化率（%）')[3]);
  });

  it('has English headers with units on request', () => {
    const en = parse(resultToPeopleCsv(r, { names, lang: 'en' }));
    expect(en[0][0]).toBe('Year');
    expect(en[1][0]).toBe('Unit');
    expect(en[0]).toContain('Resident urbanisation rate (%)');
    expect(en[0]).toContain('Gap (percentage points)');
    expect(en[0]).toContain('Total citizenisation cost (CNY million)');
    const j = en[0].indexOf('Resident population (thousand persons)');
    expect(Number(en[2][j])).toBeCloseTo(r.series.residentPop[0]! / 1e3, 1);
  });

  it('leaves the machine form as it was', () => {
    expect(resultToCsv(r).split('\n')[0].startsWith('"year","residentPop"')).toBe(true);
  });
});
