/**
 * Eligibility of a cell (group, duration d, sex, age) for a settlement
 * channel: MODEL.md §4. Each condition gives the probability that a person
 * in the cell meets it; conditions of one channel multiply (independence),
 * except the points condition, whose education and insurance terms are
 * summed exactly over their joint distribution. Insured years follow the
 * two-state chain of `insurance.ts`.
 */
import { AGES as AGES_, SA as SA_ } from './dims';
import { insuranceRunAtLeast, insuranceYearsPmf, tailFrom } from './insurance';

// The chain's functions, for callers that reach eligibility through this module.
export {
  binomialAtLeast,
  binomialPmf,
  insuranceEntry,
  insuranceRunAtLeast,
  insuranceRunPmf,
  insuranceYearsAtLeast,
  insuranceYearsPmf,
  minInsuranceStay,
} from './insurance';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const SA = SA_;

/** Education levels, each "at least": 中专/高中, 大专, 本科, 研究生. */
export const EDUCATION_LEVELS = ['secondary', 'college', 'bachelor', 'postgraduate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Attributes of one registration group, compiled to sex × age vectors. */
export interface GroupAttributes {
  /** Share of the years lived here covered by social insurance: the chain's stationary share π. */
  readonly insuranceCoverage: number;
  /**
   * P(covered next year | covered this year), p, at least (2π − 1)/π. p = π:
   * independent years; p = 1: whoever is covered stays covered.
   */
  readonly insuranceStay: number;
  /** Share in stable employment. */
  readonly employment: Float64Array;
  /** Long-run share owning a home in the zone. */
  readonly ownershipLongRun: Float64Array;
  /** Ownership at arrival as a fraction of the long-run share. */
  readonly ownershipAtArrival: number;
  /** Years for ownership to close half the gap to its long-run share. */
  readonly ownershipHalfLife: number;
  /** Share renting legally (registered lease). */
  readonly legalRent: Float64Array;
  /** Share with at least each level, in the order of {@link EDUCATION_LEVELS}. */
  readonly educationAtLeast: readonly Float64Array[];
  /** Share holding each named attribute (skill certificate, veteran …), by sex × age. */
  readonly attributes: Readonly<Record<string, Float64Array>>;
}

export type Condition =
  | { readonly type: 'open' }
  | { readonly type: 'residence'; readonly years: number }
  | { readonly type: 'insurance'; readonly years: number; readonly counting: InsuranceCounting }
  | { readonly type: 'employment' }
  | { readonly type: 'housing'; readonly rentedCounts: boolean }
  | { readonly type: 'property'; readonly areaShare: number }
  | { readonly type: 'education'; readonly level: EducationLevel }
  | { readonly type: 'age'; readonly min: number; readonly max: number }
  | { readonly type: 'attribute'; readonly name: string; readonly share: number }
  | { readonly type: 'closed' }
  | PointsCondition;

/**
 * How insured years count: `cumulative` (累计), all covered years lived here;
 * `continuous` (连续), the current unbroken run of covered years up to the latest year.
 */
export type InsuranceCounting = 'cumulative' | 'continuous';

export interface PointsCondition {
  readonly type: 'points';
  readonly threshold: number;
  readonly base: number;
  /** Points by highest education: none (below secondary), then each level. */
  readonly education: readonly [number, number, number, number, number];
  readonly perResidenceYear: number;
  readonly maxResidenceYears: number;
  readonly perInsuranceYear: number;
  readonly maxInsuranceYears: number;
  /** Points by age, per single year of age (length AGES). */
  readonly agePoints: Float64Array;
}

/** Ownership in a cell: rises from its share at arrival toward the long-run share with duration. */
export function ownership(attr: GroupAttributes, i: number, d: number): number {
  return Math.min(1, attr.ownershipLongRun[i] * ownershipRise(attr, d));
}

/** The duration factor of ownership: its share at arrival rising to 1 with the half-life. */
function ownershipRise(attr: GroupAttributes, d: number): number {
  const a0 = attr.ownershipAtArrival;
  const hl = attr.ownershipHalfLife;
  const closed = hl > 0 ? 1 - Math.pow(0.5, d / hl) : 1;
  return a0 + (1 - a0) * closed;
}

/** The pmf of covered years (cumulative) over the d + 1 years a person of duration d has lived here. */
export function insuredYearsPmf(attr: GroupAttributes, d: number): Float64Array {
  return insuranceYearsPmf(d + 1, attr.insuranceCoverage, attr.insuranceStay);
}

/** Probability that a person of cell (d, i = s·AGES + a) meets one condition. */
export function conditionProbability(cond: Condition, attr: GroupAttributes, d: number, i: number): number {
  const needsPmf = cond.type === 'points' || (cond.type === 'insurance' && cond.counting !== 'continuous');
  return cellProbability(cond, attr, d, i, ownershipRise(attr, d), needsPmf ? insuredYearsPmf(attr, d) : null);
}

/**
 * {@link conditionProbability} with the duration-only parts precomputed:
 * `rise` (ownership's duration factor) and `pmf` (cumulative insured years,
 * for points and cumulative insurance conditions).
 */
function cellProbability(
  cond: Condition,
  attr: GroupAttributes,
  d: number,
  i: number,
  rise: number,
  pmf: Float64Array | null,
): number {
  switch (cond.type) {
    case 'open':
      return 1;
    case 'closed':
      return 0;
    case 'attribute': {
      const v = attr.attributes[cond.name];
      return v ? v[i] * cond.share : 0;
    }
    case 'residence':
      return d >= cond.years ? 1 : 0;
    case 'insurance':
      if (cond.counting === 'continuous')
        return insuranceRunAtLeast(d + 1, attr.insuranceCoverage, attr.insuranceStay, cond.years);
      return pmf ? tailFrom(pmf, cond.years) : tailFrom(insuredYearsPmf(attr, d), cond.years);
    case 'employment':
      return attr.employment[i];
    case 'housing': {
      const own = Math.min(1, attr.ownershipLongRun[i] * rise);
      return Math.min(1, cond.rentedCounts ? own + attr.legalRent[i] : own);
    }
    case 'property':
      return Math.min(1, attr.ownershipLongRun[i] * rise) * cond.areaShare;
    case 'education':
      return attr.educationAtLeast[levelIndex(cond.level)][i];
    case 'age': {
      const a = i % AGES;
      return a >= cond.min && a <= cond.max ? 1 : 0;
    }
    case 'points':
      return pointsFromPmf(cond, attr, d, i, pmf ?? insuredYearsPmf(attr, d));
  }
}

function levelIndex(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

/**
 * P(score ≥ threshold): the exact sum over the highest education level and
 * the number of insured years k (cumulative) among the d + 1 years lived here,
 * from the insurance chain ({@link insuranceYearsPmf}).
 */
export function pointsProbability(cond: PointsCondition, attr: GroupAttributes, d: number, i: number): number {
  return pointsFromPmf(cond, attr, d, i, insuredYearsPmf(attr, d));
}

function pointsFromPmf(cond: PointsCondition, attr: GroupAttributes, d: number, i: number, pmf: Float64Array): number {
  const a = i % AGES;
  const fixed = cond.base + Math.min(d, cond.maxResidenceYears) * cond.perResidenceYear + cond.agePoints[a];
  // Exact level shares from the "at least" shares.
  let total = 0;
  for (let lvl = 0; lvl <= EDUCATION_LEVELS.length; lvl++) {
    const atLeast = lvl === 0 ? 1 : attr.educationAtLeast[lvl - 1][i];
    const above = lvl === EDUCATION_LEVELS.length ? 0 : attr.educationAtLeast[lvl][i];
    const share = Math.max(0, atLeast - above);
    if (share === 0) continue;
    const s0 = fixed + cond.education[lvl];
    let pass = 0;
    for (let k = 0; k < pmf.length; k++) {
      if (s0 + Math.min(k, cond.maxInsuranceYears) * cond.perInsuranceYear >= cond.threshold) pass += pmf[k];
    }
    total += share * pass;
  }
  return Math.min(1, total);
}

/**
 * Eligibility array of one channel for both groups: index
 * `(g * D + d) * SA + i`, each the product of its conditions.
 */
export function channelEligibility(
  conditions: readonly Condition[],
  attrs: readonly [GroupAttributes, GroupAttributes],
  durations: number,
): Float64Array {
  const out = new Float64Array(2 * durations * SA);
  for (let g = 0; g < 2; g++) {
    for (let d = 0; d < durations; d++) {
      const off = (g * durations + d) * SA;
      // Duration-only parts, once per (g, d): ownership's rise and the pmf of insured years.
      const rise = ownershipRise(attrs[g], d);
      const pmf = insuredYearsPmf(attrs[g], d);
      // Conditions that depend on duration only are the same for every cell of (g, d).
      let common = 1;
      const perCell: Condition[] = [];
      for (const c of conditions) {
        if (c.type === 'residence' || c.type === 'insurance' || c.type === 'open' || c.type === 'closed')
          common *= cellProbability(c, attrs[g], d, 0, rise, pmf);
        else perCell.push(c);
      }
      for (let i = 0; i < SA; i++) {
        let p = common;
        for (const c of perCell) {
          if (p === 0) break;
          p *= cellProbability(c, attrs[g], d, i, rise, pmf);
        }
        out[off + i] = p;
      }
    }
  }
  return out;
}

/**
 * Combines a zone's channels: a person is eligible if any channel admits
 * them, `eligible = (1−κ)(1 − Π(1 − p_c)) + κ·max p_c`, κ spanning
 * independent channels (0) to fully overlapping ones (1).
 *
 * `limited[c]` marks the channels with an annual quota. When any channel is
 * limited, `eligibleFree` is the same combination over the unlimited channels
 * only (0 where there are none), so `eligible − eligibleFree` is what the
 * limited channels add; otherwise it is null. `shares` attributes settlers to
 * channels: p_c / Σ p over the channels of the same kind (limited or not),
 * so the free part goes to the unlimited channels and the rest to the limited
 * ones. With no limited channel it is p_c / Σ p over all channels.
 */
export function combineChannels(
  eligibilities: readonly Float64Array[],
  kappa: number,
  cells: number,
  limited: readonly boolean[] = [],
): { eligible: Float64Array; eligibleFree: Float64Array | null; shares: Float64Array } {
  const C = eligibilities.length;
  const anyLimited = limited.some((l) => l);
  const eligible = new Float64Array(cells);
  const eligibleFree = anyLimited ? new Float64Array(cells) : null;
  const shares = new Float64Array(C * cells);
  for (let i = 0; i < cells; i++) {
    let none = 1;
    let max = 0;
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const p = eligibilities[c][i];
      none *= 1 - p;
      if (p > max) max = p;
      sum += p;
    }
    eligible[i] = C === 0 ? 0 : (1 - kappa) * (1 - none) + kappa * max;
    if (!eligibleFree) {
      if (sum > 0) for (let c = 0; c < C; c++) shares[c * cells + i] = eligibilities[c][i] / sum;
      continue;
    }
    let noneFree = 1;
    let maxFree = 0;
    let sumFree = 0;
    let sumLimited = 0;
    let nFree = 0;
    for (let c = 0; c < C; c++) {
      const p = eligibilities[c][i];
      if (limited[c]) {
        sumLimited += p;
        continue;
      }
      noneFree *= 1 - p;
      if (p > maxFree) maxFree = p;
      sumFree += p;
      nFree++;
    }
    // Never above `eligible` (a subset of the channels; rounding is monotone, the min only guards it).
    eligibleFree[i] = nFree === 0 ? 0 : Math.min(eligible[i], (1 - kappa) * (1 - noneFree) + kappa * maxFree);
    for (let c = 0; c < C; c++) {
      const kindSum = limited[c] ? sumLimited : sumFree;
      if (kindSum > 0) shares[c * cells + i] = eligibilities[c][i] / kindSum;
    }
  }
  return { eligible, eligibleFree, shares };
}
