/**
 * Compiles a validated, resolved scenario into the numeric {@link ModelInput}
 * of one projection: year paths evaluated, the policy timeline applied,
 * eligibility computed once per policy period, the base year decomposed.
 */
import { toSingleYears, normalise } from '../model/age-split';
import { decompose, durationShares, type DecompositionResult } from '../model/decomposition';
import { AGES as AGES_, GROUPS as GROUPS_, SA as SA_, type Dims } from '../model/dims';
import { combineChannels, type GroupAttributes } from '../model/eligibility';
import {
  FERT_AW as FERT_AW_,
  FERT_CLASSES as FERT_CLASSES_,
  FERT_RA as FERT_RA_,
  FERT_UA as FERT_UA_,
  FERT_UH as FERT_UH_,
  FERT_UN as FERT_UN_,
  SURV_CLASSES as SURV_CLASSES_,
  type ModelInput,
  type PolicyPeriod,
} from '../model/input';
import { lifeTable, survivalRatios } from '../model/life-table';
import { rogersCastro } from '../model/rogers-castro';
import { bandsToAges } from './age-bands';
import { groupAttributes, hazardAt, tableWarnings, zoneVector } from './compile-parts';
import { channelCompiler } from './compile-channels';
import { compileRegistration, DEFAULT_AWAY_MEAN_YEARS } from './compile-registration';
import { setInPlace } from './pointer';
import { valueAt } from './path';
import type { AgeSexTableSpec, Scenario } from './schema';
import { validateScenario } from './load';
import { ValidationError } from './issues';
import { timelineIssues } from './timeline-issues';

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

/** What the compiler knows about the scenario besides the numbers. */
export interface CompiledScenario {
  readonly input: ModelInput;
  readonly decomposition: DecompositionResult;
  /** Per step year, the hukou definition in force. */
  readonly definitionByYear: readonly ('address' | 'nonAgricultural')[];
}

// Tables are resolved by the time we compile; these narrow the union.
type Table = AgeSexTableSpec;
const table = (t: unknown) => t as Table;

/** The scenario in force in `year`: the base plus every timeline change dated that year or earlier. */
export function scenarioInYear(s: Scenario, year: number): Scenario {
  const due = s.timeline.filter((e) => e.year <= year).sort((a, b) => a.year - b.year);
  if (!due.length) return s;
  // One copy, every change applied to it: linear in the timeline's length (a copy per change was quadratic).
  const out = structuredClone(s);
  for (const e of due) for (const [p, v] of Object.entries(e.set)) setInPlace(out, p, v);
  return out;
}

