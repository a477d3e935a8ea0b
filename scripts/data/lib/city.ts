/**
 * What the city builders share (build-cities.ts, cities/*.ts): observation and found-figure types, the
 * city config, census-day interpolation, rounding.
 */
import { share, type CityRows } from './census';
import { type Table } from './csv';
import { assert, sig, sum } from './util';

export type Tier = 'core' | 'county';
export type Confidence = 'verified' | 'derived' | 'recollection' | 'assumption';
export type Metric =
  'residentUrbanRate' | 'residentPop' | 'hukouPop' | 'hukouUrbanRate' | 'urbanResidentPop' | 'urbanHukouPop';

export interface Obs {
  metric: Metric;
  year: number;
  value: number;
  source: string;
  definition?: 'nonAgricultural' | 'address';
  confidence: Confidence;
  vintage?: 'original' | 'revised' | 'census';
  note?: string;
}

export interface Found {
  url: string;
  title: string;
  quote: string;
  quality: string;
}

export const README = 'shared/data/README.md';
export const foundSource = (f: Found): string => `${f.title}: ${f.url}`;

/** Census days: 2010-11-01 and 2020-11-01, as decimal years. */
export const CENSUS_2010 = 2010 + 10 / 12;
export const CENSUS_2020 = 2020 + 10 / 12;
/** Fraction of the way from the 2010 to the 2020 census day at the end of `year`. */
export const yearEndFraction = (year: number): number => (year + 1 - CENSUS_2010) / (CENSUS_2020 - CENSUS_2010);

// ---------------------------------------------------------------------------

export interface ZoneSplit {
  coreChengqu: number;
  countyChengqu: number;
  method: string;
  confidence: Confidence;
  bounds?: Record<string, unknown>;
}

export interface CityConfig {
  key: string;
  /** Output path under data/ (default cities/<key>.json). */
  outFile?: string;
  /** Census tables other than the 4-city extracts (e.g. the full county .xlsx files). */
  tables?: () => { t10: Table; t20: Table; src10: string; src20: string };
  /** City-level file to cross-check totals against (default: the 4-city extract). */
  cityFile?: string[];
  /** Explains a 2010 difference between the county file and the city file. */
  cityFile2010Note?: string;
  /** Extra top-level fields, placed after "city". */
  extra?: (ctx: Ctx) => Record<string, unknown>;
  /** Extra top-level fields, placed after "ageSex2020". */
  extraAfterAgeSex?: (ctx: Ctx) => Record<string, unknown>;
  name: string;
  code: string;
  province: string;
  nameEn: string;
  document: { seed: string; summary: string };
  readmeSection: string;
  tiers: Record<string, Tier>;
  zoneNames: Record<Tier | 'town', string>;
  tierAssumption: string;
  alternativeTiers?: { label: string; tiers: Record<string, Tier> };
  /** Splits the city 城区 population between core and county zones. */
  zoneSplit: (ctx: Ctx) => ZoneSplit;
  published: (ctx: Ctx) => Obs[];
  baseYear: (ctx: Ctx) => Record<string, unknown>;
  sourcesFound: Record<string, Found>;
  gaps: string[];
  notes?: string[];
}

export interface Ctx {
  src10: string;
  src20: string;
  d10: CityRows;
  d20: CityRows;
  res10: number;
  urb10: number;
  hukou10: number;
  nonAg10: number;
  res20: number;
  urb20: number;
  chengqu20: number;
  districts2020: District[];
  districts2010: District[];
}

export interface District {
  name: string;
  code: string;
  residentPop: number;
  urbanPop: number;
  ruralPop: number;
  urbanShare: number;
  chengquPop?: number | null;
  hukouPop?: number;
  nonAgriculturalShare?: number;
  tier: Tier;
}

export function tierOf(cfg: CityConfig, name: string): Tier {
  const t = cfg.tiers[name];
  assert(t !== undefined, `${cfg.name}: tier for ${name}`);
  return t;
}

