/**
 * The scenario format, version 1, as a zod schema: the single source of the
 * TypeScript types, of validation (every problem with its JSON path), and of
 * the published JSON Schema (`scenarios/scenario.schema.json`).
 *
 * Conventions:
 * - Rates and shares are fractions 0–1; populations are persons.
 * - A *path* is a number (constant) or `{ "2015": x, "2020": y }`: linear
 *   between the given years, constant outside them.
 * - A table may be given inline or as `{ "$data": "data/file.json#/pointer" }`.
 * - `sources` maps JSON Pointers of this file to where the value comes from
 *   ("assumption: …" for assumptions), so values stay plain numbers that the
 *   command line's `--set` and the dashboard's levers can change.
 */
import { z } from 'zod';
import { minInsuranceStay } from '../model/insurance';
import {
  AgeBands,
  AgeSexTable,
  DataRef,
  FertilityTable,
  finite,
  id,
  MortalityTable,
  nonNeg,
  PathNonNeg,
  PathShare,
  pathOf,
  share,
  ShareBands,
  TableOrRef,
  yearInt,
  ZoneMap,
} from './schema-base';
import { TARGET_METRICS } from './metrics';
import { Calibration, ObservationMetric, UncertainParameter } from './schema-analysis';
import { Fiscal } from './schema-fiscal';
import { Registration } from './schema-registration';

export {
  AgeBands,
  AgeSexTable,
  DataRef,
  FertilityTable,
  MortalityTable,
  PathNonNeg,
  PathShare,
  TableOrRef,
} from './schema-base';
export { Calibration, Distribution, ObservationMetric, ParameterMode, UncertainParameter } from './schema-analysis';
export { Fiscal, FiscalComponent, type FiscalSpec } from './schema-fiscal';
export { Registration, type RegistrationSpec } from './schema-registration';
export const SCENARIO_VERSION = 1;
/** Largest scenario or data file accepted, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Counts past which a list is refused. A file under the size limit could otherwise hold 80,000 timeline
 * entries (a run never finished) or thousands of channels; these keep any accepted scenario to well under a
 * second of validation and run (measured in the README), while each is ten times what a document needs
 * (the presets have at most 7 channels per zone, 4 conditions per channel and a handful of timeline entries).
 */
export const LIMITS = {
  timelineEntries: 2000,
  timelineChanges: 4000,
  channels: 64,
  conditions: 32,
  targets: 1000,
} as const;

export const GroupAttributes = z
  .strictObject({
    /** Share of the years lived here covered by social insurance (π, the stationary share of the chain). */
    insuranceCoverage: share,
    /**
     * P(covered next year | covered this year), p (MODEL.md §4): insured years as a two-state chain with
     * stationary share π; the uncovered start being covered with q = π(1 − p)/(1 − π). Absent: p = π,
     * independent years (the first version, which overstates eligibility when coverage persists).
     * Must be ≥ (2π − 1)/π.
     */
    insuranceStay: share.optional(),
    employment: ShareBands,
    ownership: z.strictObject({
      longRun: ShareBands,
      atArrival: share,
      halfLifeYears: nonNeg,
    }),
    legalRent: ShareBands,
    education: z.strictObject({
      secondary: ShareBands,
      college: ShareBands,
      bachelor: ShareBands,
      postgraduate: ShareBands,
    }),
    /**
     * Other attributes a channel may require (a skill certificate, veterans, investors and tax-payers, a
     * registered relative …): the share of the group holding each, by age; named by id, used by conditions
     * of type "attribute".
     */
    attributes: z
      .record(id, z.strictObject({ label: z.string().min(1), labelEn: z.string().optional(), shares: ShareBands }))
      .optional(),
  })
  .superRefine((g, ctx) => {
    const c = g.insuranceCoverage;
    const min = minInsuranceStay(c);
    // A small tolerance: (2π − 1)/π is not exact in floating point (0.8 → 0.7500000000000001).
    if (g.insuranceStay !== undefined && g.insuranceStay < min - 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['insuranceStay'],
        message: `with coverage ${c} it must be ≥ ${Math.ceil(min * 1e4 - 1e-6) / 1e4} (else the uncovered would have to start more than surely: q = π(1 − p)/(1 − π) > 1)`,
      });
  });

