/**
 * Every prefecture of China as a scenario (issue 18): its census totals and ages (data/atlas/prefectures.json)
 * in a city part made on the nation's (scenarios/cities/china.json, with china-2020.json over it for the
 * 2020 base: demography, migration and registration rates, attributes and costs, never another city's
 * persons), two urban zones (the 城区 of the city proper, where the rules of its size class apply, and
 * the county towns and towns, open under every rule since 国发〔2014〕25号), and the national rules of
 * the base year's time by size class. Pure: the caller supplies the parts it read.
 */
import { durationShares } from '../model/decomposition';
import { hazardAt } from '../scenario/compile-parts';

export type SizeClass = 'mega' | 'super' | 'largeI' | 'largeII' | 'medium' | 'small';

/** One unit of data/atlas/prefectures.json (scripts/data/build-atlas.ts writes it; its method says how). */
export interface AtlasPrefecture {
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly provinceCode: string;
  /** 2020 census, 2020 boundaries. */
  readonly y2020: {
    readonly resident: number;
    readonly urban: number;
    /** 城区 residents of the unit's districts (its own 城区 for a county-level unit); null where not given. */
    readonly chengqu: number | null;
    readonly female: number[];
    readonly male: number[];
    /** "counties": summed over the unit's county rows; "scaled" or "national": the nation's, scaled. */
    readonly ages: 'counties' | 'scaled' | 'national';
    /** Residents registered in another township of the same county, another county of the province, another province. */
    readonly elsewhere: {
      readonly sameCounty: number;
      readonly otherCounty: number;
      readonly otherProvince: number;
    } | null;
    readonly counties: number;
    /** 人口数_合计 summed over the county rows (checked against `resident`, the city table's total). */
    readonly countyTotal: number | null;
    /** How 城区 was found: the unit's own row, the province row of a municipality, or the largest county-level 城区. */
    readonly chengquFrom: 'row' | 'municipality' | 'largest-county' | null;
  } | null;
  /** 2010 census on 2020 boundaries (totals); registration from the 2010 county table where the code held. */
  readonly y2010: {
    readonly resident: number;
    readonly urban: number;
    readonly female: number[];
    readonly male: number[];
    /** 户籍人口 counted by the census and its non-agricultural share (resident-weighted), or null. */
    readonly hukou: number | null;
    readonly nonAgShare: number | null;
    /** The 2010 county rows' residents under this code, against the boundary-adjusted total. */
    readonly codeCoverage: number | null;
    /** Crude birth rate of the 2010 census (‰), where the code held. */
    readonly birthRate: number | null;
    /** Residents who moved in from another county of the province / another province (迁入人口), where the code held. */
    readonly inMigrants: { readonly otherCounty: number; readonly otherProvince: number } | null;
  } | null;
  /** City-size class of 2014 (国发〔2014〕51号) by 2020 城区 residents. */
  readonly sizeClass: SizeClass | null;
}

export interface AtlasData {
  readonly ageStarts: number[];
  readonly prefectures: readonly AtlasPrefecture[];
}

export type AtlasBase = 2010 | 2020;
type Doc = Record<string, unknown>;

/** The parts the builder starts from, as read from scenarios/ (the nation's city part and packages). */
export interface AtlasParts {
  /** scenarios/cities/china.json */
  readonly nation: Doc;
  /** scenarios/cities/china-2020.json (the nation's 2020 base: its calibrated rates and 2020 amounts) */
  readonly nation2020: Doc;
  /** scenarios/packages/china-2014.json and china-now.json: the megacity points channel of each time */
  readonly rules2014: Doc;
  readonly rulesNow: Doc;
  /** The nation's calibrated completion speed for each base (scenarios/china-2015.json, china-now.json). */
  readonly speed2010: number;
  readonly speed2020: number;
  /** The nation's 2020 hukou rate over its 2010 non-agricultural share (atlas-run.ts computes it). */
  readonly hukouRise: number;
  /** Completion speeds of the nation's zones as edited in the workspace (megacity, large, medium, small). */
  readonly speedByZone2020?: Readonly<Record<string, number>>;
}

const ATLAS = 'data/atlas/prefectures.json';
const NATION = 'scenarios/cities/china.json';

/** A unit with what a scenario needs for this base year: residents, urban residents and (for 2010) ages. */
export function runnable(p: AtlasPrefecture, _base: AtlasBase): boolean {
  // Both censuses, whatever the base: the 2020 base takes its registration from 2010's ratios, the 2010
  // base its zones from 2020's 城区 (and the ten-year test its outcome).
  return p.y2020 !== null && p.y2010 !== null;
}

