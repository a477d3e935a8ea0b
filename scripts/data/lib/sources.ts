/**
 * Readers for the raw CSV files in shared/data/raw. Every reader checks the
 * layout it relies on and throws if the file does not look as expected.
 */
import { readCsv, readTable, req, type Table } from './csv';
import { AGES, assert, rawLabel, rawPath, sum } from './util';

export type Sex = 'female' | 'male';
export const SEXES: readonly Sex[] = ['female', 'male'];

// ---------------------------------------------------------------------------
// UN Demographic Yearbook (UNdata export): China census population by single
// year of age and sex.

export const UN_SINGLE_AGE_FILE = ['bayesiandemography_marital', 'UNdata_Export_20180121_001507260.csv'];

export interface SingleAgeCensus {
  readonly source: string;
  readonly year: number;
  /** Ages 0 … 99 and the open group 100+ (index 100). */
  readonly bySex: Record<Sex, number[]>;
  /** The file's "Total" rows. */
  readonly totals: Record<Sex, number>;
  /** The file's 5-year group rows ("0 - 4" … "95 - 99"), keyed by their label. */
  readonly groups: Record<Sex, Record<string, number>>;
  readonly openLabel: string;
  readonly record: string;
  readonly footnotes: string[];
}

export function readUnSingleAge(year: number): SingleAgeCensus {
  const rows = readCsv(rawPath(...UN_SINGLE_AGE_FILE));
  const header = rows[0] ?? [];
  const col = (name: string): number => {
    const k = header.indexOf(name);
    assert(k >= 0, `UNdata column "${name}" present`);
    return k;
  };
  const [cCountry, cYear, cArea, cSex, cAge, cRecord, cValue, cFoot] = [
    'Country or Area',
    'Year',
    'Area',
    'Sex',
    'Age',
    'Record Type',
    'Value',
    'Value Footnotes',
  ].map(col) as [number, number, number, number, number, number, number, number];

  const bySex: Record<Sex, number[]> = {
    female: new Array<number>(AGES).fill(NaN),
    male: new Array<number>(AGES).fill(NaN),
  };
  const totals: Record<Sex, number> = { female: NaN, male: NaN };
  const groups: Record<Sex, Record<string, number>> = { female: {}, male: {} };
  let openLabel = '';
  let record = '';
  let footIds = '';
  for (const r of rows.slice(1)) {
    if (r.length < header.length) continue; // footnote block at the end of the export
    if (r[cCountry] !== 'China' || r[cYear] !== String(year) || r[cArea] !== 'Total') continue;
    const sexLabel = r[cSex];
    const sex: Sex | null = sexLabel === 'Female' ? 'female' : sexLabel === 'Male' ? 'male' : null;
    assert(sex !== null, `UNdata sex label "${sexLabel}" is Female or Male`);
    const age = (r[cAge] ?? '').trim();
    const value = req(r[cValue], `UNdata ${year} ${sexLabel} ${age}`);
    record = r[cRecord] ?? '';
    footIds = r[cFoot] ?? '';
    if (age === 'Total') totals[sex] = value;
    else if (/^\d+$/.test(age)) {
      const a = Number(age);
      assert(a < AGES - 1, `UNdata single age ${a} < 100`);
      bySex[sex][a] = value;
    } else if (/^100\s*\+$/.test(age)) {
      bySex[sex][AGES - 1] = value;
      openLabel = age;
    } else if (/^\d+\s*-\s*\d+$/.test(age)) groups[sex][age.replace(/\s+/g, '')] = value;
    else throw new Error(`UNdata: unexpected age label "${age}"`);
  }
  for (const s of SEXES) {
    assert(
      bySex[s].every((v) => Number.isFinite(v)),
      `UNdata ${year} ${s}: all 101 single ages present`,
    );
    assert(Number.isFinite(totals[s]), `UNdata ${year} ${s}: Total row present`);
  }
  // Footnote texts, keyed by id, from the block after the data.
  const notes = new Map<string, string>();
  let inNotes = false;
  for (const r of rows) {
    if (r[0] === 'footnoteSeqID') {
      inNotes = true;
      continue;
    }
    if (inNotes && r.length >= 2 && r[0]) notes.set(r[0], r[1] ?? '');
  }
  const footnotes = footIds
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => `${id}: ${notes.get(id) ?? '(text not found)'}`);
  return {
    source: `UN Demographic Yearbook via UNdata export 2018-01-21, "Population by age, sex and urban/rural residence", China, ${year}, Area Total (${record}); file ${rawLabel(...UN_SINGLE_AGE_FILE)} (from github.com/bayesiandemography/marital data-raw, MIT)`,
    year,
    bySex,
    totals,
    groups,
    openLabel,
    record,
    footnotes,
  };
}

