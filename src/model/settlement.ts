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
import type { ModelInput, ZonePolicy } from './input';
import { channelFactor, demandByLevel, resolvePool } from './settlement-quota';
import {
  ADULT_FROM as ADULT_FROM_,
  ADULT_TO as ADULT_TO_,
  DEPENDANT_BELOW as DEPENDANT_BELOW_,
  DEPENDANT_FROM as DEPENDANT_FROM_,
  K1 as K1_,
  type SettlementScratch,
  type SettlementSinks,
} from './settlement-scratch';
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
const ADULT_FROM = ADULT_FROM_;
const ADULT_TO = ADULT_TO_;
const DEPENDANT_BELOW = DEPENDANT_BELOW_;
const DEPENDANT_FROM = DEPENDANT_FROM_;
const K1 = K1_;
const GROUPS = GROUPS_;
const SA = SA_;
const F_TRANSFER_IN = F_TRANSFER_IN_;
const F_TRANSFER_OUT = F_TRANSFER_OUT_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;
const ST_UN = ST_UN_;

export { makeSettlementScratch, type SettlementScratch, type SettlementSinks } from './settlement-scratch';

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
  // Where no quota binds and none ranks, each settles as computed: moved here, in the same sweep.
  const direct = apply && !binding && !ranked;
  let moved = 0;
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
      if (direct && x !== 0) {
        next[cellOff + i] = p - x;
        next[uhOff + i] += x;
        ages[ageOff + i] += x;
        if (agesUN) agesUN[unOff + i] += x;
        moved += x;
      }
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
  if (apply && !direct) {
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
