/**
 * 辽源 (document 004): the city config of build-cities.ts and the figures found for it.
 */
import { share } from '../lib/census';
import { assert, sum } from '../lib/util';
import { foundSource, interpolated, roundPersons, roundRate, type CityConfig, type Found, type Obs } from '../lib/city';

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

// ---------------------------------------------------------------------------
// 辽源 Liaoyuan (document 004)

export const LIAOYUAN: CityConfig = {
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
