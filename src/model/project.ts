/**
 * The projection: the yearly loop of MODEL.md §3 over a compiled
 * {@link ModelInput}. Pure and synchronous; all buffers are allocated before
 * the loop, none inside it.
 */
import { GROUPS as GROUPS_, SA as SA_, makeLayout, type Layout } from './dims';
import type { ModelInput } from './input';
import { makeMigrationScratch, migrate, type MigrationTotals } from './migration';
import {
  F_BIRTHS as F_BIRTHS_,
  F_DEATHS as F_DEATHS_,
  FIELDS as FIELDS_,
  SERIES as SERIES_,
  FLOW_SERIES,
  STATES as STATES_,
  ST_AWR as ST_AWR_,
  ST_AWU as ST_AWU_,
  ST_RA as ST_RA_,
  ST_RN as ST_RN_,
  ST_UA as ST_UA_,
  ST_UH as ST_UH_,
  ST_UN as ST_UN_,
  type ProjectionOutput,
  type SeriesName,
} from './output';
import {
  IN_REASONS,
  makeRegistrationScratch,
  makeRegistrationTotals,
  OUT_REASONS,
  registrationFlows,
  type RegistrationTotals,
} from './registration';
import { makeSettlementScratch, settle } from './settlement';
import { surviveAndBear } from './survive';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const GROUPS = GROUPS_;
const SA = SA_;
const F_BIRTHS = F_BIRTHS_;
const F_DEATHS = F_DEATHS_;
const FIELDS = FIELDS_;
const SERIES = SERIES_;
const STATES = STATES_;
const ST_AWR = ST_AWR_;
const ST_AWU = ST_AWU_;
const ST_RA = ST_RA_;
const ST_RN = ST_RN_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;
const ST_UN = ST_UN_;

/** Options of {@link project}. */
export interface ProjectOptions {
  /**
   * Called after every step with the new year-end state; for tests that
   * check invariants on every step. The array is reused: copy what you keep.
   * `output` is filled up to this step (its ledger row k included).
   */
  readonly onStep?: (k: number, state: Float64Array, output: ProjectionOutput) => void;
}

/** Runs the projection. The input is not modified. */
export function project(input: ModelInput, options: ProjectOptions = {}): ProjectionOutput {
  const L = makeLayout(input.dims);
  const Z = input.dims.zones;
  const n = input.steps + 1;
  const C = input.channelIds.length;
  if (input.initial.length !== L.size) {
    throw new RangeError(`initial state has length ${input.initial.length}, expected ${L.size}`);
  }

  const series = Object.fromEntries(SERIES.map((name) => [name, new Float64Array(n)])) as Record<
    SeriesName,
    Float64Array
  >;
  const out: ProjectionOutput = {
    dims: input.dims,
    baseYear: input.baseYear,
    steps: input.steps,
    zoneIds: input.zoneIds,
    channelIds: input.channelIds,
    series,
    settlersByChannel: new Float64Array(C * n),
    channelDemand: new Float64Array(C * n),
    cutoffKeys: input.cutoffKeys ?? [],
    quotaCutoff: new Float64Array((input.cutoffKeys?.length ?? 0) * n).fill(NaN),
    settlersByOrigin: new Float64Array(GROUPS * n),
    settlersByOriginDetail: new Float64Array(3 * n),
    registrationInByReason: new Float64Array(IN_REASONS.length * n),
    registrationOutByReason: new Float64Array(OUT_REASONS.length * n),
    settlersByZone: new Float64Array(Z * n),
    settlersByZoneGroup: new Float64Array(Z * 2 * n),
    settlersAge: new Float64Array(n * Z * SA),
    settlersAgeUN: new Float64Array(n * SA),
    nonRegisteredAge: new Float64Array(n * Z * SA),
    zoneUH: new Float64Array(Z * n),
    zoneUA: new Float64Array(Z * n),
    zoneUN: new Float64Array(Z * n),
    pyramid: new Float64Array(n * STATES * SA),
    ledger: new Float64Array(input.steps * STATES * FIELDS),
  };

  let cur = input.initial.slice();
  let next = new Float64Array(L.size);
  const migScratch = makeMigrationScratch(Z);
  const setScratch = makeSettlementScratch(input);
  const regScratch = makeRegistrationScratch(Z);
  const reg = makeRegistrationTotals();
  const totals: MigrationTotals = {
    ruralToUrban: 0,
    reclassified: 0,
    incoming: 0,
    departures: 0,
    leftForAway: 0,
    returned: 0,
  };
  const sinks = {
    byChannel: out.settlersByChannel,
    demandByChannel: out.channelDemand,
    cutoff: out.quotaCutoff,
    byOrigin: out.settlersByOrigin,
    byZone: out.settlersByZone,
    byZoneGroup: out.settlersByZoneGroup,
    byAge: out.settlersAge,
    byAgeUN: out.settlersAgeUN,
    ledger: out.ledger,
    stride: n,
  };

  recordStocks(out, L, cur, 0);
  for (let k = 0; k < input.steps; k++) {
    surviveAndBear(input, L, k, cur, next, out.ledger);
    migrate(input, L, k, next, out.ledger, migScratch, totals);
    registrationFlows(input, L, k, next, out.ledger, regScratch, reg);
    const settled = settle(input, L, k, next, setScratch, sinks);
    const i = k + 1;
    recordStocks(out, L, next, i);
    recordFlows(out, k, totals, settled);
    recordRegistration(out, input, k, reg);
    options.onStep?.(k, next, out);
    const t = cur;
    cur = next;
    next = t;
  }
  markBaseFlows(out, C, Z);
  return out;
}

