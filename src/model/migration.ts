/**
 * Step part 3: migration, applied to the survivors in `next`.
 *
 * All outflow rates act on the stocks as they stand after survival and
 * births (a year-end convention), so the order of the flows below does not
 * change them: returns are taken from the away states before anyone leaves,
 * and people leaving RA are taken before returners are added to it.
 */
import { SA as SA_, uhZoneShares, type Layout } from './dims';
import type { ModelInput } from './input';
import {
  addToLedger,
  F_EXTERNAL_IN as F_EXTERNAL_IN_,
  F_EXTERNAL_OUT as F_EXTERNAL_OUT_,
  F_TRANSFER_IN as F_TRANSFER_IN_,
  F_TRANSFER_OUT as F_TRANSFER_OUT_,
  ST_AWR as ST_AWR_,
  ST_AWU as ST_AWU_,
  ST_RA as ST_RA_,
  ST_RN as ST_RN_,
  ST_UA as ST_UA_,
  ST_UH as ST_UH_,
  ST_UN as ST_UN_,
} from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const SA = SA_;
const F_EXTERNAL_IN = F_EXTERNAL_IN_;
const F_EXTERNAL_OUT = F_EXTERNAL_OUT_;
const F_TRANSFER_IN = F_TRANSFER_IN_;
const F_TRANSFER_OUT = F_TRANSFER_OUT_;
const ST_AWR = ST_AWR_;
const ST_AWU = ST_AWU_;
const ST_RA = ST_RA_;
const ST_RN = ST_RN_;
const ST_UA = ST_UA_;
const ST_UH = ST_UH_;
const ST_UN = ST_UN_;

/** Scratch space of the migration step, allocated once per projection. */
export interface MigrationScratch {
  readonly returnsU: Float64Array;
  readonly returnsR: Float64Array;
  readonly uhShare: Float64Array;
}

export function makeMigrationScratch(zones: number): MigrationScratch {
  return { returnsU: new Float64Array(SA), returnsR: new Float64Array(SA), uhShare: new Float64Array(zones) };
}

/** Per-step totals of the migration flows, written by {@link migrate}. */
export interface MigrationTotals {
  ruralToUrban: number;
  reclassified: number;
  incoming: number;
  departures: number;
  leftForAway: number;
  returned: number;
}

