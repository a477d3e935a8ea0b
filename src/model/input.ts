/**
 * The compiled, purely numeric input of one projection.
 *
 * Everything here is already resolved to numbers per step; the scenario
 * layer (`src/scenario/compile.ts`) builds it from a scenario file. Step k
 * (0 ≤ k < steps) moves the year-end state of `baseYear + k` to the year-end
 * of `baseYear + k + 1`, and uses the parameters in force in that later year.
 *
 * Array layouts: "per step × SA" means index `k * SA + s * AGES + a`
 * (see `dims.ts`); "per step × Z" means `k * Z + z`; and so on, outer first.
 */
import type { Dims } from './dims';
import type { PointsRanking } from './points-rank';

/** Fertility classes: each state's women use one of these ASFR schedules. */
export const FERT_UH = 0;
export const FERT_UA = 1;
export const FERT_UN = 2;
export const FERT_RA = 3;
export const FERT_AW = 4;
export const FERT_CLASSES = 5;

/** Survival classes: urban residents (UH, UA, UN), rural residents (RA), registered people living away (AWU, AWR). */
export const SURV_URBAN = 0;
export const SURV_RURAL = 1;
export const SURV_AWAY = 2;
export const SURV_CLASSES = 3;

/** One settlement channel of one zone, compiled for one policy period. */
export interface CompiledChannel {
  /** Channel id as in the scenario (ids may repeat across zones; results add them up). */
  readonly id: string;
  /** Index of `id` in {@link ModelInput.channelIds}. */
  readonly channelIndex: number;
  /**
   * Probability that a person of group g in cell (d, s, a) meets every
   * condition of this channel: index `(g * D + d) * SA + s * AGES + a`.
   */
  readonly eligibility: Float64Array;
  /** Annual quota in persons per step (length steps), or null when unlimited. */
  readonly quota: Float64Array | null;
  /** The quota counts applicants only: dependants who follow them settle outside it. */
  readonly quotaApplicantsOnly?: boolean;
  /**
   * A city-wide quota shared by this channel in every zone (index into {@link ModelInput.cityQuotas}); then
   * `quota` is that pool's array, the same object in each zone.
   */
  readonly cityQuota?: number;
  /** A points channel under a quota: applicants are admitted by score, highest first (see points-rank.ts). */
  readonly rank?: PointsRanking;
  /** Where its pool's cut-off score is recorded (index into {@link ModelInput.cutoffKeys}). */
  readonly cutoffIndex?: number;
}

/** One zone's channels, with their combination precomputed (it does not change within a period). */
export interface ZonePolicy {
  readonly channels: readonly CompiledChannel[];
  /**
   * Combined eligibility `(1−κ)(1 − Π(1 − p_c)) + κ·max p_c` per cell,
   * layout of {@link CompiledChannel.eligibility}.
   */
  readonly eligible: Float64Array;
  /**
   * When some channel has a quota: the same combination over the channels
   * without one, per cell (0 where there are none), so that a binding quota
   * limits only `eligible − eligibleFree`, those whom no free channel would
   * admit. Null when no channel of the zone has a quota.
   */
  readonly eligibleFree: Float64Array | null;
  /**
   * Attribution of settlers to channels: index `c * cells + cell` where
   * cells = 2·D·SA. p_c / Σ p over the channels of c's kind: with
   * `eligibleFree`, the free part goes to the channels without a quota and
   * the rest to those with one; without it, p_c / Σ p over all channels.
   * Zero where no channel of the kind admits.
   */
  readonly shares: Float64Array;
}

/** The settlement policy of all zones for a run of consecutive years. */
export interface PolicyPeriod {
  /** Channel overlap κ ∈ [0,1] (0 independent, 1 full overlap). */
  readonly channelOverlap: number;
  /** Per zone, its channels. */
  readonly zones: readonly ZonePolicy[];
}

export interface ModelInput {
  readonly dims: Dims;
  readonly baseYear: number;
  readonly steps: number;
  /** Zone ids, length Z. */
  readonly zoneIds: readonly string[];
  /** Distinct channel ids over all zones and periods, in first-seen order. */
  readonly channelIds: readonly string[];
  /** City-wide quotas (persons per step), each shared by the channels of one id in every zone. */
  readonly cityQuotas?: readonly { readonly id: string; readonly quota: Float64Array }[];
  /**
   * The pools ranked by score whose cut-off is recorded: a city-wide quota's channel id, or
   * `<channel>@<zone>` for a zone's own quota.
   */
  readonly cutoffKeys?: readonly string[];
  /** Year-end state of the base year (layout of `dims.ts`). */
  readonly initial: Float64Array;