const ledgerAt = (ledger: Float64Array, k: number, state: number, field: number) =>
  ledger[(k * STATES + state) * FIELDS + field];

/** Stocks, rates and the pyramid of year index i. */
function recordStocks(out: ProjectionOutput, L: Layout, v: Float64Array, i: number): void {
  const { zones: Z, durations: D } = L.dims;
  const n = out.steps + 1;
  const pyr = out.pyramid;
  const base = i * STATES * SA;
  let uh = 0;
  let ua = 0;
  let un = 0;
  for (let z = 0; z < Z; z++) {
    let tz = 0;
    const o = L.uh(z);
    for (let j = 0; j < SA; j++) {
      tz += v[o + j];
      pyr[base + ST_UH * SA + j] += v[o + j];
    }
    out.zoneUH[z * n + i] = tz;
    uh += tz;
    let ta = 0;
    let tn = 0;
    const nr = out.nonRegisteredAge;
    const nrOff = (i * Z + z) * SA;
    for (let d = 0; d < D; d++) {
      const oa = L.ua(z, d);
      const on = L.un(z, d);
      for (let j = 0; j < SA; j++) {
        const a = v[oa + j];
        const b = v[on + j];
        ta += a;
        tn += b;
        pyr[base + ST_UA * SA + j] += a;
        pyr[base + ST_UN * SA + j] += b;
        nr[nrOff + j] += a + b;
      }
    }
    out.zoneUA[z * n + i] = ta;
    out.zoneUN[z * n + i] = tn;
    ua += ta;
    un += tn;
  }
  const { ra: raOff, rn: rnOff } = L;
  let ra = 0;
  let awu = 0;
  let awr = 0;
  let rn = 0;
  for (let j = 0; j < SA; j++) {
    ra += v[raOff + j];
    rn += v[rnOff + j];
    pyr[base + ST_RA * SA + j] = v[raOff + j];
    pyr[base + ST_RN * SA + j] = v[rnOff + j];
  }
  for (let d = 0; d < D; d++) {
    const ou = L.awu(d);
    const or = L.awr(d);
    for (let j = 0; j < SA; j++) {
      awu += v[ou + j];
      awr += v[or + j];
      pyr[base + ST_AWU * SA + j] += v[ou + j];
      pyr[base + ST_AWR * SA + j] += v[or + j];
    }
  }
  const s = out.series;
  const resident = uh + ua + un + ra + rn;
  const urbanRes = uh + ua + un;
  const hukou = uh + ua + ra + awu + awr;
  const urbanHukou = uh + awu;
  s.stockUH[i] = uh;
  s.stockUA[i] = ua;
  s.stockUN[i] = un;
  s.stockRA[i] = ra;
  s.stockAWU[i] = awu;
  s.stockAWR[i] = awr;
  s.stockRN[i] = rn;
  s.residentPop[i] = resident;
  s.urbanResidentPop[i] = urbanRes;
  s.residentUrbanRate[i] = resident > 0 ? urbanRes / resident : NaN;
  s.hukouPop[i] = hukou;
  s.urbanHukouPop[i] = urbanHukou;
  s.hukouUrbanRate[i] = hukou > 0 ? urbanHukou / hukou : NaN;
  s.gapPoints[i] = 100 * (s.residentUrbanRate[i] - s.hukouUrbanRate[i]);
  s.nonRegisteredUrban[i] = ua + un;
}

