/**
 * 常州 (document 000): the city config of build-cities.ts. What is Changzhou's own: its 2015 base year
 * (changzhou-base.ts), its yearbook and bulletin figures (changzhou-sources.ts), its observed series with
 * named vintages (changzhou-observed.ts), its 城区 split (溧阳 the only county-level city) with the history of
 * the earlier derivation, and the layout and texts of changzhou.json, which predates the shared builder.
 */
import { AGE_GROUPS, col, col2010Age, col2020Age, nonAgWeightsRaw, v } from '../lib/census';
import { LEIII_CITY, LEIII_ORIGIN } from '../lib/sources';
import { assert, rawLabel, sig } from '../lib/util';
import { type CityConfig } from '../lib/city';
import { changzhouBase2015 } from './changzhou-base';
import { changzhouObserved } from './changzhou-observed';
import { FOUND, OTHER_PUBLISHED, README_2A, YEARBOOK } from './changzhou-sources';

const CITY = '常州市';
const CITY_CODE = '320400';

/** The count columns of the district-sum checks (fewer than the other cities': the file keeps its checks). */
const SUM_COLUMNS = {
  y2010: [
    '合计',
    '男',
    '女',
    '户籍人口',
    '城镇人口',
    '乡村人口',
    ...AGE_GROUPS.flatMap((g) => [col2010Age(g, '男'), col2010Age(g, '女')]),
  ],
  y2020: [
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
    ...AGE_GROUPS.flatMap((g) => [col2020Age(g, '男'), col2020Age(g, '女')]),
  ],
};