/** Sum of single-age counts over ages [from, to] inclusive. */
export const sumAges = (v: readonly number[], from: number, to: number): number => sum(v.slice(from, to + 1));

// ---------------------------------------------------------------------------
// UN WPP custom-data CSV conversions. Their header rows were lost in the
// conversion to CSV (see raw/README.md); the column labels below were read
// from the header of the matching .xlsx (its shared-strings table) and are
// the only thing taken from the .xlsx. Values are read from the CSV only.

export const WPP_DEATHS_FILE = ['bayesiandemography_marital', 'NumberDeaths-20171201121407.csv'];
export const WPP_BIRTHS_FILE = ['bayesiandemography_marital', 'NumberBirthsAgeMother-20171130020714.csv'];
export const WPP_E0_FILE = ['bayesiandemography_marital', 'LifeExpectancy-20200727034920.csv'];

/** Death columns after "Note" (xlsx header): Total, 0-4, 5-9, …, 90-94, 95+. */
export const WPP_DEATH_GROUPS = [
  '0-4',
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
  '85-89',
  '90-94',
  '95+',
] as const;
/** Birth columns after "Note" (xlsx header): mother's age 15-19 … 45-49. */
export const WPP_BIRTH_GROUPS = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49'] as const;
/** Life-expectancy columns after "Note" (xlsx header). */
export const WPP_E0_PERIODS = ['1990 - 1995', '1995 - 2000', '2000 - 2005', '2005 - 2010', '2010 - 2015'] as const;

const isChina = (cell: string | undefined): boolean => (cell ?? '').trim() === 'China';

export interface WppDeaths {
  readonly source: string;
  /** Thousands of deaths over the 5-year period. */
  readonly total: Record<Sex, number>;
  readonly groups: Record<Sex, number[]>;
}

export function readWppDeaths(period: string): WppDeaths {
  const rows = readCsv(rawPath(...WPP_DEATHS_FILE));
  const total = { female: NaN, male: NaN } as Record<Sex, number>;
  const groups = { female: [], male: [] } as Record<Sex, number[]>;
  for (const r of rows) {
    if (!isChina(r[1]) || r[2] !== period) continue;
    // code, location, time, sex, note, Total, 20 groups
    assert(r.length === 6 + WPP_DEATH_GROUPS.length, `WPP deaths row has ${6 + WPP_DEATH_GROUPS.length} fields`);
    const sex: Sex =
      r[3] === 'Female'
        ? 'female'
        : r[3] === 'Male'
          ? 'male'
          : (() => {
              throw new Error(`WPP deaths sex "${r[3]}"`);
            })();
    total[sex] = req(r[5], 'WPP deaths total');
    groups[sex] = r.slice(6).map((c, k) => req(c, `WPP deaths ${sex} ${WPP_DEATH_GROUPS[k]}`));
  }
  for (const s of SEXES) assert(groups[s].length === WPP_DEATH_GROUPS.length, `WPP deaths ${period} ${s} found`);
  return {
    source: `UN DESA Population Division, World Population Prospects: The 2017 Revision, custom data: "Number of deaths by age and sex (thousands)", China, ${period}; file ${rawLabel(...WPP_DEATHS_FILE)} (CSV conversion of the .xlsx from github.com/bayesiandemography/marital, MIT)`,
    total,
    groups,
  };
}

