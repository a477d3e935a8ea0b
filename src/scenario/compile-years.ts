/**
 * The year-by-year inputs of the model (compile.ts): for each step, the demography (survival, births), the
 * migration flows and the settlement drive (willingness × speed) of the scenario in force that year.
 */
import { AGES as AGES_, GROUPS as GROUPS_, SA as SA_ } from '../model/dims';
import {
  FERT_AW as FERT_AW_,
  FERT_CLASSES as FERT_CLASSES_,
  FERT_RA as FERT_RA_,
  FERT_UA as FERT_UA_,
  FERT_UH as FERT_UH_,
  FERT_UN as FERT_UN_,
  SURV_CLASSES as SURV_CLASSES_,
} from '../model/input';
import { lifeTable, survivalRatios } from '../model/life-table';
import { hazardAt } from './compile-parts';
import { valueAt } from './path';
import type { Scenario } from './schema';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const GROUPS = GROUPS_;
const SA = SA_;
const FERT_AW = FERT_AW_;
const FERT_CLASSES = FERT_CLASSES_;
const FERT_RA = FERT_RA_;
const FERT_UA = FERT_UA_;
const FERT_UH = FERT_UH_;
const FERT_UN = FERT_UN_;
const SURV_CLASSES = SURV_CLASSES_;

/** What does not change from year to year within one effective scenario, derived once. */
export interface Derived {
  readonly schedule: Float64Array;
  readonly attraction: Float64Array;
  readonly reclassZones: Float64Array;
  readonly inflowProfile: Float64Array;
  readonly inflowZones: Float64Array;
  readonly ageProfile: Float64Array;
  period?: number;
}

/** The per-step arrays of ModelInput that the year loop fills (layouts in model/input.ts). */
export function allocateYears(steps: number, Z: number, D: number) {
  return {
    survival: new Float64Array(steps * SURV_CLASSES * SA),
    birthSurvival: new Float64Array(steps * SURV_CLASSES * 2),
    asfr: new Float64Array(steps * FERT_CLASSES * AGES),
    maleBirthShare: new Float64Array(steps),
    ruralToUrban: new Float64Array(steps * SA),
    attraction: new Float64Array(steps * Z),
    reclassRate: new Float64Array(steps),
    reclassRegistered: new Float64Array(steps),
    reclassZones: new Float64Array(steps * Z),
    inflow: new Float64Array(steps * SA),
    inflowZones: new Float64Array(steps * Z),
    inflowRural: new Float64Array(steps),
    departure: new Float64Array(steps * D),
    departureRural: new Float64Array(steps),
    leaveUrban: new Float64Array(steps * SA),
    leaveRural: new Float64Array(steps * SA),
    returnUrban: new Float64Array(steps * SA),
    returnRural: new Float64Array(steps * SA),
    settleDrive: new Float64Array(steps * GROUPS * Z * SA),
    familyFollow: new Float64Array(steps),
  };
}
export type YearArrays = ReturnType<typeof allocateYears>;

/** Survival (mx improved since the reference year, times each class's multiplier) and fertility of step k. */
export function demographyYear(a: YearArrays, k: number, y: number, e: Scenario, base: Scenario): void {
  const dm = e.demography;
  const mxBase = base.demography.mortality.mx as { mx: { female: number[]; male: number[] } };
  const asfrBase = (base.demography.fertility.asfr as { asfr: number[] }).asfr;
  const mx = new Float64Array(AGES);
  let improve = 1;
  for (let t = dm.mortality.referenceYear + 1; t <= y; t++) improve *= 1 - valueAt(dm.mortality.improvement, t);
  for (let t = y + 1; t <= dm.mortality.referenceYear; t++) improve /= 1 - valueAt(dm.mortality.improvement, t);
  const mult = [
    valueAt(dm.mortality.urbanMultiplier, y),
    valueAt(dm.mortality.ruralMultiplier, y),
    valueAt(dm.mortality.awayMultiplier, y),
  ];
  for (let cls = 0; cls < SURV_CLASSES; cls++) {
    for (let sex = 0; sex < 2; sex++) {
      const src = sex === 0 ? mxBase.mx.female : mxBase.mx.male;
      for (let i = 0; i < AGES; i++) mx[i] = src[i] * improve * mult[cls];
      const lt = lifeTable(mx, sex === 0);
      a.birthSurvival[(k * SURV_CLASSES + cls) * 2 + sex] = survivalRatios(
        lt,
        a.survival,
        (k * SURV_CLASSES + cls) * SA + sex * AGES,
      );
    }
  }

  // Fertility: the schedule's shape scaled to the year's TFR, times each class's multiplier.
  const asfrShapeTfr = asfrBase.reduce((x, z) => x + z, 0);
  const tfr = valueAt(dm.fertility.tfr, y);
  const fm = dm.fertility.multipliers;
  const classMult: Record<number, number> = {
    [FERT_UH]: fm.UH,
    [FERT_UA]: fm.UA,
    [FERT_UN]: fm.UN,
    [FERT_RA]: fm.RA,
    [FERT_AW]: fm.AW,
  };
  for (let cls = 0; cls < FERT_CLASSES; cls++) {
    const scale = asfrShapeTfr > 0 ? (tfr / asfrShapeTfr) * classMult[cls] : 0;
    for (let i = 0; i < AGES; i++) a.asfr[(k * FERT_CLASSES + cls) * AGES + i] = asfrBase[i] * scale;
  }
  const srb = valueAt(dm.sexRatioAtBirth, y);
  a.maleBirthShare[k] = srb / (100 + srb);
}

