/**
 * data/migrants/national-attributes.json — national migrant attributes
 * (shared/data/README.md §3d, §1b) in model-ready form, plus a single-year
 * age-sex profile of incoming migrants for the engine.
 */
import { readUnSingleAge, sumAges } from './lib/sources';
import { AGE_STARTS, AGES, assert, close, sig, sigAll, sum, writeJson } from './lib/util';

// ---------------------------------------------------------------------------
// Published figures (not in raw files), source strings copied from
// shared/data/README.md. Percentages as fractions.

const R = 'shared/data/README.md';
const SRC = {
  age2014: `${R} §3d: http://m.ardmore-hotel.com/diaochabaogao/11764.html (report text; NBS 2014 migrant-worker monitoring report) — confidence: verified`,
  totals2010to2014: `${R} §3d: NBS 2014 migrant-worker monitoring report: http://cn.chinagate.cn/news/2015-04/30/content_35458920.htm — confidence: verified`,
  report2016: `${R} §3d: 2016 report: http://cn.chinagate.cn/news/2017-04/30/content_40721463_3.htm — confidence: verified`,
  trend2017to2021: `${R} §3d: http://www.pzhlq.com/guonei/20220507/0737653.html — confidence: verified`,
  report2024: `${R} §3d: http://xzqh.info/lt/read.php?tid=190084 — confidence: verified`,
  insurance2011: `${R} §3d: 2011 report: http://yacht9.cn/reports/2012-05/07/content_25322724_6.htm — confidence: verified`,
  wuhan: `${R} §3d: 韩俊强, 中国人口·资源与环境 2017(2): https://fx361.cc/page/2017/0315/1160463.shtml — confidence: verified`,
  cmds2016: `${R} §3d: CMDS 2016, 邱红, 周文剑, 人口学刊 2019(5): https://m.fx361.cc/news/2019/0905/13340882.html — confidence: verified`,
  cmds2015: `${R} §3d: CMDS 2015: http://www.fx361.com/page/2020/0730/6910297.shtml — confidence: verified`,
  housing: `${R} §3d: CRHPS and 2015 monitoring, book excerpt: https://xing528.com/lilun/1519540.html — confidence: verified (book excerpt)`,
  xu2014: `${R} §1b: NDRC Xu Xianping, SCIO press conference 2014-03-19: http://010baizhang.com/news/2014-03/19/content_31837713.htm — confidence: verified`,
} as const;

const AGE_BANDS_2014 = [
  { band: '16-20', from: 16, to: 20, share: 0.035 },
  { band: '21-30', from: 21, to: 30, share: 0.302 },
  { band: '31-40', from: 31, to: 40, share: 0.228 },
  { band: '41-50', from: 41, to: 50, share: 0.264 },
  { band: '50+', from: 51, to: null, share: 0.171 },
] as const;
const MALE_SHARE_2014 = 0.67;
const MALE_SHARE_2014_OUT = 0.69;

/** 万人, 2010 … 2014. */
const TOTALS = {
  years: [2010, 2011, 2012, 2013, 2014],
  total: [24223, 25278, 26261, 26894, 27395],
  outMigrants: [15335, 15863, 16336, 16610, 16821],
  wholeFamily: [3071, 3279, 3375, 3525, 3578],
  local: [8888, 9415, 9925, 10284, 10574],
};

const INSURANCE_2011: Record<
  string,
  {
    pension: number;
    workInjury: number;
    medical: number;
    unemployment: number;
    maternity: number;
  }
> = {
  manufacturing: {
    pension: 0.141,
    workInjury: 0.28,
    medical: 0.178,
    unemployment: 0.075,
    maternity: 0.048,
  },
  construction: {
    pension: 0.043,
    workInjury: 0.141,
    medical: 0.064,
    unemployment: 0.022,
    maternity: 0.016,
  },
  transport: {
    pension: 0.244,
    workInjury: 0.326,
    medical: 0.277,
    unemployment: 0.151,
    maternity: 0.104,
  },
  wholesaleRetail: {
    pension: 0.151,
    workInjury: 0.177,
    medical: 0.163,
    unemployment: 0.096,
    maternity: 0.077,
  },
  hotelsCatering: {
    pension: 0.073,
    workInjury: 0.118,
    medical: 0.09,
    unemployment: 0.038,
    maternity: 0.025,
  },
  residentServices: {
    pension: 0.124,
    workInjury: 0.164,
    medical: 0.137,
    unemployment: 0.064,
    maternity: 0.045,
  },
};

// ---------------------------------------------------------------------------
// Profile assumptions.

