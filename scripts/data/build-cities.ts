/**
 * data/cities/{jinzhou,liaoyuan,guangzhou}.json — the cities of documents
 * 002 (锦州), 004 (辽源) and 003 (广州), in the structure of changzhou.json:
 * census totals 2010/2020, age-sex, districts with a labelled tier
 * assumption, zone totals with the 城区/镇区 split, hukou-elsewhere and
 * housing shares, observed series and the base year of each preset.
 *
 * Census values are read from the leiii/census extracts; published figures
 * that are not in raw files are in the hand-written FOUND tables below with
 * their URL and the quoted phrase (search tool, corpus "pages") or a source
 * string copied from shared/data/README.md.
 */
import {
  AGE_GROUPS,
  ageSex,
  checkDistrictSums,
  chengquCoverageCheck,
  col,
  col2010Age,
  col2020Age,
  COLS_2010_SUM,
  COLS_2020_SUM,
  elsewhere2020,
  housing2010,
  housing2020,
  load2010,
  load2020,
  nonAgWeights,
  share,
  SRC_2010 as SRC_2010_EXTRACT,
  SRC_2020 as SRC_2020_EXTRACT,
  v,
  v0,
  vn,
  type CityRows,
} from './lib/census';
import { req, type Table } from './lib/csv';
import { LEIII_CITY, LEIII_ORIGIN, readLeiii } from './lib/sources';
import { assert, rawLabel, sig, sum, writeJson } from './lib/util';

type Tier = 'core' | 'county';
type Confidence = 'verified' | 'derived' | 'recollection' | 'assumption';
type Metric =
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

const README = 'shared/data/README.md';
export const foundSource = (f: Found): string => `${f.title}: ${f.url}`;

/** Census days: 2010-11-01 and 2020-11-01, as decimal years. */
const CENSUS_2010 = 2010 + 10 / 12;
const CENSUS_2020 = 2020 + 10 / 12;
/** Fraction of the way from the 2010 to the 2020 census day at the end of `year`. */
const yearEndFraction = (year: number): number => (year + 1 - CENSUS_2010) / (CENSUS_2020 - CENSUS_2010);

// ---------------------------------------------------------------------------
// Published figures found with the search tool (corpus "pages"). Numbers are
// copied from the quoted text; units converted in the code (万人 × 10,000).

const FOUND_JINZHOU = {
  hukou2018: {
    url: 'http://wljyyjy.com/ShuJuXiangGuan/728209.html',
    title: '锦州有多少人口 (aggregator page quoting the 2018 year-end registration figures)',
    quote:
      '截至2018年末,锦州市户籍人口294.96万人。其中,城镇人口124.88万人,占户籍人口的比重为42.34%;乡村人口170.08万人,占57.66%。',
    quality:
      'aggregator; wording of a statistical communiqué; re-check on the Jinzhou statistics bureau site. The source does not say how 城镇/乡村 registration is defined.',
  },
  liaoning2021: {
    url: 'https://jsmbw.com/news/624195.html',
    title:
      'Aggregator article on the 2021 Liaoning communiqué with a table of 2021 resident and hukou population by city',
    quote:
      '人口排行 | 區劃 | 2021年常住人口 | 2021年戶籍人口 | … 5 | 錦州市 | 266.8 | 288.47 | … 注:以上常住人口、戶籍人口數據均來源遼寧省統計局。',
    quality:
      'aggregator; table attributed to the Liaoning statistics bureau. Its 2016-2020 hukou table was cut off in the search excerpt.',
  },
} satisfies Record<string, Found>;

const FOUND_LIAOYUAN = {
  communique2017: {
    url: 'https://web.xiaze.org/tjgb/201805/42674-3.html',
    title: '辽源市2017年国民经济和社会发展统计公报(3) (mirror)',
    quote:
      '2017年末,全市总人口为1179477人,比上年末减少18518人。其中,市区人口为454825人,比上年末减少6642人。按城乡居民户籍情况划分,全市城镇人口为596148人,乡村人口为583329人。 … 表2 2017年全市户籍人口数及其构成(人)',
    quality:
      'mirror of the municipal communiqué; the "总人口" is the registered (户籍) population (the section heads a table of 户籍人口). The same section reports 22,399 deaths (18.84‰), an anomaly flagged in shared/data/README.md §2c.',
  },
  jilinHukou: {
    url: 'https://jsmbw.com/news/626222.html',
    title: 'Aggregator article on the 2021 Jilin communiqué with a table of hukou population by city, 2016-2020',
    quote:
      '地區 | 2020年 | 2019年 | 2018年 | 2017年 | 2016年 | … 遼源市 | 114.76 | 116.55 | 117.24 | 117.95 | 119.8 | … 注:單位:年/萬人,表內數據為公安部門戶籍人口數,表內數據四舍五入。 … 8 | 遼源市 | 97.91 | 113.77 | (2021年常住人口 | 2021年戶籍人口)',
    quality: 'aggregator; public-security registration figures rounded to 0.01万',
  },
  communique2022: {
    url: 'http://hbzqbyyxgs.com/news/2jkNMDIw.html',
    title:
      'Aggregator page quoting the 2022 Liaoyuan communiqué (also the source of shared/data/README.md §2c for 2022)',
    quote:
      '截至2022年末,遼源市常住人口為95.84萬人 … 戶籍總人口為113.14萬人 … 城鎮常住人口56.18萬人,鄉村常住人口為39.66萬人,常住人口城鎮化率為58.62%。按戶口所在地劃分,全市城鎮戶籍人口為56.03萬人,鄉村戶籍人口為57.11萬人,戶籍人口城鎮化率為49.52%。',
    quality: 'aggregator (Traditional-character conversion of the communiqué); re-check on the Liaoyuan site',
  },
} satisfies Record<string, Found>;