const EducationLevel = z.enum(['secondary', 'college', 'bachelor', 'postgraduate'], {
  error: 'must be one of secondary (中专/高中), college (大专), bachelor (本科), postgraduate (研究生)',
});

export const Condition = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('open') }),
    z.strictObject({ type: z.literal('residence'), years: z.int().min(0).max(40) }),
    z.strictObject({
      type: z.literal('insurance'),
      years: z.int().min(0).max(40),
      /** 累计 (cumulative, the default): all covered years lived here; 连续 (continuous): the current unbroken run. */
      counting: z
        .enum(['cumulative', 'continuous'], {
          error: 'must be cumulative (累计, any covered years) or continuous (连续, the current unbroken run)',
        })
        .optional(),
    }),
    z.strictObject({ type: z.literal('employment') }),
    z.strictObject({ type: z.literal('housing'), rentedCounts: z.boolean() }),
    z.strictObject({ type: z.literal('property'), areaShare: share }),
    z.strictObject({ type: z.literal('education'), level: EducationLevel }),
    z.strictObject({ type: z.literal('age'), min: z.int().min(0).max(100), max: z.int().min(0).max(100) }),
    /**
     * Holding a population attribute (population.<group>.attributes.<name>); `share` of the holders meet
     * the clause's own level (e.g. the certificate grade it asks for), 1 by default.
     */
    z.strictObject({ type: z.literal('attribute'), name: id, share: share.optional() }),
    z.strictObject({
      type: z.literal('points'),
      threshold: finite(),
      base: finite(),
      education: z.strictObject({
        none: finite(),
        secondary: finite(),
        college: finite(),
        bachelor: finite(),
        postgraduate: finite(),
      }),
      perResidenceYear: finite(),
      maxResidenceYears: z.int().min(0).max(40),
      perInsuranceYear: finite(),
      maxInsuranceYears: z.int().min(0).max(40),
      agePoints: AgeBands,
    }),
  ],
  {
    error:
      'must have a "type" of open, residence, insurance, employment, housing, property, education, age, attribute or points',
  },
);

export const Channel = z.strictObject({
  id,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** The clause of the source document, e.g. "第(三)条". */
  clause: z.string().optional(),
  /** The bureau responsible (lead first). */
  bureau: z.string().optional(),
  conditions: z
    .array(Condition)
    .min(1, 'needs at least one condition (use {"type":"open"} for none)')
    .max(LIMITS.conditions, `at most ${LIMITS.conditions} conditions per channel`),
  /** Whether the document opens the channel (default true): a switch in the lever panel where given. */
  enabled: z.boolean().optional(),
  /** Annual quota in persons; absent or null for none. */
  quota: z.union([PathNonNeg, z.null()]).optional(),
  /**
   * Whom the quota counts: everyone settling through the channel (default), or the applicants only, their
   * dependants (children under 18, people 60+) following outside it.
   */
  quotaCounts: z.enum(['everyone', 'applicants'], { error: 'must be everyone or applicants' }).optional(),
  /**
   * How a binding quota chooses among the eligible: by score, highest first (积分排名; the default for a
   * channel with a points condition), or all alike (proportional; the only way without points).
   */
  quotaOrder: z.enum(['score', 'proportional'], { error: 'must be score or proportional' }).optional(),
});

export const Target = z.strictObject({
  id,
  label: z.string(),
  labelEn: z.string().optional(),
  /** One of the registry's target metrics (src/scenario/metrics.ts). */
  metric: z.enum(TARGET_METRICS),
  year: yearInt,
  comparator: z.enum(['>=', '<=']),
  value: finite(),
  clause: z.string().optional(),
  source: z.string().optional(),
});

