/**
 * Generic readers for one prefecture in the leiii/census county extracts
 * (2010 and 2020): city row, district rows, age-sex in the census 5-year
 * groups, hukou-elsewhere and housing shares, and the 城区 coverage check.
 * Used by build-cities.ts for every city (常州 included) and the proxy city.
 */
import { num, req, type Table } from './csv';
import { LEIII_COUNTY_2010, LEIII_COUNTY_2020, LEIII_COUNTY_2020_XLSX, LEIII_ORIGIN, readLeiii } from './sources';
import { assert, rawLabel, rawPath, sig, sum } from './util';
import { readXlsxFirstSheet } from './xlsx';

export type Row = Record<string, string>;

export const SRC_2010 = `2010 census county-level tables as compiled in ${LEIII_ORIGIN}; file ${rawLabel(...LEIII_COUNTY_2010)} (UTF-8 extract of census_county_2010_v1.xlsx)`;
export const SRC_2020 = `2020 census (7th census yearbook) county-level tables as compiled in ${LEIII_ORIGIN}; file ${rawLabel(...LEIII_COUNTY_2020)} (UTF-8 extract of census_county_2020_v1.xlsx)`;

/** Column lookup that tolerates the file's mix of half- and full-width brackets. */
export function col(t: Table, name: string): string {
  const norm = (s: string): string => s.replace(/\)/g, '）').replace(/\(/g, '（');
  const hit = t.header.find((h) => norm(h) === norm(name));
  assert(hit !== undefined, `column "${name}" present`);
  return hit;
}

export const v = (t: Table, r: Row, name: string): number => req(r[col(t, name)], name);
/** Empty cells count as 0 (e.g. 乡村人口 of fully urban districts in 2010). */
export const v0 = (t: Table, r: Row, name: string): number => num(r[col(t, name)], name) ?? 0;
/** "NA" or empty → null (e.g. 城区人口 of districts). */
export const vn = (t: Table, r: Row, name: string): number | null => num(r[col(t, name)], name);

export const share = (a: number, b: number): number => sig(a / b);

export const AGE_GROUPS = [
  '0',
  '1-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85+',
];
export const AGE_GROUP_STARTS = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
export const col2010Age = (g: string, sex: '男' | '女'): string => `${g === '85+' ? '85岁及以上' : `${g}岁`}（${sex}）`;
export const col2020Age = (g: string, sex: '男' | '女'): string =>
  `${sex}_${g === '85+' ? '85岁以上' : `${g.replace('-', '到')}岁`}`;

export interface CityRows {
  t: Table;
  city: Row;
  districts: Row[];
}

/**
 * A full leiii county file (.xlsx) as a Table: header names with their line
 * breaks removed (the 2010 file has "性别比\r\n（女=100）"), cells trimmed
 * (the 2010 file indents district names), short rows padded.
 */
export function readLeiiiXlsx(parts: string[]): Table {
  const rows = readXlsxFirstSheet(rawPath(...parts));
  const header = (rows[0] ?? []).map((h) => h.replace(/[\r\n\s]+/g, ''));
  const body = rows
    .slice(1)
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, k) => [h, (r[k] ?? '').trim()])));
  return { header, rows: body };
}

/** 2010 county table (the 4-city extract unless given): the city row (by code) and its district rows (code prefix). */
export function load2010(name: string, code: string, table?: Table): CityRows {
  const t = table ?? readLeiii(LEIII_COUNTY_2010);
  const city = t.rows.find((r) => r[col(t, '区划代码')] === code);
  assert(city !== undefined && city[col(t, '地区')] === name, `2010 city row ${name} ${code}`);
  const prefix = code.slice(0, 4);
  const districts = t.rows.filter((r) => {
    const c = r[col(t, '区划代码')] ?? '';
    return c.startsWith(prefix) && c !== code;
  });
  return { t, city, districts };
}

/** 2020 extract: rows whose 市 column is the city; the one with 区县 = city is the city row. */
export function load2020(name: string, code: string, table?: Table): CityRows {
  const t = table ?? readLeiii(LEIII_COUNTY_2020);
  const rows = t.rows.filter((r) => r[col(t, '市')] === name);
  const city = rows.find((r) => r[col(t, '区县')] === name);
  assert(city !== undefined && city[col(t, '区划代码')] === code, `2020 city row ${name} ${code}`);
  return { t, city, districts: rows.filter((r) => r !== city) };
}

