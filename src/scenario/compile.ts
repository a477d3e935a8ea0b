/**
 * Compiles a validated, resolved scenario into the numeric {@link ModelInput}
 * of one projection: year paths evaluated, the policy timeline applied,
 * eligibility computed once per policy period, the base year decomposed.
 * The pieces: compile-timeline.ts (the scenario in force each year),
 * compile-years.ts (demography, migration and willingness of each step),
 * compile-channels.ts (settlement channels, quotas, ranking),
 * compile-registration.ts (the register's doors), compile-parts.ts.
 */
import { toSingleYears, normalise } from '../model/age-split';
import { decompose, durationShares, type DecompositionResult } from '../model/decomposition';
import { SA as SA_, type Dims } from '../model/dims';
import { combineChannels, type GroupAttributes } from '../model/eligibility';
import type { ModelInput, PolicyPeriod } from '../model/input';
import { rogersCastro } from '../model/rogers-castro';
import { bandsToAges } from './age-bands';
import { channelCompiler } from './compile-channels';
import { groupAttributes, tableWarnings, zoneVector } from './compile-parts';
import { compileRegistration, DEFAULT_AWAY_MEAN_YEARS } from './compile-registration';
import { effectiveScenarios } from './compile-timeline';
import { allocateYears, demographyYear, migrationYear, willingnessYear, type Derived } from './compile-years';
import type { AgeSexTableSpec, Scenario } from './schema';

export { scenarioInYear } from './compile-timeline';

const SA = SA_;

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

/** Compiles `s`, which must already be validated and resolved (see `loadScenario`). */
export function compileScenario(s: Scenario): CompiledScenario {
  const zoneIds = s.zones.map((z) => z.id);
  const Z = zoneIds.length;
  const D = s.durations;
  const dims: Dims = { zones: Z, durations: D };
  const steps = s.until - s.baseYear;
  const years = Array.from({ length: steps }, (_, k) => s.baseYear + k + 1);

  // Steps sharing the same set of timeline changes share one effective scenario (and its compiled policy).
  const inYear = effectiveScenarios(s);

  // What does not change from year to year within one effective scenario is derived once.
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
  /** The policy period of an effective scenario: eligibility depends only on the channels, the attributes and D. */
  const periodOf = (e: Scenario): number => {
    const populationKey = JSON.stringify(e.population);
    const key = JSON.stringify(e.policy) + populationKey;
    let pi = periodKeys.get(key);
    if (pi !== undefined) return pi;
    const attrs: [GroupAttributes, GroupAttributes] = [
      groupAttributes(e.population.UA),
      groupAttributes(e.population.UN),
    ];
    const zonesCompiled = zoneIds.map((zid) => {
      const channels = e.policy.zones[zid].channels.map((spec) =>
        channelsOf.compile(e, zid, spec, attrs, populationKey),
      );
      const combined = combineChannels(
        channels.map((c) => c.eligibility),
        e.policy.channelOverlap,
        2 * D * SA,
        channels.map((c) => c.quota !== null),
      );
      return { channels, ...combined };
    });
    pi = periods.push({ channelOverlap: e.policy.channelOverlap, zones: zonesCompiled }) - 1;
    periodKeys.set(key, pi);
    return pi;
  };

  const arrays = allocateYears(steps, Z, D);
  // RN keeps no duration: it departs at UN's hazard averaged over the base-year duration distribution of UN.
  const rnDurations = durationShares(D, s.base.durationMeanYears.UN);
  const definitionByYear: ('address' | 'nonAgricultural')[] = [];
  for (let k = 0; k < steps; k++) {
    const y = years[k];
    const e = inYear(y);
    const dv = derivedOf(e);
    demographyYear(arrays, k, y, e, s);
    definitionByYear.push(migrationYear(arrays, k, y, e, dv, rnDurations, Z, D) ? 'address' : 'nonAgricultural');
    willingnessYear(arrays, k, y, e, dv, zoneIds);
    dv.period ??= periodOf(e);
    periodOfStep[k] = dv.period;
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
  const asfrBase = (s.demography.fertility.asfr as { asfr: number[] }).asfr;
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
    ...arrays,
    fertileAges: [fa, fb],
    ...registration,
    periods,
    periodOfStep,
  };
  return { input, decomposition, definitionByYear };
}
