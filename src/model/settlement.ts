/**
 * Step part 4: settlement (落户) of UA and UN into UH, zone by zone.
 *
 * For a cell (group g, duration d, sex s, age a) of zone z the hazard is
 * `h = min(1, speed · willing · eligible)`, with `eligible` the zone's
 * channels combined (MODEL.md §4, precomputed per policy period). Children
 * under 18 and people 60+ follow the adults: they use the population-weighted
 * mean hazard of ages 20–59 of the same zone, group and duration, times
 * familyFollow, and the adults' channel mix and quota factors.
 *
 * Quotas: where a zone has channels with an annual quota, a cell's hazard
 * splits into a free part, `h_free = min(1, speed · willing · eligibleFree)`
 * (what the channels without a quota admit on their own), and a quota part,
 * `h − h_free` (those only a quota channel admits). The free part is
 * attributed to the free channels in proportion to p_c, the quota part to the
 * quota channels in proportion to p_c; a binding quota scales only its
 * channel's share of the quota part, by the factor quota / demand, the demand
 * counted in a first pass over the same quota parts (dependants included,
 * unless the quota counts applicants only). Without quotas settlers are
 * attributed to all channels in proportion to p_c.
 *
 * Ranking: a points channel under a quota admits the highest scores first.
 * Its binding quota scales each cell by the cell's own share of applicants
 * whose score reaches the year's cut-off (points-rank.ts), the cut-off found
 * from the demand at each level of the score grid. A city-wide quota pools
 * the demand of its channel in every zone: one cut-off for the city.
 */
import { AGES as AGES_, GROUPS as GROUPS_, SA as SA_, type Layout } from './dims';
import type { CompiledChannel, ModelInput, PolicyPeriod, ZonePolicy } from './input';
import { RANK_LEVELS } from './points-rank';
import {
  addToLedger,
  F_TRANSFER_IN as F_TRANSFER_IN_,
  F_TRANSFER_OUT as F_TRANSFER_OUT_,
  ST_UA as ST_UA_,
  ST_UH as ST_UH_,
  ST_UN as ST_UN_,
} from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const GROUPS = GROUPS_;
const SA = SA_;
const F_TRANSFER_IN = F_TRANSFER_IN_;
const F_TRANSFER_OUT = F_TRANSFER_OUT_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;
const ST_UN = ST_UN_;

const ADULT_FROM = 20;
const ADULT_TO = 59;
const DEPENDANT_BELOW = 18;
const DEPENDANT_FROM = 60;
const K1 = RANK_LEVELS + 1;

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

/**
 * One pass over zone z, group g, duration d. It computes each channel's
 * would-be settlers (`scr.wanted`); in the demand pass it adds them to
 * `scr.demand`, in the apply pass it moves people with the quota factors in
 * `scr.factor` and records them. Returns the persons moved (0 in the demand
 * pass). Working ages (18–59) are settled first, in one sweep that also sums
 * the channels; the dependants follow in a second sweep with the adults'
 * mean hazard and channel mix. In a zone with quota channels each channel's
 * would-be settlers are its part of the free or the quota part of the hazard.
 */
