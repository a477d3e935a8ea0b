/**
 * 锦州 (document 002): the city config of build-cities.ts and the figures found for it.
 */
import { share } from '../lib/census';
import { assert, sig, sum } from '../lib/util';
import { foundSource, interpolated, roundPersons, roundRate, type CityConfig, type Found } from '../lib/city';

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

// ---------------------------------------------------------------------------
// 锦州 Jinzhou (document 002)

export const JINZHOU: CityConfig = {
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
