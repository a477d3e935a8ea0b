/**
 * Quota pools of the settlement step: a zone's own quota, or a city-wide one over its channel in every
 * zone; for a points channel, the demand at each cut-off of its ranking grid and the year's cut-off score
 * (points-rank.ts). settlement.ts runs the demand pass, {@link resolvePool} decides each pool, and the
 * apply pass reads the factors and cut-off levels it leaves in the scratch.
 */
import { AGES as AGES_ } from './dims';
import type { CompiledChannel, PolicyPeriod } from './input';
import {
  ADULT_FROM as ADULT_FROM_,
  DEPENDANT_BELOW as DEPENDANT_BELOW_,
  DEPENDANT_FROM as DEPENDANT_FROM_,
  K1 as K1_,
  type SettlementScratch,
  type SettlementSinks,
} from './settlement-scratch';

// Re-bound locally: some loaders compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const ADULT_FROM = ADULT_FROM_;
const DEPENDANT_BELOW = DEPENDANT_BELOW_;
const DEPENDANT_FROM = DEPENDANT_FROM_;
const K1 = K1_;

/**
 * A ranked channel's would-be settlers of the working ages (18–59) at each cut-off of its grid, added to its
 * demand by level; the adults' (20–59) part kept for the dependants who follow them.
 */
export function demandByLevel(
  ratio: Float64Array,
  shares: Float64Array,
  c: number,
  zcc: number,
  eOff: number,
  sh: number,
  part: Float64Array,
  scr: SettlementScratch,
  cells: number,
): void {
  const at = zcc * K1;
  for (let l = 0; l < K1; l++) {
    const ro = l * cells + eOff;
    let young = 0;
    let grown = 0;
    for (let s = 0; s < 2; s++) {
      const o = s * AGES;
      for (let i = o + DEPENDANT_BELOW; i < o + ADULT_FROM; i++) young += part[i] * shares[sh + i] * ratio[ro + i];
      for (let i = o + ADULT_FROM; i < o + DEPENDANT_FROM; i++) grown += part[i] * shares[sh + i] * ratio[ro + i];
    }
    scr.demandAt[at + l] += young + grown;
    scr.adultsAt[c * K1 + l] = grown;
  }
}

/**
 * The factor by which a channel's dependants follow in this cell: its quota factor; for a ranked channel in
 * the apply pass, the share of its adults admitted here (the pool's admitted share where it has no adults).
 */
export function channelFactor(
  ch: CompiledChannel,
  c: number,
  zcc: number,
  apply: boolean,
  scr: SettlementScratch,
): number {
  if (!apply || !ch.rank || !ch.quota || scr.rankLo[zcc] < 0) return scr.factor[zcc];
  return scr.adults[c] > 0 ? scr.admittedAdults[c] / scr.adults[c] : scr.rankShare[zcc];
}

/** Calls `f` with the zone and channel-in-zone of every member of the pool of channel c of zone z0. */
export function forPool(period: PolicyPeriod, z0: number, c0: number, f: (z: number, c: number) => void): void {
  const pool = period.zones[z0].channels[c0].cityQuota;
  if (pool === undefined) return f(z0, c0);
  period.zones.forEach((zp, z) => zp.channels.forEach((ch, c) => ch.cityQuota === pool && f(z, c)));
}

/** A ranked member's demand at cut-off score `score`: linear between the levels of its own grid. */
export function demandAtScore(ch: CompiledChannel, at: Float64Array, off: number, score: number): number {
  const c = ch.rank!.cutoffs;
  if (score <= c[0]) return at[off];
  if (score >= c[K1 - 1]) return at[off + K1 - 1];
  const x = ((score - c[0]) / (c[K1 - 1] - c[0])) * (K1 - 1);
  const l = Math.min(K1 - 2, Math.floor(x));
  const t = x - l;
  return (1 - t) * at[off + l] + t * at[off + l + 1];
}

/**
 * Decides a quota pool after the demand pass: not binding (everyone eligible is admitted); binding without
 * ranking (one factor, quota ÷ demand); or ranked: the cut-off score at which the pool's demand meets the
 * quota, one score for every member (zones may set different minimums: each member reads the score on its
 * own grid), with a factor on top only if even the best scores ask for more than the quota. Records a
 * ranked pool's cut-off score.
 */
export function resolvePool(
  period: PolicyPeriod,
  z0: number,
  c0: number,
  k: number,
  scr: SettlementScratch,
  sinks: SettlementSinks,
): void {
  const { maxChannels, demand, demandAt, factor, rankLo, rankTheta, rankShare } = scr;
  const q = period.zones[z0].channels[c0].quota![k];
  let lowest = Infinity;
  let highest = -Infinity;
  let recordAt = -1;
  forPool(period, z0, c0, (z, c) => {
    const r = period.zones[z].channels[c].rank;
    if (!r) return;
    lowest = Math.min(lowest, r.cutoffs[0]);
    highest = Math.max(highest, r.cutoffs[K1 - 1]);
    recordAt = period.zones[z].channels[c].cutoffIndex ?? -1;
  });
  const poolDemand = (score: number) => {
    let t = 0;
    forPool(period, z0, c0, (z, c) => {
      const zcc = z * maxChannels + c;
      const ch = period.zones[z].channels[c];
      t += ch.rank ? demandAtScore(ch, demandAt, zcc * K1, score) : demand[zcc];
    });
    return t;
  };
  const ranked = lowest <= highest;
  const atMinimum = poolDemand(ranked ? lowest : 0);
  const record = (score: number) => {
    if (recordAt >= 0) sinks.cutoff[recordAt * sinks.stride + k + 1] = score;
  };
  if (!(atMinimum > q)) return record(ranked ? lowest : NaN);
  if (!ranked) return forPool(period, z0, c0, (z, c) => (factor[z * maxChannels + c] = q / atMinimum));
  let cut = highest;
  let f = 1;
  const atBest = poolDemand(highest);
  if (atBest > q) f = q / atBest;
  else {
    // The demand falls as the cut-off rises: bisect for the lowest score whose demand fits the quota.
    let lo = lowest;
    let hi = highest;
    let dLo = atMinimum;
    let dHi = atBest;
    for (let it = 0; it < 50; it++) {
      const mid = 0.5 * (lo + hi);
      const d = poolDemand(mid);
      if (d > q) [lo, dLo] = [mid, d];
      else [hi, dHi] = [mid, d];
    }
    // The demand is linear within the last bracket (between grid levels): solve it there exactly.
    cut = dLo > dHi ? lo + ((dLo - q) / (dLo - dHi)) * (hi - lo) : hi;
  }
  forPool(period, z0, c0, (z, c) => {
    const zcc = z * maxChannels + c;
    const r = period.zones[z].channels[c].rank;
    factor[zcc] = f;
    rankShare[zcc] = q / atMinimum;
    rankLo[zcc] = -1;
    if (!r) return;
    // The cut-off on this member's grid: the level below it and the position between that level and the next.
    const x = Math.max(0, Math.min(K1 - 1, ((cut - r.cutoffs[0]) / (r.cutoffs[K1 - 1] - r.cutoffs[0])) * (K1 - 1)));
    const l = Math.min(K1 - 2, Math.floor(x));
    rankLo[zcc] = l;
    rankTheta[zcc] = x - l;
  });
  record(cut);
}
