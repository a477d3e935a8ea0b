/**
 * Compiles the scenario's `registration` part (the register's doors besides settlement) into the per-step
 * arrays of {@link ModelInput}. A scenario without the part gets zeros: no such flows.
 */
import { AGES as AGES_, SA as SA_ } from '../model/dims';
import { bandsToVector } from './age-bands';
import { hazardAt, zoneVector } from './compile-parts';
import { valueAt } from './path';
import type { Scenario } from './schema';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const SA = SA_;

/**
 * Age at entry of college entrants (year-end age in the entry year), each sex half. An assumption: China's
 * entrants sit the gaokao at 18, some a year later; the split only places the students in the pyramid.
 */
const ENTRY_AGES: readonly (readonly [number, number])[] = [
  [18, 0.6],
  [19, 0.3],
  [20, 0.1],
];

/** Default mean years away when a scenario gives none (scenarios written before the registration part). */
export const DEFAULT_AWAY_MEAN_YEARS = 5;

export interface CompiledRegistration {
  studentIn: Float64Array;
  studentInTotal: Float64Array;
  studentZones: Float64Array;
  studentOut: Float64Array;
  studentOutTotal: Float64Array;
  familyRate: Float64Array;
  familyProfile: Float64Array;
  transferIn: Float64Array;
  transferInTotal: Float64Array;
  transferZones: Float64Array;
  otherIn: Float64Array;
  otherInTotal: Float64Array;
  otherInRural: Float64Array;
  awayOut: Float64Array;
  awayOutRural: Float64Array;
  otherOut: Float64Array;
  urbanElsewhereShare: Float64Array;
}

/** `m` over the zones, normalised; the fallback split where `m` is empty or all zero. */
function zoneSplit(m: Record<string, number>, zoneIds: readonly string[], fallback: Float64Array): Float64Array {
  const v = zoneVector(m, zoneIds);
  return v.some((x) => x > 0) ? v : fallback.slice();
}

/** Entrants by sex × age at their entry, per person entering. */
function entrantProfile(shiftYears: number): Float64Array {
  const v = new Float64Array(SA);
  for (const [age, share] of ENTRY_AGES) {
    const a = Math.min(AGES - 1, age + shiftYears);
    v[a] += share / 2;
    v[AGES + a] += share / 2;
  }
  return v;
}

const normalised = (v: Float64Array): Float64Array => {
  const t = v.reduce((a, b) => a + b, 0);
  return t > 0 ? v.map((x) => x / t) : v;
};

/**
 * @param inYear the scenario in force in a year (timeline applied)
 * @param migrantProfile incoming migrants' sex × age profile (sums to 1): transfers and other move-ins follow it
 * @param uhZones the base year's zone split of urban residents, for zone maps that are all zero
 */
export function compileRegistration(
  inYear: (y: number) => Scenario,
  years: readonly number[],
  zoneIds: readonly string[],
  D: number,
  migrantProfile: (e: Scenario) => Float64Array,
  uhZones: Float64Array,
): CompiledRegistration {
  const steps = years.length;
  const Z = zoneIds.length;
  const arr = (n: number) => new Float64Array(n);
  const out: CompiledRegistration = {
    studentIn: arr(steps * SA),
    studentInTotal: arr(steps),
    studentZones: arr(steps * Z),
    studentOut: arr(steps * SA),
    studentOutTotal: arr(steps),
    familyRate: arr(steps),
    familyProfile: arr(steps * SA),
    transferIn: arr(steps * SA),
    transferInTotal: arr(steps),
    transferZones: arr(steps * Z),
    otherIn: arr(steps * SA),
    otherInTotal: arr(steps),
    otherInRural: arr(steps),
    awayOut: arr(steps * D),
    awayOutRural: arr(steps),
    otherOut: arr(steps),
    urbanElsewhereShare: arr(steps),
  };
  const entry = entrantProfile(0);
  const profiles = new Map<Scenario['registration'], Float64Array>();
  for (let k = 0; k < steps; k++) {
    const y = years[k];
    const e = inYear(y);
    const r = e.registration;
    if (!r) continue;
    const kSA = k * SA;

    const st = r.student;
    const entrants = valueAt(st.entrantsPerYear, y);
    for (let i = 0; i < SA; i++) out.studentIn[kSA + i] = entrants * entry[i];
    out.studentInTotal[k] = entrants;
    out.studentZones.set(zoneSplit(st.zoneShares, zoneIds, uhZones), k * Z);
    // This year's graduates entered `yearsOfStudy` years ago (before the base year the path's first value holds).
    const cohort = valueAt(st.entrantsPerYear, y - st.yearsOfStudy);
    const leave = cohort * (1 - valueAt(st.stayShare, y));
    const grad = entrantProfile(st.yearsOfStudy);
    for (let i = 0; i < SA; i++) out.studentOut[kSA + i] = leave * grad[i];
    out.studentOutTotal[k] = leave;

    out.familyRate[k] = valueAt(r.family.rate, y) * valueAt(r.family.open, y);
    let prof = profiles.get(r);
    if (!prof) {
      prof = normalised(bandsToVector(r.family.profile).map((x) => Math.max(0, x)));
      profiles.set(r, prof);
    }
    out.familyProfile.set(prof, kSA);

    const mig = migrantProfile(e);
    const transfer = valueAt(r.transfer.personsPerYear, y);
    for (let i = 0; i < SA; i++) out.transferIn[kSA + i] = transfer * mig[i];
    out.transferInTotal[k] = transfer;
    out.transferZones.set(zoneSplit(r.transfer.zoneShares, zoneIds, uhZones), k * Z);

    const other = valueAt(r.other.personsPerYear, y);
    for (let i = 0; i < SA; i++) out.otherIn[kSA + i] = other * mig[i];
    out.otherInTotal[k] = other;
    out.otherInRural[k] = valueAt(r.other.ruralShare, y);

    const a = r.away;
    for (let d = 0; d < D; d++) out.awayOut[k * D + d] = hazardAt(a, d);
    out.awayOutRural[k] = a.ruralRelative ?? 1;
    out.otherOut[k] = valueAt(r.otherOut.rate, y);
    out.urbanElsewhereShare[k] = r.urbanElsewhereShare;
  }
  // Totals are sums of the vectors actually added, so that the ledger matches the stocks to rounding.
  const sums = (v: Float64Array, t: Float64Array) => {
    for (let k = 0; k < steps; k++) {
      let s = 0;
      for (let i = 0; i < SA; i++) s += v[k * SA + i];
      t[k] = s;
    }
  };
  sums(out.studentIn, out.studentInTotal);
  sums(out.transferIn, out.transferInTotal);
  sums(out.otherIn, out.otherInTotal);
  return out;
}