export const COLS_2010_SUM = (): string[] => [
  '合计',
  '男',
  '女',
  '户籍人口',
  '城镇人口',
  '乡村人口',
  '迁入人口（人）-本县（市）/本市市区',
  '迁入人口（人）-本省其他县（市）、市区',
  '迁入人口（人）-外省',
  '长表数据-家庭户',
  '住房来源-租赁',
  '住房来源-自建',
  '住房来源-购买',
  '住房来源-其他',
  ...AGE_GROUPS.flatMap((g) => [col2010Age(g, '男'), col2010Age(g, '女')]),
];
export const COLS_2020_SUM = (): string[] => [
  '人口数_合计',
  '人口数_男',
  '人口数_女',
  '城镇人口',
  '乡村人口',
  '户口登记地在外乡镇街道人口_本县',
  '户口登记地在外乡镇街道人口_本省其他县',
  '户口登记地在外乡镇街道人口_省外',
  '家庭户户数_长表',
  '住房来源_租赁',
  '住房来源_自建',
  '住房来源_购买',
  '住房来源_继承或赠予',
  '住房来源_其他',
  ...AGE_GROUPS.flatMap((g) => [col2020Age(g, '男'), col2020Age(g, '女')]),
];

/** Checks that the district rows add up to the city row for the given columns. */
export function checkDistrictSums(
  d: CityRows,
  cols: string[],
  year: number,
  cityLabel: string,
): Record<string, unknown> {
  const bad: string[] = [];
  for (const c of cols) {
    const s = sum(d.districts.map((r) => v0(d.t, r, c)));
    if (s !== v0(d.t, d.city, c)) bad.push(`${c}: districts ${s} vs city ${v0(d.t, d.city, c)}`);
  }
  assert(bad.length === 0, `${cityLabel} ${year} district sums: ${bad.join('; ')}`);
  return {
    check: `${year}: the city row (${cityLabel}) equals the sum of its ${d.districts.length} district rows for ${cols.length} count columns (${cols.slice(0, 4).join(', ')}, …, all age-sex columns); the city row is used and nothing is double counted`,
    ok: true,
  };
}

export function ageSex(
  t: Table,
  r: Row,
  colOf: (g: string, s: '男' | '女') => string,
  source: string,
  total: number,
): Record<string, unknown> {
  const female = AGE_GROUPS.map((g) => v(t, r, colOf(g, '女')));
  const male = AGE_GROUPS.map((g) => v(t, r, colOf(g, '男')));
  const s = sum(female) + sum(male);
  assert(s === total, `age-sex sums to total ${total} (got ${s})`);
  return {
    source,
    unit: 'persons',
    ageStarts: AGE_GROUP_STARTS,
    ageLabels: AGE_GROUPS,
    female,
    male,
    checks: [{ check: 'female + male over all age groups equals the resident total', total, ok: true }],
  };
}

/** Persons whose hukou is registered in another township, 2020, as shares of residents. */
export function elsewhere2020(t: Table, r: Row): Record<string, number> {
  const rp = v(t, r, '人口数_合计');
  const a = v(t, r, '户口登记地在外乡镇街道人口_本县');
  const b = v(t, r, '户口登记地在外乡镇街道人口_本省其他县');
  const c = v(t, r, '户口登记地在外乡镇街道人口_省外');
  return {
    sameCounty: share(a, rp),
    otherCountyInProvince: share(b, rp),
    otherProvince: share(c, rp),
    persons_sameCounty: a,
    persons_otherCountyInProvince: b,
    persons_otherProvince: c,
  };
}

export function housing2020(t: Table, r: Row): Record<string, number> {
  const tot = v(t, r, '家庭户户数_长表');
  const out = {
    rented: share(v(t, r, '住房来源_租赁'), tot),
    selfBuilt: share(v(t, r, '住房来源_自建'), tot),
    bought: share(v(t, r, '住房来源_购买'), tot),
    inheritedOrGift: share(v(t, r, '住房来源_继承或赠予'), tot),
    other: share(v(t, r, '住房来源_其他'), tot),
    households: tot,
  };
  const s = out.rented + out.selfBuilt + out.bought + out.inheritedOrGift + out.other;
  assert(Math.abs(s - 1) < 1e-6, 'housing shares sum to 1');
  return out;
}