/** The zones' shares of urban residents: the 城区 of the city proper, the rest (county towns, towns). */
function coreShare(p: AtlasPrefecture): number {
  const y = p.y2020!;
  if (y.chengqu === null || y.urban <= 0) return 0.5;
  return Math.min(0.95, Math.max(0.05, y.chengqu / y.urban));
}

const channel = (id: string, label: string, labelEn: string, clause: string, conditions: unknown[]): Doc => ({
  id,
  label,
  labelEn,
  clause,
  bureau: '公安机关',
  conditions,
});
const HOUSING = { type: 'housing', rentedCounts: true };
const JOB = { type: 'employment' };
const open = (clause: string): Doc[] => [
  channel('housing', '合法稳定住所（含租赁）', 'Legal stable housing (rented counts)', clause, [HOUSING]),
  channel('job', '合法稳定就业', 'Legal stable job', clause, [JOB]),
];
const family = channel('family', '投靠（配偶、子女、父母）', 'Joining a registered relative', '投靠类落户', [
  { type: 'attribute', name: 'registered-relative' },
]);

/** The points channel of a package's megacity zone, without its national quota (a city's share is unknown). */
function points(rules: Doc): Doc {
  const zones = (rules.policy as Doc).zones as Record<string, { channels: Doc[] }>;
  const { quota: _quota, ...rest } = zones.megacity.channels[0];
  return rest;
}

/** The 城区's rules for a size class: 国发〔2014〕25号 for the 2010 base, the 2024 plan for 2020. */
function coreChannels(size: SizeClass, base: AtlasBase, parts: AtlasParts): Doc[] {
  if (base === 2020) {
    if (size === 'mega' || size === 'super') return [points(parts.rulesNow), family];
    if (size === 'largeI')
      return [
        channel(
          'job-housing',
          '合法稳定就业+住所（含租赁）',
          'Stable job + housing',
          '全面放宽落户条件（300万至500万）',
          [JOB, HOUSING],
        ),
        family,
      ];
    return [...open('取消落户限制（城区常住人口300万以下）'), family];
  }
  if (size === 'mega' || size === 'super') return [points(parts.rules2014), family];
  const years = size === 'largeI' || size === 'largeII' ? 5 : size === 'medium' ? 3 : 0;
  if (years === 0)
    return [
      channel('housing', '合法稳定住所（含租赁）', 'Legal stable housing', '全面放开建制镇和小城市落户限制', [HOUSING]),
      family,
    ];
  return [
    channel(
      'job-housing-insurance',
      `合法稳定就业+住所+社保${years}年`,
      `Stable job + housing + ${years} insured years`,
      size === 'medium' ? '有序放开中等城市落户限制' : '合理确定大城市落户条件',
      [JOB, HOUSING, { type: 'insurance', years, counting: 'cumulative' }],
    ),
    family,
  ];
}

const zoneMap = (core: number, town: number) => ({ core, town });
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Objects merged key by key (as include.ts merges parts); arrays and values replace. */
function deepMerge(a: Doc, b: Doc): Doc {
  const out: Doc = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isDoc(v) && isDoc(a[k]) ? deepMerge(a[k] as Doc, v) : v;
  return out;
}

/** The nation's costs restated in 2020 yuan (china-2020.json), without the central fund's fixed totals. */
function fiscal2020(nation: Doc, over: Doc): Doc {
  const t = nation.transfers as Doc;
  const o = (over.transfers ?? {}) as Doc;
  const { fund: _fund, ...reward } = { ...(t.reward as Doc), ...((o.reward ?? {}) as Doc) };
  return {
    ...nation,
    ...over,
    transfers: {
      ...t,
      reward,
      generalLinkage: { ...(t.generalLinkage as Doc), ...((o.generalLinkage ?? {}) as Doc) },
    },
  };
}