const FOUND_GUANGZHOU = {
  sample2015: {
    url: 'https://www.chinanews.com/gn/2016/07-06/7929926.shtml',
    title: '广州去年常住人口1350万 (羊城晚报 via chinanews.com, 2016-07-06), on the 2015 1% population sample survey',
    quote:
      '2015年末全市常住总人口为1350.11万人 … 与2010年第六次全国人口普查的总人口1270.08万人相比 … 城镇人口为1154.80万人 85.53% … 乡村人口为195.31万人 14.47%',
    quality: 'national news site; original (pre-2020-census) vintage',
  },
  yearbookTable: {
    url: 'http://hbzqbyyxgs.com/news/4jgNMzcy.html',
    title:
      'Aggregator page with a Guangzhou population table 2005-2021 (registration rows from the public-security annual report)',
    quote:
      '指標 | 2021年 | 2020年 | 2019年 | 2018年 | 2015年 | 2010年 | 2005年 | 總人口(人) | 10115306 | 9851142 | 9537157 | 9276914 | 8541913 | 8061370 | 7505322 | … 鄉村人口(人) | 1940915 | 1921567 | 1916742 | 1875737 | 1731646 | 820905 | 784226 | 城鎮人口(人) | 8174391 | 7929575 | 7620415 | 7401177 | 6810267 | 7221540 | 6681980 | … 常住人口(萬人) | 1881.06 | 1874.03 | 1831.21 | 1798.13 | 1594.95 | 1270.96 | 949.68 | 城鎮化率(%) | 86.46 | 86.19 | 85.13 | 84.75 | 84.22 | 83.79 |',
    quality:
      'aggregator. The 總人口/城鎮人口/鄉村人口 rows are the registered (户籍) population; their 2019 values reproduce the people.com.cn figures (953.72万, 79.90%), see checks. The 常住人口 row is the post-2020-census revised series (2019: 1831.21 vs 1530.59 originally). The 城鎮化率 row has 6 values for 7 columns: the last equals the 2010 census rate 83.79% and the first two equal the 2021 (86.46%) and 2020 census (86.19%) rates, so the values are read as 2021 … 2010 with 2005 blank (alignment inferred).',
  },
} satisfies Record<string, Found>;

const README_GZ_2019 = `${README} §2d: http://gd.people.com.cn/BIG5/n2/2020/0313/c123932-33873353.html — confidence: verified`;
const README_GZ_YEARBOOK_NOTE = `${README} §2d: yearbook note https://tjj.gz.gov.cn/datav/admin/home/www_nj/2024/directory/02/02简要说明.html — confidence: verified`;

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

function tierOf(cfg: CityConfig, name: string): Tier {
  const t = cfg.tiers[name];
  assert(t !== undefined, `${cfg.name}: tier for ${name}`);
  return t;
}