export interface WppBirths {
  readonly source: string;
  /** Thousands of births over the 5-year period by mother's age group. */
  readonly groups: number[];
}

export function readWppBirths(period: string): WppBirths {
  const rows = readCsv(rawPath(...WPP_BIRTHS_FILE));
  const hit = rows.filter((r) => isChina(r[1]) && r[2] === period);
  assert(hit.length === 1, `WPP births ${period}: exactly one China row`);
  const r = hit[0]!;
  // code, location, time, note, 7 groups
  assert(r.length === 4 + WPP_BIRTH_GROUPS.length, `WPP births row has ${4 + WPP_BIRTH_GROUPS.length} fields`);
  return {
    source: `UN DESA Population Division, World Population Prospects: The 2017 Revision, custom data: "Number of births by age of mother (thousands)", China, ${period}; file ${rawLabel(...WPP_BIRTHS_FILE)} (CSV conversion of the .xlsx from github.com/bayesiandemography/marital, MIT)`,
    groups: r.slice(4).map((c, k) => req(c, `WPP births ${WPP_BIRTH_GROUPS[k]}`)),
  };
}

export interface WppE0 {
  readonly source: string;
  readonly period: string;
  readonly both: number;
  readonly female: number;
  readonly male: number;
}

export function readWppE0(period: string): WppE0 {
  const k = WPP_E0_PERIODS.indexOf(period as (typeof WPP_E0_PERIODS)[number]);
  assert(k >= 0, `WPP e0 period ${period} is one of the file's columns`);
  const rows = readCsv(rawPath(...WPP_E0_FILE)).filter((r) => isChina(r[1]));
  const get = (label: string): number => {
    const r = rows.find((x) => x[2] === label);
    assert(r !== undefined, `WPP e0 row ${label}`);
    // code, location, sex, age (0), note, 5 periods
    assert(r.length === 5 + WPP_E0_PERIODS.length, 'WPP e0 row length');
    assert(r[3] === '0', 'WPP e0 row is at exact age 0');
    return req(r[5 + k], `WPP e0 ${label}`);
  };
  return {
    source: `UN DESA Population Division, World Population Prospects 2019, custom data: "Life expectancy, e(x), at exact age x (years)", China, age 0, ${period}; file ${rawLabel(...WPP_E0_FILE)}. Column periods (1990-1995 … 2010-2015) read from the .xlsx header because the CSV conversion dropped it: the last column is 2010-2015, not 2015-2020 as guessed in shared/data/README.md §3c.`,
    period,
    both: get('Both sexes combined'),
    female: get('Female'),
    male: get('Male'),
  };
}

// ---------------------------------------------------------------------------
// leiii/census county extracts.

export const LEIII_COUNTY_2010 = ['leiii_census', 'extract_county_2010_4cities.csv'];
export const LEIII_COUNTY_2020 = ['leiii_census', 'extract_county_2020_4cities.csv'];
export const LEIII_CITY = ['leiii_census', 'extract_city_2010-2020_4cities.csv'];
/** Every prefecture (2010 & 2020 city-level census figures, with a WKT boundary column). */
export const LEIII_CITY_ALL = ['leiii_census', 'census_city_2010-2020_v1.csv'];
export const LEIII_COUNTY_2010_XLSX = ['leiii_census', 'census_county_2010_v1.xlsx'];
export const LEIII_COUNTY_2020_XLSX = ['leiii_census', 'census_county_2020_v1.xlsx'];
export const LEIII_ORIGIN =
  'github.com/leiii/census @ 0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 (MIT), compiled from the 2010 and 2020 census yearbooks (县级 tables)';

export const readLeiii = (parts: string[]): Table => readTable(rawPath(...parts));