export const Observation = z.strictObject({
  metric: ObservationMetric,
  year: yearInt,
  value: finite(),
  source: z.string().min(1, 'every observation needs its source'),
  definition: z.enum(['address', 'nonAgricultural']).optional(),
  /**
   * The statistical vintage of the series this value belongs to (e.g. "bulletin", "census-revised",
   * "public-security register"): one vintage per metric in a fit or a back-test, never mixed unawares.
   */
  vintage: z.string().optional(),
  confidence: z.string().optional(),
  note: z.string().optional(),
});
export const Observations = z.array(Observation);

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  /** Parts merged under this file's own fields (see include.ts). */
  include: z.array(z.string()).optional(),
  version: z.literal(SCENARIO_VERSION, {
    error: `must be ${SCENARIO_VERSION} (this program reads scenario version ${SCENARIO_VERSION})`,
  }),
  id,
  name: z.string().min(1),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  meta: z.strictObject({
    city: z.string(),
    cityEn: z.string().optional(),
    province: z.string().optional(),
    document: z.strictObject({
      number: z.string().optional(),
      title: z.string(),
      issuedBy: z.string().optional(),
      date: z.string().optional(),
      seed: z.string().optional(),
    }),
    notes: z.array(z.string()).optional(),
  }),
  baseYear: yearInt,
  until: yearInt,
  durations: z.int().min(2).max(40),
  zones: z
    .array(
      z.strictObject({
        id,
        name: z.string(),
        nameEn: z.string().optional(),
        districts: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(8),
  base: z.strictObject({
    residentPop: nonNeg,
    urbanResidentPop: nonNeg,
    hukouPop: nonNeg,
    urbanHukouPop: nonNeg,
    nonLocalResidents: z.union([nonNeg, z.null()]),
    /**
     * Of the residents registered elsewhere, those living in villages (rural residents); default 0. An
     * extension of MODEL.md §2 for cities whose published rates need it (Guangzhou).
     */
    nonLocalRuralResidents: nonNeg.optional(),
    ageStructure: TableOrRef,
    /** Rural residents by age and sex, when known (e.g. from a bring-your-own import). */
    ruralAgeStructure: TableOrRef.optional(),
    referenceSingleAge: TableOrRef,
    migrantProfile: TableOrRef,
    awayShareOfHukou: share,
    awayUrbanShare: share,
    urbanZoneShares: ZoneMap(share),
    nonLocalZoneShares: ZoneMap(share),
    durationMeanYears: z.strictObject({ UA: nonNeg, UN: nonNeg }),
    /** Mean completed years away of the registered people living away (default 5: see the `registration` part). */
    awayDurationMeanYears: nonNeg.optional(),
  }),
  hukouDefinition: z.strictObject({
    definition: z.enum(['address', 'nonAgricultural']),
    /** Year from which the address definition applies (统一城乡户口登记). */
    switchYear: z.union([yearInt, z.null()]),
  }),
  demography: z.strictObject({
    mortality: z.strictObject({
      mx: z.union([DataRef, MortalityTable]),
      /** Annual fractional decline of every mx (mortality improvement). */
      improvement: pathOf(finite().min(-0.1).max(0.1)),
      referenceYear: yearInt,
      urbanMultiplier: PathNonNeg,
      ruralMultiplier: PathNonNeg,
      awayMultiplier: PathNonNeg,
    }),
    fertility: z.strictObject({
      asfr: z.union([DataRef, FertilityTable]),
      tfr: pathOf(finite().min(0).max(10)),
      multipliers: z.strictObject({ UH: nonNeg, UA: nonNeg, UN: nonNeg, RA: nonNeg, AW: nonNeg }),
    }),
    /** Boys per 100 girls. */
    sexRatioAtBirth: pathOf(finite().min(80).max(150)),
  }),
  migration: z.strictObject({
    schedule: z.strictObject({
      a1: nonNeg,
      alpha1: nonNeg,
      a2: nonNeg,
      mu2: nonNeg,
      alpha2: nonNeg,
      lambda2: nonNeg,
      c: nonNeg,
    }),
    ruralToUrban: z.strictObject({ intensity: PathShare, attraction: ZoneMap(share) }),
    reclassification: z.strictObject({ rate: PathShare, registeredShare: PathShare, zoneShares: ZoneMap(share) }),
    inflow: z.strictObject({
      persons: PathNonNeg,
      profile: TableOrRef,
      zoneShares: ZoneMap(share),
      /** Share of incoming migrants who live in villages (rural residents registered elsewhere); default 0. */
      ruralShare: PathShare.optional(),
      /**
       * Population-size control (严格控制人口规模): the share of the inflow the city admits, by year; 1 = the
       * inflow as calibrated. A policy lever kept apart from `persons` (a calibrated forecast input).
       */
      control: pathOf(finite().min(0, 'must be ≥ 0').max(2, 'must be ≤ 2 (twice the calibrated inflow)')).optional(),
    }),
    departure: z.strictObject({ initial: share, longRun: share, halfLifeYears: nonNeg }),
    away: z.strictObject({
      leaveUrban: PathShare,
      leaveRural: PathShare,
      returnUrban: PathShare,
      returnRural: PathShare,
    }),
  }),
  registration: Registration.optional(),
  population: z.strictObject({ UA: GroupAttributes, UN: GroupAttributes }),
  policy: z.strictObject({
    zones: ZoneMap(
      z.strictObject({
        channels: z.array(Channel).max(LIMITS.channels, `at most ${LIMITS.channels} channels per zone`),
      }),
    ),
    channelOverlap: share,
    /**
     * City-wide annual quotas (persons) by channel id, shared by that channel in every zone: one pool, and
     * for a points channel one ranking and one cut-off for the whole city (广州's 积分制入户 quota).
     */
    cityQuotas: z.record(id, PathNonNeg).optional(),
  }),
  willingness: z.strictObject({
    base: z.strictObject({ UA: ZoneMap(share), UN: ZoneMap(share) }),
    ageProfile: AgeBands,
    landRightsKept: PathShare,
    landElasticity: finite(),
    serviceLevel: PathShare,
    serviceSubstitution: share,
    incentive: PathNonNeg,
    incentiveElasticity: finite(),
    speed: ZoneMap(PathShare),
    familyFollow: PathShare,
  }),
  /** Lever changes in given years: JSON Pointer → new value, from that year on. */
  timeline: z
    .array(
      z.strictObject({
        year: yearInt,
        label: z.string().optional(),
        set: z.record(z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"'), z.unknown()),
      }),
    )
    .max(LIMITS.timelineEntries, `at most ${LIMITS.timelineEntries} entries`)
    .refine((t) => t.reduce((n, e) => n + Object.keys(e.set).length, 0) <= LIMITS.timelineChanges, {
      error: `at most ${LIMITS.timelineChanges} changes in all entries together`,
    }),
  /**
   * Dated points of the document that set no number: evaluations (the key figures get a column for
   * each) and deadlines (shown on the policy timeline).
   */
  milestones: z
    .array(
      z.strictObject({
        year: yearInt,
        kind: z.enum(['evaluation', 'deadline'], { error: 'must be evaluation or deadline' }),
        label: z.string().min(1),
        labelEn: z.string().optional(),
        clause: z.string().optional(),
      }),
    )
    .optional(),
  /** Fiscal and land linkage (MODEL.md §7); without it the result has no `fiscal` section. */
  fiscal: Fiscal.optional(),
  targets: z.array(Target).max(LIMITS.targets, `at most ${LIMITS.targets} targets`),
  observed: z.union([DataRef, Observations], { error: 'must be a list of observations or a {"$data": …} reference' }),
  /** Distributions of uncertain parameters, for `--runs` and the uncertainty analysis. */
  uncertainty: z.strictObject({ parameters: z.array(UncertainParameter).min(1) }).optional(),
  /** Unknowns to fit to `observed` with `--calibrate`. */
  calibration: Calibration.optional(),
  sources: z.record(z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"'), z.string().min(1)),
});

export type Scenario = z.infer<typeof Scenario>;
export type UncertainParameterSpec = z.infer<typeof UncertainParameter>;
export type CalibrationSpec = z.infer<typeof Calibration>;
export type ParameterMode = z.infer<typeof ParameterMode>;
export type Channel = z.infer<typeof Channel>;
export type ConditionSpec = z.infer<typeof Condition>;
export type AgeBandsSpec = z.infer<typeof AgeBands>;
export type AgeSexTableSpec = z.infer<typeof AgeSexTable>;
export type GroupAttributesSpec = z.infer<typeof GroupAttributes>;
export type PathSpec = number | Record<string, number>;
export type TargetSpec = z.infer<typeof Target>;
