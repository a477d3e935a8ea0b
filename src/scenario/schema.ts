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
  TableOrRef,
  yearInt,
  ZoneMap,
  LIMITS,
} from './schema-base';
import { TARGET_METRICS } from './metrics';
import { Calibration, ObservationMetric, UncertainParameter } from './schema-analysis';
import { Fiscal } from './schema-fiscal';
import { Registration } from './schema-registration';
import { Channel, Condition, GroupAttributes } from './schema-policy';

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
export { LIMITS } from './schema-base';
export { Channel, Condition, GroupAttributes } from './schema-policy';
export const SCENARIO_VERSION = 1;
/** Largest scenario or data file accepted, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
  /** Parts merged under this file's own fields (see include.ts): paths, or parts inline. */
  include: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
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
    /**
     * "current": today's question, from the latest census under the rules in force now; "document" (the
     * default): a past document replayed from its own base year, to be evaluated against what happened.
     */
    kind: z.enum(['current', 'document']).optional(),
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
