/**
 * data/cities/changzhou.json — everything the Changzhou preset needs:
 * census totals 2010/2020 (leiii/census county extracts), age-sex structure,
 * districts and zone tiers, hukou-elsewhere and housing shares, published
 * yearbook/bulletin figures, the observed series and the 2015 base year.
 */
import { req } from './lib/csv';
import {
  ageSex,
  AGE_GROUPS,
  checkDistrictSums,
  chengquCoverageCheck,
  col,
  col2010Age,
  col2020Age,
  share,
  SRC_2010,
  SRC_2020,
  load2010,
  load2020,
  v,
  v0,
  type Row,
} from './lib/census';
import { LEIII_CITY, LEIII_ORIGIN, readLeiii } from './lib/sources';
import { assert, rawLabel, sig, sum, writeJson } from './lib/util';

const CITY = '常州市';
const CITY_CODE = '320400';
const SRC_CITYFILE = `${LEIII_ORIGIN}; file ${rawLabel(...LEIII_CITY)}`;

// ---------------------------------------------------------------------------
// Published figures that are not in raw files. From shared/data/README.md §2a
// (source strings copied from it) or found with the search tool (URL + the
// quoted phrase). Numbers are as published; units noted.

const README = 'shared/data/README.md §2a';
const YEARBOOK = [
  {
    year: 2013,
    urbanPop: 3164800,
    residentUrbanRate: 0.675,
    published: '316.48万 urban; 67.5% (+6.17万, +1.3 pp)',
    source: `${README}: http://zg.changzhou.gov.cn/content/suitable/show?catid=2206&id=21099 — confidence: verified`,
    quote:
      '2013年末,我市城镇人口为316.48万人,占总人口的比重达67.5% … 与2012年末相比,我市城镇人口增加6.17万人,城镇人口比重上升1.3个百分点',
  },
  {
    year: 2017,
    residentPop: 4717300,
    urbanPop: 3387000,
    residentUrbanRate: 0.718,
    published: '471.73万; urban 338.70万; 71.8%',
    source: `${README}: Jiangsu Statistical Yearbook 2019, table 3-6: http://tj.jiangsu.gov.cn/2019/nj03/nj0306.htm — confidence: verified`,
  },
  {
    year: 2018,
    residentPop: 4728600,
    urbanPop: 3428200,
    residentUrbanRate: 0.725,
    published: '472.86万; urban 342.82万; 72.5%',
    source: `${README}: Jiangsu YB 2019, table 3-6 — confidence: verified`,
  },
] as const;

const OTHER_PUBLISHED = [
  {
    year: 2010,
    item: '城市化水平 63.9% (Jiangsu 60.6%); 12th FYP target ≥68% by 2015',
    value: 0.639,
    source: `${README}: http://ciudsrc.cn/webdiceng.php?id=29148 — confidence: verified`,
    note: 'A year-end estimate that differs from the census-day rate 63.17%; not used in `observed` to avoid two 2010 values of different vintage.',
  },
  {
    year: 2017,
    item: 'hukou population +3.94万 after settlement rules were relaxed',
    value: 39400,
    source: `${README}: https://m.78911.com.cn/ShuJuXiangGuan/739250.html — confidence: verified (aggregator)`,
  },
  {
    year: 2020,
    item: '2016 plan: 72% resident urbanisation and gap ≤5 pp by 2020',
    value: null,
    source: `${README}: not found — confidence: unverified (from brief)`,
  },
] as const;