/** Worker ages in the open band "50+" are spread uniformly over 51 … this age. */
const WORKER_MAX_AGE = 64;
/** Children aged 0-15 per whole-family migrant worker. */
const CHILDREN_PER_WHOLE_FAMILY_WORKER = 0.6;
/** Persons aged 65+ accompanying, per migrant worker. */
const ELDERLY_PER_WORKER = 0.02;
const ELDERLY_AGES: [number, number] = [65, 74];
const CHILD_AGES: [number, number] = [0, 15];

export async function buildMigrants(): Promise<{
  files: string[];
  summary: Record<string, unknown>;
}> {
  const bandSum = sum(AGE_BANDS_2014.map((b) => b.share));
  assert(close(bandSum, 1, 1e-9), `2014 age bands sum to 1 (${bandSum})`);
  const census = readUnSingleAge(2010);

  // Workers.
  const female = new Array<number>(AGES).fill(0);
  const male = new Array<number>(AGES).fill(0);
  for (const b of AGE_BANDS_2014) {
    const to = b.to ?? WORKER_MAX_AGE;
    const n = to - b.from + 1;
    for (let a = b.from; a <= to; a++) {
      male[a]! += (b.share * MALE_SHARE_2014) / n;
      female[a]! += (b.share * (1 - MALE_SHARE_2014)) / n;
    }
  }
  // Mean age of the worker part (age a counts as a + 0.5).
  const workerMeanAge = sum(male.map((x, a) => (x + female[a]!) * (a + 0.5))) / (sum(male) + sum(female));
  const k = TOTALS.years.indexOf(2014);
  const wholeFamilyShare = TOTALS.wholeFamily[k]! / TOTALS.outMigrants[k]!;
  const childrenPerWorker = wholeFamilyShare * CHILDREN_PER_WHOLE_FAMILY_WORKER;
  // Sex split of dependants from the 2010 census (sourced), uniform over ages.
  const maleShareOf = (from: number, to: number): number => {
    const m = sumAges(census.bySex.male, from, to);
    return m / (m + sumAges(census.bySex.female, from, to));
  };
  const childMale = maleShareOf(...CHILD_AGES);
  const elderMale = maleShareOf(...ELDERLY_AGES);
  const addUniform = (mass: number, [from, to]: [number, number], maleShare: number): void => {
    const n = to - from + 1;
    for (let a = from; a <= to; a++) {
      male[a]! += (mass * maleShare) / n;
      female[a]! += (mass * (1 - maleShare)) / n;
    }
  };
  addUniform(childrenPerWorker, CHILD_AGES, childMale);
  addUniform(ELDERLY_PER_WORKER, ELDERLY_AGES, elderMale);
  const total = sum(female) + sum(male);
  const fN = female.map((x) => x / total);
  const mN = male.map((x) => x / total);
  assert(close(sum(fN) + sum(mN), 1, 1e-12), 'profile sums to 1');
  const workersShare = 1 / total;
  const childrenShare = childrenPerWorker / total;
  const elderlyShare = ELDERLY_PER_WORKER / total;

  const ownInHousing = 0.744;
  const inUrbanHousing = 0.414;
  const stay = 0.609;
  const transfer = 0.487;

  const file = await writeJson('migrants/national-attributes.json', {
    source: `National rural migrant-worker monitoring reports (NBS) 2011, 2014, 2016 and later; CMDS 2015/2016 as published in journals; CRHPS housing; a Wuhan survey — all as collected in ${R} §3d and §1b (each item carries its own source). Sex split of dependants: ${census.source}.`,
    method:
      'Published percentages are stored as fractions exactly as published. Derived figures give their formula. The age-sex profile combines the 2014 migrant-worker age bands and sex ratio with labelled assumptions for the open 50+ band and for accompanying children and elderly, then is normalised to sum to 1 over both sexes.',
    population:
      'Unless noted, "migrant workers" (农民工) = rural-registered workers aged 16+; 外出 = working outside their own township. Migrant workers are not all migrants into cities, and not all migrants into a city are migrant workers (urban-registered movers, students, dependants).',
    ageDistribution2014: {
      source: SRC.age2014,
      population: 'all migrant workers (local and 外出)',
      bands: AGE_BANDS_2014,
      maleShare: MALE_SHARE_2014,
      maleShareOutMigrants: MALE_SHARE_2014_OUT,
      check: `bands sum to ${sig(bandSum, 6)}`,
    },
    ageDistribution2016: {
      source: SRC.report2016,
      meanAge: 39.0,
      shareUnder40: 0.539,
      share50plus: 0.192,
      note: 'Only summary figures were published in the source text (no full band distribution). The 50+ share differs from 2014 (0.171) by the real ageing of the workforce.',
    },
    ageTrend2017to2021: {
      source: SRC.trend2017to2021,
      years: [2017, 2018, 2019, 2020, 2021],
      meanAge: [39.7, 40.2, 40.8, 41.4, 41.7],
      share50plus: [0.213, 0.224, 0.246, 0.264, 0.273],
    },
    summary2024: {
      source: SRC.report2024,
      totalPersons: 299730000,
      outMigrantsPersons: 178710000,
      livingInTownsPersons: 132070000,
      meanAge: 43.2,
      meanAgeLocal: 46.8,
      meanAgeOutMigrants: 39.0,
      ageShares: { upTo40: 0.437, from41to50: 0.247, over50: 0.316 },
    },
    migrantWorkerTotals: {
      source: SRC.totals2010to2014,
      unit: 'persons (万人 × 10,000)',
      years: TOTALS.years,
      total: TOTALS.total.map((x) => x * 1e4),
      outMigrants: TOTALS.outMigrants.map((x) => x * 1e4),
      wholeFamilyOutMigrants: TOTALS.wholeFamily.map((x) => x * 1e4),
      local: TOTALS.local.map((x) => x * 1e4),
      wholeFamilyShareOfOutMigrants: TOTALS.years.map((_, i) => sig(TOTALS.wholeFamily[i]! / TOTALS.outMigrants[i]!)),
      formula: 'wholeFamilyShareOfOutMigrants = 举家外出 ÷ 外出 migrant workers',
    },
    education2016: {
      source: SRC.report2016,
      population: 'migrant workers',
      none: 0.01,
      primary: 0.132,
      juniorSecondary: 0.594,
      seniorSecondary: 0.17,
      collegePlus: 0.094,
      check: `shares sum to ${sig(0.01 + 0.132 + 0.594 + 0.17 + 0.094, 6)}`,
      note: 'Mapping to the model’s thresholds: 中专 sits within or next to seniorSecondary and 大专/本科 within collegePlus; the source text at hand does not split 中专 or 大专 from 本科, so thresholds at 本科 need a further assumption.',
    },
    insuranceCoverage2011: {
      source: SRC.insurance2011,
      population: '外出 migrant workers, by industry of employment',
      unit: 'share covered by each urban-employee insurance',
      byIndustry: INSURANCE_2011,
      wuhan: {
        source: SRC.wuhan,
        year: '~2015',
        population: 'migrant workers in Wuhan (survey)',
        urbanEmployeePension: 0.093,
        urbanRuralResidentPension: 0.673,
      },
      note: 'Use the pension column as the annual coverage p_ins of the "years of social insurance" condition (model §4) for 外出 migrants; choose the industry mix of the city, e.g. manufacturing 0.141 for Changzhou. 2011 coverage is low and rose later; no later series is in the sources.',
    },
    homeOwnership: {
      source: SRC.housing,
      ownAmongThoseInUrbanResidentialHousing: ownInHousing,
      byLocation: { cityCore: 0.587, suburbs: 0.622, smallTowns: 0.765 },
      shareLivingInUrbanResidentialHousing: inUrbanHousing,
      shareLivingInUrbanResidentialHousingNote: '外出 migrants, 2015 monitoring',
      derivedOwnOverall: sig(ownInHousing * inUrbanHousing),
      formula: 'derivedOwnOverall = 0.744 × 0.414',
      confidence: 'derived',
      assumption:
        'Those not living in urban residential housing (dormitories, work sites, other) are assumed not to own a home in the city. The two factors come from different surveys (CRHPS households vs NBS monitoring of 外出 workers), so the product is indicative only.',
    },
    settlementIntention2016: {
      source: SRC.cmds2016,
      intendToStayLongTerm: stay,
      willingToTransferHukouAmongStayers: transfer,
      derivedWillingToTransferAll: sig(stay * transfer),
      formula: 'derivedWillingToTransferAll = 0.609 × 0.487',
      confidence: 'derived',
      related2015: { source: SRC.cmds2015, clearIntentionToStay: 0.5734 },
    },
    durationOfResidence: {
      gap: 'No distribution of migrants’ years of residence in the destination city was found (shared/data/README.md §3d: GAP).',
      partial: {
        source: SRC.xu2014,
        published:
          '2亿多 migrant workers and families in towns; 5000万 had lived at the destination ≥5 years; 5500万 migrated as whole families (2014)',
        derivedShareAtLeast5Years: {
          value: sig(5000 / 20000, 4),
          formula: '5000万 ÷ 2亿',
          confidence: 'derived',
          caveat: '"2亿多" means somewhat more than 2亿, so this is an upper bound (≈ 0.25 or a little less).',
        },
      },
    },
    profile: {
      description:
        'Single-year age-sex profile of incoming migrants (workers plus accompanying dependants), normalised so that the sum over both sexes and all ages is 1. Multiply by an inflow in persons.',
      ageStarts: AGE_STARTS,
      female: sigAll(fN),
      male: sigAll(mN),
      components: {
        workers16to64: sig(workersShare),
        children0to15: sig(childrenShare),
        elderly65to74: sig(elderlyShare),
        maleShare: sig(sum(mN)),
      },
      method: [
        `Workers: each 2014 band share (${AGE_BANDS_2014.map((b) => `${b.band} ${b.share}`).join(', ')}) is spread uniformly over its single ages; the open band 50+ over 51-${WORKER_MAX_AGE}; male share ${MALE_SHARE_2014} at every age.`,
        `Children 0-15 per worker = whole-family share of 外出 migrant workers in 2014 (${TOTALS.wholeFamily[k]}万 ÷ ${TOTALS.outMigrants[k]}万 = ${sig(wholeFamilyShare, 4)}) × ${CHILDREN_PER_WHOLE_FAMILY_WORKER} children per whole-family worker = ${sig(childrenPerWorker, 4)}; spread uniformly over ages 0-15 with the 2010 census male share of ages 0-15 (${sig(childMale, 4)}).`,
        `Elderly: ${ELDERLY_PER_WORKER} persons aged ${ELDERLY_AGES[0]}-${ELDERLY_AGES[1]} per worker, uniform, with the 2010 census male share of those ages (${sig(elderMale, 4)}).`,
        'Then all cells are divided by their total.',
      ].join(' '),
      assumptions: [
        {
          name: 'openBand50plus',
          value: WORKER_MAX_AGE,
          assumption: `The 2014 "50+" band (17.1%) is spread uniformly over ages 51-${WORKER_MAX_AGE}: migrant work falls off steeply after the early 60s (return to the village). The resulting mean age of workers, ${sig(workerMeanAge, 3)} (single-year midpoints), is close to the 39.0 published for 2016 (the workforce aged between 2014 and 2016). Older workers exist but are few.`,
        },
        {
          name: 'maleShareAllAges',
          value: MALE_SHARE_2014,
          assumption:
            'The 2014 male share (67%) is applied at every worker age; the source gives no age-by-sex table. For 外出 migrants only, 69% would apply.',
        },
        {
          name: 'childrenPerWholeFamilyWorker',
          value: CHILDREN_PER_WHOLE_FAMILY_WORKER,
          assumption:
            'Migrant workers counted by NBS are 16+. Children come mainly with whole-family migrants (21% of 外出 workers in 2014). A whole-family household typically has two working parents and one or two children under 16, i.e. about 0.5-0.75 children per worker; 0.6 is used. Children of workers who did not move their whole family (left-behind children, 留守儿童) are not counted. Resulting child share ≈ 11% of the profile; a plausible range is 7-20%.',
        },
        {
          name: 'elderlyPerWorker',
          value: ELDERLY_PER_WORKER,
          assumption:
            'A few grandparents accompany families (mainly for childcare); 0.02 persons aged 65-74 per worker (≈2% of the profile) is a small round number with no source. Elderly migrants aged 60-64 are already inside the worker band.',
        },
        {
          name: 'uniformWithinBands',
          assumption:
            'Uniform distribution within every band; no Rogers–Castro smoothing. The engine may smooth the profile if it wants a schedule shape.',
        },
      ],
    },
    gaps: [
      'No migrant age-sex table by single year or 5-year group with sex; no accompanying-dependant counts by age.',
      'No distribution of years of residence (only the partial 2014 figure above).',
      'Insurance coverage by year after 2011 and by city; employment rates by age; ownership by years since arrival.',
      'Separate attributes for local rural-registered movers (UA) vs migrants from elsewhere (UN): all national figures here describe rural migrant workers and are used for both groups unless a scenario says otherwise.',
    ],
  });
  return {
    files: [file],
    summary: {
      migrantProfile: {
        workers: sig(workersShare, 4),
        children: sig(childrenShare, 4),
        elderly: sig(elderlyShare, 4),
        male: sig(sum(mN), 4),
      },
    },
  };
}
