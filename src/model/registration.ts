/**
 * Step part 3b: the register's own doors besides policy settlement (MODEL.md §3, "Registration flows").
 *
 * Move-ins: `student` (college entrants from elsewhere who take a collective registration), `family`
 * (投靠: relatives of registered urban residents, a rate on UH), `transfer` (urban registrations from
 * elsewhere: job transfers, talent), `other` (to an urban or a rural registration: a rural register grows
 * by marriage into villages, for instance). Everyone moving in lives here from then on (UH, or RA).
 * Move-outs: `away` (registered people living away move their registration where they live, at a hazard by
 * completed years away), `student` (graduates who leave), `other` (registered residents who leave with
 * their registration: enlistment, emigration, moves for work).
 *
 * Settlement of people registered elsewhere (UN → UH) is the fifth door in; it is counted by `settle`.
 * Like migration, every rate acts on the stocks as they stand when this part starts.
 */
import { SA as SA_, uhZoneShares, type Layout } from './dims';
import type { ModelInput } from './input';
import {
  addToLedger,
  F_EXTERNAL_IN as F_EXTERNAL_IN_,
  F_EXTERNAL_OUT as F_EXTERNAL_OUT_,
  ST_AWR as ST_AWR_,
  ST_AWU as ST_AWU_,
  ST_RA as ST_RA_,
  ST_UA as ST_UA_,
  ST_UH as ST_UH_,
} from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const SA = SA_;
const F_EXTERNAL_IN = F_EXTERNAL_IN_;
const F_EXTERNAL_OUT = F_EXTERNAL_OUT_;
const ST_AWR = ST_AWR_;
const ST_AWU = ST_AWU_;
const ST_RA = ST_RA_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;

/** Reasons of move-ins, in the order of {@link RegistrationTotals.in} and of the output. */
export const IN_REASONS = ['settlement', 'student', 'family', 'transfer', 'other'] as const;
/** Reasons of move-outs, in the order of {@link RegistrationTotals.out} and of the output. */
export const OUT_REASONS = ['away', 'student', 'other'] as const;
export const IN_STUDENT = 1;
export const IN_FAMILY = 2;
export const IN_TRANSFER = 3;
export const IN_OTHER = 4;
export const OUT_AWAY = 0;
export const OUT_STUDENT = 1;
export const OUT_OTHER = 2;

/** Persons through each door in one step (settlement is filled in by the caller). */
export interface RegistrationTotals {
  readonly in: Float64Array;
  readonly out: Float64Array;
  /** Of the move-ins and move-outs, those who also enter or leave the resident population. */
  residentIn: number;
  residentOut: number;
}

export function makeRegistrationTotals(): RegistrationTotals {
  return {
    in: new Float64Array(IN_REASONS.length),
    out: new Float64Array(OUT_REASONS.length),
    residentIn: 0,
    residentOut: 0,
  };
}

/** Scratch of one projection: the zone split of UH. */
export interface RegistrationScratch {
  readonly uhShare: Float64Array;
}

export function makeRegistrationScratch(zones: number): RegistrationScratch {
  return { uhShare: new Float64Array(zones) };
}

/** Whether any registration flow is switched on in step k (a scenario without them skips the part). */
function active(input: ModelInput, k: number, D: number): boolean {
  for (let d = 0; d < D; d++) if (input.awayOut[k * D + d] > 0) return true;
  return (
    input.studentInTotal[k] > 0 ||
    input.studentOutTotal[k] > 0 ||
    input.familyRate[k] > 0 ||
    input.transferInTotal[k] > 0 ||
    input.otherInTotal[k] > 0 ||
    input.otherOut[k] > 0
  );
}

