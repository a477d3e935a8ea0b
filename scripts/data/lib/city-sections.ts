/**
 * The sections of a city file that build-cities.ts writes for every city: the default texts, the district
 * rows, the census summaries, the default 2020 zones, hukou-elsewhere and housing shares. A config may
 * replace texts (CityConfig.texts) and switch layout details (CityConfig.layout); see lib/city.ts.
 */
import { col, elsewhere2020, housing2010, housing2020, share, v, v0, vn, type CityRows } from './census';
import { LEIII_ORIGIN } from './sources';
import { rawLabel, sig } from './util';
import {
  README,
  tierOf,
  tierTotals,
  type CityConfig,
  type CityLayout,
  type CityTexts,
  type Ctx,
  type District,
  type Zones,
} from './city';

export const DEFAULT_LAYOUT: CityLayout = {
  nameEnInCity: true,
  districtChengqu: true,
  tiersInAssumption: true,
  elsewhere2010Persons: false,
  baseYearKey: 'baseYearTotals',
};

/** The texts of the file: the defaults, with the config's replacements. */
export function cityTexts(
  cfg: CityConfig,
  ctx: Ctx,
  cityFileParts: string[],
  w: { residentWeighted: number; hukouWeighted: number; cityRow: number },
): CityTexts {
  const defaults: CityTexts = {
    source: `${cfg.nameEn} (${cfg.name}, ${cfg.code}), ${cfg.province}. Census: ${ctx.src10}; ${ctx.src20}; ${LEIII_ORIGIN}; file ${rawLabel(...cityFileParts)}. Published figures: ${README} ${cfg.readmeSection} and pages found with the search tool (URLs and quotes in sourcesFound and in each entry).`,
    method:
      'City totals and age-sex structure are taken from the city row of each county extract after checking that the district rows add up to it exactly. Rates and shares are ratios of published counts, rounded to 8 significant digits. Published numbers are copied from the cited text (万人 × 10,000 → persons; % → fraction). Values that were not found are null with a gap, bounds and a proposed value labelled "assumption".',
    cityFileCheck: `resident, urban and rural totals of the county-file city row equal ${rawLabel(...cityFileParts)} for 2010 and 2020`,
    nonAgConclusion:
      Math.abs(w.residentWeighted - w.cityRow) < Math.abs(w.hukouWeighted - w.cityRow)
        ? 'Resident (合计) weights reproduce the city value better than 户籍人口 weights: the share is most likely of the census-enumerated (resident) population, as found for Changzhou.'
        : '户籍人口 weights reproduce the city value better than resident weights here, unlike Changzhou.',
    hukouPopNote:
      '户籍人口 as tabulated by the census for the area; differs from year-end public-security registration figures.',
    census2020Source: ctx.src20,
    chengquNote:
      'chengquPop = city-row 城区人口: the 城区 of the municipal districts only (coverage check). countyLevelCitiesChengquPop = Σ county-level cities’ own 城区 rows. townPop = urbanPop − both = the 镇区 population (derived).',
    elsewhere2020Formula:
      'share_k = persons whose hukou is registered in another township, by where it is registered (k = same county-level unit / other county in the province / other province) ÷ resident population 人口数_合计',
    elsewhere2020Caveats: [
      'The categories are relative to the county-level unit where the person lives: at the city level "otherCountyInProvince" includes people registered in another district or county of the same city.',
      '"sameCounty" is 人户分离 within the district/county: these people belong to the local hukou population.',
    ],
    elsewhere2010Caveat:
      'Column label is 迁入人口; most likely the population registered in another township, as in 2020, but the first category also includes other districts of the same city. Compare with 2020 only with care.',
    housing2020Formula:
      'share = households in the category ÷ family households in the long-form sample; the five categories sum to 1',
    housing2020Caveat: 'All households, locals and migrants together.',
  };
  return { ...defaults, ...cfg.texts?.(ctx) };
}

/** The district rows of 2020 and 2010 with their tiers. */
export function districtRows(
  cfg: CityConfig,
  d10: CityRows,
  d20: CityRows,
  layout: CityLayout,
): { districts2020: District[]; districts2010: District[] } {
  const t10 = d10.t;
  const t20 = d20.t;
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
      ...(layout.districtChengqu ? { chengquPop: vn(t20, r, '城区人口') } : {}),
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
  return { districts2020, districts2010 };
}

