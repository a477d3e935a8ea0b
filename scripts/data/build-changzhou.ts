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
import { changzhouBase2015 } from './cities/changzhou-base';
import {
  changzhouObserved,
  FOUND,
  OTHER_PUBLISHED,
  README,
  TIER_ASSUMPTION,
  tierOf,
  YEARBOOK,
  type Tier,
} from './cities/changzhou';

const CITY = '常州市';
const CITY_CODE = '320400';
const SRC_CITYFILE = `${LEIII_ORIGIN}; file ${rawLabel(...LEIII_CITY)}`;

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
  const observedWithVintage = changzhouObserved({ res10, urb10, hukou10, nonAg10, res20, urb20 });

  // ---- base year 2015 ----
  const { base2015, proxyUpper, rp15, up15, hp15 } = changzhouBase2015(nonAg10);

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