function tierTotals(ds: District[]): Record<Tier, { residentPop: number; urbanPop: number; urbanShare: number }> {
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

// ---------------------------------------------------------------------------
// 锦州 Jinzhou (document 002)

const JINZHOU: CityConfig = {
  key: 'jinzhou',
  name: '锦州市',
  code: '210700',
  province: '辽宁省',
  nameEn: 'Jinzhou',
  document: {
    seed: 'shared/seeds/002_54c44ce6ff8939b6.txt',
    summary: '锦州市推动非户籍人口在城市落户实施方案 (published 2017-09-06); base year 2017 year-end.',
  },
  readmeSection: '§2b',
  tiers: {
    古塔区: 'core',
    凌河区: 'core',
    太和区: 'core',
    凌海市: 'county',
    北镇市: 'county',
    黑山县: 'county',
    义县: 'county',
  },
  zoneNames: {
    core: '中心城区 (古塔、凌河、太和)',
    county: '县级市城区 (凌海、北镇)',
    town: '建制镇 (镇区, incl. the county seats of 黑山县 and 义县)',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic. 古塔, 凌河, 太和 are the municipal districts of the central city → "core"; the county-level cities 凌海市, 北镇市 and the counties 黑山县, 义县 → "county". (The 2010-2020 district list is unchanged.) In the 城区/镇区 zone split, only the municipal districts and the county-level cities have a 城区 (NBS 统计上划分城乡的规定: 城区 lies in 市辖区 and 不设区的市); the seats of 黑山县 and 义县 are 镇区 and so fall into the "town" zone.',
  zoneSplit: (c) => {
    const county = c.districts2020.filter((d) => d.tier === 'county');
    const known = county.filter((d) => d.chengquPop !== null && d.chengquPop !== undefined);
    const countyOnly = county.filter((d) => d.chengquPop === null || d.chengquPop === undefined);
    assert(
      countyOnly.every((d) => d.name.endsWith('县')) && known.every((d) => d.name.endsWith('市')),
      'Jinzhou: county-level cities have 城区, counties do not',
    );
    const coreUrban = sum(c.districts2020.filter((d) => d.tier === 'core').map((d) => d.urbanPop));
    assert(c.chengqu20 <= coreUrban, 'Jinzhou: city-row 城区 fits inside the core districts’ urban population');
    return {
      coreChengqu: c.chengqu20,
      countyChengqu: sum(known.map((d) => d.chengquPop!)),
      method: `Core 城区 = city-row 城区 ${c.chengqu20}, which covers the municipal districts only (see the coverage check; it is ${sig((100 * c.chengqu20) / coreUrban, 4)}% of the core districts’ urban population ${coreUrban}). County 城区 = the county-level cities’ own rows (${known.map((d) => `${d.name} ${d.chengquPop}`).join(', ')}); the counties (${countyOnly.map((d) => d.name).join(', ')}) have no 城区 by definition. Town = urban − core 城区 − county 城区 (镇区).`,
      confidence: 'derived',
    };
  },
  published: () => {
    const f = FOUND_JINZHOU;
    return [
      {
        metric: 'hukouPop',
        year: 2018,
        value: 2949600,
        source: foundSource(f.hukou2018),
        confidence: 'verified',
        note: `year-end registration figure (294.96万); ${f.hukou2018.quality}`,
      },
      {
        metric: 'urbanHukouPop',
        year: 2018,
        value: 1248800,
        source: foundSource(f.hukou2018),
        confidence: 'verified',
        definition: 'address',
        note: '124.88万. Definition not stated in the source; after the 2014-2016 unification of urban and rural registration the split is by place of registration (inference, not stated).',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2018,
        value: 0.4234,
        source: foundSource(f.hukou2018),
        confidence: 'verified',
        definition: 'address',
        note: '"占户籍人口的比重为42.34%"; definition inferred as for urbanHukouPop. Not comparable with the 2010 census non-agricultural share (resident-based).',
      },
      {
        metric: 'residentPop',
        year: 2021,
        value: 2668000,
        source: foundSource(f.liaoning2021),
        confidence: 'verified',
        vintage: 'revised',
        note: '266.8万; post-2020-census estimate',
      },
      {
        metric: 'hukouPop',
        year: 2021,
        value: 2884700,
        source: foundSource(f.liaoning2021),
        confidence: 'verified',
        note: '288.47万',
      },
    ];
  },
  baseYear: (c) => {
    const f = FOUND_JINZHOU;
    const year = 2017;
    const rp = interpolated('the resident population', year, c.res10, c.res20, 'geometric', roundPersons);
    const rate = interpolated(
      'the resident urbanisation rate',
      year,
      share(c.urb10, c.res10),
      share(c.urb20, c.res20),
      'linear',
      roundRate,
    );
    // Hukou: back-cast one year from 2018 with the 2018-2021 mean annual change.
    const h18 = 2949600;
    const h21 = 2884700;
    const step = (h21 - h18) / 3;
    const hukouProposed = roundPersons(h18 - step);
    return {
      year,
      asOf: 'year-end (年末)',
      residentPop: {
        value: null,
        gap: 'No 2016 or 2017 year-end resident population for Jinzhou was found (searched: 2016/2017 municipal communiqués, Liaoning yearbook tables, 13th FYP, English communiqués). The Liaoning 2016-2018 by-city table (jsmbw.com) was cut off in the search excerpt.',
        bounds: { upper: c.res10, lower: c.res20, reasoning: 'census 2010 and 2020; the population fell between them' },
        proposed: rp,
      },
      residentUrbanRate: {
        value: null,
        gap: 'not found (as residentPop)',
        bounds: {
          lower: share(c.urb10, c.res10),
          upper: share(c.urb20, c.res20),
          reasoning: 'census rates 2010 and 2020; the rate rose between them',
        },
        proposed: rate,
      },
      urbanResidentPop: {
        value: null,
        gap: 'not found',
        proposed: {
          value: roundPersons(rp.value * rate.value),
          confidence: 'assumption',
          formula: 'proposed residentPop × proposed residentUrbanRate',
        },
      },
      hukouPop: {
        value: null,
        gap: 'No 2017 year-end registration figure was found; 2018 (294.96万) and 2021 (288.47万) were.',
        bounds: {
          lower: h18,
          upper: c.hukou10,
          reasoning:
            'registered population fell from the 2010 census count (3,086,773, census-tabulated) to 2,949,600 at the end of 2018',
        },
        proposed: {
          value: hukouProposed,
          confidence: 'assumption',
          formula: `2018 value − mean annual change 2018-2021 = ${h18} − (${h21} − ${h18}) / 3`,
          assumption: 'the 2018-2021 decline (about 2.2万 a year) also held in 2018',
        },
      },
      hukouUrbanRate: {
        value: null,
        gap: 'not found for 2017; 2018 value 42.34% (definition not stated; read as address-based)',
        bounds: {
          lower: {
            value: c.nonAg10,
            definition: 'nonAgricultural',
            reasoning: '2010 census non-agricultural share (resident-based); different definition',
          },
          upper: { value: 0.4234, definition: 'address', reasoning: '2018 value; the rate is not expected to fall' },
        },
        proposed: {
          value: 0.4234,
          definition: 'address',
          confidence: 'assumption',
          assumption:
            'the 2018 rate carried back one year (a year of settlement adds well under 1 pp in a shrinking city)',
        },
      },
      urbanHukouPop: {
        value: null,
        gap: 'not found for 2017',
        proposed: {
          value: roundPersons(hukouProposed * 0.4234),
          confidence: 'assumption',
          formula: 'proposed hukouPop × proposed hukouUrbanRate',
        },
      },
      sources: [foundSource(f.hukou2018), foundSource(f.liaoning2021)],
      notes: [
        'All base-year values for Jinzhou are placeholders. Resident figures are census-interpolated (census vintage); the hukou values rest on the 2018 and 2021 registration figures.',
        'Alternative: use 2018 as the base year, where hukou total, urban hukou and its rate are published (resident still missing).',
      ],
    };
  },
  sourcesFound: FOUND_JINZHOU,
  gaps: [
    'Resident population and urbanisation rate for any year between the censuses (2011-2019), original or revised vintage; only 2021 (266.8万, revised) was found.',
    'Registration (hukou) figures before 2018 and the definition of the published urban registration split.',
    'Births, deaths, settlement (落户) counts, residence permits (shared/data/README.md §2b GAP).',
    'District-level 城区 for the municipal districts (only the city total and the county-level cities are given).',
  ],
};

// ---------------------------------------------------------------------------
// 辽源 Liaoyuan (document 004)

const LIAOYUAN: CityConfig = {
  key: 'liaoyuan',
  name: '辽源市',
  code: '220400',
  province: '吉林省',
  nameEn: 'Liaoyuan',
  document: {
    seed: 'shared/seeds/004_5061ac4152a81c87.txt',
    summary: 'Liaoyuan opinion on further hukou reform (under 国发〔2014〕25号); base year 2016 year-end.',
  },
  readmeSection: '§2c',
  tiers: { 龙山区: 'core', 西安区: 'core', 东丰县: 'county', 东辽县: 'county' },
  zoneNames: {
    core: '中心城区 (龙山、西安)',
    county: '县级市城区 (none in Liaoyuan)',
    town: '建制镇 (镇区, incl. the county seats of 东丰县 and 东辽县)',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic. 龙山区 and 西安区 are the municipal districts of the central city → "core"; 东丰县 and 东辽县 are counties → "county". Liaoyuan has no county-level city, so the "county" zone has no 城区: the county seats are 镇区 (NBS definition) and fall into the "town" zone. Document 004 opens settlement everywhere on the same terms, so the core/town split matters more than the county one. If the scenario needs a county-seat zone, its urban population lies within the county-tier urban total (167,952 in 2020), which also holds the other towns in the counties; the table cannot separate them.',
  zoneSplit: (c) => {
    const county = c.districts2020.filter((d) => d.tier === 'county');
    assert(
      county.every((d) => d.name.endsWith('县') && (d.chengquPop === null || d.chengquPop === undefined)),
      'Liaoyuan: county tier consists of counties without 城区',
    );
    const coreUrban = sum(c.districts2020.filter((d) => d.tier === 'core').map((d) => d.urbanPop));
    assert(c.chengqu20 <= coreUrban, 'Liaoyuan: city 城区 fits inside the core districts’ urban population');
    return {
      coreChengqu: c.chengqu20,
      countyChengqu: 0,
      method: `Core 城区 = city-row 城区 ${c.chengqu20}, which covers the municipal districts only (see the coverage check; check: ${c.chengqu20} ≤ core urban ${coreUrban}). Counties have no 城区 by definition and Liaoyuan has no county-level city, so county 城区 = 0. Town = urban − 城区 (镇区).`,
      confidence: 'derived',
    };
  },
  published: () => {
    const f = FOUND_LIAOYUAN;
    const jilin = foundSource(f.jilinHukou);
    return [
      {
        metric: 'hukouPop',
        year: 2016,
        value: 1179477 + 18518,
        source: `${foundSource(f.communique2017)}; confirmed by ${jilin} (119.8万)`,
        confidence: 'derived',
        note: '2017 year-end 1,179,477 + "比上年末减少18518人"',
      },
      {
        metric: 'hukouPop',
        year: 2017,
        value: 1179477,
        source: foundSource(f.communique2017),
        confidence: 'verified',
        note: 'Jilin table: 117.95万',
      },
      {
        metric: 'urbanHukouPop',
        year: 2017,
        value: 596148,
        source: foundSource(f.communique2017),
        confidence: 'verified',
        definition: 'address',
        note: '"按城乡居民户籍情况划分" — registration-based urban/rural split; read as by place of registration (the 2022 communiqué states "按户口所在地划分" for the same series)',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2017,
        value: share(596148, 1179477),
        source: foundSource(f.communique2017),
        confidence: 'derived',
        definition: 'address',
        note: '596,148 ÷ 1,179,477',
      },
      ...(
        [
          [2018, 1172400],
          [2019, 1165500],
          [2020, 1147600],
        ] as const
      ).map(([year, value]): Obs => ({
        metric: 'hukouPop',
        year,
        value,
        source: jilin,
        confidence: 'verified',
        note: 'public-security figure rounded to 0.01万',
      })),
      {
        metric: 'residentPop',
        year: 2021,
        value: 979100,
        source: jilin,
        confidence: 'verified',
        vintage: 'revised',
        note: '97.91万',
      },
      { metric: 'hukouPop', year: 2021, value: 1137700, source: jilin, confidence: 'verified', note: '113.77万' },
      {
        metric: 'residentPop',
        year: 2022,
        value: 958400,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      {
        metric: 'urbanResidentPop',
        year: 2022,
        value: 561800,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      {
        metric: 'residentUrbanRate',
        year: 2022,
        value: 0.5862,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        vintage: 'revised',
      },
      { metric: 'hukouPop', year: 2022, value: 1131400, source: foundSource(f.communique2022), confidence: 'verified' },
      {
        metric: 'urbanHukouPop',
        year: 2022,
        value: 560300,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        definition: 'address',
        note: '"按戶口所在地劃分"',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2022,
        value: 0.4952,
        source: foundSource(f.communique2022),
        confidence: 'verified',
        definition: 'address',
      },
    ];
  },
  baseYear: (c) => {
    const f = FOUND_LIAOYUAN;
    const year = 2016;
    const rp = interpolated('the resident population', year, c.res10, c.res20, 'geometric', roundPersons);
    const rate = interpolated(
      'the resident urbanisation rate',
      year,
      share(c.urb10, c.res10),
      share(c.urb20, c.res20),
      'linear',
      roundRate,
    );
    const hukou = 1179477 + 18518;
    const rate17 = share(596148, 1179477);
    return {
      year,
      asOf: 'year-end (年末)',
      residentPop: {
        value: null,
        gap: 'No 2016 year-end resident population for Liaoyuan was found (searched: 2016/2017 communiqués, Jilin by-city tables). The municipal communiqués of these years report the registered population as "全市总人口".',
        bounds: { upper: c.res10, lower: c.res20, reasoning: 'census 2010 and 2020; the population fell between them' },
        proposed: rp,
      },
      residentUrbanRate: {
        value: null,
        gap: 'not found',
        bounds: {
          lower: share(c.urb10, c.res10),
          upper: share(c.urb20, c.res20),
          reasoning: 'census rates 2010 and 2020',
        },
        proposed: rate,
      },
      urbanResidentPop: {
        value: null,
        gap: 'not found',
        proposed: {
          value: roundPersons(rp.value * rate.value),
          confidence: 'assumption',
          formula: 'proposed residentPop × proposed residentUrbanRate',
        },
      },
      hukouPop: {
        value: hukou,
        unit: 'persons',
        confidence: 'derived',
        source: foundSource(f.communique2017),
        quote: '2017年末,全市总人口为1179477人,比上年末减少18518人',
        formula: '1,179,477 + 18,518',
        confirmedBy: { source: foundSource(f.jilinHukou), quote: '遼源市 … 119.8 (2016年, 萬人, 公安部門戶籍人口數)' },
      },
      hukouUrbanRate: {
        value: null,
        gap: 'No 2016 urban-registered figure found; 2017: 596,148 of 1,179,477 (50.54%), 2022: 49.52% (address-based).',
        bounds: {
          lower: {
            value: c.nonAg10,
            definition: 'nonAgricultural',
            reasoning: '2010 census non-agricultural share (resident-based); different definition',
          },
          upper: {
            value: rate17,
            definition: 'address',
            reasoning: '2017 value; the series was flat to falling afterwards (49.52% in 2022)',
          },
        },
        proposed: {
          value: rate17,
          definition: 'address',
          confidence: 'assumption',
          assumption: 'the 2017 rate carried back one year',
        },
      },
      urbanHukouPop: {
        value: null,
        gap: 'not found for 2016',
        proposed: {
          value: roundPersons(hukou * rate17),
          confidence: 'assumption',
          formula: '2016 hukouPop × 2017 hukouUrbanRate',
        },
      },
      notes: [
        'Registered population exceeds the resident population (net out-migration): hukouPop 1,197,995 vs a census-interpolated resident population near 1.05 million.',
        'The 2017 communiqué reports 22,399 deaths (18.84‰) for the registered population, about three times the usual level; probably a register clean-up (shared/data/README.md §2c). Do not use 2017 as a mortality observation.',
      ],
    };
  },
  sourcesFound: FOUND_LIAOYUAN,
  gaps: [
    'Resident population and urbanisation rate for any year between the censuses (2011-2019).',
    'Urban-registered population for 2016 and 2018-2021.',
    'Settlement (落户) counts, residence permits; vocational-training coverage (document 004 target, 95%).',
    'District-level 城区 (only the city total is given).',
  ],
};

// ---------------------------------------------------------------------------
// 广州 Guangzhou (document 003)

const GZ_CORE = ['荔湾区', '越秀区', '海珠区', '天河区', '白云区', '黄埔区', '萝岗区'];
const GZ_OUTER = ['番禺区', '花都区', '南沙区', '从化区', '增城区', '增城市', '从化巿'];
const gzTiers = (coreExtra: string[] = []): Record<string, Tier> =>
  Object.fromEntries([
    ...GZ_CORE.map((n) => [n, 'core'] as const),
    ...GZ_OUTER.map((n) => [n, coreExtra.includes(n) ? 'core' : 'county'] as const),
  ]);

const GUANGZHOU: CityConfig = {
  key: 'guangzhou',
  name: '广州市',
  code: '440100',
  province: '广东省',
  nameEn: 'Guangzhou',
  document: {
    seed: 'shared/seeds/003_87672832dfe26698.txt',
    summary:
      'Guangzhou implementing opinion on further hukou reform (megacity: points-based settlement with quota); base year 2015 year-end.',
  },
  readmeSection: '§2d',
  tiers: gzTiers(),
  alternativeTiers: { label: 'core including 番禺区', tiers: gzTiers(['番禺区']) },
  zoneNames: {
    core: '中心城区 (荔湾、越秀、海珠、天河、白云、黄埔)',
    county: '外围城区 (番禺、花都、南沙、从化、增城)',
    town: '建制镇 (镇区)',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic. All 11 units are 市辖区, so the "county" id is used for the outer districts. "core" (megacity core) = 荔湾, 越秀, 海珠, 天河, 白云, 黄埔 — the districts of the city proper before 2000 (2010: also 萝岗, merged into 黄埔 in 2014); their 2020 urban shares are 81-100%. "county" (outer districts) = 番禺 and 花都 (county-level cities until 2000), 南沙 (split from 番禺 in 2005), 从化 and 增城 (county-level cities until 2014; 2010 rows 从化巿, 增城市); 2020 urban shares 46-90%. This follows the history of the administrative city rather than density: 番禺 (89.6% urban, contiguous with the old city) is the borderline case, so an alternative split with 番禺 in the core is given under zones2020.alternative. Guangzhou settlement policy is city-wide (points with a quota), so the tiers matter for where settlers live and for services, less for eligibility.',
  zoneSplit: (c) => {
    const core = c.districts2020.filter((d) => d.tier === 'core');
    const outer = c.districts2020.filter((d) => d.tier === 'county');
    const coreUrban = sum(core.map((d) => d.urbanPop));
    const outerUrban = sum(outer.map((d) => d.urbanPop));
    const coreRural = sum(core.map((d) => d.ruralPop));
    const outerRural = sum(outer.map((d) => d.ruralPop));
    const town = c.urb20 - c.chengqu20;
    const townCore = town * (coreRural / (coreRural + outerRural));
    const townOuter = town - townCore;
    assert(
      townCore <= coreUrban && townOuter <= outerUrban,
      'Guangzhou: allocated 镇区 fits in each tier’s urban population',
    );
    const coreChengqu = Math.round(coreUrban - townCore);
    return {
      coreChengqu,
      countyChengqu: c.chengqu20 - coreChengqu,
      method: `City-row 城区 ${c.chengqu20} covers all 11 municipal districts (no county-level city); 镇区 = urban − 城区 = ${town} (district 城区 is NA for all 11 districts). The 镇区 population is allocated to the tiers in proportion to their rural population (core ${coreRural}, outer ${outerRural}): towns are where the rural parts of 白云, 黄埔 and the outer districts are. Tier 城区 = tier urban − allocated 镇区.`,
      confidence: 'assumption',
      bounds: {
        coreChengqu: {
          lower: Math.max(0, coreUrban - town),
          upper: coreUrban,
          reasoning: 'all 镇区 in the core / none in the core',
        },
        countyChengqu: {
          lower: Math.max(0, outerUrban - town),
          upper: outerUrban,
          reasoning: 'all 镇区 in the outer districts / none there',
        },
      },
    };
  },
  published: () => {
    const f = FOUND_GUANGZHOU;
    const yb = foundSource(f.yearbookTable);
    // [year, total, urban, rural] registration rows of the aggregator table.
    const hukouRows: [number, number, number, number][] = [
      [2015, 8541913, 6810267, 1731646],
      [2018, 9276914, 7401177, 1875737],
      [2019, 9537157, 7620415, 1916742],
      [2020, 9851142, 7929575, 1921567],
      [2021, 10115306, 8174391, 1940915],
    ];
    for (const [year, tot, urb, rur] of hukouRows) assert(urb + rur === tot, `GZ ${year}: urban + rural = total hukou`);
    const gap2010 = 8061370 - (7221540 + 820905);
    const revised: [number, number, number | null][] = [
      [2015, 15949500, 0.8422],
      [2018, 17981300, 0.8475],
      [2019, 18312100, 0.8513],
      [2021, 18810600, 0.8646],
    ];
    return [
      {
        metric: 'hukouPop',
        year: 2010,
        value: 8061370,
        source: yb,
        confidence: 'verified',
        note: 'year-end public-security figure (the census-tabulated 户籍人口 is 8,077,303)',
      },
      {
        metric: 'hukouUrbanRate',
        year: 2010,
        value: share(7221540, 8061370),
        source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
        confidence: 'derived',
        definition: 'nonAgricultural',
        note: `7,221,540 ÷ 8,061,370. In 2010 (and 2005) 城镇 + 乡村 (7,221,540 + 820,905) falls short of the total by ${gap2010}, unlike 2015-2021 where they add up (checked); urban ÷ (urban + rural) would be ${share(7221540, 7221540 + 820905)}. Labelled "non-agricultural" but for 2003-2014 defined by location (street-office areas and 居委会/town-seat areas), per the yearbook note; not comparable with 2015+ (which uses the NBS urban-rural classification of the registration address): 89.6% (2010) vs 79.7% (2015) is a definitional break.`,
      },
      ...hukouRows.flatMap(([year, tot, urb]): Obs[] => [
        {
          metric: 'hukouPop',
          year,
          value: tot,
          source: yb,
          confidence: 'verified',
          note: 'year-end public-security figure',
        },
        { metric: 'urbanHukouPop', year, value: urb, source: yb, confidence: 'verified', definition: 'address' },
        {
          metric: 'hukouUrbanRate',
          year,
          value: share(urb, tot),
          source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
          confidence: 'derived',
          definition: 'address',
          note: `${urb} ÷ ${tot}; from 2015 by the urban/rural attribute of the registration area`,
        },
      ]),
      {
        metric: 'residentPop',
        year: 2015,
        value: 13501100,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
        note: '1350.11万 (1% sample, year-end estimate)',
      },
      {
        metric: 'urbanResidentPop',
        year: 2015,
        value: 11548000,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
        note: '1154.80万',
      },
      {
        metric: 'residentUrbanRate',
        year: 2015,
        value: 0.8553,
        source: foundSource(f.sample2015),
        confidence: 'verified',
        vintage: 'original',
      },
      {
        metric: 'residentPop',
        year: 2019,
        value: 15305900,
        source: README_GZ_2019,
        confidence: 'verified',
        vintage: 'original',
        note: '1530.59万',
      },
      {
        metric: 'residentUrbanRate',
        year: 2019,
        value: 0.8646,
        source: README_GZ_2019,
        confidence: 'verified',
        vintage: 'original',
      },
      ...revised.flatMap(([year, pop, rate]): Obs[] => [
        {
          metric: 'residentPop',
          year,
          value: pop,
          source: yb,
          confidence: 'verified',
          vintage: 'revised',
          note: year === 2021 ? '1881.06万 (post-census estimate)' : 'revised after the 2020 census',
        },
        ...(rate === null
          ? []
          : [
              {
                metric: 'residentUrbanRate' as const,
                year,
                value: rate,
                source: yb,
                confidence: 'verified' as const,
                vintage: 'revised' as const,
                note: 'rate row has 6 values for 7 columns; read as 2021 … 2010 (alignment inferred, see sourcesFound)',
              },
            ]),
      ]),
    ];
  },
  baseYear: () => {
    const f = FOUND_GUANGZHOU;
    const yb = foundSource(f.yearbookTable);
    return {
      year: 2015,
      asOf: 'year-end (年末)',
      recommendedVintage: 'revised',
      vintageNote:
        'Guangzhou revised its 2010-2019 resident series after the 2020 census (yearbook note, shared/data/README.md §2d). The original 2015 estimate (1350.11万) is 2.45 million below the revised one (1594.95万); only the revised series joins the 2020 census (18,676,605) without a break, so the preset should start from the revised values and be evaluated against revised/census observations. The original values are kept for reference.',
      residentPop: {
        value: 15949500,
        unit: 'persons',
        vintage: 'revised',
        confidence: 'verified',
        source: yb,
        quote: '常住人口(萬人) | … | 1594.95 | (2015年 column)',
        original: {
          value: 13501100,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '2015年末全市常住总人口为1350.11万人',
        },
      },
      residentUrbanRate: {
        value: 0.8422,
        vintage: 'revised',
        confidence: 'verified',
        source: yb,
        quote: '城鎮化率(%) | 86.46 | 86.19 | 85.13 | 84.75 | 84.22 | 83.79 |',
        caveat: 'column alignment inferred (6 values for 7 columns; read as 2021 … 2010)',
        original: {
          value: 0.8553,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '城镇人口为1154.80万人 … 85.53%',
        },
      },
      urbanResidentPop: {
        value: roundPersons(15949500 * 0.8422),
        vintage: 'revised',
        confidence: 'derived',
        formula: 'revised residentPop × revised residentUrbanRate = 15,949,500 × 0.8422',
        original: {
          value: 11548000,
          confidence: 'verified',
          source: foundSource(f.sample2015),
          quote: '城镇人口为1154.80万人',
        },
      },
      hukouPop: {
        value: 8541913,
        unit: 'persons',
        confidence: 'verified',
        source: yb,
        quote: '總人口(人) | … | 8541913 | (2015年 column)',
      },
      urbanHukouPop: {
        value: 6810267,
        unit: 'persons',
        definition: 'address',
        confidence: 'verified',
        source: `${yb}; definition: ${README_GZ_YEARBOOK_NOTE}`,
        quote:
          '城鎮人口(人) | … | 6810267 | (2015年 column); yearbook note: "从2015年开始,按户籍人口所在区域城乡属性分为城镇人口和乡村人口"',
      },
      hukouUrbanRate: {
        value: share(6810267, 8541913),
        definition: 'address',
        confidence: 'derived',
        formula: '6,810,267 ÷ 8,541,913',
      },
      notes: [
        'Hukou figures are year-end public-security counts; they are not affected by the census revision.',
        'Check: 2019 registration rows reproduce the people.com.cn figures (953.72万, 79.90%), see checks.',
      ],
    };
  },
  cityFile2010Note: `The city file gives 12,700,800 (= 1270.08万, the published 6th-census total quoted in ${FOUND_GUANGZHOU.sample2015.url}), but its own urban + rural = 12,701,948, like the county file. The county-file value (sum of districts, = urban + rural) is used throughout; the difference is 1,148 persons (0.01%).`,
  sourcesFound: FOUND_GUANGZHOU,
  gaps: [
    'Points-based settlement quotas and score cut-offs per year (shared/data/README.md §5.1).',
    'Revised resident series for 2016 and 2017 (only 2015, 2018, 2019 found) and the original series for 2016-2018.',
    'District-level 城区 (all NA), so the split of 城区 between core and outer districts is an assumption.',
    'Residence-permit counts; settlement counts by channel (hukou in-migration known for 2019 only: 21.05万).',
  ],
};

// ---------------------------------------------------------------------------

export async function buildCity(
  cfg: CityConfig,
  coverage: Record<string, unknown>,
): Promise<{ file: string; summary: Record<string, unknown> }> {
  const tabs = cfg.tables?.();
  const SRC_2010 = tabs?.src10 ?? SRC_2010_EXTRACT;
  const SRC_2020 = tabs?.src20 ?? SRC_2020_EXTRACT;
  const d10 = load2010(cfg.name, cfg.code, tabs?.t10);
  const d20 = load2020(cfg.name, cfg.code, tabs?.t20);
  const t10 = d10.t;
  const t20 = d20.t;
  const c10 = d10.city;
  const c20 = d20.city;
  const checks: Record<string, unknown>[] = [];
  const label = `${cfg.name} ${cfg.code}`;
  checks.push(checkDistrictSums(d10, COLS_2010_SUM(), 2010, label));
  checks.push(checkDistrictSums(d20, COLS_2020_SUM(), 2020, label));
  checks.push(coverage);

  const res10 = v(t10, c10, '合计');
  const urb10 = v(t10, c10, '城镇人口');
  const rur10 = v0(t10, c10, '乡村人口');
  const hukou10 = v(t10, c10, '户籍人口');
  const nonAg10 = sig(v(t10, c10, '非农业户口人口比重（%）') / 100);
  assert(urb10 + rur10 === res10, `${cfg.name} 2010 urban + rural = total`);
  const res20 = v(t20, c20, '人口数_合计');
  const urb20 = v(t20, c20, '城镇人口');
  const rur20 = v(t20, c20, '乡村人口');
  const chengqu20 = v(t20, c20, '城区人口');
  assert(urb20 + rur20 === res20, `${cfg.name} 2020 urban + rural = total`);

  // Cross-check with the prefecture file.
  const cityFileParts = cfg.cityFile ?? LEIII_CITY;
  const cf = readLeiii(cityFileParts).rows.find((r) => r['city'] === cfg.name);
  assert(cf !== undefined, `${cfg.name}: city file row`);
  assert(req(cf['popu_2020']) === res20 && req(cf['popu_urban_2020']) === urb20, 'city file 2020 totals');
  const cf10 = {
    residentPop: req(cf['popu_2010']),
    urbanPop: req(cf['popu_urban_2010']),
    ruralPop: req(cf['popu_rural_2010']),
  };
  const same10 = cf10.residentPop === res10 && cf10.urbanPop === urb10 && cf10.ruralPop === rur10;
  checks.push(
    same10
      ? {
          check: `resident, urban and rural totals of the county-file city row equal ${rawLabel(...cityFileParts)} for 2010 and 2020`,
          ok: true,
        }
      : {
          check: `2020 totals equal ${rawLabel(...cityFileParts)}; 2010 totals differ`,
          countyFile: { residentPop: res10, urbanPop: urb10, ruralPop: rur10 },
          cityFile: { ...cf10, urbanPlusRural: cf10.urbanPop + cf10.ruralPop },
          ok: true,
          note: cfg.cityFile2010Note ?? 'The county-file values (sum of districts) are used throughout.',
        },
  );

  const w = nonAgWeights(d10);
  checks.push({
    check: `2010 非农业户口人口比重: district shares aggregated with two candidate denominators, compared with the city row ${sig(nonAg10 * 100, 4)}%`,
    ...w,
    conclusion:
      Math.abs(w.residentWeighted - w.cityRow) < Math.abs(w.hukouWeighted - w.cityRow)
        ? 'Resident (合计) weights reproduce the city value better than 户籍人口 weights: the share is most likely of the census-enumerated (resident) population, as found for Changzhou.'
        : '户籍人口 weights reproduce the city value better than resident weights here, unlike Changzhou.',
  });

  const districts2020: District[] = d20.districts.map((r) => {
    const name = r[col(t20, '区县')] ?? '';
    const rp = v(t20, r, '人口数_合计');
    const up = v0(t20, r, '城镇人口');
    return {
      name,
      code: r[col(t20, '区划代码')] ?? '',
      residentPop: rp,
      urbanPop: up,
      ruralPop: v0(t20, r, '乡村人口'),
      urbanShare: share(up, rp),
      chengquPop: vn(t20, r, '城区人口'),
      tier: tierOf(cfg, name),
    };
  });
  const districts2010: District[] = d10.districts.map((r) => {
    const name = r[col(t10, '地区')] ?? '';
    const rp = v(t10, r, '合计');
    const up = v0(t10, r, '城镇人口');
    return {
      name,
      code: r[col(t10, '区划代码')] ?? '',
      residentPop: rp,
      urbanPop: up,
      ruralPop: v0(t10, r, '乡村人口'),
      urbanShare: share(up, rp),
      hukouPop: v(t10, r, '户籍人口'),
      nonAgriculturalShare: sig(v(t10, r, '非农业户口人口比重（%）') / 100),
      tier: tierOf(cfg, name),
    };
  });

  const ctx: Ctx = {
    src10: SRC_2010,
    src20: SRC_2020,
    d10,
    d20,
    res10,
    urb10,
    hukou10,
    nonAg10,
    res20,
    urb20,
    chengqu20,
    districts2020,
    districts2010,
  };

  // ---- zones 2020 with the 城区/镇区 split ----
  const split = cfg.zoneSplit(ctx);
  const chengquAll = split.coreChengqu + split.countyChengqu;
  const townPop = urb20 - chengquAll;
  assert(townPop >= 0, `${cfg.name}: 城区 within urban`);
  const zoneShares = {
    core: share(split.coreChengqu, urb20),
    county: share(split.countyChengqu, urb20),
    town: share(townPop, urb20),
  };
  const tt20 = tierTotals(districts2020);
  const zones2020 = {
    source: `${SRC_2020}, city row 城镇人口 / 城区人口 and district rows`,
    method:
      'core = 城区 of the core districts, county = 城区 of the county-tier units, town = 镇区 = urban − core 城区 − county 城区. Shares are of the city’s urban resident population. The city-row 城区 covers the municipal districts only (coverage check in checks): this differs from the Changzhou derivation in scenarios/cities/changzhou.json (which subtracted 溧阳’s 城区 from the city-row 城区).',
    urbanPop: urb20,
    cityRowChengquPop: chengqu20,
    chengquPop: chengquAll,
    townPop,
    coreChengquPop: split.coreChengqu,
    countyChengquPop: split.countyChengqu,
    splitMethod: split.method,
    splitConfidence: split.confidence,
    ...(split.bounds ? { splitBounds: split.bounds } : {}),
    urbanZoneShares: zoneShares,
    tierUrbanTotals: tt20,
    ...(cfg.alternativeTiers
      ? {
          alternative: (() => {
            const alt = districts2020.map((d) => ({ ...d, tier: cfg.alternativeTiers!.tiers[d.name] ?? d.tier }));
            const altCtx = { ...ctx, districts2020: alt };
            const s = cfg.zoneSplit(altCtx);
            return {
              label: cfg.alternativeTiers.label,
              tierUrbanTotals: tierTotals(alt),
              urbanZoneShares: {
                core: share(s.coreChengqu, urb20),
                county: share(s.countyChengqu, urb20),
                town: share(urb20 - s.coreChengqu - s.countyChengqu, urb20),
              },
            };
          })(),
        }
      : {}),
    zoneNames: cfg.zoneNames,
  };
  assert(Math.abs(zoneShares.core + zoneShares.county + zoneShares.town - 1) < 1e-6, 'zone shares sum to 1');

  const census2010 = {
    source: SRC_2010,
    date: '2010-11-01',
    residentPop: res10,
    urbanPop: urb10,
    ruralPop: rur10,
    residentUrbanRate: share(urb10, res10),
    male: v(t10, c10, '男'),
    female: v(t10, c10, '女'),
    hukouPop: hukou10,
    hukouPopNote:
      '户籍人口 as tabulated by the census for the area; differs from year-end public-security registration figures.',
    nonAgriculturalShare: nonAg10,
    nonAgriculturalShareSource: `${SRC_2010}, column 非农业户口人口比重（%）, city row ${cfg.name}`,
    nonAgriculturalShareDenominator: 'most likely the resident (census-enumerated) population, see checks',
    vitalRates: {
      birthRatePerMille: v(t10, c10, '出生率（‰）'),
      deathRatePerMille: v(t10, c10, '死亡率（‰）'),
      naturalGrowthPerMille: v(t10, c10, '自然增长率（‰）'),
      note: 'census-based rates (events in the 12 months before the census ÷ resident population)',
    },
  };
  const census2020 = {
    source: SRC_2020,
    date: '2020-11-01',
    residentPop: res20,
    urbanPop: urb20,
    ruralPop: rur20,
    residentUrbanRate: share(urb20, res20),
    male: v(t20, c20, '人口数_男'),
    female: v(t20, c20, '人口数_女'),
    chengquPop: chengqu20,
    countyLevelCitiesChengquPop: split.countyChengqu,
    townPop,
    chengquNote:
      'chengquPop = city-row 城区人口: the 城区 of the municipal districts only (coverage check). countyLevelCitiesChengquPop = Σ county-level cities’ own 城区 rows. townPop = urbanPop − both = the 镇区 population (derived).',
    meanLiveBirthsWomen15to64: v(t20, c20, '15-64岁妇女平均活产子女数'),
  };

  const hukouElsewhere2020 = {
    source: `${SRC_2020}, columns 户口登记地在外乡镇街道人口_本县 / _本省其他县 / _省外`,
    formula:
      'share_k = persons whose hukou is registered in another township, by where it is registered (k = same county-level unit / other county in the province / other province) ÷ resident population 人口数_合计',
    city: elsewhere2020(t20, c20),
    districts: d20.districts.map((r) => ({ name: r[col(t20, '区县')], ...elsewhere2020(t20, r) })),
    caveats: [
      'The categories are relative to the county-level unit where the person lives: at the city level "otherCountyInProvince" includes people registered in another district or county of the same city.',
      '"sameCounty" is 人户分离 within the district/county: these people belong to the local hukou population.',
    ],
  };
  const hukouElsewhere2010 = {
    source: `${SRC_2010}, columns 迁入人口（人）-本县（市）/本市市区, -本省其他县（市）、市区, -外省`,
    formula: 'share_k = persons in the column ÷ resident population 合计',
    sameCountyOrCityDistricts: share(v(t10, c10, '迁入人口（人）-本县（市）/本市市区'), res10),
    otherCountyInProvince: share(v(t10, c10, '迁入人口（人）-本省其他县（市）、市区'), res10),
    otherProvince: share(v(t10, c10, '迁入人口（人）-外省'), res10),
    caveat:
      'Column label is 迁入人口; most likely the population registered in another township, as in 2020, but the first category also includes other districts of the same city. Compare with 2020 only with care.',
  };
  const housingOut2020 = {
    source: `${SRC_2020}, columns 住房来源_租赁/_自建/_购买/_继承或赠予/_其他 and 家庭户户数_长表`,
    formula:
      'share = households in the category ÷ family households in the long-form sample; the five categories sum to 1',
    unit: 'share of family households (long-form sample, about 10%)',
    city: housing2020(t20, c20),
    districts: d20.districts.map((r) => ({ name: r[col(t20, '区县')], ...housing2020(t20, r) })),
    caveat: 'All households, locals and migrants together.',
  };
  const housingOut2010 = {
    source: `${SRC_2010}, columns 住房来源-租赁/-自建/-购买/-其他 and 长表数据-家庭户`,
    formula: 'share = households in the category ÷ long-form family households',
    city: housing2010(t10, c10),
  };

  // ---- observed ----
  const censusObs: Obs[] = [
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
  const observed = [...censusObs, ...cfg.published(ctx)];
  observed.sort(
    (a, b) => a.year - b.year || a.metric.localeCompare(b.metric) || (a.vintage ?? '').localeCompare(b.vintage ?? ''),
  );

  if (cfg.key === 'guangzhou') {
    const h = observed.find((o) => o.metric === 'hukouUrbanRate' && o.year === 2019);
    assert(h !== undefined && Math.abs(h.value - 0.799) < 0.0001, 'GZ 2019 hukou urban rate reproduces 79.90%');
    checks.push({
      check:
        'Guangzhou 2019 registration rows of the aggregator table (9,537,157; urban 7,620,415) reproduce people.com.cn "年末戶籍人口953.72萬人,城鎮化率為79.90%"',
      rate: h.value,
      ok: true,
    });
  }

  const baseYearTotals = cfg.baseYear(ctx);
  const file = await writeJson(cfg.outFile ?? `cities/${cfg.key}.json`, {
    source: `${cfg.nameEn} (${cfg.name}, ${cfg.code}), ${cfg.province}. Census: ${SRC_2010}; ${SRC_2020}; ${LEIII_ORIGIN}; file ${rawLabel(...cityFileParts)}. Published figures: ${README} ${cfg.readmeSection} and pages found with the search tool (URLs and quotes in sourcesFound and in each entry).`,
    method:
      'City totals and age-sex structure are taken from the city row of each county extract after checking that the district rows add up to it exactly. Rates and shares are ratios of published counts, rounded to 8 significant digits. Published numbers are copied from the cited text (万人 × 10,000 → persons; % → fraction). Values that were not found are null with a gap, bounds and a proposed value labelled "assumption".',
    city: { name: cfg.name, nameEn: cfg.nameEn, code: cfg.code, province: cfg.province },
    ...(cfg.extra ? cfg.extra(ctx) : {}),
    document: cfg.document,
    census2010,
    census2020,
    ageSex2010: ageSex(t10, c10, col2010Age, `${SRC_2010}, columns 0岁（男）… 85岁及以上（女）, city row`, res10),
    ageSex2020: ageSex(t20, c20, col2020Age, `${SRC_2020}, columns 男_0岁 … 女_85岁以上, city row`, res20),
    ...(cfg.extraAfterAgeSex ? cfg.extraAfterAgeSex(ctx) : {}),
    districts2020,
    districts2010,
    tierTotals2020: { ...tt20, zones: zones2020 },
    tierTotals2010: tierTotals(districts2010),
    tierAssumption: { assumption: cfg.tierAssumption, tiers: cfg.tiers },
    hukouElsewhere2020,
    hukouElsewhere2010,
    housing2020: housingOut2020,
    housing2010: housingOut2010,
    observed,
    baseYearTotals,
    sourcesFound: cfg.sourcesFound,
    checks,
    gaps: cfg.gaps,
  });
  const by = baseYearTotals as Record<string, unknown>;
  const pick = (k: string): { value: number | null; proposed: number | null } => {
    const x = (by[k] ?? {}) as { value?: number | null; proposed?: { value?: number } };
    return { value: x.value ?? null, proposed: x.proposed?.value ?? null };
  };
  return {
    file,
    summary: {
      zoneShares,
      ageGroups: AGE_GROUPS.length,
      baseYear: {
        year: by['year'],
        ...Object.fromEntries(
          ['residentPop', 'residentUrbanRate', 'urbanResidentPop', 'hukouPop', 'hukouUrbanRate', 'urbanHukouPop'].map(
            (k) => [k, pick(k)],
          ),
        ),
      },
    },
  };
}

export async function buildCities(
  coverage: Record<string, unknown> = chengquCoverageCheck(),
): Promise<{ files: string[]; summary: Record<string, unknown> }> {
  const files: string[] = [];
  const summary: Record<string, unknown> = {};
  for (const cfg of [JINZHOU, LIAOYUAN, GUANGZHOU]) {
    const r = await buildCity(cfg, coverage);
    files.push(r.file);
    summary[cfg.key] = r.summary;
  }
  return { files, summary: { cities: summary } };
}
