/**
 * Fiscal and land linkage (MODEL.md §7): what citizenisation costs, who
 * pays, which transfers follow the settlers, and how much construction land.
 *
 * Runs after the projection on its outputs (settlers by zone and age,
 * non-registered residents by zone and age). Conventions:
 * - amounts in base-year yuan (元), each component growing at its real rate
 *   from the base year; transfers are per-person rates without growth;
 * - a settler costs the full annual package from the year of settlement on
 *   (while alive and living in the city), plus the one-offs in that year;
 *   a component with a waiting period (`afterYears`, e.g. housing support
 *   after the years a document requires) starts that many years later, for
 *   the settlers still there; their children born later are registered
 *   natives and cost nothing here;
 * - a one-off for new urban residents (`appliesTo: newUrbanResidents`, e.g.
 *   urban infrastructure) follows the net growth of the urban population by
 *   migration, not registrations: a resident who converts in place (UA or
 *   UN → UH) or a village reclassified in place adds nothing;
 * - a non-registered resident (UA, UN) costs the annual package × the
 *   residence-permit service level: the component's own path where it has
 *   one (equalisation by a date), else S(t);
 * - of the cost of settlers registered elsewhere, `originShare` stays with
 *   their area of origin (payer `origin`, e.g. pensions of older settlers
 *   where a document says so): part of the cost, not of the city's burden;
 * - the base year has no flows: every series is NaN at index 0.
 */
import { SA as SA_ } from './dims';
import type { ModelInput } from './input';
import { F_BIRTHS, F_DEATHS, FIELDS, STATES, ST_UA, ST_UH, ST_UN, type ProjectionOutput } from './output';
import { ageSettled, lifetimePV } from './fiscal-lifetime';
import { meanPerPerson, ruralShareOfElsewhere, trainingCoverage, zoneWeight } from './fiscal-parts';
import { PAYERS, type FiscalInput, type FiscalOutput } from './fiscal-types';

// The types live in fiscal-types.ts (no import cycle with the helpers); re-exported for callers.
export {
  PAYERS,
  SHARE_PAYERS,
  type FiscalComponent,
  type FiscalInput,
  type FiscalOutput,
  type Payer,
} from './fiscal-types';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const SA = SA_;

// Payer indices in every payer array (PAYERS).
const MUNICIPAL = 2;
const COUNTY = 3;
const ORIGIN = 6;