/** Compiles `s`, which must already be validated and resolved (see `loadScenario`). */
export function compileScenario(s: Scenario): CompiledScenario {
  const zoneIds = s.zones.map((z) => z.id);
  const Z = zoneIds.length;
  const D = s.durations;
  const dims: Dims = { zones: Z, durations: D };
  const steps = s.until - s.baseYear;
  const years = Array.from({ length: steps }, (_, k) => s.baseYear + k + 1);

  // Timeline: steps sharing the same set of changes share one compiled policy.
  const sortedTimeline = [...s.timeline].sort((a, b) => a.year - b.year);
  const changeCount = (y: number) => sortedTimeline.filter((e) => e.year <= y).length;
  const effective = new Map<number, Scenario>();
  const inYear = (y: number): Scenario => {
    const n = changeCount(y);
    let e = effective.get(n);
    if (!e) {
      if (n === 0) e = s;
      else
        try {
          e = validateScenario(scenarioInYear(s, y));
        } catch (err) {
          if (err instanceof ValidationError) throw new ValidationError(timelineIssues(s, y, err.issues));
          throw err;
        }
      effective.set(n, e);
    }
    return e;
  };

  // What does not change from year to year within one effective scenario is derived once.
  interface Derived {
    schedule: Float64Array;
    attraction: Float64Array;
    reclassZones: Float64Array;
    inflowProfile: Float64Array;
    inflowZones: Float64Array;
    ageProfile: Float64Array;
    period?: number;
  }
  const derivedCache = new Map<Scenario, Derived>();
  const derivedOf = (e: Scenario): Derived => {
    let dv = derivedCache.get(e);
    if (!dv) {
      const mg = e.migration;
      dv = {
        schedule: rogersCastro(mg.schedule),
        attraction: zoneVector(mg.ruralToUrban.attraction, zoneIds),
        reclassZones: zoneVector(mg.reclassification.zoneShares, zoneIds),
        inflowProfile: normalise(toSingleYears(table(mg.inflow.profile), table(e.base.referenceSingleAge))),
        inflowZones: zoneVector(mg.inflow.zoneShares, zoneIds),
        ageProfile: bandsToAges(e.willingness.ageProfile),
      };
      derivedCache.set(e, dv);
    }
    return dv;
  };

  const channelsOf = channelCompiler(steps, D);
  const periods: PolicyPeriod[] = [];
  const periodKeys = new Map<string, number>();
  const periodOfStep = new Int32Array(steps);

  const survival = new Float64Array(steps * SURV_CLASSES * SA);
  const birthSurvival = new Float64Array(steps * SURV_CLASSES * 2);
  const asfr = new Float64Array(steps * FERT_CLASSES * AGES);
  const maleBirthShare = new Float64Array(steps);
  const ruralToUrban = new Float64Array(steps * SA);
  const attraction = new Float64Array(steps * Z);
  const reclassRate = new Float64Array(steps);
  const reclassRegistered = new Float64Array(steps);
  const reclassZones = new Float64Array(steps * Z);
  const inflow = new Float64Array(steps * SA);
  const inflowZones = new Float64Array(steps * Z);
  const departure = new Float64Array(steps * D);
  const inflowRural = new Float64Array(steps);
  const departureRural = new Float64Array(steps);
  // RN keeps no duration: it departs at UN's hazard averaged over the base-year duration distribution of UN.
  const rnDurations = durationShares(D, s.base.durationMeanYears.UN);
  const leaveUrban = new Float64Array(steps * SA);
  const leaveRural = new Float64Array(steps * SA);
  const returnUrban = new Float64Array(steps * SA);
  const returnRural = new Float64Array(steps * SA);
  const settleDrive = new Float64Array(steps * GROUPS * Z * SA);
  const familyFollow = new Float64Array(steps);
  const definitionByYear: ('address' | 'nonAgricultural')[] = [];

  const mxBase = s.demography.mortality.mx as { mx: { female: number[]; male: number[] } };
  const asfrBase = (s.demography.fertility.asfr as { asfr: number[] }).asfr;
  const asfrShapeTfr = asfrBase.reduce((a, b) => a + b, 0);
  const mx = new Float64Array(AGES);

  for (let k = 0; k < steps; k++) {
    const y = years[k];
    const e = inYear(y);
    const dm = e.demography;

    // Survival: mx improved since the reference year, times each class's multiplier.
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
        for (let a = 0; a < AGES; a++) mx[a] = src[a] * improve * mult[cls];
        const lt = lifeTable(mx, sex === 0);
        birthSurvival[(k * SURV_CLASSES + cls) * 2 + sex] = survivalRatios(
          lt,
          survival,
          (k * SURV_CLASSES + cls) * SA + sex * AGES,
        );
      }
    }

    // Fertility: the schedule's shape scaled to the year's TFR, times each class's multiplier.
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
      for (let a = 0; a < AGES; a++) asfr[(k * FERT_CLASSES + cls) * AGES + a] = asfrBase[a] * scale;
    }
    const srb = valueAt(dm.sexRatioAtBirth, y);
    maleBirthShare[k] = srb / (100 + srb);

    // Migration.
    const mg = e.migration;
    const dv = derivedOf(e);
    const sched = dv.schedule;
    const intensity = valueAt(mg.ruralToUrban.intensity, y);
    const lu = valueAt(mg.away.leaveUrban, y);
    const lr = valueAt(mg.away.leaveRural, y);
    const ru = valueAt(mg.away.returnUrban, y);
    const rr = valueAt(mg.away.returnRural, y);
    for (let sex = 0; sex < 2; sex++) {
      for (let a = 0; a < AGES; a++) {
        const i = k * SA + sex * AGES + a;
        ruralToUrban[i] = Math.min(1, intensity * sched[a]);
        leaveUrban[i] = Math.min(1, lu * sched[a]);
        leaveRural[i] = Math.min(1, lr * sched[a]);
        returnUrban[i] = ru;
        returnRural[i] = rr;
      }
    }
    attraction.set(dv.attraction, k * Z);
    reclassRate[k] = valueAt(mg.reclassification.rate, y);
    const def = e.hukouDefinition;
    const address = def.definition === 'address' || (def.switchYear !== null && y >= def.switchYear);
    definitionByYear.push(address ? 'address' : 'nonAgricultural');
    // Under the address definition a reclassified area's people are urban-registered at once (MODEL.md §2).
    reclassRegistered[k] = address ? 1 : valueAt(mg.reclassification.registeredShare, y);
    reclassZones.set(dv.reclassZones, k * Z);
    const profile = dv.inflowProfile;
    const persons =
      valueAt(mg.inflow.persons, y) * (mg.inflow.control === undefined ? 1 : valueAt(mg.inflow.control, y));
    for (let i = 0; i < SA; i++) inflow[k * SA + i] = persons * profile[i];
    inflowZones.set(dv.inflowZones, k * Z);
    inflowRural[k] = mg.inflow.ruralShare === undefined ? 0 : valueAt(mg.inflow.ruralShare, y);
    const dep = mg.departure;
    let depRural = 0;
    for (let d = 0; d < D; d++) {
      departure[k * D + d] = hazardAt(dep, d);
      depRural += rnDurations[d] * departure[k * D + d];
    }
    departureRural[k] = depRural;

    // Willingness × speed.
    const w = e.willingness;
    familyFollow[k] = valueAt(w.familyFollow, y);
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
          for (let a = 0; a < AGES; a++) {
            const willing = Math.min(1, Math.max(0, b * ageProf[a] * policyFactor));
            settleDrive[off + sex * AGES + a] = speed * willing;
          }
        }
      }
    }

    // Policy period: eligibility depends only on the channels, the attributes and D.
    let pi = dv.period;
    if (pi === undefined) pi = periodKeys.get(JSON.stringify([e.policy, e.population]));
    if (pi === undefined) {
      const attrs: [GroupAttributes, GroupAttributes] = [
        groupAttributes(e.population.UA),
        groupAttributes(e.population.UN),
      ];
      const zonesCompiled = zoneIds.map((zid) => {
        const channels = e.policy.zones[zid].channels.map((spec) => channelsOf.compile(e, zid, spec, attrs));
        const combined = combineChannels(
          channels.map((c) => c.eligibility),
          e.policy.channelOverlap,
          2 * D * SA,
          channels.map((c) => c.quota !== null),
        );
        return { channels, ...combined };
      });
      pi = periods.push({ channelOverlap: e.policy.channelOverlap, zones: zonesCompiled }) - 1;
      periodKeys.set(JSON.stringify([e.policy, e.population]), pi);
    }
    dv.period = pi;
    periodOfStep[k] = pi;
    channelsOf.cityQuotasAt(e, k, y);
  }
  channelsOf.fillZoneQuotas(years);

  const registration = compileRegistration(
    inYear,
    years,
    zoneIds,
    D,
    (e) => derivedOf(e).inflowProfile,
    zoneVector(s.base.urbanZoneShares, zoneIds),
  );

  // Base year.
  const b = s.base;
  const ref = table(b.referenceSingleAge);
  const decomposed = decompose({
    dims,
    residentPop: b.residentPop,
    urbanResidentPop: b.urbanResidentPop,
    hukouPop: b.hukouPop,
    urbanHukouPop: b.urbanHukouPop,
    nonLocalResidents: b.nonLocalResidents,
    nonLocalRuralResidents: b.nonLocalRuralResidents ?? 0,
    residentStructure: toSingleYears(table(b.ageStructure), ref),
    ruralStructure: b.ruralAgeStructure ? toSingleYears(table(b.ruralAgeStructure), ref) : null,
    migrantProfile: toSingleYears(table(b.migrantProfile), ref),
    awayShareOfHukou: b.awayShareOfHukou,
    awayUrbanShare: b.awayUrbanShare,
    urbanZoneShares: zoneVector(b.urbanZoneShares, zoneIds),
    nonLocalZoneShares: zoneVector(b.nonLocalZoneShares, zoneIds),
    durationMeanYears: [b.durationMeanYears.UA, b.durationMeanYears.UN],
    awayDurationMeanYears: b.awayDurationMeanYears ?? DEFAULT_AWAY_MEAN_YEARS,
  });
  const decomposition = { ...decomposed, warnings: [...decomposed.warnings, ...tableWarnings(b)] };

  // The fertile span of the schedule's shape: every class and year scales the same shape.
  let fa = asfrBase.findIndex((f) => f > 0);
  let fb = asfrBase.length - 1 - [...asfrBase].reverse().findIndex((f) => f > 0);
  if (fa < 0) [fa, fb] = [0, -1];

  const input: ModelInput = {
    dims,
    baseYear: s.baseYear,
    steps,
    zoneIds,
    channelIds: channelsOf.channelIds,
    cityQuotas: channelsOf.cityQuotas,
    cutoffKeys: channelsOf.cutoffKeys,
    initial: decomposition.state,
    survival,
    birthSurvival,
    asfr,
    fertileAges: [fa, fb],
    maleBirthShare,
    ruralToUrban,
    attraction,
    reclassRate,
    reclassRegistered,
    reclassZones,
    inflow,
    inflowZones,
    inflowRural,
    departure,
    departureRural,
    leaveUrban,
    leaveRural,
    returnUrban,
    returnRural,
    ...registration,
    periods,
    periodOfStep,
    settleDrive,
    familyFollow,
  };
  return { input, decomposition, definitionByYear };
}