function passCell(
  input: ModelInput,
  L: Layout,
  k: number,
  next: Float64Array,
  zp: ZonePolicy,
  z: number,
  g: number,
  d: number,
  apply: boolean,
  scr: SettlementScratch,
  sinks: SettlementSinks,
): number {
  const { zones: Z, durations: D } = L.dims;
  const chans = zp.channels;
  const nC = chans.length;
  const cells = 2 * D * SA;
  const { eligible, eligibleFree: free, shares } = zp;
  const drive = input.settleDrive;
  const cellOff = g === 0 ? L.ua(z, d) : L.un(z, d);
  const uhOff = L.uh(z);
  const eOff = (g * D + d) * SA;
  const driveOff = ((k * GROUPS + g) * Z + z) * SA;
  const { mix, demand, factor, maxChannels, wanted, ph, phFree, phQuota, quotaFactor } = scr;
  const { rankLo, rankTheta, demandAt, adultsAt, adults, admittedWorking, admittedAdults } = scr;
  const zc = z * maxChannels;
  // Settlers by age go to the zone's record, and those registered elsewhere also to the UN record.
  const ages = sinks.byAge;
  const ageOff = ((k + 1) * Z + z) * SA;
  const agesUN = g === 1 ? sinks.byAgeUN : null;
  const unOff = (k + 1) * SA;
  // Only quota channels have factors below 1 or a cut-off, so a binding quota implies `free`.
  let binding = false;
  let ranked = false;
  if (free)
    for (let c = 0; c < nC; c++) {
      if (chans[c].rank && chans[c].quota) ranked = true;
      if (!apply) continue;
      quotaFactor[c] = chans[c].quota ? factor[zc + c] : 0;
      if (factor[zc + c] < 1 || rankLo[zc + c] >= 0) binding = true;
    }

  // Working ages: population × own hazard into `ph`, and the adults' (20–59) totals for the dependants.
  let pop = 0;
  let popH = 0;
  let plainH = 0;
  for (let s = 0; s < 2; s++) {
    const o = s * AGES;
    for (let a = DEPENDANT_BELOW; a < DEPENDANT_FROM; a++) {
      const i = o + a;
      const dr = drive[driveOff + i];
      const h = Math.min(1, dr * eligible[eOff + i]);
      const p = next[cellOff + i];
      const x = p * h;
      ph[i] = x;
      if (free) {
        // eligibleFree ≤ eligible, and rounding is monotone: the quota part is ≥ 0.
        const xFree = p * Math.min(1, dr * free[eOff + i]);
        phFree[i] = xFree;
        phQuota[i] = x - xFree;
      }
      if (a >= ADULT_FROM) {
        pop += p;
        popH += p * h;
        plainH += h;
      }
    }
  }
  // Per channel, as dot products: settlers aged 18–59, of whom those 20–59 make the adults' mix.
  for (let c = 0; c < nC; c++) {
    const sh = c * cells + eOff;
    const part = free ? (chans[c].quota ? phQuota : phFree) : ph;
    let young = 0;
    let grown = 0;
    for (let s = 0; s < 2; s++) {
      const o = s * AGES;
      for (let i = o + DEPENDANT_BELOW; i < o + ADULT_FROM; i++) young += part[i] * shares[sh + i];
      for (let i = o + ADULT_FROM; i < o + DEPENDANT_FROM; i++) grown += part[i] * shares[sh + i];
    }
    wanted[c] = young + grown;
    mix[c] = grown;
    adults[c] = grown;
    if (!apply && ranked && chans[c].rank && chans[c].quota)
      demandByLevel(chans[c].rank!.ratio, shares, c, zc + c, eOff, sh, part, scr, cells);
  }
  let moved = 0;
  if (apply) {
    if (ranked) {
      admittedWorking.fill(0, 0, nC);
      admittedAdults.fill(0, 0, nC);
    }
    for (let s = 0; s < 2; s++) {
      const o = s * AGES;
      for (let i = o + DEPENDANT_BELOW; i < o + DEPENDANT_FROM; i++) {
        let x = ph[i];
        if (x === 0) continue;
        if (binding) {
          // The free part settles whole; a binding quota scales its channel's share of the quota part, by
          // one factor, or cell by cell by the share reaching the cut-off where the channel ranks by score.
          let f = 0;
          for (let c = 0; c < nC; c++) {
            const share = shares[c * cells + eOff + i];
            if (share === 0 || quotaFactor[c] === 0) continue;
            const lo = rankLo[zc + c];
            let fc = quotaFactor[c];
            if (lo >= 0) {
              const r = chans[c].rank!.ratio;
              const t = rankTheta[zc + c];
              fc *= (1 - t) * r[lo * cells + eOff + i] + t * r[(lo + 1) * cells + eOff + i];
            }
            f += share * fc;
            if (ranked && chans[c].rank) {
              const admitted = phQuota[i] * share * fc;
              admittedWorking[c] += admitted;
              if (i - o >= ADULT_FROM) admittedAdults[c] += admitted;
            }
          }
          x = phFree[i] + phQuota[i] * f;
        } else if (ranked)
          for (let c = 0; c < nC; c++)
            if (chans[c].rank && chans[c].quota) {
              const admitted = phQuota[i] * shares[c * cells + eOff + i];
              admittedWorking[c] += admitted;
              if (i - o >= ADULT_FROM) admittedAdults[c] += admitted;
            }
        next[cellOff + i] -= x;
        next[uhOff + i] += x;
        ages[ageOff + i] += x;
        if (agesUN) agesUN[unOff + i] += x;
        moved += x;
      }
    }
  }
  const meanH = pop > 0 ? popH / pop : plainH / (2 * (ADULT_TO - ADULT_FROM + 1));
  const hDep = Math.min(1, meanH * input.familyFollow[k]);

  // The adults' channel mix; with no adults in the cell, the channels' hazards alone.
  let mixSum = 0;
  for (let c = 0; c < nC; c++) mixSum += mix[c];
  if (mixSum === 0 && pop === 0 && plainH > 0) {
    for (let c = 0; c < nC; c++) {
      const sh = c * cells + eOff;
      const quotaPart = chans[c].quota !== null;
      let m = 0;
      for (let s = 0; s < 2; s++)
        for (let i = s * AGES + ADULT_FROM; i <= s * AGES + ADULT_TO; i++) {
          const dr = drive[driveOff + i];
          let h = Math.min(1, dr * eligible[eOff + i]);
          if (free) {
            const hFree = Math.min(1, dr * free[eOff + i]);
            h = quotaPart ? Math.max(0, h - hFree) : hFree;
          }
          m += h * shares[sh + i];
        }
      mix[c] = m;
      mixSum += m;
    }
  }
  // Dependants: hDep, attributed by the mix; with no channel to follow, they stay. They follow their
  // channel's adults as admitted: by its quota factor, or by the share of its adults who made the cut-off.
  let depFactor = 0;
  for (let c = 0; c < nC; c++) {
    mix[c] = mixSum > 0 ? mix[c] / mixSum : 0;
    depFactor += mix[c] * channelFactor(chans[c], c, zc + c, apply, scr);
  }
  const depH = mixSum > 0 ? hDep : 0;
  let depPH = 0;
  if (depH > 0) {
    const xh = depH * (apply ? depFactor : 1);
    for (let s = 0; s < 2; s++) {
      const o = s * AGES;
      for (let a = 0; a < AGES; a++) {
        if (a === DEPENDANT_BELOW) a = DEPENDANT_FROM; // skip the working ages
        const i = o + a;
        const p = next[cellOff + i];
        depPH += p * depH;
        if (apply) {
          const x = p * xh;
          next[cellOff + i] = p - x;
          next[uhOff + i] += x;
          ages[ageOff + i] += x;
          if (agesUN) agesUN[unOff + i] += x;
          moved += x;
        }
      }
    }
  }
  for (let c = 0; c < nC; c++) wanted[c] += depPH * mix[c];
  if (!apply) {
    for (let c = 0; c < nC; c++) {
      // A quota of applicants only leaves out the dependants who follow them.
      const counted = !chans[c].quotaApplicantsOnly;
      demand[zc + c] += wanted[c] - (counted ? 0 : depPH * mix[c]);
      if (counted && depPH > 0 && ranked && chans[c].rank && chans[c].quota) {
        // The dependants counted in the quota follow the adults who reach each cut-off.
        const at = (zc + c) * K1;
        const dep = depPH * mix[c];
        for (let l = 0; l < K1; l++) demandAt[at + l] += adults[c] > 0 ? (dep * adultsAt[c * K1 + l]) / adults[c] : dep;
      }
    }
    return 0;
  }
  const stride = sinks.stride;
  const i1 = k + 1;
  for (let c = 0; c < nC; c++) {
    const ci = chans[c].channelIndex;
    const admitted =
      ranked && chans[c].rank && chans[c].quota
        ? admittedWorking[c] + depPH * mix[c] * channelFactor(chans[c], c, zc + c, true, scr)
        : wanted[c] * factor[zc + c];
    sinks.byChannel[ci * stride + i1] += admitted;
    sinks.demandByChannel[ci * stride + i1] += wanted[c];
  }
  return moved;
}