/** Found with the search tool (corpus "pages"), 2015 base year and neighbours. */
const FOUND = {
  communique2015: {
    url: 'http://www.changzhou.gov.cn/ns_news/790146701386428',
    title:
      'Statistical Communique of Changzhou on the 2015 Local Economic and Social Development (Part XI), Changzhou municipal government English site',
    quote:
      'By end of 2015, there were 4.701 million permanent residents with a year-on-year growth of 0.1%, among which 3.291 million were urban residents. And the urbanization rate reached 70.0%. The total number of registered residents grew by 0.6% to 3.709 million, among which 1.836 million were males, up by 0.4% and 1.873 million were females, up by 0.8%. The birth rate and death rate of the registered residents stood at 9.6‰ and 7‰ respectively, with a natural population growth rate of 2.7‰.',
    quality: 'official municipal site (English version of the 2015 communiqué)',
  },
  jiangsuTable2015: {
    url: 'http://szftgk.com/XinWenShuJu/650317.html',
    title: 'Reprint of a Nantong statistics article on 2015 population, 表1 全省分地区常住人口和户籍人口情况表',
    quote:
      '常州市 | 470.14 | 70.00 | 370.85 |  (columns: 2015年末常住人口 (万人) | 城镇化率 (%) | 2015年末户籍人口 (万人))',
    quality: 'aggregator reprint of an official table; agrees with the communiqué to its rounding',
  },
  news2014: {
    url: 'https://www9599116.com/ns_news/291142560594233',
    title: "“Changzhou's resident population hits 4.7 million” (mirror of the Changzhou government English site)",
    quote:
      'as of the end of 2014, the resident population of Changzhou reached 4.7 million (4.6964 million accurately), an increase of 0.09% over the previous year. The urban population achieved 3.2264 million, accounting for 68.7% of the total resident population.',
    quality: 'mirror of an official page; re-check on changzhou.gov.cn',
  },
  communique2016: {
    url: 'http://baajob.com/ns_news/705151263197142',
    title:
      'Statistical Communique of Changzhou on the 2016 Local Economic and Social Development-XI (mirror of the Changzhou government English site)',
    quote:
      'By end of 2016, there were 4.708 million permanent residents with a year-on-year growth of 0.1%, among which 3.343 million were urban residents. And the urbanization rate reached 71%. The total number of registered residents grew by 1.1% to 3.749 million',
    quality: 'mirror of an official page; re-check on changzhou.gov.cn',
  },
  hukou2013: {
    url: 'http://zg.changzhou.gov.cn/content/suitable/show?catid=2206&id=20872',
    title: '最新统计我市户籍总人口365.91万 女性多于男性 (2014-01-22)',
    quote: '据公安部门统计资料显示,截至2013年末我市户籍总人口达365.91万人,比上年末增加1.14万人',
    quality: 'official municipal site (public-security registration statistics)',
  },
  hukou2020: {
    url: 'http://www.hbzqbyyxgs.com/goomai/236889.html',
    title: 'Aggregator page quoting the 2020 Changzhou statistical communiqué',
    quote: '據《2020年常州市國民經濟和社會發展統計公報》,2020年末,常州全市戶籍總人口386.63萬人,增長0.4%',
    quality: 'aggregator (also the README source for the 2020 census totals); re-check on tjj.changzhou.gov.cn',
  },
} as const;

const foundSource = (k: keyof typeof FOUND): string => `${FOUND[k].title}: ${FOUND[k].url}`;

// ---------------------------------------------------------------------------

type Tier = 'core' | 'county';
const TIER_ASSUMPTION = {
  assumption:
    'Zone tiers are a modelling choice, not a statistic. 天宁, 钟楼, 新北, 武进 (and 戚墅堰 in 2010, merged into 武进 in 2015) are municipal districts of the central city (中心城区) → "core". 溧阳 is a county-level city → "county". 金坛 became a district in 2015 (金坛市 → 金坛区) but is treated as "county": it is a separate town-centred urban area of a former county-level city, its 2020 urban share (65.8%) is like 溧阳 (63.1%) rather than the core districts (70-93%), and its settlement policy is likely to follow the smaller-city rules for years after the change. Switch it to "core" in the scenario if the city’s policy documents treat it as 中心城区.',
  tiers: {
    天宁区: 'core',
    钟楼区: 'core',
    戚墅堰区: 'core',
    新北区: 'core',
    武进区: 'core',
    金坛区: 'county',
    金坛市: 'county',
    溧阳市: 'county',
  } as Record<string, Tier>,
};

function tierOf(name: string): Tier {
  const t = TIER_ASSUMPTION.tiers[name];
  assert(t !== undefined, `tier for ${name}`);
  return t;
}

// ---------------------------------------------------------------------------

