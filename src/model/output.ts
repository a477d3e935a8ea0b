/**
 * What one projection returns: typed arrays only, so that a worker can hand
 * them back as transferred buffers.
 *
 * Every series has length `steps + 1`; index i is the year `baseYear + i`.
 * Stocks are year-end values; flows at index 0 (the base year) are NaN,
 * because the model does not know the base year's flows.
 */
import type { Dims } from './dims';

/** States as rows of the accounting ledger and of the pyramid. */
export const ST_UH = 0;
export const ST_UA = 1;
export const ST_UN = 2;
export const ST_RA = 3;
export const ST_AWU = 4;
export const ST_AWR = 5;
/** Rural residents registered elsewhere (see dims.ts). */
export const ST_RN = 6;
export const STATES = 7;
export const STATE_NAMES = ['UH', 'UA', 'UN', 'RA', 'AWU', 'AWR', 'RN'] as const;

/** Columns of the ledger: flows of one state in one step. */
export const F_BIRTHS = 0;
export const F_DEATHS = 1;
/** Transfers from another state of this city (settlement, rural → urban, away, return, reclassification). */
export const F_TRANSFER_IN = 2;
export const F_TRANSFER_OUT = 3;
/** Flows across the city's boundary (incoming migrants, departures of migrants). */
export const F_EXTERNAL_IN = 4;
export const F_EXTERNAL_OUT = 5;
export const FIELDS = 6;

/** Names of the scalar series, in the order of {@link ProjectionOutput.series}. */
export const SERIES = [
  'residentPop',
  'urbanResidentPop',
  'residentUrbanRate',
  'hukouPop',
  'urbanHukouPop',
  'hukouUrbanRate',
  'gapPoints',
  'nonRegisteredUrban',
  'births',
  'deaths',
  'residentInflow',
  'residentOutflow',
  'settlers',
  'ruralToUrban',
  'reclassified',
  'incomingMigrants',
  'departures',
  'leftForAway',
  'returned',
  'awayBirths',
  'awayDeaths',
  'registrationIn',
  'registrationOut',
  'hukouBirths',
  'hukouDeaths',
  'stockUH',
  'stockUA',
  'stockUN',
  'stockRA',
  'stockAWU',
  'stockAWR',
  'stockRN',
] as const;
export type SeriesName = (typeof SERIES)[number];

/** The series that are flows of a year (unknown, NaN, for the base year); the rest are year-end stocks and rates. */
export const FLOW_SERIES: readonly SeriesName[] = [
  'births',
  'deaths',
  'residentInflow',
  'residentOutflow',
  'settlers',
  'ruralToUrban',
  'reclassified',
  'incomingMigrants',
  'departures',
  'leftForAway',
  'returned',
  'awayBirths',
  'awayDeaths',
  'registrationIn',
  'registrationOut',
  'hukouBirths',
  'hukouDeaths',
];

export interface ProjectionOutput {
  readonly dims: Dims;
  readonly baseYear: number;
  readonly steps: number;
  readonly zoneIds: readonly string[];
  readonly channelIds: readonly string[];
  /** Scalar series, keyed by name; each of length steps + 1. */
  readonly series: Record<SeriesName, Float64Array>;
  /** Settlers per channel id: index `c * (steps+1) + i`. */
  readonly settlersByChannel: Float64Array;
  /** Settlers each channel would have admitted without its quota, same layout. */
  readonly channelDemand: Float64Array;
  /** Keys of {@link quotaCutoff}: see ModelInput.cutoffKeys. */
  readonly cutoffKeys: readonly string[];
  /**
   * The year's cut-off score of each ranked quota pool (the document's minimum where the quota does not
   * bind): index `p * (steps+1) + i`, NaN in the base year and in years the pool has no quota.
   */
  readonly quotaCutoff: Float64Array;
  /** Settlers by origin, [local rural (UA), elsewhere (UN)]: index `g * (steps+1) + i`. */
  readonly settlersByOrigin: Float64Array;
  /**
   * Settlers by origin in detail, [local rural (UA), rural elsewhere, urban elsewhere] (the last two split UN by
   * the share holding an urban registration elsewhere): index `o * (steps+1) + i`.
   */
  readonly settlersByOriginDetail: Float64Array;
  /** Registration move-ins by reason (registration.ts IN_REASONS): index `r * (steps+1) + i`. */
  readonly registrationInByReason: Float64Array;
  /** Registration move-outs by reason (registration.ts OUT_REASONS): index `r * (steps+1) + i`. */
  readonly registrationOutByReason: Float64Array;
  /** Settlers by zone: index `z * (steps+1) + i`. */
  readonly settlersByZone: Float64Array;
  /** Settlers by zone and origin group (0 UA, 1 UN): index `(z * 2 + g) * (steps+1) + i`. */
  readonly settlersByZoneGroup: Float64Array;
  /** Settlers of each year by zone, sex and age (age at the year's end): index `(i * Z + z) * SA + s * AGES + a`. */
  readonly settlersAge: Float64Array;
  /** Settlers of each year who were registered elsewhere (UN), by sex and age: index `i * SA + s * AGES + a`. */
  readonly settlersAgeUN: Float64Array;
  /** Non-registered urban residents (UA + UN) at each year-end by zone, sex and age, same layout. */
  readonly nonRegisteredAge: Float64Array;
  /** Year-end stocks by zone, `z * (steps+1) + i`, for UH, UA and UN. */
  readonly zoneUH: Float64Array;
  readonly zoneUA: Float64Array;
  readonly zoneUN: Float64Array;
  /**
   * Age-sex structure by state at every year-end: index
   * `(i * STATES + state) * SA + s * AGES + a`.
   */
  readonly pyramid: Float64Array;
  /** Accounting ledger per step: index `(k * STATES + state) * FIELDS + field`. */
  readonly ledger: Float64Array;
}

/** Adds `x` to one cell of the ledger. */
export function addToLedger(ledger: Float64Array, k: number, state: number, field: number, x: number): void {
  ledger[(k * STATES + state) * FIELDS + field] += x;
}
