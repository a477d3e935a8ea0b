/**
 * The settlement step's working memory and its sinks (settlement.ts), and the age bands it settles by:
 * shared with the quota pools (settlement-quota.ts).
 */
import { SA as SA_ } from './dims';
import type { ModelInput } from './input';
import { RANK_LEVELS } from './points-rank';

export const ADULT_FROM = 20;
export const ADULT_TO = 59;
export const DEPENDANT_BELOW = 18;
export const DEPENDANT_FROM = 60;
/** Levels of a ranking grid, the minimum included. */
export const K1 = RANK_LEVELS + 1;
const SA = SA_;

/** Scratch space, allocated once per projection. */
export interface SettlementScratch {
  /** Adults' channel mix in the current (z, g, d). */
  readonly mix: Float64Array;
  /** Per channel-in-zone: settlers before quotas in the current (z, g, d). */
  readonly wanted: Float64Array;
  /** Per cell of one SA vector: population × hazard of the working ages. */
  readonly ph: Float64Array;
  /** The same, split (zones with a quota channel): the free part, population × h_free … */
  readonly phFree: Float64Array;
  /** … and the quota part, population × (h − h_free). */
  readonly phQuota: Float64Array;
  /** Per channel-in-zone: the quota factor of a quota channel, 0 for a free one (apply pass). */
  readonly quotaFactor: Float64Array;

  /** Per zone × channel-in-zone: settlers before quotas (demand pass). */
  readonly demand: Float64Array;
  /** Per zone × channel-in-zone: the quota factor (≤ 1) of the apply pass. */
  readonly factor: Float64Array;
  /** Per zone × channel-in-zone × grid level: a ranked channel's demand at each cut-off (demand pass). */
  readonly demandAt: Float64Array;
  /**
   * Per zone × channel-in-zone: the grid level below the year's cut-off (−1: the quota does not bind, or
   * the channel is not ranked) and the position θ of the cut-off between it and the next level.
   */
  readonly rankLo: Int32Array;
  readonly rankTheta: Float64Array;
  /** Per zone × channel-in-zone: the share of a ranked pool's demand it admits (quota ÷ demand), or 1. */
  readonly rankShare: Float64Array;
  /** Per channel-in-zone × grid level: the adults' (20–59) would-be settlers at each cut-off, one pass. */
  readonly adultsAt: Float64Array;
  /** Per channel-in-zone, one pass: adults (20–59) before quotas, and working-age and adult settlers admitted. */
  readonly adults: Float64Array;
  readonly admittedWorking: Float64Array;
  readonly admittedAdults: Float64Array;
  /** Per city-wide quota: resolved in this step already. */
  readonly poolDone: Uint8Array;
  readonly maxChannels: number;
}

export function makeSettlementScratch(input: ModelInput): SettlementScratch {
  let maxChannels = 1;
  for (const p of input.periods) for (const zp of p.zones) maxChannels = Math.max(maxChannels, zp.channels.length);
  const Z = input.dims.zones;
  return {
    mix: new Float64Array(maxChannels),
    wanted: new Float64Array(maxChannels),
    ph: new Float64Array(SA),
    phFree: new Float64Array(SA),
    phQuota: new Float64Array(SA),
    quotaFactor: new Float64Array(maxChannels),
    demand: new Float64Array(Z * maxChannels),
    factor: new Float64Array(Z * maxChannels),
    demandAt: new Float64Array(Z * maxChannels * K1),
    rankLo: new Int32Array(Z * maxChannels),
    rankTheta: new Float64Array(Z * maxChannels),
    rankShare: new Float64Array(Z * maxChannels),
    adultsAt: new Float64Array(maxChannels * K1),
    adults: new Float64Array(maxChannels),
    admittedWorking: new Float64Array(maxChannels),
    admittedAdults: new Float64Array(maxChannels),
    poolDone: new Uint8Array(input.cityQuotas?.length ?? 0),
    maxChannels,
  };
}

/** Where {@link settle} accumulates its results for step k (index k + 1 of the output series). */
export interface SettlementSinks {
  readonly byChannel: Float64Array;
  readonly demandByChannel: Float64Array;
  /** The cut-off score of each ranked pool (ProjectionOutput.quotaCutoff). */
  readonly cutoff: Float64Array;
  readonly byOrigin: Float64Array;
  readonly byZone: Float64Array;
  readonly byZoneGroup: Float64Array;
  /** Settlers by year, zone and cell (layout of ProjectionOutput.settlersAge). */
  readonly byAge: Float64Array;
  /** Settlers from UN by year and cell (layout of ProjectionOutput.settlersAgeUN). */
  readonly byAgeUN: Float64Array;
  readonly ledger: Float64Array;
  /** steps + 1: the stride of the series above. */
  readonly stride: number;
}