export async function buildChangzhou(): Promise<{
  files: string[];
  summary: Record<string, unknown>;
}> {
  // The same readers as every other city (lib/census.ts): Changzhou is one more city config.
  const d10 = load2010(CITY, CITY_CODE);
  const d20 = load2020(CITY, CITY_CODE);
  const t10 = d10.t;
  const t20 = d20.t;
  const checks: Record<string, unknown>[] = [];

  // ---- census totals ----
  const c10 = d10.city;
  const c20 = d20.city;
  const age10Cols = AGE_GROUPS.flatMap((g) => [col2010Age(g, '男'), col2010Age(g, '女')]);
  const age20Cols = AGE_GROUPS.flatMap((g) => [col2020Age(g, '男'), col2020Age(g, '女')]);
  checks.push(
    checkDistrictSums(
      d10,
      ['合计', '男', '女', '户籍人口', '城镇人口', '乡村人口', ...age10Cols],
      2010,
      `${CITY} ${CITY_CODE}`,
    ),
  );
  checks.push(
    checkDistrictSums(
      d20,
      [
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
        ...age20Cols,
      ],
      2020,
      `${CITY} ${CITY_CODE}`,
    ),
  );

  const res10 = v(t10, c10, '合计');
  const urb10 = v(t10, c10, '城镇人口');
  const rur10 = v(t10, c10, '乡村人口');
  const hukou10 = v(t10, c10, '户籍人口');
  const nonAg10 = sig(v(t10, c10, '非农业户口人口比重（%）') / 100);
  assert(urb10 + rur10 === res10, '2010 urban + rural = total');
  const res20 = v(t20, c20, '人口数_合计');
  const urb20 = v(t20, c20, '城镇人口');
  const rur20 = v(t20, c20, '乡村人口');
  const chengqu20 = v(t20, c20, '城区人口');
  const liyang = d20.districts.find((r) => r[col(t20, '区县')] === '溧阳市');
  assert(liyang !== undefined, '2020 row 溧阳市');
  const liyangChengqu = v(t20, liyang, '城区人口');
  const coverage = chengquCoverageCheck();
  checks.push(coverage);
  const zoneShares2020 = {
    core: share(chengqu20, urb20),
    county: share(liyangChengqu, urb20),
    town: share(urb20 - chengqu20 - liyangChengqu, urb20),
  };
  assert(urb20 + rur20 === res20, '2020 urban + rural = total');

  // Cross-check with the prefecture file.
  const cityFile = readLeiii(LEIII_CITY);
  const cf = cityFile.rows.find((r) => r['city'] === CITY);
  assert(cf !== undefined, 'city file row');
  assert(
    req(cf['popu_2010']) === res10 && req(cf['popu_urban_2010']) === urb10,
    '2010 city file = county file city row',
  );
  assert(
    req(cf['popu_2020']) === res20 && req(cf['popu_urban_2020']) === urb20,
    '2020 city file = county file city row',
  );
  checks.push({
    check: `resident and urban totals of the county-file city row equal ${rawLabel(...LEIII_CITY)} for 2010 and 2020`,
    ok: true,
  });

  // Non-agricultural share: which denominator reproduces the city value?
  const nonAgOf = (r: Row): number => v(t10, r, '非农业户口人口比重（%）') / 100;
  const wRes = sum(d10.districts.map((r) => nonAgOf(r) * v(t10, r, '合计'))) / res10;
  const wHukou = sum(d10.districts.map((r) => nonAgOf(r) * v(t10, r, '户籍人口'))) / hukou10;
  checks.push({
    check:
      '2010 非农业户口人口比重: district shares aggregated with two candidate denominators, compared with the city row 33.04%',
    residentWeighted: sig(wRes, 6),
    hukouWeighted: sig(wHukou, 6),
    cityRow: nonAg10,
    conclusion:
      'Weighting by resident population (合计) reproduces the city value to 0.02 pp; weighting by 户籍人口 misses by 0.4 pp. The share is therefore most likely the share of the census-enumerated (resident) population holding a non-agricultural hukou — a resident-based measure that includes migrants registered elsewhere, not the non-agricultural share of the local hukou population. The same holds for 锦州 and 辽源 in the same file.',
  });

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
      '户籍人口 as tabulated by the census for the area (persons with hukou registered in Changzhou, wherever enumerated per the census definition); differs from year-end public-security registration figures.',
    nonAgriculturalShare: nonAg10,
    nonAgriculturalShareSource: `${SRC_2010}, column 非农业户口人口比重（%）, city row 常州市`,
    nonAgriculturalShareFormula:
      'Published city value (city row). Check: Σ_d share_d × residentPop_d / Σ_d residentPop_d over the 7 districts = ' +
      `${sig(wRes * 100, 5)}% (resident-weighted) vs ${sig(wHukou * 100, 5)}% (hukou-weighted); see checks.`,
    nonAgriculturalShareDenominator: 'most likely the resident (census-enumerated) population, see checks',
    vitalRates: {
      birthRatePerMille: v(t10, c10, '出生率（‰）'),
      deathRatePerMille: v(t10, c10, '死亡率（‰）'),
      naturalGrowthPerMille: v(t10, c10, '自然增长率（‰）'),
      note: 'census-based rates (events in the 12 months before the census ÷ resident population)',
    },
  };

  const census2020 = {
    source: `${SRC_2020}; the city totals also appear in the Changzhou 7th-census communiqué (${README}: http://www.hbzqbyyxgs.com/goomai/236889.html)`,
    date: '2020-11-01',
    residentPop: res20,
    urbanPop: urb20,
    ruralPop: rur20,
    residentUrbanRate: share(urb20, res20),
    male: v(t20, c20, '人口数_男'),
    female: v(t20, c20, '人口数_女'),
    chengquPop: chengqu20,
    countyLevelCitiesChengquPop: liyangChengqu,
    townPop: urb20 - chengqu20 - liyangChengqu,
    chengquNote:
      'chengquPop = city-row 城区人口: the 城区 of the municipal districts only (天宁, 钟楼, 新北, 武进, 金坛; coverage check in checks). District rows give 城区人口 only for the county-level city 溧阳 (countyLevelCitiesChengquPop), which comes on top. townPop = urbanPop − chengquPop − countyLevelCitiesChengquPop is the population of 镇区 (derived). Earlier builds computed townPop = urbanPop − chengquPop (979,687), which assumed the city row included 溧阳.',
    meanLiveBirthsWomen15to64: v(t20, c20, '15-64岁妇女平均活产子女数'),
  };

  // ---- districts ----
  const districts2020 = d20.districts.map((r) => {
    const name = r[col(t20, '区县')] ?? '';
    const rp = v(t20, r, '人口数_合计');
    const up = v(t20, r, '城镇人口');
    return {
      name,
      code: r[col(t20, '区划代码')],
      residentPop: rp,
      urbanPop: up,
      ruralPop: v0(t20, r, '乡村人口'),
      urbanShare: share(up, rp),
      tier: tierOf(name),
    };
  });
  const districts2010 = d10.districts.map((r) => {
    const name = r[col(t10, '地区')] ?? '';
    const rp = v(t10, r, '合计');
    const up = v0(t10, r, '城镇人口');
    return {
      name,
      code: r[col(t10, '区划代码')],
      residentPop: rp,
      urbanPop: up,
      ruralPop: v0(t10, r, '乡村人口'),
      urbanShare: share(up, rp),
      hukouPop: v(t10, r, '户籍人口'),
      nonAgriculturalShare: sig(nonAgOf(r)),
      tier: tierOf(name),
    };
  });
  const tierTotals = (
    ds: { tier: Tier; residentPop: number; urbanPop: number }[],
  ): Record<Tier, { residentPop: number; urbanPop: number; urbanShare: number }> => {
    const out = {} as Record<Tier, { residentPop: number; urbanPop: number; urbanShare: number }>;
    for (const tier of ['core', 'county'] as Tier[]) {
      const sel = ds.filter((d) => d.tier === tier);
      const rp = sum(sel.map((d) => d.residentPop));
      const up = sum(sel.map((d) => d.urbanPop));
      out[tier] = { residentPop: rp, urbanPop: up, urbanShare: share(up, rp) };
    }
    return out;
  };

  // ---- hukou registered elsewhere ----
  const elsewhere = (r: Row): Record<string, number> => {
    const rp = v(t20, r, '人口数_合计');
    const a = v(t20, r, '户口登记地在外乡镇街道人口_本县');
    const b = v(t20, r, '户口登记地在外乡镇街道人口_本省其他县');
    const c = v(t20, r, '户口登记地在外乡镇街道人口_省外');
    return {
      sameCounty: share(a, rp),
      otherCountyInProvince: share(b, rp),
      otherProvince: share(c, rp),
      persons_sameCounty: a,
      persons_otherCountyInProvince: b,
      persons_otherProvince: c,
    };
  };
  const hukouElsewhere2020 = {
    source: `${SRC_2020}, columns 户口登记地在外乡镇街道人口_本县 / _本省其他县 / _省外`,
    formula:
      'share_k = persons whose hukou is registered in another township (乡镇街道), by where it is registered (k = same county-level unit / other county in Jiangsu / other province) ÷ resident population 人口数_合计',
    city: elsewhere(c20),
    districts: d20.districts.map((r) => ({
      name: r[col(t20, '区县')],
      ...elsewhere(r),
    })),
    caveats: [
      'The categories are relative to the county-level unit where the person lives. At the city level, "otherCountyInProvince" includes people registered in another district of Changzhou itself (e.g. living in 天宁, registered in 武进), so it overstates registration outside Changzhou; the intra-city part cannot be separated with this table.',
      '"sameCounty" is 人户分离 within the district/county (registered locally, in another township): these people belong to the local hukou population.',
    ],
  };
  const hukouElsewhere2010 = {
    source: `${SRC_2010}, columns 迁入人口（人）-本县（市）/本市市区, -本省其他县（市）、市区, -外省`,
    formula: 'share_k = persons in the column ÷ resident population 合计',
    sameCountyOrCityDistricts: share(v(t10, c10, '迁入人口（人）-本县（市）/本市市区'), res10),
    otherCountyInProvince: share(v(t10, c10, '迁入人口（人）-本省其他县（市）、市区'), res10),
    otherProvince: share(v(t10, c10, '迁入人口（人）-外省'), res10),
    persons: {
      sameCountyOrCityDistricts: v(t10, c10, '迁入人口（人）-本县（市）/本市市区'),
      otherCountyInProvince: v(t10, c10, '迁入人口（人）-本省其他县（市）、市区'),
      otherProvince: v(t10, c10, '迁入人口（人）-外省'),
    },
    caveat:
      'Column label in the compiled file is 迁入人口 (in-migrants); by its breakdown it most likely is the population whose hukou is registered in another township, as in 2020, but the 2010 first category also includes other districts of the same city (本市市区), unlike 2020. Compare with 2020 only with care.',
  };

  // ---- housing ----
  const housing = (r: Row): Record<string, number> => {
    const tot = v(t20, r, '家庭户户数_长表');
    return {
      rented: share(v(t20, r, '住房来源_租赁'), tot),
      selfBuilt: share(v(t20, r, '住房来源_自建'), tot),
      bought: share(v(t20, r, '住房来源_购买'), tot),
      inheritedOrGift: share(v(t20, r, '住房来源_继承或赠予'), tot),
      other: share(v(t20, r, '住房来源_其他'), tot),
      households: tot,
    };
  };
  const hc = housing(c20);
  assert(
    Math.abs(hc['rented']! + hc['selfBuilt']! + hc['bought']! + hc['inheritedOrGift']! + hc['other']! - 1) < 1e-6,
    'housing shares sum to 1',
  );
  const housing2020 = {
    source: `${SRC_2020}, columns 住房来源_租赁/_自建/_购买/_继承或赠予/_其他 and 家庭户户数_长表`,
    formula:
      'share = households in the category ÷ family households in the long-form sample (家庭户户数_长表); the five categories sum to 1',
    unit: 'share of family households (long-form sample, about 10%)',
    city: hc,
    districts: d20.districts.map((r) => ({
      name: r[col(t20, '区县')],
      ...housing(r),
    })),
    caveat: 'All households, locals and migrants together; not the housing of migrants alone.',
  };
  const h10tot = v(t10, c10, '长表数据-家庭户');
  const housing2010 = {
    source: `${SRC_2010}, columns 住房来源-租赁/-自建/-购买/-其他 and 长表数据-家庭户`,
    formula: 'share = households in the category ÷ long-form family households',
    city: {
      rented: share(v(t10, c10, '住房来源-租赁'), h10tot),
      selfBuilt: share(v(t10, c10, '住房来源-自建'), h10tot),
      bought: share(v(t10, c10, '住房来源-购买'), h10tot),
      other: share(v(t10, c10, '住房来源-其他'), h10tot),
      households: h10tot,
    },
  };

  // ---- observed series ----
  type Obs = {
    metric: 'residentUrbanRate' | 'residentPop' | 'hukouUrbanRate' | 'hukouPop';
    year: number;
    value: number;
    source: string;
    definition?: 'nonAgricultural' | 'address';
    confidence: 'verified' | 'derived';
    note?: string;
  };
  const observed: Obs[] = [
    {
      metric: 'residentPop',
      year: 2010,
      value: res10,
      source: SRC_2010,
      confidence: 'verified',
      note: 'census day 2010-11-01',
    },
    {
      metric: 'residentUrbanRate',
      year: 2010,
      value: share(urb10, res10),
      source: SRC_2010,
      confidence: 'verified',
      note: `census: urban ${urb10} ÷ resident ${res10}`,
    },
    {
      metric: 'hukouPop',
      year: 2010,
      value: hukou10,
      source: SRC_2010,
      confidence: 'verified',
      note: 'census-tabulated 户籍人口, not the year-end public-security figure',
    },
    {
      metric: 'hukouUrbanRate',
      year: 2010,
      value: nonAg10,
      source: `${SRC_2010}, column 非农业户口人口比重（%）`,
      definition: 'nonAgricultural',
      confidence: 'verified',
      note: 'Non-agricultural hukou share; its denominator is most likely the resident population (see checks), so it is only a proxy for the hukou urbanisation rate.',
    },
    {
      metric: 'residentUrbanRate',
      year: 2012,
      value: 0.662,
      source: `${README}: derived: 67.5 − 1.3 (2013 bulletin: "+1.3 pp" over 2012)`,
      confidence: 'derived',
    },
    {
      metric: 'residentUrbanRate',
      year: 2013,
      value: 0.675,
      source: YEARBOOK[0].source,
      confidence: 'verified',
    },
    {
      metric: 'hukouPop',
      year: 2013,
      value: 3659100,
      source: foundSource('hukou2013'),
      confidence: 'verified',
      note: `year-end public-security figure; quote: "${FOUND.hukou2013.quote}"`,
    },
    {
      metric: 'residentPop',
      year: 2014,
      value: 4696400,
      source: foundSource('news2014'),
      confidence: 'verified',
      note: FOUND.news2014.quality,
    },
    {
      metric: 'residentUrbanRate',
      year: 2014,
      value: 0.687,
      source: foundSource('news2014'),
      confidence: 'verified',
      note: `${FOUND.news2014.quality}; urban 3.2264 million`,
    },
    {
      metric: 'residentPop',
      year: 2015,
      value: 4701400,
      source: `${foundSource('jiangsuTable2015')}; ${foundSource('communique2015')}`,
      confidence: 'verified',
      note: '470.14万 (table); "4.701 million" (communiqué)',
    },
    {
      metric: 'residentUrbanRate',
      year: 2015,
      value: 0.7,
      source: foundSource('communique2015'),
      confidence: 'verified',
      note: '"the urbanization rate reached 70.0%"; urban 3.291 million',
    },
    {
      metric: 'hukouPop',
      year: 2015,
      value: 3708500,
      source: `${foundSource('jiangsuTable2015')}; ${foundSource('communique2015')}`,
      confidence: 'verified',
      note: '370.85万 (table); "3.709 million" (communiqué)',
    },
    {
      metric: 'residentPop',
      year: 2016,
      value: 4708000,
      source: foundSource('communique2016'),
      confidence: 'verified',
      note: FOUND.communique2016.quality,
    },
    {
      metric: 'residentUrbanRate',
      year: 2016,
      value: 0.71,
      source: foundSource('communique2016'),
      confidence: 'verified',
      note: `${FOUND.communique2016.quality}; urban 3.343 million (3.343/4.708 = 0.7101)`,
    },
    {
      metric: 'hukouPop',
      year: 2016,
      value: 3749000,
      source: foundSource('communique2016'),
      confidence: 'verified',
      note: FOUND.communique2016.quality,
    },
    {
      metric: 'residentPop',
      year: 2017,
      value: 4717300,
      source: YEARBOOK[1].source,
      confidence: 'verified',
    },
    {
      metric: 'residentUrbanRate',
      year: 2017,
      value: 0.718,
      source: YEARBOOK[1].source,
      confidence: 'verified',
    },
    {
      metric: 'residentPop',
      year: 2018,
      value: 4728600,
      source: YEARBOOK[2].source,
      confidence: 'verified',
    },
    {
      metric: 'residentUrbanRate',
      year: 2018,
      value: 0.725,
      source: YEARBOOK[2].source,
      confidence: 'verified',
    },
    {
      metric: 'residentPop',
      year: 2020,
      value: res20,
      source: SRC_2020,
      confidence: 'verified',
      note: 'census day 2020-11-01',
    },
    {
      metric: 'residentUrbanRate',
      year: 2020,
      value: share(urb20, res20),
      source: SRC_2020,
      confidence: 'verified',
      note: `census: urban ${urb20} ÷ resident ${res20}`,
    },
    {
      metric: 'hukouPop',
      year: 2020,
      value: 3866300,
      source: foundSource('hukou2020'),
      confidence: 'verified',
      note: `year-end; ${FOUND.hukou2020.quality}`,
    },
  ];
  observed.sort((a, b) => a.year - b.year || a.metric.localeCompare(b.metric));
  // One statistical vintage per series, named (census day; public-security register; yearly bulletins).
  const vintageOf = (o: Obs): string =>
    (o.year === 2010 || o.year === 2020) && (o.metric === 'residentPop' || o.metric === 'residentUrbanRate')
      ? 'census'
      : o.metric === 'hukouUrbanRate' || (o.metric === 'hukouPop' && o.year === 2010)
        ? 'census count'
        : o.metric === 'hukouPop'
          ? 'register'
          : 'bulletin';
  const observedWithVintage = observed.map((o) => {
    const { metric, year, value, source, ...rest } = o;
    return { metric, year, value, source, vintage: vintageOf(o), ...rest };
  });

  // ---- base year 2015 ----
  const rp15 = 4701400;
  const up15 = 3291000;
  const hp15 = 3708500;
  const proxyUpper = (up15 - (rp15 - hp15)) / hp15;
  const base2015 = {
    year: 2015,
    asOf: 'year-end (年末)',
    residentPop: {
      value: rp15,
      unit: 'persons',
      source: foundSource('jiangsuTable2015'),
      quote: FOUND.jiangsuTable2015.quote,
      confirmedBy: {
        source: foundSource('communique2015'),
        quote: '4.701 million permanent residents',
      },
    },
    urbanResidentPop: {
      value: up15,
      unit: 'persons',
      source: foundSource('communique2015'),
      quote: '3.291 million were urban residents',
    },
    residentUrbanRate: {
      value: 0.7,
      source: foundSource('communique2015'),
      quote: 'the urbanization rate reached 70.0%',
      check: sig(up15 / rp15, 6),
    },
    hukouPop: {
      value: hp15,
      unit: 'persons',
      source: foundSource('jiangsuTable2015'),
      quote: FOUND.jiangsuTable2015.quote,
      confirmedBy: {
        source: foundSource('communique2015'),
        quote: 'The total number of registered residents grew by 0.6% to 3.709 million',
      },
    },
    hukouSex: {
      male: 1836000,
      female: 1873000,
      source: foundSource('communique2015'),
      quote: '1.836 million were males … 1.873 million were females',
    },
    hukouVitalRates: {
      birthRatePerMille: 9.6,
      deathRatePerMille: 7,
      naturalGrowthPerMille: 2.7,
      source: foundSource('communique2015'),
      quote:
        'The birth rate and death rate of the registered residents stood at 9.6‰ and 7‰ respectively, with a natural population growth rate of 2.7‰',
    },
    hukouUrbanRate: {
      value: null,
      gap: 'No 2015 hukou urbanisation rate or urban-registered population for Changzhou was found (searched: 2015/2016 communiqués in Chinese and English, Jiangsu yearbook tables, municipal news). The communiqué gives only total registered residents.',
      bounds: {
        lower: {
          value: nonAg10,
          definition: 'nonAgricultural',
          reasoning:
            '2010 census non-agricultural hukou share (resident-based). Carried forward unchanged to 2015 as an assumption; it is the only hukou-type figure in the sources.',
        },
        upper: {
          value: sig(proxyUpper, 6),
          definition: 'address',
          formula:
            '(urban residents − (resident pop − hukou pop)) ÷ hukou pop = (3,291,000 − (4,701,400 − 3,708,500)) ÷ 3,708,500',
          reasoning:
            'Locally registered people living in urban areas, if every net non-local resident (resident − hukou) lives in an urban area and nobody registered locally lives away. In model terms this is (ΣUH + ΣUA) ÷ hukou pop, an upper bound for the address-definition hukou rate (ΣUH + AWU) ÷ hukou pop as long as AWU is small: it counts UA as urban-registered.',
        },
      },
      proposed: {
        value: sig((nonAg10 + proxyUpper) / 2, 4),
        definition: 'address',
        confidence: 'assumption',
        assumption:
          'Placeholder only: the midpoint of the two bounds, for a scenario that needs one number. The bounds rest on different definitions, so the midpoint has no evidential weight; calibrate it (or the UA share) against later observations instead, and label any evaluation against it accordingly.',
      },
    },
    urbanHukouPop: { value: null, gap: 'not found; see hukouUrbanRate' },
    notes: [
      'Administrative change in 2015: 金坛市 became 金坛区 and 戚墅堰区 merged into 武进区; city totals are unaffected.',
      'Vintage: these are the original (pre-2020-census) year-end estimates. The resident rate rises from 72.5% (2018) to 77.07% at the 2020 census, a larger step than the 2010-2018 trend; a post-census revision of the 2011-2019 series (as NBS did nationally, shared/data/README.md) has not been found for Changzhou. Do not mix revised and unrevised values in one calibration.',
    ],
  };

  const file = await writeJson('cities/changzhou.json', {
    source: `Changzhou (常州市, ${CITY_CODE}), Jiangsu. Census: ${SRC_2010}; ${SRC_2020}; ${SRC_CITYFILE}. Published figures: ${README} and pages found with the search tool (URLs and quotes in each entry).`,
    method:
      'City totals and age-sex structure are taken from the city row of each county extract after checking that the district rows add up to it exactly. Rates and shares are ratios of published counts (formulas given per item), rounded to 8 significant digits. Published yearbook/bulletin numbers are copied from the cited text (万人 × 10,000 → persons; % → fraction).',
    city: { name: CITY, code: CITY_CODE, province: '江苏省' },
    census2010,
    census2020,
    ageSex2010: ageSex(t10, c10, col2010Age, `${SRC_2010}, columns 0岁（男）… 85岁及以上（女）, city row`, res10),
    ageSex2020: ageSex(t20, c20, col2020Age, `${SRC_2020}, columns 男_0岁 … 女_85岁以上, city row`, res20),
    districts2020,
    districts2010,
    tierTotals2020: {
      ...tierTotals(districts2020),
      zones: {
        source: `${SRC_2020}, city row 城镇人口 / 城区人口 and the 溧阳市 row 城区人口`,
        method:
          'core = city-row 城区 (municipal districts, incl. 金坛区), county = 溧阳市 城区, town = 镇区 = urban − both; shares of the urban resident population. The city-row 城区 excludes 溧阳 (coverage check in checks).',
        urbanPop: urb20,
        coreChengquPop: chengqu20,
        countyChengquPop: liyangChengqu,
        townPop: urb20 - chengqu20 - liyangChengqu,
        urbanZoneShares: zoneShares2020,
        differsFrom: {
          file: 'scenarios/cities/changzhou.json base.urbanZoneShares (core 0.673, county 0.0861, town 0.2409)',
          reason:
            'that derivation subtracted 溧阳’s 城区 from the city-row 城区, which does not include it; the county share is the same, the core share is higher and the town share lower here',
        },
        tierNote:
          '金坛区 is tier "county" in districts2020 (TIER_ASSUMPTION) but, as a municipal district since 2015, its 城区 is inside the city-row 城区 and so inside "core" here; the census gives no 金坛-only 城区.',
      },
    },
    tierTotals2010: tierTotals(districts2010),
    tierAssumption: { assumption: TIER_ASSUMPTION.assumption },
    hukouElsewhere2020,
    hukouElsewhere2010,
    housing2020,
    housing2010,
    yearbook: YEARBOOK,
    otherPublished: OTHER_PUBLISHED,
    observed: observedWithVintage,
    base2015,
    sourcesFound: FOUND,
    checks,
    gaps: [
      'Hukou urbanisation rate / urban-registered population for any year after 2010 (only the 2010 census non-agricultural share exists, with a resident-based denominator).',
      'Year-end resident figures for 2011 and 2019; urban resident population 2012 (rate derived only).',
      'Post-2020-census revision of the 2011-2019 resident series for Changzhou (not found).',
      'Yearly settlement (落户) counts, residence-permit counts, migrants’ duration of residence.',
      'Changzhou 2016 plan targets (72% resident urbanisation, gap ≤ 5 pp by 2020): not found (unverified).',
      'Age-sex structure by urban/rural or by hukou status for Changzhou (only totals by district).',
    ],
  });
  return {
    files: [file],
    summary: {
      changzhouZones: { shares: zoneShares2020, townPop: urb20 - chengqu20 - liyangChengqu },
      base2015: {
        residentPop: rp15,
        urbanResidentPop: up15,
        residentUrbanRate: 0.7,
        hukouPop: hp15,
        hukouUrbanRate: null,
        proxyUpper: sig(proxyUpper, 4),
        nonAg2010: nonAg10,
      },
    },
  };
}