export function housing2010(t: Table, r: Row): Record<string, number> {
  const tot = v(t, r, '长表数据-家庭户');
  return {
    rented: share(v(t, r, '住房来源-租赁'), tot),
    selfBuilt: share(v(t, r, '住房来源-自建'), tot),
    bought: share(v(t, r, '住房来源-购买'), tot),
    other: share(v(t, r, '住房来源-其他'), tot),
    households: tot,
  };
}

/**
 * Which denominator reproduces the city's 2010 非农业户口人口比重 from the
 * district values: resident (合计) or 户籍人口 weights.
 */
export function nonAgWeights(d: CityRows): { residentWeighted: number; hukouWeighted: number; cityRow: number } {
  const w = nonAgWeightsRaw(d);
  return {
    residentWeighted: sig(w.residentWeighted, 6),
    hukouWeighted: sig(w.hukouWeighted, 6),
    cityRow: sig(w.cityRow),
  };
}

/** nonAgWeights before rounding. */
export function nonAgWeightsRaw(d: CityRows): { residentWeighted: number; hukouWeighted: number; cityRow: number } {
  const t = d.t;
  const nonAgOf = (r: Row): number => v(t, r, '非农业户口人口比重（%）') / 100;
  const res = v(t, d.city, '合计');
  const hukou = v(t, d.city, '户籍人口');
  return {
    residentWeighted: sum(d.districts.map((r) => nonAgOf(r) * v(t, r, '合计'))) / res,
    hukouWeighted: sum(d.districts.map((r) => nonAgOf(r) * v(t, r, '户籍人口'))) / hukou,
    cityRow: nonAgOf(d.city),
  };
}

/**
 * What the city row's 城区人口 covers. Reads the full 2020 county file
 * (census_county_2020_v1.xlsx) and tests whether the national 城区 total equals
 * Σ prefecture city rows + Σ county-level-city rows. If it does, a prefecture's
 * city-row 城区 is the 城区 of its municipal districts (市辖区) only and its
 * county-level cities' 城区 come on top (no double counting).
 */
export function chengquCoverageCheck(): Record<string, unknown> {
  const rows = readXlsxFirstSheet(rawPath(...LEIII_COUNTY_2020_XLSX));
  const header = rows[0] ?? [];
  const k = (name: string): number => {
    const i = header.indexOf(name);
    assert(i >= 0, `xlsx column ${name}`);
    return i;
  };
  const [kProv, kCity, kCounty, kCq] = [k('省'), k('市'), k('区县'), k('城区人口')];
  let national: number | null = null;
  let prefecture = 0;
  let nPrefecture = 0;
  let countyCities = 0;
  let nCountyCities = 0;
  let other = 0;
  for (const r of rows.slice(1)) {
    const cq = num(r[kCq] ?? '', 'xlsx 城区人口');
    if (r[kProv] === '全国') {
      national = cq;
      continue;
    }
    if (cq === null) continue;
    if (r[kCounty] === r[kCity]) {
      prefecture += cq;
      nPrefecture++;
    } else if ((r[kCounty] ?? '').endsWith('市')) {
      countyCities += cq;
      nCountyCities++;
    } else other += cq;
  }
  assert(national !== null, 'xlsx national 城区 row');
  const identity = prefecture + countyCities === national && other === 0;
  assert(identity, `national 城区 ${national} = prefecture rows ${prefecture} + county-level cities ${countyCities}`);
  return {
    check:
      'Coverage of the city-row 城区人口 (full 2020 county file census_county_2020_v1.xlsx, read with scripts/data/lib/xlsx.ts): the national 城区 total equals the sum over prefecture city rows plus the sum over county-level-city rows, and no other row has a 城区 value',
    national,
    prefectureRows: { n: nPrefecture, sum: prefecture },
    countyLevelCityRows: { n: nCountyCities, sum: countyCities },
    ok: true,
    conclusion:
      'A prefecture’s city-row 城区人口 is the 城区 of its municipal districts (the city proper, the figure used for the city-size classification) and does NOT include the 城区 of its county-level cities, which are counted separately. Hence: core 城区 = city-row 城区 (all 市辖区), county 城区 = Σ county-level cities’ 城区, 镇区 = urban − both.',
  };
}
