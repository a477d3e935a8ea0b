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
 *   their children born later are registered natives and cost nothing here;
 * - a non-registered resident (UA, UN) costs the annual package × the
 *   residence-permit service level S(t);
 * - the base year has no flows: every series is NaN at index 0.
 */
import { AGES as AGES_, OPEN_AGE as OPEN_AGE_, SA as SA_ } from './dims';
import { SURV_CLASSES as SURV_CLASSES_, SURV_URBAN as SURV_URBAN_, type ModelInput } from './input';
import type { ProjectionOutput } from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const OPEN_AGE = OPEN_AGE_;
const SA = SA_;
const SURV_CLASSES = SURV_CLASSES_;
const SURV_URBAN = SURV_URBAN_;

/** Who pays, in the order of every payer array. */
export const PAYERS = ['central', 'provincial', 'municipal', 'county', 'employer', 'individual'] as const;
export type Payer = (typeof PAYERS)[number];
const MUNICIPAL = 2;
const COUNTY = 3;

export interface FiscalComponent {
  readonly id: string;
  /** One-off per new settler, or annual per person. */
  readonly kind: 'oneOff' | 'annual';
  /** Base-year yuan per person (take-up included), by sex × age (for one-offs: the settler's age). */
  readonly perPerson: Float64Array;
  /** Real growth rate per year of the per-person amount. */
  readonly realGrowth: number;
  /** Shares of the six payers (sum 1), in the order of {@link PAYERS}. */
  readonly payers: Float64Array;
}

export interface FiscalInput {
  readonly components: readonly FiscalComponent[];
  /** Residence-permit service level S per year index (length steps + 1). */
  readonly serviceLevel: Float64Array;
  readonly discountRate: number;
  /** Reward per person settled (元/人), by origin: same city (UA), elsewhere in the province, another province. */
  readonly reward: {
    readonly sameCity: number;
    readonly inProvince: number;
    readonly otherProvince: number;
    /** Share of settlers registered elsewhere (UN) who come from another province. */
    readonly otherProvinceShare: number;
    /** Share of the reward paid k years after settlement (k = 0 the year itself); tapering (退坡). */
    readonly taper: readonly number[];
  };
  /**
   * General transfer for people registered elsewhere: the per-capita standard (元/人) × (those who
   * settled, now counted as registered, + w × those still not registered), w per year index
   * (0 = registration-based formula, 1 = resident-based). Local rural-registered residents (UA) are
   * registered here and counted either way, so they are no part of the linkage.
   */
  readonly generalWeight: Float64Array;
  readonly generalPerCapita: number;
  /** Construction-investment subsidy per person settled (元/人). */
  readonly investmentSubsidy: number;
  /** How the city passes receipts on to its zones: by this year's settlers or by urban population. */
  readonly allocation: 'settlers' | 'population';
  /** New construction land per settler (m²), by zone. */
  readonly landPerSettler: Float64Array;
}

export interface FiscalOutput {
  /** Cost per component: index `c * n + i` (元). */
  readonly costByComponent: Float64Array;
  /** Cost per payer: index `p * n + i`. */
  readonly costByPayer: Float64Array;
  readonly totalCost: Float64Array;
  /** Cost of settlers (annual package and one-offs) and of non-registered residents (package × S). */
  readonly costSettlers: Float64Array;
  readonly costNonRegistered: Float64Array;
  readonly reward: Float64Array;
  readonly generalLinkage: Float64Array;
  readonly investmentSubsidy: Float64Array;
  readonly transfersTotal: Float64Array;
  /** Municipal and county cost minus the transfers received. */
  readonly municipalNet: Float64Array;
  /** Cost in the year of settlement per new settler (one-offs + the first year's package), 元/人. */
  readonly perSettlerAnnual: Float64Array;
  /** Reward and investment subsidy received per new settler, 元/人. */
  readonly transferPerSettler: Float64Array;
  /** Expected lifetime cost of a settler of the first projected year, discounted to that year (元/人). */
  readonly lifetimePV: number;
  /** Settlers since the base year still alive and in the city. */
  readonly settledStock: Float64Array;
  /** Cost and transfers by zone: index `z * n + i`. */
  readonly zoneCost: Float64Array;
  readonly zoneTransfers: Float64Array;
  readonly landHa: Float64Array;
  readonly landHaCumulative: Float64Array;
}