/** The scenario of one prefecture from a base year: a city part and a package, both inline. */
export function atlasScenario(p: AtlasPrefecture, base: AtlasBase, parts: AtlasParts, until?: number): Doc {
  if (!runnable(p, base)) throw new Error(`${p.name} (${p.code}): the censuses give too little for a ${base} base`);
  const y = base === 2020 ? p.y2020! : p.y2010!;
  const y10 = p.y2010!;
  const size: SizeClass = p.sizeClass ?? 'small';
  const share = coreShare(p);
  const nation = parts.nation;
  const n20 = base === 2020 ? parts.nation2020 : {};
  const nMig = nation.migration as Doc;
  const mig20 = (n20.migration ?? {}) as Doc;
  const ageStarts = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];

  // The register: 2010's census count where its code held, the 2010 ratio to residents carried to 2020.
  const hukouRatio = y10.hukou !== null ? y10.hukou / y10.resident : 1;
  const hukou = Math.round(base === 2010 ? (y10.hukou ?? y10.resident) : y.resident * hukouRatio);
  const nonAg = y10.nonAgShare ?? 0.3;
  const urbanHukouShare = Math.min(0.98, base === 2010 ? nonAg : nonAg * parts.hukouRise);
  // Registered people away make up what the residents lack; residents registered elsewhere, the rest.
  const away = hukou > y.resident ? (hukou - y.resident) / hukou + 0.02 : 0.02;
  const nonLocal = Math.max(0, y.resident - hukou * (1 - away));
  // Arrivals that match the departures of the base stock at its durations: the stock held, to begin with.
  const departure = nMig.departure as { initial: number; longRun: number; halfLifeYears: number };
  const D = Number(nation.durations);
  const shares = durationShares(D, Number(((nation.base as Doc).durationMeanYears as Doc).UN));
  let meanHazard = 0;
  shares.forEach((w, d) => (meanHazard += w * hazardAt(departure, d)));

  const part: Doc = {
    $comment: `Atlas city part of ${p.name} (${p.code}), base ${base}, made by src/analysis/atlas-scenario.ts from ${ATLAS}; every rate is the nation's (${NATION}${base === 2020 ? ' with scenarios/cities/china-2020.json' : ''}).`,
    meta: { city: p.name, province: p.province, ...(base === 2020 ? { kind: 'current' } : {}) },
    baseYear: base,
    until: until ?? (base === 2010 ? 2020 : 2035),
    durations: nation.durations,
    zones: [
      { id: 'core', name: '城区', nameEn: 'City proper (城区)' },
      { id: 'town', name: '县城和建制镇', nameEn: 'County towns and towns' },
    ],
    base: {
      residentPop: y.resident,
      urbanResidentPop: y.urban,
      hukouPop: hukou,
      urbanHukouPop: Math.round(hukou * urbanHukouShare),
      nonLocalResidents: null,
      ageStructure: { ageStarts, female: y.female, male: y.male, year: base, unit: 'persons' },
      referenceSingleAge: (nation.base as Doc).referenceSingleAge,
      migrantProfile: (nation.base as Doc).migrantProfile,
      awayShareOfHukou: Math.min(0.9, Number(away.toFixed(4))),
      awayUrbanShare: 0.3,
      urbanZoneShares: zoneMap(share, 1 - share),
      nonLocalZoneShares: zoneMap(share, 1 - share),
      durationMeanYears: (nation.base as Doc).durationMeanYears,
      awayDurationMeanYears: (nation.base as Doc).awayDurationMeanYears ?? 5,
    },
    hukouDefinition: { definition: 'address', switchYear: null },
    demography: deepMerge(nation.demography as Doc, (n20.demography ?? {}) as Doc),
    migration: {
      ...nMig,
      ruralToUrban: {
        ...(nMig.ruralToUrban as Doc),
        ...((mig20.ruralToUrban ?? {}) as Doc),
        attraction: zoneMap(share, 1 - share),
      },
      reclassification: {
        ...(nMig.reclassification as Doc),
        ...((mig20.reclassification ?? {}) as Doc),
        zoneShares: zoneMap(0.2, 0.8),
      },
      inflow: {
        ...(nMig.inflow as Doc),
        persons: Math.round(nonLocal * meanHazard),
        zoneShares: zoneMap(share, 1 - share),
      },
    },
    registration: {
      ...(nation.registration as Doc),
      student: { ...((nation.registration as Doc).student as Doc), zoneShares: zoneMap(1, 0) },
      transfer: { ...((nation.registration as Doc).transfer as Doc), zoneShares: zoneMap(share, 1 - share) },
    },
    population: nation.population,
    // Costs in 2020 yuan for the 2020 base; none for 2010 (its yuan would need a deflator the data lack).
    ...(base === 2020 ? { fiscal: fiscal2020(nation.fiscal as Doc, parts.nation2020.fiscal as Doc) } : {}),
    observed: [],
    sources: {
      '/base/residentPop': `${ATLAS}: the city table of github.com/leiii/census (${base} census, 2020 boundaries)`,
      '/base/urbanResidentPop': `${ATLAS}: the city table (${base} census)`,
      '/base/ageStructure': `${ATLAS}: y${base}.female/male (see its method)`,
      '/base/hukouPop':
        base === 2010
          ? `${ATLAS}: y2010.hukou, the 2010 census count of registered people (its resident total where the code changed: assumption)`
          : 'assumption: the 2010 census ratio of registered to resident population carried to 2020 (the 2020 census counts no registered population by prefecture)',
      '/base/urbanHukouPop':
        base === 2010
          ? `${ATLAS}: y2010.nonAgShare, the 2010 non-agricultural share of the census (0.3 where the code changed: assumption)`
          : `assumption: the 2010 non-agricultural share × ${parts.hukouRise.toFixed(3)}, the nation's rise of the hukou urbanisation rate from its 2010 non-agricultural share to 45.4 % in 2020`,
      '/base/awayShareOfHukou':
        'assumption: registered people away make up what the residents lack (registered − residents), plus 2 % of the register',
      '/base/awayUrbanShare': 'assumption: 30 % of those away hold an urban registration',
      '/base/urbanZoneShares': `${ATLAS}: y2020.chengqu ÷ y2020.urban (城区 of the city proper; 0.5 where not published: assumption), the rest county towns and towns`,
      '/migration/inflow/persons':
        'assumption: as many residents registered elsewhere arrive as the base stock loses in its first year by the nation’s departure hazard at its durations (the stock held, to begin with)',
      '/migration': `the nation's rates (${NATION}${base === 2020 ? ', scenarios/cities/china-2020.json' : ''}), zone shares as the urban zones`,
      '/demography': `the nation's (${NATION})`,
      ...(base === 2020
        ? {
            '/fiscal': `the nation's (${NATION}, in 2020 yuan from scenarios/cities/china-2020.json); the central fund's fixed totals left out (a city's share is not known)`,
          }
        : {}),
    },
  };
  const wSource = (parts.rulesNow.willingness ?? {}) as Doc as { base: { UA: Doc; UN: Doc } };
  // The nation's zone of the unit's size: its willingness and (edited) completion speed in the 城区.
  const zoneKey =
    size === 'mega' || size === 'super' ? 'megacity' : size === 'largeI' || size === 'largeII' ? 'large' : size;
  const zoneSpeed = (zone: string) =>
    base === 2010 ? parts.speed2010 : (parts.speedByZone2020?.[zone] ?? parts.speed2020);
  const pkg: Doc = {
    $comment: `The national settlement rules of the ${base === 2010 ? '2014 opinion (国发〔2014〕25号)' : '2024 five-year plan'} for a ${size} city's 城区; open in the county towns and towns.`,
    meta: {
      document:
        base === 2010
          ? {
              number: '国发〔2014〕25号',
              title: '国务院关于进一步推进户籍制度改革的意见',
              issuedBy: '国务院',
              date: '2014-07',
            }
          : { title: '深入实施以人为本的新型城镇化战略五年行动计划', issuedBy: '国务院', date: '2024-07-31' },
    },
    policy: {
      zones: {
        core: { channels: coreChannels(size, base, parts) },
        town: { channels: [...open('全面放开建制镇和小城市落户限制'), family] },
      },
      channelOverlap: 0.5,
    },
    willingness: {
      ...((parts.rulesNow.willingness ?? {}) as Doc),
      base: {
        UA: zoneMap(Number(wSource.base.UA[zoneKey]), Number(wSource.base.UA.small)),
        UN: zoneMap(Number(wSource.base.UN[zoneKey]), Number(wSource.base.UN.small)),
      },
      speed: zoneMap(zoneSpeed(zoneKey), zoneSpeed('small')),
    },
    timeline: [],
    targets: [],
    sources: {
      '/policy': `the national rules by city size (${size}, from the 2020 城区 of ${ATLAS})`,
      '/willingness':
        'the nation’s package (scenarios/packages/china-now.json): the values of the zone of the unit’s size in the 城区, the small cities’ elsewhere; the nation’s calibrated speed (each zone’s as edited in the workspace)',
    },
  };
  return {
    version: 1,
    id: `atlas-${p.code}-${base}`,
    name: `${p.province === p.name ? '' : p.province}${p.name}（全国地图，${base}年为基年）`,
    include: [part, pkg],
  };
}