export function registrationFlows(
  input: ModelInput,
  L: Layout,
  k: number,
  next: Float64Array,
  ledger: Float64Array,
  scratch: RegistrationScratch,
  totals: RegistrationTotals,
): void {
  totals.in.fill(0);
  totals.out.fill(0);
  totals.residentIn = 0;
  totals.residentOut = 0;
  const { zones: Z, durations: D } = L.dims;
  if (!active(input, k, D)) return;
  const kSA = k * SA;
  const { uhShare } = scratch;

  // Stocks as they stand: UH by zone (the split of arrivals who join registered households).
  const uhTotal = uhZoneShares(L, next, uhShare);

  // ---- move-outs, first, on the stocks as they stand ----
  // Away: the hazard by completed years away (after ageing, bin d held bin d−1 a year ago); a rural
  // registration at its relative hazard.
  let away = 0;
  let awayU = 0;
  const rel = input.awayOutRural[k];
  for (let d = 0; d < D; d++) {
    const h = input.awayOut[k * D + Math.max(d - 1, 0)];
    if (h === 0) continue;
    const hr = h * rel;
    const ou = L.awu(d);
    const or = L.awr(d);
    for (let i = 0; i < SA; i++) {
      const u = next[ou + i] * h;
      const r = next[or + i] * hr;
      next[ou + i] -= u;
      next[or + i] -= r;
      awayU += u;
      away += u + r;
    }
  }
  addToLedger(ledger, k, ST_AWU, F_EXTERNAL_OUT, awayU);
  addToLedger(ledger, k, ST_AWR, F_EXTERNAL_OUT, away - awayU);
  totals.out[OUT_AWAY] = away;

  // Other: registered residents leaving with their registration, at one rate.
  const ro = input.otherOut[k];
  let otherUH = 0;
  let otherUA = 0;
  let otherRA = 0;
  if (ro > 0) {
    for (let z = 0; z < Z; z++) {
      const o = L.uh(z);
      for (let i = 0; i < SA; i++) {
        const x = next[o + i] * ro;
        next[o + i] -= x;
        otherUH += x;
      }
      for (let d = 0; d < D; d++) {
        const o2 = L.ua(z, d);
        for (let i = 0; i < SA; i++) {
          const x = next[o2 + i] * ro;
          next[o2 + i] -= x;
          otherUA += x;
        }
      }
    }
    for (let i = 0; i < SA; i++) {
      const x = next[L.ra + i] * ro;
      next[L.ra + i] -= x;
      otherRA += x;
    }
  }

  // Students: graduates leave from UH at their ages, at most what is there, from the zones in proportion.
  let students = 0;
  if (input.studentOutTotal[k] > 0) {
    for (let i = 0; i < SA; i++) {
      const want = input.studentOut[kSA + i];
      if (want === 0) continue;
      let have = 0;
      for (let z = 0; z < Z; z++) have += next[L.uh(z) + i];
      if (have <= 0) continue;
      const f = Math.min(1, want / have);
      for (let z = 0; z < Z; z++) {
        const o = L.uh(z) + i;
        const x = next[o] * f;
        next[o] -= x;
        students += x;
      }
    }
  }
  addToLedger(ledger, k, ST_UH, F_EXTERNAL_OUT, otherUH + students);
  addToLedger(ledger, k, ST_UA, F_EXTERNAL_OUT, otherUA);
  addToLedger(ledger, k, ST_RA, F_EXTERNAL_OUT, otherRA);
  totals.out[OUT_STUDENT] = students;
  totals.out[OUT_OTHER] = otherUH + otherUA + otherRA;

  // ---- move-ins ----
  let intoUH = 0;
  // Students to the zones of their colleges.
  if (input.studentInTotal[k] > 0) {
    for (let z = 0; z < Z; z++) {
      const sh = input.studentZones[k * Z + z];
      if (sh === 0) continue;
      const o = L.uh(z);
      for (let i = 0; i < SA; i++) next[o + i] += input.studentIn[kSA + i] * sh;
    }
    totals.in[IN_STUDENT] = input.studentInTotal[k];
    intoUH += input.studentInTotal[k];
  }
  // Family: relatives join registered urban households, so they follow UH's zones.
  const family = input.familyRate[k] * uhTotal;
  if (family > 0) {
    const fOff = k * SA;
    for (let z = 0; z < Z; z++) {
      const o = L.uh(z);
      const sh = family * uhShare[z];
      for (let i = 0; i < SA; i++) next[o + i] += input.familyProfile[fOff + i] * sh;
    }
    totals.in[IN_FAMILY] = family;
    intoUH += family;
  }
  if (input.transferInTotal[k] > 0) {
    for (let z = 0; z < Z; z++) {
      const sh = input.transferZones[k * Z + z];
      if (sh === 0) continue;
      const o = L.uh(z);
      for (let i = 0; i < SA; i++) next[o + i] += input.transferIn[kSA + i] * sh;
    }
    totals.in[IN_TRANSFER] = input.transferInTotal[k];
    intoUH += input.transferInTotal[k];
  }
  let intoRA = 0;
  if (input.otherInTotal[k] > 0) {
    const rural = input.otherInRural[k];
    for (let i = 0; i < SA; i++) next[L.ra + i] += input.otherIn[kSA + i] * rural;
    for (let z = 0; z < Z; z++) {
      const o = L.uh(z);
      const sh = (1 - rural) * uhShare[z];
      for (let i = 0; i < SA; i++) next[o + i] += input.otherIn[kSA + i] * sh;
    }
    intoRA = input.otherInTotal[k] * rural;
    intoUH += input.otherInTotal[k] * (1 - rural);
    totals.in[IN_OTHER] = input.otherInTotal[k];
  }
  addToLedger(ledger, k, ST_UH, F_EXTERNAL_IN, intoUH);
  addToLedger(ledger, k, ST_RA, F_EXTERNAL_IN, intoRA);
  totals.residentIn = intoUH + intoRA;
  totals.residentOut = otherUH + otherUA + otherRA + students;
}