function recordFlows(out: ProjectionOutput, k: number, m: MigrationTotals, settled: number): void {
  const s = out.series;
  const i = k + 1;
  const births =
    ledgerAt(out.ledger, k, ST_UH, F_BIRTHS) +
    ledgerAt(out.ledger, k, ST_UA, F_BIRTHS) +
    ledgerAt(out.ledger, k, ST_UN, F_BIRTHS) +
    ledgerAt(out.ledger, k, ST_RA, F_BIRTHS) +
    ledgerAt(out.ledger, k, ST_RN, F_BIRTHS);
  const deaths =
    ledgerAt(out.ledger, k, ST_UH, F_DEATHS) +
    ledgerAt(out.ledger, k, ST_UA, F_DEATHS) +
    ledgerAt(out.ledger, k, ST_UN, F_DEATHS) +
    ledgerAt(out.ledger, k, ST_RA, F_DEATHS) +
    ledgerAt(out.ledger, k, ST_RN, F_DEATHS);
  s.births[i] = births;
  s.deaths[i] = deaths;
  s.awayBirths[i] = ledgerAt(out.ledger, k, ST_AWU, F_BIRTHS) + ledgerAt(out.ledger, k, ST_AWR, F_BIRTHS);
  s.awayDeaths[i] = ledgerAt(out.ledger, k, ST_AWU, F_DEATHS) + ledgerAt(out.ledger, k, ST_AWR, F_DEATHS);
  s.residentInflow[i] = m.incoming + m.returned;
  s.residentOutflow[i] = m.departures + m.leftForAway;
  s.settlers[i] = settled;
  s.ruralToUrban[i] = m.ruralToUrban;
  s.reclassified[i] = m.reclassified;
  s.incomingMigrants[i] = m.incoming;
  s.departures[i] = m.departures;
  s.leftForAway[i] = m.leftForAway;
  s.returned[i] = m.returned;
}

/** The register's flows of step k: its doors by reason, and the births and deaths of registered people. */
function recordRegistration(out: ProjectionOutput, input: ModelInput, k: number, reg: RegistrationTotals): void {
  const n = out.steps + 1;
  const i = k + 1;
  const s = out.series;
  // Settlers registered elsewhere enter the register; local rural settlers only change registration type.
  const fromElsewhere = out.settlersByOrigin[n + i];
  reg.in[0] = fromElsewhere;
  let tin = 0;
  let tout = 0;
  for (let r = 0; r < IN_REASONS.length; r++) {
    out.registrationInByReason[r * n + i] = reg.in[r];
    tin += reg.in[r];
  }
  for (let r = 0; r < OUT_REASONS.length; r++) {
    out.registrationOutByReason[r * n + i] = reg.out[r];
    tout += reg.out[r];
  }
  s.registrationIn[i] = tin;
  s.registrationOut[i] = tout;
  s.residentInflow[i] += reg.residentIn;
  s.residentOutflow[i] += reg.residentOut;
  let hb = 0;
  let hd = 0;
  for (const st of [ST_UH, ST_UA, ST_RA, ST_AWU, ST_AWR]) {
    hb += ledgerAt(out.ledger, k, st, F_BIRTHS);
    hd += ledgerAt(out.ledger, k, st, F_DEATHS);
  }
  s.hukouBirths[i] = hb;
  s.hukouDeaths[i] = hd;
  const u = input.urbanElsewhereShare[k];
  out.settlersByOriginDetail[i] = out.settlersByOrigin[i];
  out.settlersByOriginDetail[n + i] = fromElsewhere * (1 - u);
  out.settlersByOriginDetail[2 * n + i] = fromElsewhere * u;
}

/** The base year's flows are unknown: NaN, which the JSON result prints as null. */
function markBaseFlows(out: ProjectionOutput, C: number, Z: number): void {
  const n = out.steps + 1;
  for (const f of FLOW_SERIES) out.series[f][0] = NaN;
  for (let c = 0; c < C; c++) {
    out.settlersByChannel[c * n] = NaN;
    out.channelDemand[c * n] = NaN;
  }
  for (let g = 0; g < GROUPS; g++) out.settlersByOrigin[g * n] = NaN;
  for (let o = 0; o < 3; o++) out.settlersByOriginDetail[o * n] = NaN;
  for (let r = 0; r < IN_REASONS.length; r++) out.registrationInByReason[r * n] = NaN;
  for (let r = 0; r < OUT_REASONS.length; r++) out.registrationOutByReason[r * n] = NaN;
  for (let z = 0; z < Z; z++) out.settlersByZone[z * n] = NaN;
}
