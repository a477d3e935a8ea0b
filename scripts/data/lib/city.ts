/**
 * What the city builders share (build-cities.ts, cities/*.ts): observation and found-figure types, the
 * city config (with the layout switches and text overrides of changzhou.json), census-day interpolation,
 * rounding.
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
  /** 'census count', 'register' and 'bulletin' are the vintages of 常州's own series (cities/changzhou-observed.ts). */
  vintage?: 'original' | 'revised' | 'census' | 'census count' | 'register' | 'bulletin';
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

/** The 2020 zones as derived by the builder, for a config's own zones2020 layout. */
export interface Zones {
  split: ZoneSplit;
  chengquAll: number;
  townPop: number;
  zoneShares: Record<Tier | 'town', number>;
}

/**
 * Where a city file departs from the default layout. changzhou.json was written before the shared builder
 * and keeps its layout; every default is the layout of the other city files.
 */
export interface CityLayout {
  /** city.nameEn in the file (default true). */
  nameEnInCity: boolean;
  /** districts2020[].chengquPop (default true). */
  districtChengqu: boolean;
  /** tierAssumption.tiers (default true). */
  tiersInAssumption: boolean;
  /** hukouElsewhere2010.persons, the counts behind the shares (default false). */
  elsewhere2010Persons: boolean;
  /** Top-level key of the base year (default baseYearTotals). */
  baseYearKey: string;
  /** Count columns of the district-sum checks (default COLS_2010_SUM / COLS_2020_SUM of lib/census.ts). */
  sumColumns?: { y2010: string[]; y2020: string[] };
}

/** The texts of a city file that a config may replace (defaults in lib/city-sections.ts). */
export interface CityTexts {
  source: string;
  method: string;
  /** The city-file check when the 2010 totals agree too. */
  cityFileCheck: string;
  nonAgConclusion: string;
  hukouPopNote: string;
  /** census2010.nonAgriculturalShareFormula (none by default). */
  nonAgriculturalShareFormula?: string;
  census2020Source: string;
  chengquNote: string;
  elsewhere2020Formula: string;
  elsewhere2020Caveats: string[];
  elsewhere2010Caveat: string;
  housing2020Formula: string;
  housing2020Caveat: string;
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
  /** The seed document the city stands for (none for 常州, whose file predates the field). */
  document?: { seed: string; summary: string };
  readmeSection: string;
  tiers: Record<string, Tier>;
  /** Names of the zones in the default zones2020 layout. */
  zoneNames?: Record<Tier | 'town', string>;
  tierAssumption: string;
  alternativeTiers?: { label: string; tiers: Record<string, Tier> };
  /** Splits the city 城区 population between core and county zones. */
  zoneSplit: (ctx: Ctx) => ZoneSplit;
  /** Published observations, added to the census observations. */
  published?: (ctx: Ctx) => Obs[];
  /** The whole observed series, instead of the census observations + published (常州's own vintages). */
  observed?: (ctx: Ctx) => Obs[];
  baseYear: (ctx: Ctx) => Record<string, unknown>;
  /** Layout switches (see CityLayout). */
  layout?: Partial<CityLayout>;
  /** Texts that replace the defaults. */
  texts?: (ctx: Ctx) => Partial<CityTexts>;
  /** tierTotals2020.zones in a layout of the city's own, instead of the default. */
  zones2020?: (ctx: Ctx, z: Zones) => Record<string, unknown>;
  /** Extra top-level fields, placed after "housing2010". */
  extraAfterHousing?: (ctx: Ctx) => Record<string, unknown>;
  /** Extra fields of the city's build summary (read by build-all.ts for data/README.md). */
  summary?: (ctx: Ctx) => Record<string, unknown>;
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