/**
 * Migration of step k: rural–urban moves, leaving and returning from away, reclassification, incoming
 * migrants (with the population-size control) and departures. Returns whether the address definition of
 * urban registration is in force.
 */
export function migrationYear(
  a: YearArrays,
  k: number,
  y: number,
  e: Scenario,
  dv: Derived,
  rnDurations: Float64Array,
  Z: number,
  D: number,
): boolean {
  const mg = e.migration;
  const sched = dv.schedule;
  const intensity = valueAt(mg.ruralToUrban.intensity, y);
  const lu = valueAt(mg.away.leaveUrban, y);
  const lr = valueAt(mg.away.leaveRural, y);
  const ru = valueAt(mg.away.returnUrban, y);
  const rr = valueAt(mg.away.returnRural, y);
  for (let sex = 0; sex < 2; sex++) {
    for (let age = 0; age < AGES; age++) {
      const i = k * SA + sex * AGES + age;
      a.ruralToUrban[i] = Math.min(1, intensity * sched[age]);
      a.leaveUrban[i] = Math.min(1, lu * sched[age]);
      a.leaveRural[i] = Math.min(1, lr * sched[age]);
      a.returnUrban[i] = ru;
      a.returnRural[i] = rr;
    }
  }
  a.attraction.set(dv.attraction, k * Z);
  a.reclassRate[k] = valueAt(mg.reclassification.rate, y);
  const def = e.hukouDefinition;
  const address = def.definition === 'address' || (def.switchYear !== null && y >= def.switchYear);
  // Under the address definition a reclassified area's people are urban-registered at once (MODEL.md §2).
  a.reclassRegistered[k] = address ? 1 : valueAt(mg.reclassification.registeredShare, y);
  a.reclassZones.set(dv.reclassZones, k * Z);
  const profile = dv.inflowProfile;
  const persons = valueAt(mg.inflow.persons, y) * (mg.inflow.control === undefined ? 1 : valueAt(mg.inflow.control, y));
  for (let i = 0; i < SA; i++) a.inflow[k * SA + i] = persons * profile[i];
  a.inflowZones.set(dv.inflowZones, k * Z);
  a.inflowRural[k] = mg.inflow.ruralShare === undefined ? 0 : valueAt(mg.inflow.ruralShare, y);
  let depRural = 0;
  for (let d = 0; d < D; d++) {
    a.departure[k * D + d] = hazardAt(mg.departure, d);
    depRural += rnDurations[d] * a.departure[k * D + d];
  }
  a.departureRural[k] = depRural;
  return address;
}

/** Willingness × speed of step k, by group, zone and cell; and the share of dependants who follow. */
export function willingnessYear(
  a: YearArrays,
  k: number,
  y: number,
  e: Scenario,
  dv: Derived,
  zoneIds: readonly string[],
): void {
  const Z = zoneIds.length;
  const w = e.willingness;
  a.familyFollow[k] = valueAt(w.familyFollow, y);
  const ageProf = dv.ageProfile;
  const policyFactor =
    (1 + w.landElasticity * valueAt(w.landRightsKept, y)) *
    (1 - w.serviceSubstitution * valueAt(w.serviceLevel, y)) *
    (1 + w.incentiveElasticity * valueAt(w.incentive, y));
  for (let g = 0; g < GROUPS; g++) {
    const baseMap = g === 0 ? w.base.UA : w.base.UN;
    for (let z = 0; z < Z; z++) {
      const speed = valueAt(w.speed[zoneIds[z]], y);
      const b = baseMap[zoneIds[z]];
      const off = ((k * GROUPS + g) * Z + z) * SA;
      for (let sex = 0; sex < 2; sex++) {
        for (let age = 0; age < AGES; age++) {
          const willing = Math.min(1, Math.max(0, b * ageProf[age] * policyFactor));
          a.settleDrive[off + sex * AGES + age] = speed * willing;
        }
      }
    }
  }
}
