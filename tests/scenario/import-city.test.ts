import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/runner/node-loader';
import { parseCityCsv, parseCityJson, parseCityTable } from '../../src/scenario/import-city';
import { decodeTable, parseAge, parseCount, splitCsv } from '../../src/scenario/import-city-text';
import { buildCityPart, fitPackage, tableTotalWarnings, type CityTotals } from '../../src/scenario/import-city-part';

// liaoyuan-2020.csv is Liaoyuan's 2020 census population by 5-year group and sex (shared/data/raw/leiii_census);
// zh-total.csv is the same with Chinese headers and labels (0岁, 1-4岁, 85+); zh-urban-rural-excel.csv splits it
// into urban and rural columns as a Chinese Excel saves it (BOM, CRLF, a title row, quoted thousands, 合计).
const fixture = (f: string) => readFileSync(resolve(PROJECT_ROOT, 'tests/fixtures/import', f));
const LIAOYUAN = parseCityCsv(fixture('liaoyuan-2020.csv').toString('utf8'), 'l.csv').population!;

describe('bring your own city: parsing', () => {
  it('reads total or urban/rural columns and checks every line', () => {
    const ok = parseCityCsv('age,female,male\n0,10,11\n1-4,40,41\n5+,500,480\n', 'x.csv');
    expect(ok.issues).toEqual([]);
    expect(ok.population!.total).toMatchObject({ ageStarts: [0, 1, 5], female: [10, 40, 500], male: [11, 41, 480] });
    const split = parseCityCsv(
      'age,female_urban,male_urban,female_rural,male_rural\n0,1,2,3,4\n1+,10,20,30,40\n',
      's.csv',
    );
    expect(split.population!.total.female).toEqual([4, 40]);
    expect(split.population!.rural!.male).toEqual([4, 40]);
  });

  it('names the line and column of every problem, in Chinese and English', () => {
    const bad = parseCityCsv('age,female,male\n0,10,x\n2-4,-3,5\n85,1,1\n', 'b.csv');
    expect(bad.population).toBeNull();
    expect(bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'b.csv:2: male列：“x”不是数 / column male: "x" is not a number',
      'b.csv:3: female列：-3 为负 / column female: -3 is negative',
      'b.csv:3: 年龄组从 2 岁开始，应为 1 岁（各组须从 0 岁起首尾相接） / age group starts at 2, expected 1 (groups must follow each other from 0)',
      'b.csv:4: 年龄组从 85 岁开始，应为 5 岁（各组须从 0 岁起首尾相接） / age group starts at 85, expected 5 (groups must follow each other from 0)',
      'b.csv:4: 最后一个年龄组须为开口组（“85+”）或止于 100 岁 / the last age group must be open ("85+") or end at 100',
    ]);
    const h = parseCityCsv('age,women,men\n0,1,1\n', 'h.csv').issues[0].message;
    expect(h).toMatch(/^缺少“female”列 \/ missing column "female"; 表头应为 年龄,女,男/);
    expect(
      parseCityJson('{"ageStarts":[0,5],"female":[1],"male":[1,"a"]}', 'j.json').issues.map((i) => i.path),
    ).toEqual(['j.json#/female', 'j.json#/male/1']);
    expect(parseCityJson('[1]', 'a.json').issues[0].message).toBe('须为 JSON 对象 / must be a JSON object');
  });

  it('reads Chinese headers and age labels: 年龄,女,男 with 0岁, 1-4岁, 85+', () => {
    const zh = parseCityCsv(fixture('zh-total.csv').toString('utf8'), 'zh.csv');
    expect(zh.issues).toEqual([]);
    expect(zh.population!.total).toEqual({ ...LIAOYUAN.total, source: 'zh.csv' });
    expect(zh.population!.urban).toBeNull();
  });

  it('reads urban and rural columns as a Chinese Excel saves them: BOM, title row, "1,000", 合计 row', () => {
    const r = parseCityTable(fixture('zh-urban-rural-excel.csv'), 'ur.csv');
    expect(r.issues).toEqual([]);
    const p = r.population!;
    expect(p.total.ageStarts).toEqual(LIAOYUAN.total.ageStarts);
    expect(p.total.female).toEqual(LIAOYUAN.total.female); // urban + rural: nothing lost to the quoted commas
    expect(p.total.male).toEqual(LIAOYUAN.total.male);
    expect(p.urban!.female[0]).toBe(1169);
    expect(p.rural!.male[18]).toBe(2031);
    expect(r.notes).toEqual([
      '跳过了表头（第 2 行）之前的 1 行 / skipped 1 row(s) before the header on line 2',
      '跳过了第 22 行的合计行（“合计”） / skipped the total row "合计" on line 22',
    ]);
  });

  it('sums census columns 城市 and 镇 into 城镇, and reads English headers in either order', () => {
    const census = parseCityCsv(
      '年龄,城市女,城市男,镇女,镇男,乡村女,乡村男,合计\n0,1,2,10,20,100,200,333\n1+,3,4,30,40,300,400,777\n',
      'c.csv',
    );
    expect(census.issues).toEqual([]);
    expect(census.population!.urban).toMatchObject({ female: [11, 33], male: [22, 44] });
    expect(census.population!.total).toMatchObject({ female: [111, 333], male: [222, 444] });
    const en = parseCityCsv('Age,Urban Female,Urban Male,rural_female,RURAL_MALE\n0,1,2,3,4\n1+,5,6,7,8\n', 'e.csv');
    expect(en.population!.rural).toMatchObject({ female: [3, 7], male: [4, 8] });
  });

  it('reads a GBK file (bytes that are not UTF-8), saying so', () => {
    // 年龄,女,男 in GBK, then rows whose labels end in 岁 (cb ea) and 岁及以上 (cb ea bc b0 d2 d4 c9 cf).
    const bytes = Buffer.concat([
      Buffer.from('c4eac1e42cc5ae2cc4d00a', 'hex'),
      Buffer.from('30cbea2c31302c31310a', 'hex'), // 0岁,10,11
      Buffer.from('312d3834cbea2c3430302c3431300a', 'hex'), // 1-84岁,400,410
      Buffer.from('3835cbeabcb0d2d4c9cf2c35302c34300a', 'hex'), // 85岁及以上,50,40
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the premise
    expect(decodeTable(bytes)).toEqual({
      text: '年龄,女,男\n0岁,10,11\n1-84岁,400,410\n85岁及以上,50,40\n',
      encoding: 'gbk',
    });
    const r = parseCityTable(bytes, 'gbk.csv');
    expect(r.issues).toEqual([]);
    expect(r.population!.total).toMatchObject({ ageStarts: [0, 1, 85], female: [10, 400, 50], male: [11, 410, 40] });
    expect(r.notes).toEqual(['gbk.csv: 不是 UTF-8，按 GBK 编码读取 / not UTF-8: read as GBK']);
    // UTF-8 with a BOM and UTF-16 with a BOM read as themselves.
    expect(decodeTable(Buffer.from('\ufeff年龄', 'utf8'))).toEqual({ text: '年龄', encoding: 'utf-8' });
    expect(decodeTable(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('年龄\t女', 'utf16le')]))).toEqual({
      text: '年龄\t女',
      encoding: 'utf-16le',
    });
  });

  it('splits RFC 4180 rows: quoted commas, doubled quotes, tabs; counts with thousands separators', () => {
    expect(splitCsv('a,"1,000","say ""hi"""\r\n\r\nb,2,3\n')).toEqual([
      { line: 1, cells: ['a', '1,000', 'say "hi"'] },
      { line: 3, cells: ['b', '2', '3'] },
    ]);
    // A quote after a space still opens a quoted cell (spreadsheets write `2020, "1,000"`).
    expect(splitCsv('2020, "1,000"\n"x" ,y').map((r) => r.cells)).toEqual([
      ['2020', '1,000'],
      ['x', 'y'],
    ]);
    // A line break inside a quoted cell: the next row's line counts it.
    expect(splitCsv('age,"note\nover two lines",x\n5,6,7\n').map((r) => r.line)).toEqual([1, 3]);
    expect(splitCsv('年龄\t女\t男\n0\t1\t2').map((r) => r.cells)).toEqual([
      ['年龄', '女', '男'],
      ['0', '1', '2'],
    ]);
    expect(['1,000', '1,234,567', '1 000', '１２３', '12.5', '-3', '1_000'].map(parseCount)).toEqual([
      1000, 1234567, 1000, 123, 12.5, -3, 1000,
    ]);
    // A decimal comma or a misplaced separator is no count.
    expect(['1,5', '12,34', '', 'x', '1,0000'].map(parseCount)).toEqual([null, null, null, null, null]);
    const q = parseCityCsv('age,female,male\n0,"1,000","2,500"\n1+,"1,234,567",3\n', 'q.csv');
    expect(q.population!.total).toMatchObject({ female: [1000, 1234567], male: [2500, 3] });
  });

  it('tolerates the age labels of yearbooks', () => {
    const labels = [
      '0',
      '0岁',
      '1-4岁',
      '1～4岁',
      '1至4岁',
      '85+',
      '85岁及以上',
      '85岁以上',
      '85+岁',
      '１００＋',
      '85 - 89',
    ];
    expect(labels.map(parseAge)).toEqual([
      [0, 0],
      [0, 0],
      [1, 4],
      [1, 4],
      [1, 4],
      [85, null],
      [85, null],
      [85, null],
      [85, null],
      [100, null],
      [85, 89],
    ]);
    expect(['', 'abc', '4-', '岁'].map(parseAge)).toEqual([null, null, null, null]);
  });
});