/** census2010 and census2020: the city-row totals, with the 2020 城区/镇区 split. */
export function censusSections(
  cfg: CityConfig,
  ctx: Ctx,
  T: CityTexts,
  z: Zones,
): { census2010: Record<string, unknown>; census2020: Record<string, unknown> } {
  const { t: t10, city: c10 } = ctx.d10;
  const { t: t20, city: c20 } = ctx.d20;
  const census2010 = {
    source: ctx.src10,
    date: '2010-11-01',
    residentPop: ctx.res10,
    urbanPop: ctx.urb10,
    ruralPop: v0(t10, c10, '乡村人口'),
    residentUrbanRate: share(ctx.urb10, ctx.res10),
    male: v(t10, c10, '男'),
    female: v(t10, c10, '女'),
    hukouPop: ctx.hukou10,
    hukouPopNote: T.hukouPopNote,
    nonAgriculturalShare: ctx.nonAg10,
    nonAgriculturalShareSource: `${ctx.src10}, column 非农业户口人口比重（%）, city row ${cfg.name}`,
    ...(T.nonAgriculturalShareFormula !== undefined
      ? { nonAgriculturalShareFormula: T.nonAgriculturalShareFormula }
      : {}),
    nonAgriculturalShareDenominator: 'most likely the resident (census-enumerated) population, see checks',
    vitalRates: {
      birthRatePerMille: v(t10, c10, '出生率（‰）'),
      deathRatePerMille: v(t10, c10, '死亡率（‰）'),
      naturalGrowthPerMille: v(t10, c10, '自然增长率（‰）'),
      note: 'census-based rates (events in the 12 months before the census ÷ resident population)',
    },
  };
  const census2020 = {
    source: T.census2020Source,
    date: '2020-11-01',
    residentPop: ctx.res20,
    urbanPop: ctx.urb20,
    ruralPop: v(t20, c20, '乡村人口'),
    residentUrbanRate: share(ctx.urb20, ctx.res20),
    male: v(t20, c20, '人口数_男'),
    female: v(t20, c20, '人口数_女'),
    chengquPop: ctx.chengqu20,
    countyLevelCitiesChengquPop: z.split.countyChengqu,
    townPop: z.townPop,
    chengquNote: T.chengquNote,
    meanLiveBirthsWomen15to64: v(t20, c20, '15-64岁妇女平均活产子女数'),
  };
  return { census2010, census2020 };
}

/** tierTotals2020.zones in the default layout (with the alternative tiers, if any). */
export function defaultZones(cfg: CityConfig, ctx: Ctx, z: Zones): Record<string, unknown> {
  const { split } = z;
  const urb20 = ctx.urb20;
  const alt = cfg.alternativeTiers;
  return {
    source: `${ctx.src20}, city row 城镇人口 / 城区人口 and district rows`,
    method:
      'core = 城区 of the core districts, county = 城区 of the county-tier units, town = 镇区 = urban − core 城区 − county 城区. Shares are of the city’s urban resident population. The city-row 城区 covers the municipal districts only (coverage check in checks): this differs from the Changzhou derivation in scenarios/cities/changzhou.json (which subtracted 溧阳’s 城区 from the city-row 城区).',
    urbanPop: urb20,
    cityRowChengquPop: ctx.chengqu20,
    chengquPop: z.chengquAll,
    townPop: z.townPop,
    coreChengquPop: split.coreChengqu,
    countyChengquPop: split.countyChengqu,
    splitMethod: split.method,
    splitConfidence: split.confidence,
    ...(split.bounds ? { splitBounds: split.bounds } : {}),
    urbanZoneShares: z.zoneShares,
    tierUrbanTotals: tierTotals(ctx.districts2020),
    ...(alt
      ? {
          alternative: (() => {
            const ds = ctx.districts2020.map((d) => ({ ...d, tier: alt.tiers[d.name] ?? d.tier }));
            const s = cfg.zoneSplit({ ...ctx, districts2020: ds });
            return {
              label: alt.label,
              tierUrbanTotals: tierTotals(ds),
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
}

/** hukouElsewhere2020/2010 and housing2020/2010. */
export function elsewhereAndHousing(ctx: Ctx, T: CityTexts, layout: CityLayout): Record<string, unknown> {
  const { t: t10, city: c10 } = ctx.d10;
  const { t: t20, city: c20, districts: rows20 } = ctx.d20;
  const in2010 = {
    sameCountyOrCityDistricts: v(t10, c10, '迁入人口（人）-本县（市）/本市市区'),
    otherCountyInProvince: v(t10, c10, '迁入人口（人）-本省其他县（市）、市区'),
    otherProvince: v(t10, c10, '迁入人口（人）-外省'),
  };
  return {
    hukouElsewhere2020: {
      source: `${ctx.src20}, columns 户口登记地在外乡镇街道人口_本县 / _本省其他县 / _省外`,
      formula: T.elsewhere2020Formula,
      city: elsewhere2020(t20, c20),
      districts: rows20.map((r) => ({ name: r[col(t20, '区县')], ...elsewhere2020(t20, r) })),
      caveats: T.elsewhere2020Caveats,
    },
    hukouElsewhere2010: {
      source: `${ctx.src10}, columns 迁入人口（人）-本县（市）/本市市区, -本省其他县（市）、市区, -外省`,
      formula: 'share_k = persons in the column ÷ resident population 合计',
      sameCountyOrCityDistricts: share(in2010.sameCountyOrCityDistricts, ctx.res10),
      otherCountyInProvince: share(in2010.otherCountyInProvince, ctx.res10),
      otherProvince: share(in2010.otherProvince, ctx.res10),
      ...(layout.elsewhere2010Persons ? { persons: in2010 } : {}),
      caveat: T.elsewhere2010Caveat,
    },
    housing2020: {
      source: `${ctx.src20}, columns 住房来源_租赁/_自建/_购买/_继承或赠予/_其他 and 家庭户户数_长表`,
      formula: T.housing2020Formula,
      unit: 'share of family households (long-form sample, about 10%)',
      city: housing2020(t20, c20),
      districts: rows20.map((r) => ({ name: r[col(t20, '区县')], ...housing2020(t20, r) })),
      caveat: T.housing2020Caveat,
    },
    housing2010: {
      source: `${ctx.src10}, columns 住房来源-租赁/-自建/-购买/-其他 and 长表数据-家庭户`,
      formula: 'share = households in the category ÷ long-form family households',
      city: housing2010(t10, c10),
    },
  };
}