  // ---- 1. survival ----
  /** Survival ratios per step × class × SA (see `life-table.ts` survivalRatios). */
  readonly survival: Float64Array;
  /** Survival of births to year-end (L0/l0) per step × class × sex. */
  readonly birthSurvival: Float64Array;

  // ---- 2. births ----
  /** Age-specific fertility per step × fertility class × AGES (female ages). */
  readonly asfr: Float64Array;
  /** First and last age at which any class's fertility is above 0 (births need only these ages). */
  readonly fertileAges: readonly [number, number];
  /** Share of births that are male, per step (from the sex ratio at birth). */
  readonly maleBirthShare: Float64Array;

  // ---- 3. migration ----
  /** Rural → urban migration rate of RA per step × SA. */
  readonly ruralToUrban: Float64Array;
  /** Zone split of rural → urban migrants per step × Z (sums to 1). */
  readonly attraction: Float64Array;
  /** Reclassification: share ρ of RA that becomes urban, per step. */
  readonly reclassRate: Float64Array;
  /** Share c of the reclassified who get an urban registration at once, per step. */
  readonly reclassRegistered: Float64Array;
  /** Zone split of reclassified people per step × Z. */
  readonly reclassZones: Float64Array;
  /** Incoming migrants (persons) per step × SA, already multiplied by the age-sex profile. */
  readonly inflow: Float64Array;
  /** Zone split of the incoming migrants who go to towns, per step × Z. */
  readonly inflowZones: Float64Array;
  /** Share of incoming migrants who settle in villages (RN) rather than towns, per step. */
  readonly inflowRural: Float64Array;
  /**
   * Departure hazard of UN by completed years at the start of the year (0 = in the first year after
   * arrival), per step × D.
   */
  readonly departure: Float64Array;
  /** Departure hazard of RN (no duration kept), per step. */
  readonly departureRural: Float64Array;
  /** UH → AWU leaving rate per step × SA. */
  readonly leaveUrban: Float64Array;
  /** RA and UA → AWR leaving rate per step × SA. */
  readonly leaveRural: Float64Array;
  /** AWU → UH return rate per step × SA. */
  readonly returnUrban: Float64Array;
  /** AWR → RA return rate per step × SA. */
  readonly returnRural: Float64Array;

  // ---- 3b. registration flows (registration.ts) ----
  /** College entrants from elsewhere who take a collective registration, persons per step × SA. */
  readonly studentIn: Float64Array;
  /** Σ of {@link studentIn} per step. */
  readonly studentInTotal: Float64Array;
  /** Zone split of student move-ins per step × Z (sums to 1). */
  readonly studentZones: Float64Array;
  /** Graduates who leave with their registration, persons per step × SA (at most the UH there). */
  readonly studentOut: Float64Array;
  readonly studentOutTotal: Float64Array;
  /** Family move-ins (投靠) per registered urban resident (UH) per step, the package's openness applied. */
  readonly familyRate: Float64Array;
  /** Age-sex profile of family move-ins per step × SA (sums to 1 in each step). */
  readonly familyProfile: Float64Array;
  /** Urban registrations transferred from elsewhere, persons per step × SA. */
  readonly transferIn: Float64Array;
  readonly transferInTotal: Float64Array;
  /** Zone split of transfers per step × Z (sums to 1). */
  readonly transferZones: Float64Array;
  /** Other move-ins, persons per step × SA. */
  readonly otherIn: Float64Array;
  readonly otherInTotal: Float64Array;
  /** Share of other move-ins who take a rural registration (RA), per step. */
  readonly otherInRural: Float64Array;
  /** Hazard that a person living away moves the registration out, by completed years away: per step × D. */
  readonly awayOut: Float64Array;
  /** The away hazard of a rural registration (AWR) relative to an urban one (AWU), per step. */
  readonly awayOutRural: Float64Array;
  /** Other move-outs per registered resident (UH, UA, RA) per step. */
  readonly otherOut: Float64Array;
  /** Share of UN holding an urban registration elsewhere, per step (splits their settlers by origin). */
  readonly urbanElsewhereShare: Float64Array;

  // ---- 4. settlement ----
  /** Policy periods; `periodOfStep[k]` says which one step k uses. */
  readonly periods: readonly PolicyPeriod[];
  readonly periodOfStep: Int32Array;
  /**
   * Willingness × speed, already clamped, per step × group × Z × SA:
   * `speed(z,t) · clamp01(base(g,z) · ageProfile(a) · policy factors(t))`.
   */
  readonly settleDrive: Float64Array;
  /** familyFollow per step (dependants' hazard multiplier). */
  readonly familyFollow: Float64Array;
}