describe('bring your own city: the part', () => {
  const template = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/cities/changzhou.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const totals: CityTotals = {
    id: 'x',
    name: 'X',
    baseYear: 2020,
    resident: 1_000_000,
    urban: 600_000,
    hukou: 950_000,
    urbanHukou: 500_000,
  };

  it('scales the template’s flows in persons to the city (residents, or the register for registration flows)', () => {
    const tpl = structuredClone(template) as { registration: { transfer: { personsPerYear: unknown } } };
    tpl.registration.transfer.personsPerYear = { '2015': 37_085, '2020': 0 };
    const { part, notes } = buildCityPart(totals, LIAOYUAN, 'l.csv', 'scenarios/cities/changzhou.json', tpl);
    const p = part as {
      migration: { inflow: { persons: number; zoneShares: unknown } };
      registration: { transfer: { personsPerYear: unknown }; family: { rate: number } };
      sources: Record<string, string>;
    };
    expect(p.migration.inflow.persons).toBe(Math.round((173_399 * 1_000_000) / 4_701_400));
    // Registration flows follow the register: 950,000 / 3,708,500.
    expect(p.registration.transfer.personsPerYear).toEqual({
      '2015': Math.round((37_085 * 950_000) / 3_708_500),
      '2020': 0,
    });
    // Rates and shares stay.
    expect(p.registration.family.rate).toBe(0.001);
    expect(p.migration.inflow.zoneShares).toEqual({ core: 0.673, county: 0.0861, town: 0.2409 });
    expect(p.sources['/migration/inflow/persons']).toMatch(
      /^assumption: scaled from the template scenarios\/cities\/changzhou\.json by this city's residents over the template's \(1,000,000 \/ 4,701,400 = 0\.2127\): 173,399 → 36,882/,
    );
    expect(p.sources['/registration/transfer/personsPerYear']).toMatch(
      /registered population over the template's \(950,000 \/ 3,708,500/,
    );
    expect(notes[0]).toBe(
      "提示/note: /migration/inflow/persons: 模板的人数按常住人口之比（1,000,000 / 4,701,400 = 0.2127）缩放：173,399 → 36,882 / the template's count scaled by the residents (1,000,000 / 4,701,400 = 0.2127): 173,399 → 36,882",
    );
    // The template itself is untouched.
    expect((template.migration as { inflow: { persons: number } }).inflow.persons).toBe(173_399);
  });

  it('warns when the age table is more than 2 % away from the totals (and its urban columns from --urban)', () => {
    const sum = 996_903;
    expect(tableTotalWarnings(LIAOYUAN, { ...totals, resident: Math.round(sum * 1.015) })).toEqual([]);
    expect(tableTotalWarnings(LIAOYUAN, { ...totals, resident: 1_590_000 })).toEqual([
      '警告/warning: 年龄表合计 996,903 人，与 --resident 1,590,000 相差 -37.3 %：表只给出年龄结构，请核对二者是否为同一人口、同一年份 / the age table sums to 996,903 people against --resident 1,590,000 (-37.3 %): it gives the age shape only; check that both are for the same population and year',
    ]);
    const split = parseCityTable(fixture('zh-urban-rural-excel.csv'), 'ur.csv').population!;
    const w = tableTotalWarnings(split, { ...totals, resident: sum, urban: 400_000 });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/年龄表城镇列合计 573,216 人，与 --urban 400,000 相差 \+43\.3 %/);
  });

  it('fits a package to the base year: past targets left out, past changes from the first projected year, sources renumbered', () => {
    const pkg = {
      targets: [
        { id: 'a', year: 2020 },
        { id: 'b', year: 2025 },
      ],
      timeline: [
        { year: 2022, set: { '/x': 1 } },
        { year: 2018, set: { '/y': 2 } },
      ],
      sources: { '/targets/0': 'A', '/targets/1': 'B', '/timeline/0': 'T22', '/timeline/1/set': 'T18', '/policy': 'P' },
    };
    const f = fitPackage('scenarios/packages/p.json', pkg, 2020);
    const c = f.include as typeof pkg;
    expect(c.targets).toEqual([{ id: 'b', year: 2025 }]);
    expect(c.timeline).toEqual([
      { year: 2021, set: { '/y': 2 } },
      { year: 2022, set: { '/x': 1 } },
    ]);
    expect(c.sources).toMatchObject({
      '/targets/0': 'B',
      '/timeline/0/set': 'T18',
      '/timeline/1': 'T22',
      '/policy': 'P',
    });
    expect(Object.keys(c.sources)).not.toContain('/targets/1');
    expect(f.warnings[0]).toMatch(
      /^警告\/warning: scenarios\/packages\/p\.json: 政策包的目标 a \(2020\) 不晚于基年 2020/,
    );
    expect(f.warnings[1]).toMatch(/they apply from 2021$/);
    expect(pkg.targets).toHaveLength(2); // the package itself is untouched
    // Nothing to fit: the package goes by its path.
    expect(fitPackage('scenarios/packages/p.json', pkg, 2017)).toEqual({
      include: 'scenarios/packages/p.json',
      warnings: [],
    });
  });
});
