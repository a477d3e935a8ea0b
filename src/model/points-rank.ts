/**
 * Ranking by score under a points quota (积分排名): a city with more qualified applicants than places
 * admits the highest scores first, so the year's cut-off (分数线) rises above the published minimum.
 *
 * For a points channel we precompute, per cell, the share of those reaching the minimum score whose score
 * also reaches each cut-off of a grid from the minimum to the highest score the rules can give:
 * `ratio[k · cells + cell] = P(score ≥ s_k) / P(score ≥ s_0)`, s_k = threshold + k · step. The settlement
 * finds the cut-off at which the quota is met (between two grid levels, linearly) and scales each cell's
 * would-be settlers of the channel by its own ratio, instead of every cell alike.
 */
import { SA as SA_ } from './dims';
import { EDUCATION_LEVELS, insuredYearsPmf, type GroupAttributes, type PointsCondition } from './eligibility';

const SA = SA_;
const AGES = SA_ / 2;

/** Grid levels above the minimum score: the cut-off is interpolated between them. */
export const RANK_LEVELS = 24;

export interface PointsRanking {
  /** The cut-off scores s_0 (the document's minimum) … s_K. */
  readonly cutoffs: Float64Array;
  /** `(K + 1) · cells`, cells = 2·D·SA (layout of the channel's eligibility); 0 where nobody reaches s_0. */
  readonly ratio: Float64Array;
}

/** The highest score the rules can give anyone (each term at its best). */
function maxScore(c: PointsCondition): number {
  let age = -Infinity;
  for (const p of c.agePoints) age = Math.max(age, p);
  return (
    c.base +
    Math.max(0, c.maxResidenceYears * c.perResidenceYear) +
    Math.max(0, c.maxInsuranceYears * c.perInsuranceYear) +
    Math.max(...c.education) +
    age
  );
}

/** The ranking grid of one points condition, or null when no score can exceed the minimum. */
export function pointsRanking(
  cond: PointsCondition,
  attrs: readonly [GroupAttributes, GroupAttributes],
  durations: number,
): PointsRanking | null {
  const top = maxScore(cond);
  if (!(top > cond.threshold)) return null;
  const K = RANK_LEVELS;
  const step = (top - cond.threshold) / K;
  const cutoffs = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) cutoffs[k] = cond.threshold + k * step;
  const cells = 2 * durations * SA;
  const ratio = new Float64Array((K + 1) * cells);
  const bucket = new Float64Array(K + 1);
  const L = EDUCATION_LEVELS.length;
  for (let g = 0; g < 2; g++) {
    const attr = attrs[g];
    for (let d = 0; d < durations; d++) {
      const pmf = insuredYearsPmf(attr, d);
      const off = (g * durations + d) * SA;
      for (let i = 0; i < SA; i++) {
        // The score's distribution in this cell: (education level × insured years) → mass, into the grid's
        // buckets: bucket j holds the mass with s_j ≤ score < s_{j+1} (the top one everything above s_K).
        bucket.fill(0);
        const fixed =
          cond.base + Math.min(d, cond.maxResidenceYears) * cond.perResidenceYear + cond.agePoints[i % AGES];
        for (let lvl = 0; lvl <= L; lvl++) {
          const atLeast = lvl === 0 ? 1 : attr.educationAtLeast[lvl - 1][i];
          const above = lvl === L ? 0 : attr.educationAtLeast[lvl][i];
          const share = Math.max(0, atLeast - above);
          if (share === 0) continue;
          const s0 = fixed + cond.education[lvl];
          for (let y = 0; y < pmf.length; y++) {
            const score = s0 + Math.min(y, cond.maxInsuranceYears) * cond.perInsuranceYear;
            if (score < cond.threshold) continue;
            // The small tolerance keeps a score that lands on a level (by design, often) in that level.
            const j = Math.min(K, Math.floor((score - cond.threshold) / step + 1e-9));
            bucket[j] += share * pmf[y];
          }
        }
        let above = 0;
        for (let k = K; k >= 0; k--) {
          above += bucket[k];
          bucket[k] = above; // now P(score ≥ s_k)
        }
        const p0 = bucket[0];
        if (p0 > 0) for (let k = 0; k <= K; k++) ratio[k * cells + off + i] = bucket[k] / p0;
      }
    }
  }
  return { cutoffs, ratio };
}
