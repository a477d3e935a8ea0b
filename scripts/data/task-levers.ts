/**
 * The lever mapping of the task tables (a modelling choice, written by hand): for each task of each
 * document, the scenario levers that represent it. Pointers are JSON pointers into a merged scenario
 * (city data + policy package), checked to resolve by tests/scenario/tasks.test.ts.
 */
const CORE = (k: number): string => `/policy/zones/core/channels/${k}`;
const COUNTY = (k: number): string => `/policy/zones/county/channels/${k}`;
const TOWN = (k: number): string => `/policy/zones/town/channels/${k}`;
const COMP = {
  infrastructure: '/fiscal/components/0',
  housing: '/fiscal/components/1',
  education: '/fiscal/components/2',
  preschool: '/fiscal/components/3',
  medical: '/fiscal/components/4',
  pension: '/fiscal/components/5',
  minimumLiving: '/fiscal/components/6',
  training: '/fiscal/components/7',
};
const TRANSFERS = [
  '/fiscal/transfers/generalLinkage/weight',
  '/fiscal/transfers/generalLinkage/perCapita',
  '/fiscal/transfers/reward/sameCity',
  '/fiscal/transfers/reward/inProvince',
  '/fiscal/transfers/reward/otherProvince',
];

export interface LeverMap {
  levers: string[];
  note?: string;
}

export const DOC000_LEVERS: Record<number, LeverMap> = {
  1: { levers: ['/targets/0', '/targets/1'], note: '72% resident rate and a gap of at most 5 pp by 2020' },
  2: {
    levers: [TOWN(0), '/willingness/familyFollow'],
    note: 'designated towns open to legal stable housing; family members follow',
  },
  3: {
    levers: [
      CORE(0),
      CORE(1),
      CORE(2),
      CORE(3),
      CORE(4),
      CORE(5),
      COUNTY(0),
      COUNTY(1),
      COUNTY(2),
      COUNTY(3),
      COUNTY(4),
      COUNTY(5),
      '/willingness/speed',
    ],
    note: 'city-wide conditions (housing/employment, insurance years, purchased floor area, talent), skilled workers (3), investment and tax payers (4), returned overseas students (5); 一站式服务 → completion speed',
  },
  4: {
    levers: [CORE(6), COUNTY(6), TOWN(1), '/willingness/familyFollow', '/registration/family/open'],
    note: 'family reunion (投靠) widened: residents joining a registered relative (channel family), relatives from elsewhere (the family door); people without any hukou are not a state of the model',
  },
  5: { levers: [], note: 'ID-card and registration services' },
  6: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence permit: 9 categories / 14 services',
  },
  7: { levers: [], note: 'population information system' },
  8: { levers: ['/willingness/landRightsKept'], note: 'land-right certification' },
  9: { levers: ['/willingness/landRightsKept'], note: 'collective shareholding reform' },
  10: { levers: ['/willingness/landRightsKept'], note: 'land rights may not be a condition of settling' },
  11: {
    levers: [COMP.education, COMP.preschool],
    note: 'compulsory education and 普惠性学前教育 for migrant children',
  },
  12: { levers: [COMP.training], note: 'employment services and subsidised training' },
  13: { levers: [COMP.medical], note: 'basic health services' },
  14: {
    levers: [COMP.pension, COMP.medical],
    note: 'social insurance (pension, medical) transfer and equal participation',
  },
  15: {
    levers: [],
    note: 'elderly-care services (no model component; the pension component is the insurance subsidy)',
  },
  16: { levers: [COMP.minimumLiving], note: 'minimum-living allowance (低保) unified' },
  17: { levers: [COMP.housing], note: 'housing security for settlers of 3+ years' },
  18: {
    levers: [...TRANSFERS, '/fiscal/components'],
    note: 'transfer payments linked to citizenisation; spending responsibilities by level → payer shares of the components',
  },
  19: { levers: [], note: 'implementation, tracking and evaluation' },
  20: { levers: [], note: 'publicity' },
};