export function computeFiscal(input: ModelInput, out: ProjectionOutput, f: FiscalInput): FiscalOutput {
  const n = out.steps + 1;
  const Z = out.dims.zones;
  const C = f.components.length;
  const P = PAYERS.length;
  const arr = (len = n) => new Float64Array(len);
  const r: FiscalOutput = {
    costByComponent: arr(C * n),
    costByPayer: arr(P * n),
    totalCost: arr(),
    costSettlers: arr(),
    costNonRegistered: arr(),
    costNewUrban: arr(),
    newUrbanResidents: arr(),
    reward: arr(),
    generalLinkage: arr(),
    investmentSubsidy: arr(),
    transfersTotal: arr(),
    municipalNet: arr(),
    perSettlerAnnual: arr(),
    transferPerSettler: arr(),
    lifetimePV: lifetimePV(input, out, f),
    settledStock: arr(),
    zoneCost: arr(Z * n),
    zoneTransfers: arr(Z * n),
    landHa: arr(),
    landHaCumulative: arr(),
    landSettlers: arr(),
    landReclaimedHa: arr(),
    landNetHa: arr(),
    landNetHaCumulative: arr(),
    trainingCoverage: trainingCoverage(f, n),
  };

  // Settled stock by zone and age, aged each year; and the part of it that was registered elsewhere.
  let stock = new Float64Array(Z * SA);
  let aged = new Float64Array(Z * SA);
  let stockUN = new Float64Array(SA);
  let agedUN = new Float64Array(SA);
  // The settlers of the last `maxWait` years by years since settlement (cohort d settled d years ago), for
  // the components with a waiting period; the same for those registered elsewhere.
  const maxWait = f.components.reduce((m, c) => Math.max(m, c.afterYears), 0);
  const cohorts = Array.from({ length: maxWait + 1 }, () => new Float64Array(Z * SA));
  const cohortsUN = Array.from({ length: maxWait + 1 }, () => new Float64Array(SA));
  const zoneU = (z: number, i: number) => out.zoneUH[z * n + i] + out.zoneUA[z * n + i] + out.zoneUN[z * n + i];
  const newByZone = new Float64Array(Z);
  // Net additions since the base year, by zone: those an annual cost for new urban residents runs on. Their
  // deaths and departures are not followed one by one: they lower the net growth of the later years.
  const newStock = new Float64Array(Z);
  // Reward owed per year of settlement (the taper applies to each cohort).
  const rewardBase = arr();
  const { sameCity, inProvince, otherProvince, otherProvinceShare, taper } = f.reward;
  const unRate = otherProvinceShare * otherProvince + (1 - otherProvinceShare) * inProvince;

  for (let i = 1; i < n; i++) {
    const k = i - 1;
    const t = i; // years since the base year
    for (let z = 0; z < Z; z++) {
      ageSettled(input, k, stock.subarray(z * SA, (z + 1) * SA), aged.subarray(z * SA, (z + 1) * SA));
      const sa = out.settlersAge;
      for (let j = 0; j < SA; j++) aged[z * SA + j] += sa[(i * Z + z) * SA + j];
    }
    [stock, aged] = [aged, stock];
    ageSettled(input, k, stockUN, agedUN);
    for (let j = 0; j < SA; j++) agedUN[j] += out.settlersAgeUN[i * SA + j];
    [stockUN, agedUN] = [agedUN, stockUN];
    // Each tracked cohort a year on (from the oldest down, so each reads last year's younger one); the
    // oldest drops out of the tracking (it is in `stock`), this year's settlers enter at d = 0.
    for (let d = maxWait; d >= 1; d--) {
      for (let z = 0; z < Z; z++)
        ageSettled(input, k, cohorts[d - 1].subarray(z * SA, (z + 1) * SA), cohorts[d].subarray(z * SA, (z + 1) * SA));
      ageSettled(input, k, cohortsUN[d - 1], cohortsUN[d]);
    }
    cohorts[0].set(out.settlersAge.subarray(i * Z * SA, (i + 1) * Z * SA));
    cohortsUN[0].set(out.settlersAgeUN.subarray(i * SA, (i + 1) * SA));
    let settledUN = 0;
    for (let j = 0; j < SA; j++) settledUN += stockUN[j];

    // Net growth of the urban population by migration: the change in urban residents less their natural
    // increase and the villages reclassified in place, by zone where it grows.
    let natural = 0;
    for (const st of [ST_UH, ST_UA, ST_UN])
      natural += out.ledger[(k * STATES + st) * FIELDS + F_BIRTHS] - out.ledger[(k * STATES + st) * FIELDS + F_DEATHS];
    let growth = 0;
    let positive = 0;
    for (let z = 0; z < Z; z++) {
      const dz = zoneU(z, i) - zoneU(z, i - 1) - out.series.reclassified[i] * input.reclassZones[k * Z + z];
      growth += dz;
      newByZone[z] = Math.max(0, dz);
      positive += newByZone[z];
    }
    const newUrban = Math.max(0, growth - natural);
    for (let z = 0; z < Z; z++) {
      newByZone[z] = positive > 0 ? (newUrban * newByZone[z]) / positive : 0;
      newStock[z] += newByZone[z];
    }
    r.newUrbanResidents[i] = newUrban;

    const settlers = out.series.settlers[i];
    let totalSettlerCost = 0;
    let newSettlerCost = 0;
    let newUrbanCost = 0;
    let nonRegisteredCost = 0;
    for (let c = 0; c < C; c++) {
      const comp = f.components[c];
      const g = Math.pow(1 + comp.realGrowth, t);
      const pp = comp.perPerson;
      const S = comp.serviceLevel ? comp.serviceLevel[i] : f.serviceLevel[i];
      const wait = comp.afterYears;
      let cost = 0;
      let fromElsewhere = 0;
      if (comp.appliesTo === 'newUrbanResidents') {
        const people = comp.kind === 'oneOff' ? newByZone : newStock;
        for (let z = 0; z < Z; z++) {
          const zc = g * people[z] * meanPerPerson(pp, out.nonRegisteredAge, (i * Z + z) * SA);
          r.zoneCost[z * n + i] += zc;
          cost += zc;
        }
        newUrbanCost += cost;
      } else if (comp.kind === 'oneOff') {
        // Paid once, `wait` years after settlement, for the settlers of then still in the city.
        const due = cohorts[wait];
        for (let z = 0; z < Z; z++) {
          let zc = 0;
          for (let j = 0; j < SA; j++) zc += due[z * SA + j] * pp[j];
          zc *= g;
          r.zoneCost[z * n + i] += zc;
          cost += zc;
        }
        for (let j = 0; j < SA; j++) fromElsewhere += cohortsUN[wait][j] * pp[j];
        fromElsewhere *= g;
        totalSettlerCost += cost;
        if (wait === 0) newSettlerCost += cost;
      } else {
        let settlerCost = 0;
        for (let z = 0; z < Z; z++) {
          let settled = 0;
          let nonReg = 0;
          const newOff = (i * Z + z) * SA;
          for (let j = 0; j < SA; j++) {
            // Settled at least `wait` years ago: the stock less the cohorts still waiting.
            let x = stock[z * SA + j];
            for (let d = 0; d < wait; d++) x -= cohorts[d][z * SA + j];
            // The stock and its cohorts are aged apart: a difference of rounding, never a negative cost.
            settled += Math.max(0, x) * pp[j];
            nonReg += out.nonRegisteredAge[newOff + j] * pp[j];
          }
          const zc = g * (settled + S * nonReg);
          settlerCost += g * settled;
          nonRegisteredCost += g * S * nonReg;
          r.zoneCost[z * n + i] += zc;
          cost += zc;
        }
        for (let j = 0; j < SA; j++) {
          let x = stockUN[j];
          for (let d = 0; d < wait; d++) x -= cohortsUN[d][j];
          fromElsewhere += Math.max(0, x) * pp[j];
        }
        fromElsewhere *= g;
        totalSettlerCost += settlerCost;
        if (wait === 0) {
          let fresh = 0;
          for (let z = 0; z < Z; z++) for (let j = 0; j < SA; j++) fresh += cohorts[0][z * SA + j] * pp[j];
          newSettlerCost += g * fresh;
        }
      }
      r.costByComponent[c * n + i] = cost;
      const toOrigin = comp.originShare * fromElsewhere;
      for (let p = 0; p < P; p++) r.costByPayer[p * n + i] += (cost - toOrigin) * comp.payers[p];
      r.costByPayer[ORIGIN * n + i] += toOrigin;
      r.totalCost[i] += cost;
    }
    r.costSettlers[i] = totalSettlerCost;
    r.costNewUrban[i] = newUrbanCost;
    // Summed where it arises, not as the total less the other groups: that difference of rounding was once
    // −1.2e−7 yuan with a service level of 0.
    r.costNonRegistered[i] = nonRegisteredCost;
    r.perSettlerAnnual[i] = settlers > 0 ? newSettlerCost / settlers : NaN;
    let stockTotal = 0;
    for (let j = 0; j < Z * SA; j++) stockTotal += stock[j];
    r.settledStock[i] = stockTotal;

    // Transfers.
    let ua = 0;
    let un = 0;
    for (let z = 0; z < Z; z++) {
      ua += out.settlersByZoneGroup[z * 2 * n + i];
      un += out.settlersByZoneGroup[(z * 2 + 1) * n + i];
    }
    // Rewards and land follow agricultural transfer settlers (农业转移人口): not those holding an urban registration elsewhere.
    const rural = ruralShareOfElsewhere(out, i);
    rewardBase[i] = ua * sameCity + un * rural * unRate;
    let reward = 0;
    for (let tau = 1; tau <= i; tau++) {
      const lag = i - tau;
      if (lag < taper.length) reward += rewardBase[tau] * taper[lag];
    }
    const fund = f.rewardFund?.[i];
    r.reward[i] = fund !== undefined && Number.isFinite(fund) ? fund : reward;
    r.generalLinkage[i] = f.generalPerCapita * (settledUN + f.generalWeight[i] * out.series.stockUN[i]);
    r.investmentSubsidy[i] = settlers * f.investmentSubsidy;
    const transfers = r.reward[i] + r.generalLinkage[i] + r.investmentSubsidy[i];
    r.transfersTotal[i] = transfers;
    r.municipalNet[i] = r.costByPayer[MUNICIPAL * n + i] + r.costByPayer[COUNTY * n + i] - transfers;
    r.transferPerSettler[i] = settlers > 0 ? (r.reward[i] + r.investmentSubsidy[i]) / settlers : NaN;

    // The city passes its receipts on to the zones.
    let weightSum = 0;
    for (let z = 0; z < Z; z++) weightSum += zoneWeight(out, f, z, i);
    for (let z = 0; z < Z; z++)
      r.zoneTransfers[z * n + i] = weightSum > 0 ? (transfers * zoneWeight(out, f, z, i)) / weightSum : transfers / Z;

    // Land follows the agricultural transfer settlers who are net additions to the zone's urban population
    // (its growth by migration, as for infrastructure): a zone whose urban residents do not grow by
    // migration houses its settlers on the land it has, and a shrinking city gets no new land for them.
    let m2 = 0;
    let counted = 0;
    for (let z = 0; z < Z; z++) {
      const agri = out.settlersByZoneGroup[z * 2 * n + i] + out.settlersByZoneGroup[(z * 2 + 1) * n + i] * rural;
      const c = Math.min(agri, newByZone[z]);
      counted += c;
      m2 += c * f.landPerSettler[z];
    }
    r.landSettlers[i] = counted;
    r.landHa[i] = m2 / 10_000;
    r.landHaCumulative[i] = r.landHaCumulative[i - 1] + r.landHa[i];
    // 增减挂钩: local rural settlers who give up their homestead free its rural construction land, whatever
    // the urban land they are counted for (their homestead is in this city's villages; others' are elsewhere).
    r.landReclaimedHa[i] = f.landReclaim ? (ua * f.landReclaim.exitShare * f.landReclaim.m2PerPerson) / 10_000 : 0;
    r.landNetHa[i] = r.landHa[i] - r.landReclaimedHa[i];
    r.landNetHaCumulative[i] = r.landNetHaCumulative[i - 1] + r.landNetHa[i];
  }
  for (const a of [r.costByComponent, r.costByPayer, r.zoneCost, r.zoneTransfers])
    for (let j = 0; j < a.length; j += n) a[j] = NaN;
  for (const a of [
    r.totalCost,
    r.costSettlers,
    r.costNonRegistered,
    r.costNewUrban,
    r.newUrbanResidents,
    r.reward,
    r.generalLinkage,
    r.investmentSubsidy,
    r.transfersTotal,
    r.municipalNet,
    r.perSettlerAnnual,
    r.transferPerSettler,
    r.settledStock,
    r.landHa,
    r.landHaCumulative,
    r.landSettlers,
    r.landReclaimedHa,
    r.landNetHa,
    r.landNetHaCumulative,
  ])
    a[0] = NaN;
  return r;
}