export const CHANGZHOU: CityConfig = {
  key: 'changzhou',
  name: CITY,
  code: CITY_CODE,
  province: '江苏省',
  nameEn: 'Changzhou',
  readmeSection: '§2a',
  tiers: {
    天宁区: 'core',
    钟楼区: 'core',
    戚墅堰区: 'core',
    新北区: 'core',
    武进区: 'core',
    金坛区: 'county',
    金坛市: 'county',
    溧阳市: 'county',
  },
  tierAssumption:
    'Zone tiers are a modelling choice, not a statistic. 天宁, 钟楼, 新北, 武进 (and 戚墅堰 in 2010, merged into 武进 in 2015) are municipal districts of the central city (中心城区) → "core". 溧阳 is a county-level city → "county". 金坛 became a district in 2015 (金坛市 → 金坛区) but is treated as "county": it is a separate town-centred urban area of a former county-level city, its 2020 urban share (65.8%) is like 溧阳 (63.1%) rather than the core districts (70-93%), and its settlement policy is likely to follow the smaller-city rules for years after the change. Switch it to "core" in the scenario if the city’s policy documents treat it as 中心城区.',
  layout: {
    nameEnInCity: false,
    districtChengqu: false,
    tiersInAssumption: false,
    elsewhere2010Persons: true,
    baseYearKey: 'base2015',
    sumColumns: SUM_COLUMNS,
  },
  // Core = the city-row 城区 (all municipal districts, 金坛区 included); county = 溧阳市's own 城区.
  zoneSplit: (c) => {
    const t = c.d20.t;
    const liyang = c.d20.districts.find((r) => r[col(t, '区县')] === '溧阳市');
    assert(liyang !== undefined, '2020 row 溧阳市');
    return {
      coreChengqu: c.chengqu20,
      countyChengqu: v(t, liyang, '城区人口'),
      method:
        'core = city-row 城区 (municipal districts, incl. 金坛区), county = 溧阳市 城区, town = 镇区 = urban − both; shares of the urban resident population. The city-row 城区 excludes 溧阳 (coverage check in checks).',
      confidence: 'derived',
    };
  },
  // The zones with the history of the earlier derivation (scenarios/cities/changzhou.json).
  zones2020: (c, z) => ({
    source: `${c.src20}, city row 城镇人口 / 城区人口 and the 溧阳市 row 城区人口`,
    method: z.split.method,
    urbanPop: c.urb20,
    coreChengquPop: z.split.coreChengqu,
    countyChengquPop: z.split.countyChengqu,
    townPop: z.townPop,
    urbanZoneShares: z.zoneShares,
    differsFrom: {
      file: 'scenarios/cities/changzhou.json base.urbanZoneShares (core 0.673, county 0.0861, town 0.2409)',
      reason:
        'that derivation subtracted 溧阳’s 城区 from the city-row 城区, which does not include it; the county share is the same, the core share is higher and the town share lower here',
    },
    tierNote:
      '金坛区 is tier "county" in districts2020 (TIER_ASSUMPTION) but, as a municipal district since 2015, its 城区 is inside the city-row 城区 and so inside "core" here; the census gives no 金坛-only 城区.',
  }),
  texts: (c) => {
    const w = nonAgWeightsRaw(c.d10);
    return {
      source: `Changzhou (${CITY}, ${CITY_CODE}), Jiangsu. Census: ${c.src10}; ${c.src20}; ${LEIII_ORIGIN}; file ${rawLabel(...LEIII_CITY)}. Published figures: ${README_2A} and pages found with the search tool (URLs and quotes in each entry).`,
      method:
        'City totals and age-sex structure are taken from the city row of each county extract after checking that the district rows add up to it exactly. Rates and shares are ratios of published counts (formulas given per item), rounded to 8 significant digits. Published yearbook/bulletin numbers are copied from the cited text (万人 × 10,000 → persons; % → fraction).',
      cityFileCheck: `resident and urban totals of the county-file city row equal ${rawLabel(...LEIII_CITY)} for 2010 and 2020`,
      nonAgConclusion:
        'Weighting by resident population (合计) reproduces the city value to 0.02 pp; weighting by 户籍人口 misses by 0.4 pp. The share is therefore most likely the share of the census-enumerated (resident) population holding a non-agricultural hukou — a resident-based measure that includes migrants registered elsewhere, not the non-agricultural share of the local hukou population. The same holds for 锦州 and 辽源 in the same file.',
      hukouPopNote:
        '户籍人口 as tabulated by the census for the area (persons with hukou registered in Changzhou, wherever enumerated per the census definition); differs from year-end public-security registration figures.',
      nonAgriculturalShareFormula:
        'Published city value (city row). Check: Σ_d share_d × residentPop_d / Σ_d residentPop_d over the 7 districts = ' +
        `${sig(w.residentWeighted * 100, 5)}% (resident-weighted) vs ${sig(w.hukouWeighted * 100, 5)}% (hukou-weighted); see checks.`,
      census2020Source: `${c.src20}; the city totals also appear in the Changzhou 7th-census communiqué (${README_2A}: http://www.hbzqbyyxgs.com/goomai/236889.html)`,
      chengquNote:
        'chengquPop = city-row 城区人口: the 城区 of the municipal districts only (天宁, 钟楼, 新北, 武进, 金坛; coverage check in checks). District rows give 城区人口 only for the county-level city 溧阳 (countyLevelCitiesChengquPop), which comes on top. townPop = urbanPop − chengquPop − countyLevelCitiesChengquPop is the population of 镇区 (derived). Earlier builds computed townPop = urbanPop − chengquPop (979,687), which assumed the city row included 溧阳.',
      elsewhere2020Formula:
        'share_k = persons whose hukou is registered in another township (乡镇街道), by where it is registered (k = same county-level unit / other county in Jiangsu / other province) ÷ resident population 人口数_合计',
      elsewhere2020Caveats: [
        'The categories are relative to the county-level unit where the person lives. At the city level, "otherCountyInProvince" includes people registered in another district of Changzhou itself (e.g. living in 天宁, registered in 武进), so it overstates registration outside Changzhou; the intra-city part cannot be separated with this table.',
        '"sameCounty" is 人户分离 within the district/county (registered locally, in another township): these people belong to the local hukou population.',
      ],
      elsewhere2010Caveat:
        'Column label in the compiled file is 迁入人口 (in-migrants); by its breakdown it most likely is the population whose hukou is registered in another township, as in 2020, but the 2010 first category also includes other districts of the same city (本市市区), unlike 2020. Compare with 2020 only with care.',
      housing2020Formula:
        'share = households in the category ÷ family households in the long-form sample (家庭户户数_长表); the five categories sum to 1',
      housing2020Caveat: 'All households, locals and migrants together; not the housing of migrants alone.',
    };
  },
  extraAfterHousing: () => ({ yearbook: YEARBOOK, otherPublished: OTHER_PUBLISHED }),
  observed: changzhouObserved,
  baseYear: (c) => changzhouBase2015(c.nonAg10).base2015,
  // For data/README.md (build-all.ts).
  summary: (c) => {
    const { proxyUpper, rp15, up15, hp15 } = changzhouBase2015(c.nonAg10);
    return {
      base2015: {
        residentPop: rp15,
        urbanResidentPop: up15,
        residentUrbanRate: 0.7,
        hukouPop: hp15,
        hukouUrbanRate: null,
        proxyUpper: sig(proxyUpper, 4),
        nonAg2010: c.nonAg10,
      },
    };
  },
  sourcesFound: FOUND,
  gaps: [
    'Hukou urbanisation rate / urban-registered population for any year after 2010 (only the 2010 census non-agricultural share exists, with a resident-based denominator).',
    'Year-end resident figures for 2011 and 2019; urban resident population 2012 (rate derived only).',
    'Post-2020-census revision of the 2011-2019 resident series for Changzhou (not found).',
    'Yearly settlement (落户) counts, residence-permit counts, migrants’ duration of residence.',
    'Changzhou 2016 plan targets (72% resident urbanisation, gap ≤ 5 pp by 2020): not found (unverified).',
    'Age-sex structure by urban/rural or by hukou status for Changzhou (only totals by district).',
  ],
};