export const DOC001_LEVERS: Record<number, LeverMap> = {
  1: { levers: ['/targets/0'], note: '全市城镇化率50%以上 by 2020' },
  2: {
    levers: [COUNTY(0), TOWN(0), '/willingness/familyFollow'],
    note: 'county-level city districts, county seats and towns fully open to legal stable housing',
  },
  3: {
    levers: [CORE(0), CORE(1), '/willingness/familyFollow'],
    note: 'central city: 3 years job + housing + 3 years insurance (channel 0) or a property certificate (channel 1)',
  },
  4: {
    levers: [CORE(5), COUNTY(2), TOWN(2), '/willingness/familyFollow', '/registration/family/open'],
    note: 'family reunion without marriage-length or age limits: residents joining a registered relative (channel family), relatives from elsewhere (the family door)',
  },
  5: {
    levers: [CORE(2), CORE(3), COUNTY(1), COUNTY(3), TOWN(1), TOWN(3)],
    note: 'talent channel: 大专+ (core channel 2, county and town channel 1); mid-level titles and skilled talent (core channel 3, county and town channel 3)',
  },
  6: {
    levers: ['/hukouDefinition'],
    note: 'unified registration statistics by the urban-rural classification (address definition)',
  },
  7: { levers: [], note: 'community collective hukou (an address for people without one); no separate lever' },
  8: { levers: [], note: 'population information system' },
  9: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution', CORE(4)],
    note: 'residence-permit services by points; long-serving front-line and hard-trade workers (core channel 4)',
  },
  10: { levers: ['/willingness/landRightsKept'], note: 'land rights may not be a condition of settling' },
  11: { levers: ['/willingness/landRightsKept'], note: 'voluntary paid exit from land rights' },
  12: { levers: ['/willingness/landRightsKept'], note: 'collective asset shares kept' },
  13: { levers: ['/fiscal/land'], note: 'construction-land quota tied to the number settled (人地挂钩)' },
  14: { levers: [COMP.pension, COMP.medical], note: 'insurance transfer into the urban schemes' },
  15: { levers: [COMP.medical], note: 'community health services, medical assistance' },
  16: { levers: [COMP.pension, COMP.medical], note: 'settlers fully in urban social insurance' },
  17: { levers: [COMP.training], note: 'employment services and subsidised training' },
  18: { levers: [COMP.education], note: 'free compulsory education for children of settlers' },
  19: { levers: [COMP.housing], note: 'housing security for settlers' },
  20: {
    levers: [
      '/willingness/serviceLevel',
      COMP.education,
      COMP.medical,
      COMP.training,
      COMP.housing,
      COMP.minimumLiving,
    ],
    note: 'services for residence-permit holders',
  },
  21: {
    levers: [...TRANSFERS, '/fiscal/allocation'],
    note: 'transfers linked to citizenisation, considering registered and floating population size → allocation by population',
  },
  22: { levers: ['/fiscal/components'], note: 'cost sharing between levels of government → payer shares' },
  23: { levers: [], note: 'supporting measures by each bureau' },
  24: { levers: [], note: 'publicity' },
};

/**
 * Document 002 (锦州): tasks are numbered 1…17 in document order; the comment gives the clause.
 * Channels of scenarios/packages/jinzhou-2017.json: in every zone 0 = stable job + 5 years, 1 = stable home + 5 years.
 */
export const DOC002_LEVERS: Record<number, LeverMap> = {
  // (四)
  1: {
    levers: [],
    note: "rural students moving their registration to the school or the city and back: not modelled (the population has no enrolment state; the city part's student door /registration/student is closed, no count found)",
  },
  // (五)
  2: {
    levers: [CORE(2), COUNTY(2), TOWN(2)],
    note: 'demobilised rural soldiers may settle in towns: the veteran channels (attribute veteran, an assumption)',
  },
  // (六)
  3: {
    levers: [CORE(0), CORE(1), COUNTY(0), COUNTY(1), TOWN(0), TOWN(1)],
    note: '5 continuous years of stable employment (channel 0) or a stable home (channel 1) in 城区 and county seats; the town channels copy them (assumption of the package)',
  },
  // (七)
  4: {
    levers: [CORE(3), COUNTY(3), TOWN(3), '/willingness/familyFollow', '/registration/family/open'],
    note: 'whole rural households settle with relatives (投亲落户): residents joining a registered relative (channel 3), the household following the settler, relatives from elsewhere (the family door)',
  },
  // (八)
  5: {
    levers: [...TRANSFERS, '/fiscal/allocation'],
    note: 'transfers adjusted to the number and flows of the agricultural transfer population; the provincial reward by actual settlement, tilted to the 县(市)区 that absorb more → allocation by settlers',
  },
  // (九)
  6: {
    levers: ['/fiscal/transfers/investmentSubsidy', '/fiscal/allocation', COMP.infrastructure],
    note: "construction-fund subsidy for the infrastructure of places that absorb more settlers (0 per settler in the city part: the tilt is the city's own budget) → allocation by settlers; the infrastructure cost component",
  },
  // (十)
  7: {
    levers: ['/fiscal/land'],
    note: 'new urban construction land tied to the number settled (人地挂钩), by city size',
  },
  // (十一)
  8: {
    levers: [],
    note: 'infrastructure financing (credit rating, local-government bonds, PPP): not modelled; the model counts costs and who bears them, not how they are financed',
  },
  // (十二)
  9: {
    levers: ['/willingness/landRightsKept'],
    note: 'the "three rights" kept on settling; certification, trading and arbitration of land rights are not modelled',
  },
  // (十三)
  10: { levers: [COMP.housing], note: 'housing security (public rental housing, housing provident fund)' },
  // (十四)
  11: { levers: [COMP.medical], note: "settlers choose urban residents' medical insurance or the rural scheme" },
  // (十五)
  12: {
    levers: [COMP.pension, COMP.minimumLiving],
    note: "pension transfer into the urban scheme (settlers already 60+ stay with their origin → the pension component's origin share); 低保 as for urban residents",
  },
  // (十六)
  13: {
    levers: [COMP.education],
    note: "compulsory schooling of migrants' children by residence permit; entrance examinations not modelled",
  },
  // (十七)
  14: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence permit for every non-registered urban resident, services narrowing the gap',
  },
  // (十八)
  15: {
    levers: [],
    note: 'settlement statistics and the method of estimating the urbanisation rate: a matter of the observations, not a lever',
  },
  // (十九)
  16: {
    levers: [],
    note: 'tracking and the 2018 mid-term / 2020 summary evaluations: the document sets no number, so the preset has no targets; compare the projected 2018 and 2020 rates',
  },
  // (二十)
  17: { levers: [], note: 'audit supervision: no lever' },
};

