/**
 * The one registry of metrics: every quantity a target, a chart table, an analysis or a scorecard names,
 * with its Chinese and English name, its kind (which fixes its unit and format everywhere) and whether
 * more is better. The schema's target metrics, the charts' and tables' labels, the scorecard's values, the
 * back-test's units, the tornado and goal seek's wording all read it (a metric was once defined in seven
 * places, one quantity had two ids, and English units disagreed on one screen).
 */
export type MetricKind =
  /** A share 0–1, shown in % (errors and differences in percentage points). */
  | 'rate'
  /** Percentage points. */
  | 'points'
  /** Persons, shown in 万人 (thousands in English). */
  | 'persons'
  /** Base-year yuan, shown in 亿元 (CNY million in English). */
  | 'yuan';

export interface MetricDef {
  readonly zh: string;
  readonly en: string;
  readonly kind: MetricKind;
  /** Which way is better for the plan: up (a rate), down (the gap, a cost), or neither. */
  readonly better: 'up' | 'down' | 'neither';
}

export const METRICS = {
  residentUrbanRate: { zh: '常住人口城镇化率', en: 'Resident urbanisation rate', kind: 'rate', better: 'up' },
  hukouUrbanRate: { zh: '户籍人口城镇化率', en: 'Hukou urbanisation rate', kind: 'rate', better: 'up' },
  gapPoints: { zh: '两率差距', en: 'Gap', kind: 'points', better: 'down' },
  residentPop: { zh: '常住人口', en: 'Resident population', kind: 'persons', better: 'neither' },
  hukouPop: { zh: '户籍人口', en: 'Hukou population', kind: 'persons', better: 'neither' },
  urbanResidentPop: { zh: '城镇常住人口', en: 'Urban resident population', kind: 'persons', better: 'neither' },
  urbanHukouPop: { zh: '城镇户籍人口', en: 'Urban hukou population', kind: 'persons', better: 'neither' },
  settlersCumulative: { zh: '累计落户人数', en: 'Settlers since the base year', kind: 'persons', better: 'up' },
  nonRegisteredUrban: {
    zh: '城镇未落户常住人口',
    en: 'Non-registered urban residents',
    kind: 'persons',
    better: 'down',
  },
  totalCostCumulative: { zh: '累计市民化成本', en: 'Cumulative citizenisation cost', kind: 'yuan', better: 'down' },
  municipalNetCumulative: {
    zh: '累计市县财政净负担',
    en: 'Cumulative net burden of city and counties',
    kind: 'yuan',
    better: 'down',
  },
  trainingCoverage: { zh: '职业培训覆盖率', en: 'Vocational training coverage', kind: 'rate', better: 'up' },
  registrationIn: { zh: '户籍迁入', en: 'Registrations in', kind: 'persons', better: 'neither' },
  registrationOut: { zh: '户籍迁出', en: 'Registrations out', kind: 'persons', better: 'neither' },
  hukouBirths: { zh: '户籍人口出生', en: 'Births to registered residents', kind: 'persons', better: 'neither' },
  hukouDeaths: { zh: '户籍人口死亡', en: 'Deaths of registered residents', kind: 'persons', better: 'neither' },
} as const satisfies Record<string, MetricDef>;

export type MetricId = keyof typeof METRICS;

/** The metrics a target may name (fiscal ones need the scenario's fiscal part, trainingCoverage a training component). */
export const TARGET_METRICS = [
  'residentUrbanRate',
  'hukouUrbanRate',
  'gapPoints',
  'residentPop',
  'hukouPop',
  'urbanResidentPop',
  'settlersCumulative',
  'nonRegisteredUrban',
  'totalCostCumulative',
  'municipalNetCumulative',
  'trainingCoverage',
] as const satisfies readonly MetricId[];

/** A metric's entry, or undefined for a name the registry does not know. */
export const metricDef = (id: string): MetricDef | undefined =>
  Object.hasOwn(METRICS, id) ? (METRICS as Record<string, MetricDef>)[id] : undefined;

/** The metrics a sensitivity analysis (tornado) can be run on. */
export const SENSITIVITY_METRICS = [
  'gapPoints',
  'residentUrbanRate',
  'hukouUrbanRate',
  'settlersCumulative',
  'totalCostCumulative',
] as const satisfies readonly MetricId[];

/** The metrics an observation may carry (published stocks, rates and the register's own flows). */
export const OBSERVATION_METRICS = [
  'residentUrbanRate',
  'hukouUrbanRate',
  'gapPoints',
  'residentPop',
  'hukouPop',
  'urbanResidentPop',
  'urbanHukouPop',
  // The register's own flows (户籍迁入 / 迁出, births and deaths of registered people), persons per year.
  'registrationIn',
  'registrationOut',
  'hukouBirths',
  'hukouDeaths',
] as const satisfies readonly MetricId[];