export function tierTotals(
  ds: District[],
): Record<Tier, { residentPop: number; urbanPop: number; urbanShare: number }> {
  const out = {} as Record<Tier, { residentPop: number; urbanPop: number; urbanShare: number }>;
  for (const tier of ['core', 'county'] as Tier[]) {
    const sel = ds.filter((d) => d.tier === tier);
    const rp = sum(sel.map((d) => d.residentPop));
    const up = sum(sel.map((d) => d.urbanPop));
    out[tier] = { residentPop: rp, urbanPop: up, urbanShare: share(up, rp) };
  }
  return out;
}

/** Interpolation between the two census values, labelled as an assumption. */
export function interpolated(
  what: string,
  year: number,
  a: number,
  b: number,
  kind: 'geometric' | 'linear',
  round: (x: number) => number,
): { value: number; confidence: 'assumption'; formula: string; assumption: string } {
  const f = yearEndFraction(year);
  const x = kind === 'geometric' ? a * Math.pow(b / a, f) : a + f * (b - a);
  return {
    value: round(x),
    confidence: 'assumption',
    formula: `${kind} interpolation of ${what} between the 2010 census (${a}) and the 2020 census (${b}) at the end of ${year}: fraction f = (${year + 1} − ${sig(CENSUS_2010, 6)}) / 10 = ${sig(f, 4)}; ${kind === 'geometric' ? 'x2010 × (x2020 / x2010)^f' : 'x2010 + f × (x2020 − x2010)'}`,
    assumption:
      'Placeholder, not a statistic: assumes a smooth path between the censuses. It is census-consistent (like a post-census revision), whereas the year-end estimates published at the time (original vintage) were typically higher for cities that lost population; label any calibration against it accordingly.',
  };
}

export const roundPersons = (x: number): number => Math.round(x / 100) * 100;
export const roundRate = (x: number): number => sig(x, 4);

/** The census observations of a city (2010 and 2020 census days), each with its source. */
export function censusObservations(c: {
  res10: number;
  urb10: number;
  hukou10: number;
  nonAg10: number;
  res20: number;
  urb20: number;
  SRC_2010: string;
  SRC_2020: string;
}): Obs[] {
  const { res10, urb10, hukou10, nonAg10, res20, urb20, SRC_2010, SRC_2020 } = c;
  return [
    {
      metric: 'residentPop',
      year: 2010,
      value: res10,
      source: SRC_2010,
      confidence: 'verified',
      vintage: 'census',
      note: 'census day 2010-11-01',
    },
    {
      metric: 'urbanResidentPop',
      year: 2010,
      value: urb10,
      source: SRC_2010,
      confidence: 'verified',
      vintage: 'census',
    },
    {
      metric: 'residentUrbanRate',
      year: 2010,
      value: share(urb10, res10),
      source: SRC_2010,
      confidence: 'verified',
      vintage: 'census',
      note: `census: urban ${urb10} ÷ resident ${res10}`,
    },
    {
      metric: 'hukouPop',
      year: 2010,
      value: hukou10,
      source: SRC_2010,
      confidence: 'verified',
      vintage: 'census',
      note: 'census-tabulated 户籍人口, not the year-end public-security figure',
    },
    {
      metric: 'hukouUrbanRate',
      year: 2010,
      value: nonAg10,
      source: `${SRC_2010}, column 非农业户口人口比重（%）`,
      definition: 'nonAgricultural',
      confidence: 'verified',
      vintage: 'census',
      note: 'Non-agricultural hukou share; its denominator is most likely the resident population (see checks), so it is only a proxy for the hukou urbanisation rate.',
    },
    {
      metric: 'residentPop',
      year: 2020,
      value: res20,
      source: SRC_2020,
      confidence: 'verified',
      vintage: 'census',
      note: 'census day 2020-11-01',
    },
    {
      metric: 'urbanResidentPop',
      year: 2020,
      value: urb20,
      source: SRC_2020,
      confidence: 'verified',
      vintage: 'census',
    },
    {
      metric: 'residentUrbanRate',
      year: 2020,
      value: share(urb20, res20),
      source: SRC_2020,
      confidence: 'verified',
      vintage: 'census',
      note: `census: urban ${urb20} ÷ resident ${res20}`,
    },
  ];
}