/**
 * Document 003 (广州): tasks are numbered 1…14 in document order; the comment gives the clause.
 * Channels of scenarios/packages/guangzhou.json: in every zone 0 = points under a quota, 1 = talent.
 */
export const DOC003_LEVERS: Record<number, LeverMap> = {
  // (三)
  1: {
    levers: [
      CORE(1),
      CORE(2),
      CORE(3),
      COUNTY(1),
      COUNTY(2),
      COUNTY(3),
      TOWN(1),
      TOWN(2),
      TOWN(3),
      '/migration/inflow/control',
    ],
    note: 'settle mainly high-level talent (channel 1) and technical talent (2); long-serving hard front-line workers (3); strict control of population size is the population-size control lever (the share of the calibrated inflow admitted)',
  },
  // (四)
  2: {
    levers: [CORE(0), COUNTY(0), TOWN(0)],
    note: 'points-based settlement under a total quota (score rules, threshold and quota are assumptions of the package)',
  },
  // (五)
  3: {
    levers: [],
    note: 'public collective hukou in every district: no lever of its own (reflected only in the points and talent channels asking for no home)',
  },
  // (六)
  4: {
    levers: ['/hukouDefinition'],
    note: 'urban and rural registration unified (一元化) → the statistical definition of the hukou rate',
  },
  // (七)
  5: {
    levers: [],
    note: 'adapting the education, health, housing, welfare, land and statistics systems to the unified registration: administrative, no lever',
  },
  // (八)
  6: {
    levers: ['/willingness/serviceLevel', '/willingness/serviceSubstitution'],
    note: 'residence-permit points unlock services stepwise',
  },
  // (九)
  7: { levers: [], note: 'population information platform: no lever' },
  // (十)
  8: {
    levers: ['/willingness/landRightsKept'],
    note: 'land-contract and homestead rights kept; certification and transfer markets are not modelled',
  },
  // (十一)1
  9: {
    levers: [COMP.education, COMP.preschool],
    note: "free compulsory education and pre-school for migrants' children",
  },
  // (十一)2
  10: { levers: [COMP.training], note: 'training vouchers and on-the-job training (employers train)' },
  // (十一)3
  11: {
    levers: [COMP.medical],
    note: "community health and family-planning services (the model's health cost is the medical-insurance subsidy)",
  },
  // (十一)4
  12: {
    levers: [COMP.medical, COMP.pension, COMP.minimumLiving],
    note: "unified residents' social and medical insurance; social assistance centred on 低保",
  },
  // (十一)5
  13: {
    levers: [COMP.housing],
    note: 'housing security for migrant workers, city, districts and employers sharing (payer shares of the housing component)',
  },
  // (十一)6
  14: {
    levers: ['/fiscal/components', '/fiscal/allocation'],
    note: 'costs shared among government, employers and individuals, and between city and districts by responsibility → payer shares of the components',
  },
};