export function migrate(
  input: ModelInput,
  L: Layout,
  k: number,
  next: Float64Array,
  ledger: Float64Array,
  scratch: MigrationScratch,
  totals: MigrationTotals,
): void {
  const { zones: Z, durations: D } = L.dims;
  const kSA = k * SA;
  const { ra: raOff, rn: rnOff } = L;
  // People leaving start their years away at 0.
  const awuOff = L.awu(0);
  const awrOff = L.awr(0);
  // Local bindings let the JIT keep these out of the inner loops.
  const {
    returnUrban,
    returnRural,
    leaveUrban,
    leaveRural,
    ruralToUrban,
    attraction,
    reclassZones,
    inflow,
    inflowZones,
    inflowRural,
    departure,
    departureRural,
    reclassRate,
    reclassRegistered,
  } = input;
  const { returnsU, returnsR, uhShare } = scratch;

  // Returns home, from the away states as they stand, whatever the years away.
  let retU = 0;
  let retR = 0;
  returnsU.fill(0);
  returnsR.fill(0);
  for (let d = 0; d < D; d++) {
    const ou = L.awu(d);
    const or = L.awr(d);
    for (let i = 0; i < SA; i++) {
      const u = next[ou + i] * returnUrban[kSA + i];
      const r = next[or + i] * returnRural[kSA + i];
      returnsU[i] += u;
      returnsR[i] += r;
      next[ou + i] -= u;
      next[or + i] -= r;
      retU += u;
      retR += r;
    }
  }
  addToLedger(ledger, k, ST_AWU, F_TRANSFER_OUT, retU);
  addToLedger(ledger, k, ST_AWR, F_TRANSFER_OUT, retR);

  // Returners to an urban registration go back to the zones in proportion to UH.
  uhZoneShares(L, next, uhShare);

  // Locals leaving the city: UH → AWU; UA → AWR. Departures of migrants: UN → out.
  let leftU = 0;
  let leftUA = 0;
  let departed = 0;
  for (let z = 0; z < Z; z++) {
    const o = L.uh(z);
    for (let i = 0; i < SA; i++) {
      const x = next[o + i] * leaveUrban[kSA + i];
      next[o + i] -= x;
      next[awuOff + i] += x;
      leftU += x;
    }
    for (let d = 0; d < D; d++) {
      const oa = L.ua(z, d);
      const on = L.un(z, d);
      // The hazard is by duration at the start of the year: after ageing, bin d held bin d−1 a year ago
      // (bin 0 holds only this year's newborns, who take the first-year hazard).
      const e = departure[k * D + Math.max(d - 1, 0)];
      for (let i = 0; i < SA; i++) {
        const x = next[oa + i] * leaveRural[kSA + i];
        next[oa + i] -= x;
        next[awrOff + i] += x;
        leftUA += x;
        const y = next[on + i] * e;
        next[on + i] -= y;
        departed += y;
      }
    }
  }
  addToLedger(ledger, k, ST_UH, F_TRANSFER_OUT, leftU);
  addToLedger(ledger, k, ST_AWU, F_TRANSFER_IN, leftU);
  addToLedger(ledger, k, ST_UA, F_TRANSFER_OUT, leftUA);
  addToLedger(ledger, k, ST_UN, F_EXTERNAL_OUT, departed);

  // Rural residents: to towns (RA → UA[z][0]), reclassified in place, or away (→ AWR).
  const rho = reclassRate[k];
  const c = reclassRegistered[k];
  let toUrban = 0;
  let reclassUH = 0;
  let reclassUA = 0;
  let leftR = 0;
  for (let i = 0; i < SA; i++) {
    const p = next[raOff + i];
    if (p === 0) continue;
    let m = ruralToUrban[kSA + i];
    let r = rho;
    let l = leaveRural[kSA + i];
    const total = m + r + l;
    if (total > 1) {
      // Competing exits cannot take more than everyone: scale them down together.
      m /= total;
      r /= total;
      l /= total;
    }
    const xm = p * m;
    const xr = p * r;
    const xl = p * l;
    // Round-off may leave −1e-16·p when the exits add up to everyone.
    next[raOff + i] = Math.max(0, p - xm - xr - xl);
    next[awrOff + i] += xl;
    for (let z = 0; z < Z; z++) {
      const az = attraction[k * Z + z];
      next[L.ua(z, 0) + i] += xm * az;
      const rz = reclassZones[k * Z + z];
      next[L.uh(z) + i] += xr * c * rz;
      next[L.ua(z, D - 1) + i] += xr * (1 - c) * rz;
    }
    toUrban += xm;
    reclassUH += xr * c;
    reclassUA += xr * (1 - c);
    leftR += xl;
  }
  addToLedger(ledger, k, ST_RA, F_TRANSFER_OUT, toUrban + reclassUH + reclassUA + leftR);
  addToLedger(ledger, k, ST_UA, F_TRANSFER_IN, toUrban + reclassUA);
  addToLedger(ledger, k, ST_UH, F_TRANSFER_IN, reclassUH);
  addToLedger(ledger, k, ST_AWR, F_TRANSFER_IN, leftR + leftUA);

  // Non-local villagers (RN): depart, or become urban non-local residents (UN, open duration) when their village
  // is reclassified. Both rates act on the same stock.
  const eR = departureRural[k];
  let rnDeparted = 0;
  let rnReclassified = 0;
  for (let i = 0; i < SA; i++) {
    const p = next[rnOff + i];
    if (p === 0) continue;
    let e = eR;
    let r = rho;
    if (e + r > 1) {
      const t = e + r;
      e /= t;
      r /= t;
    }
    const xe = p * e;
    const xr = p * r;
    next[rnOff + i] = Math.max(0, p - xe - xr);
    for (let z = 0; z < Z; z++) next[L.un(z, D - 1) + i] += xr * reclassZones[k * Z + z];
    rnDeparted += xe;
    rnReclassified += xr;
  }
  addToLedger(ledger, k, ST_RN, F_EXTERNAL_OUT, rnDeparted);
  addToLedger(ledger, k, ST_RN, F_TRANSFER_OUT, rnReclassified);
  addToLedger(ledger, k, ST_UN, F_TRANSFER_IN, rnReclassified);

  // Incoming migrants, registered elsewhere: a share to villages (RN), the rest to the zones at duration 0.
  let incoming = 0;
  const toRural = inflowRural[k];
  if (toRural > 0) {
    let x = 0;
    for (let i = 0; i < SA; i++) {
      const y = inflow[kSA + i] * toRural;
      next[rnOff + i] += y;
      x += y;
    }
    addToLedger(ledger, k, ST_RN, F_EXTERNAL_IN, x);
    incoming += x;
  }
  let incomingUrban = 0;
  for (let z = 0; z < Z; z++) {
    const share = inflowZones[k * Z + z] * (1 - toRural);
    const o = L.un(z, 0);
    for (let i = 0; i < SA; i++) {
      const x = inflow[kSA + i] * share;
      next[o + i] += x;
      incomingUrban += x;
    }
  }
  addToLedger(ledger, k, ST_UN, F_EXTERNAL_IN, incomingUrban);
  incoming += incomingUrban;

  // Returners arrive.
  for (let z = 0; z < Z; z++) {
    const o = L.uh(z);
    const sh = uhShare[z];
    for (let i = 0; i < SA; i++) next[o + i] += returnsU[i] * sh;
  }
  for (let i = 0; i < SA; i++) next[raOff + i] += returnsR[i];
  addToLedger(ledger, k, ST_UH, F_TRANSFER_IN, retU);
  addToLedger(ledger, k, ST_RA, F_TRANSFER_IN, retR);

  totals.ruralToUrban = toUrban;
  totals.reclassified = reclassUH + reclassUA + rnReclassified;
  totals.incoming = incoming;
  totals.departures = departed + rnDeparted;
  totals.leftForAway = leftU + leftUA + leftR;
  totals.returned = retU + retR;
}
