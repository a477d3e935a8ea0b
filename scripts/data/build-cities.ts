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
} from './lib/census';
import { req } from './lib/csv';
import { LEIII_CITY, LEIII_ORIGIN, readLeiii } from './lib/sources';
import { assert, rawLabel, sig, writeJson } from './lib/util';
import { censusObservations, README, tierOf, tierTotals, type CityConfig, type Ctx, type District } from './lib/city';
import { JINZHOU } from './cities/jinzhou';
import { LIAOYUAN } from './cities/liaoyuan';
import { GUANGZHOU } from './cities/guangzhou';

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
  const censusObs = censusObservations({ res10, urb10, hukou10, nonAg10, res20, urb20, SRC_2010, SRC_2020 });
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