/**
 * A ranked channel's would-be settlers of the working ages (18–59) at each cut-off of its grid, added to its
 * demand by level; the adults' (20–59) part kept for the dependants who follow them.
 */
function demandByLevel(
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
function channelFactor(ch: CompiledChannel, c: number, zcc: number, apply: boolean, scr: SettlementScratch): number {
  if (!apply || !ch.rank || !ch.quota || scr.rankLo[zcc] < 0) return scr.factor[zcc];
  return scr.adults[c] > 0 ? scr.admittedAdults[c] / scr.adults[c] : scr.rankShare[zcc];
}

/** Calls `f` with the zone and channel-in-zone of every member of the pool of channel c of zone z0. */
function forPool(period: PolicyPeriod, z0: number, c0: number, f: (z: number, c: number) => void): void {
  const pool = period.zones[z0].channels[c0].cityQuota;
  if (pool === undefined) return f(z0, c0);
  period.zones.forEach((zp, z) => zp.channels.forEach((ch, c) => ch.cityQuota === pool && f(z, c)));
}

/** A ranked member's demand at cut-off score `score`: linear between the levels of its own grid. */
function demandAtScore(ch: CompiledChannel, at: Float64Array, off: number, score: number): number {
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
function resolvePool(
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

/** Moves this step's settlers from UA and UN into UH; returns the total. */
export function settle(
  input: ModelInput,
  L: Layout,
  k: number,
  next: Float64Array,
  scr: SettlementScratch,
  sinks: SettlementSinks,
): number {
  const { zones: Z, durations: D } = L.dims;
  const period = input.periods[input.periodOfStep[k]];
  const { demand, factor, maxChannels } = scr;
  let hasQuota = false;
  for (let z = 0; z < Z; z++) {
    const chans = period.zones[z].channels;
    for (let c = 0; c < chans.length; c++) {
      demand[z * maxChannels + c] = 0;
      factor[z * maxChannels + c] = 1;
      if (chans[c].quota) hasQuota = true;
    }
  }
  if (hasQuota) {
    for (let z = 0; z < Z; z++) {
      const zp = period.zones[z];
      for (let c = 0; c < zp.channels.length; c++) {
        scr.rankLo[z * maxChannels + c] = -1;
        scr.rankShare[z * maxChannels + c] = 1;
        if (zp.channels[c].rank) scr.demandAt.fill(0, (z * maxChannels + c) * K1, (z * maxChannels + c + 1) * K1);
      }
      if (zp.channels.length === 0) continue;
      for (let g = 0; g < GROUPS; g++)
        for (let d = 0; d < D; d++) passCell(input, L, k, next, zp, z, g, d, false, scr, sinks);
    }
    // Each quota pool once: a zone's own quota, or a city-wide quota over its channel in every zone.
    scr.poolDone.fill(0);
    for (let z = 0; z < Z; z++) {
      const chans = period.zones[z].channels;
      for (let c = 0; c < chans.length; c++) {
        const ch = chans[c];
        if (!ch.quota) continue;
        if (ch.cityQuota !== undefined) {
          if (scr.poolDone[ch.cityQuota]) continue;
          scr.poolDone[ch.cityQuota] = 1;
        }
        resolvePool(period, z, c, k, scr, sinks);
      }
    }
  }
  let total = 0;
  const stride = sinks.stride;
  for (let z = 0; z < Z; z++) {
    const zp = period.zones[z];
    if (zp.channels.length === 0) continue;
    for (let g = 0; g < GROUPS; g++) {
      let moved = 0;
      for (let d = 0; d < D; d++) moved += passCell(input, L, k, next, zp, z, g, d, true, scr, sinks);
      sinks.byOrigin[g * stride + k + 1] += moved;
      sinks.byZone[z * stride + k + 1] += moved;
      sinks.byZoneGroup[(z * 2 + g) * stride + k + 1] += moved;
      addToLedger(sinks.ledger, k, g === 0 ? ST_UA : ST_UN, F_TRANSFER_OUT, moved);
      addToLedger(sinks.ledger, k, ST_UH, F_TRANSFER_IN, moved);
      total += moved;
    }
  }
  return total;
}