/** Ages a sex × age vector one year with the urban survival ratios of step k, into `out`. */
function ageSettled(input: ModelInput, k: number, v: Float64Array, out: Float64Array): void {
  const sOff = (k * SURV_CLASSES + SURV_URBAN) * SA;
  const surv = input.survival;
  const leave = input.leaveUrban;
  for (let s = 0; s < 2; s++) {
    const o = s * AGES;
    let open = 0;
    for (let a = OPEN_AGE; a >= 1; a--) {
      const from = a - 1;
      const x = v[o + from] * surv[sOff + o + from] * (1 - leave[k * SA + o + Math.min(a, OPEN_AGE)]);
      if (a === OPEN_AGE) open = x + v[o + OPEN_AGE] * surv[sOff + o + OPEN_AGE] * (1 - leave[k * SA + o + OPEN_AGE]);
      else out[o + a] = x;
    }
    out[o + OPEN_AGE] = open;
    out[o] = 0;
  }
}

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
  };

  // Settled stock by zone and age, aged each year; and the part of it that was registered elsewhere.
  let stock = new Float64Array(Z * SA);
  let aged = new Float64Array(Z * SA);
  let stockUN = new Float64Array(SA);
  let agedUN = new Float64Array(SA);
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
    let settledUN = 0;
    for (let j = 0; j < SA; j++) settledUN += stockUN[j];

    const settlers = out.series.settlers[i];
    const S = f.serviceLevel[i];
    let totalSettlerCost = 0;
    let newSettlerCost = 0;
    for (let c = 0; c < C; c++) {
      const comp = f.components[c];
      const g = Math.pow(1 + comp.realGrowth, t);
      let cost = 0;
      for (let z = 0; z < Z; z++) {
        let zc = 0;
        const newOff = (i * Z + z) * SA;
        if (comp.kind === 'oneOff') {
          for (let j = 0; j < SA; j++) zc += out.settlersAge[newOff + j] * comp.perPerson[j];
          zc *= g;
          newSettlerCost += zc;
          totalSettlerCost += zc;
        } else {
          let settled = 0;
          let fresh = 0;
          let nonReg = 0;
          for (let j = 0; j < SA; j++) {
            const pp = comp.perPerson[j];
            settled += stock[z * SA + j] * pp;
            fresh += out.settlersAge[newOff + j] * pp;
            nonReg += out.nonRegisteredAge[newOff + j] * pp;
          }
          zc = g * (settled + S * nonReg);
          newSettlerCost += g * fresh;
          totalSettlerCost += g * settled;
        }
        r.zoneCost[z * n + i] += zc;
        cost += zc;
      }
      r.costByComponent[c * n + i] = cost;
      for (let p = 0; p < P; p++) r.costByPayer[p * n + i] += cost * comp.payers[p];
      r.totalCost[i] += cost;
    }
    r.costSettlers[i] = totalSettlerCost;
    r.costNonRegistered[i] = r.totalCost[i] - totalSettlerCost;
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
    r.reward[i] = reward;
    r.generalLinkage[i] = f.generalPerCapita * (settledUN + f.generalWeight[i] * out.series.stockUN[i]);
    r.investmentSubsidy[i] = settlers * f.investmentSubsidy;
    const transfers = reward + r.generalLinkage[i] + r.investmentSubsidy[i];
    r.transfersTotal[i] = transfers;
    r.municipalNet[i] = r.costByPayer[MUNICIPAL * n + i] + r.costByPayer[COUNTY * n + i] - transfers;
    r.transferPerSettler[i] = settlers > 0 ? (reward + r.investmentSubsidy[i]) / settlers : NaN;

    // The city passes its receipts on to the zones.
    let weightSum = 0;
    for (let z = 0; z < Z; z++) weightSum += zoneWeight(out, f, z, i);
    for (let z = 0; z < Z; z++)
      r.zoneTransfers[z * n + i] = weightSum > 0 ? (transfers * zoneWeight(out, f, z, i)) / weightSum : transfers / Z;

    // Land follows the settlers.
    let m2 = 0;
    for (let z = 0; z < Z; z++)
      m2 +=
        (out.settlersByZoneGroup[z * 2 * n + i] + out.settlersByZoneGroup[(z * 2 + 1) * n + i] * rural) *
        f.landPerSettler[z];
    r.landHa[i] = m2 / 10_000;
    r.landHaCumulative[i] = r.landHaCumulative[i - 1] + r.landHa[i];
  }
  for (const a of [r.costByComponent, r.costByPayer, r.zoneCost, r.zoneTransfers])
    for (let j = 0; j < a.length; j += n) a[j] = NaN;
  for (const a of [
    r.totalCost,
    r.costSettlers,
    r.costNonRegistered,
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
  ])
    a[0] = NaN;
  return r;
}

/** Of year i's settlers registered elsewhere, the share whose registration there was rural. */
function ruralShareOfElsewhere(out: ProjectionOutput, i: number): number {
  const n = out.steps + 1;
  const rural = out.settlersByOriginDetail[n + i];
  const urban = out.settlersByOriginDetail[2 * n + i];
  return rural + urban > 0 ? rural / (rural + urban) : 1;
}

function zoneWeight(out: ProjectionOutput, f: FiscalInput, z: number, i: number): number {
  const n = out.steps + 1;
  if (f.allocation === 'settlers') return out.settlersByZone[z * n + i];
  return out.zoneUH[z * n + i] + out.zoneUA[z * n + i] + out.zoneUN[z * n + i];
}

/**
 * Expected lifetime cost of the first projected year's settlers, per
 * settler, at that year's prices: the one-offs plus, for each later year k,
 * the package of the survivors (period urban survival of that year, leaving
 * ignored), grown at each component's real rate and discounted at the
 * discount rate.
 */
function lifetimePV(input: ModelInput, out: ProjectionOutput, f: FiscalInput): number {
  if (out.steps < 1) return NaN;
  const Z = out.dims.zones;
  const w = new Float64Array(SA);
  let total = 0;
  for (let z = 0; z < Z; z++)
    for (let j = 0; j < SA; j++) {
      const x = out.settlersAge[(1 * Z + z) * SA + j];
      w[j] += x;
      total += x;
    }
  if (total === 0) return NaN;
  for (let j = 0; j < SA; j++) w[j] /= total;
  const sOff = (0 * SURV_CLASSES + SURV_URBAN) * SA;
  let pv = 0;
  for (const comp of f.components) {
    // Amounts at the price level of the first projected year, then grown and discounted from it.
    const level = 1 + comp.realGrowth;
    if (comp.kind === 'oneOff') {
      for (let j = 0; j < SA; j++) pv += level * w[j] * comp.perPerson[j];
      continue;
    }
    let v = Float64Array.from(w);
    let next = new Float64Array(SA);
    const factor = (1 + comp.realGrowth) / (1 + f.discountRate);
    let disc = level;
    for (let k = 0; k < 200; k++) {
      let yearCost = 0;
      let alive = 0;
      for (let j = 0; j < SA; j++) {
        yearCost += v[j] * comp.perPerson[j];
        alive += v[j];
      }
      pv += disc * yearCost;
      if (alive < 1e-9) break;
      disc *= factor;
      for (let s = 0; s < 2; s++) {
        const o = s * AGES;
        next[o] = 0;
        for (let a = 1; a < OPEN_AGE; a++) next[o + a] = v[o + a - 1] * input.survival[sOff + o + a - 1];
        next[o + OPEN_AGE] =
          v[o + OPEN_AGE - 1] * input.survival[sOff + o + OPEN_AGE - 1] +
          v[o + OPEN_AGE] * input.survival[sOff + o + OPEN_AGE];
      }
      [v, next] = [next, v];
    }
  }
  return pv;
}
