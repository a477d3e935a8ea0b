/**
 * Step parts 1 and 2: survival with ageing, and births.
 *
 * Both write into `next`, which the caller has zeroed. Survival of a vector
 * moves age a to a+1 with the survival ratio of age a; ages 99 and 100+ both
 * enter 100+. Births use the average of the women of each age at the start
 * (in `cur`) and at the end (survivors, in `next`) of the year.
 */
import { AGES as AGES_, OPEN_AGE as OPEN_AGE_, SA as SA_ } from './dims';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const OPEN_AGE = OPEN_AGE_;
const SA = SA_;

/**
 * Survives the vector at `from` in `cur` into the vector at `to` in `next`
 * (added, so several duration cells can merge into the open duration).
 * `surv` holds SA survival ratios from `sOff`. Returns the deaths.
 */
export function surviveVector(
  cur: Float64Array,
  from: number,
  next: Float64Array,
  to: number,
  surv: Float64Array,
  sOff: number,
): number {
  let before = 0;
  let after = 0;
  for (let s = 0; s < 2; s++) {
    const f = from + s * AGES;
    const t = to + s * AGES;
    const so = sOff + s * AGES;
    for (let a = 0; a < OPEN_AGE - 1; a++) {
      const p = cur[f + a];
      const x = p * surv[so + a];
      next[t + a + 1] += x;
      before += p;
      after += x;
    }
    const p99 = cur[f + OPEN_AGE - 1];
    const p100 = cur[f + OPEN_AGE];
    const x = p99 * surv[so + OPEN_AGE - 1] + p100 * surv[so + OPEN_AGE];
    next[t + OPEN_AGE] += x;
    before += p99 + p100;
    after += x;
  }
  return before - after;
}

/**
 * Σ_a f(a) · W(a) over the female ages of the vector at `off`, for ages
 * `from` … `to` (the fertile span; f is 0 outside it): half of the births
 * is this sum at the start plus this sum at the end of the year.
 */
export function fertileExposure(
  v: Float64Array,
  off: number,
  asfr: Float64Array,
  fOff: number,
  from = 0,
  to = AGES - 1,
): number {
  let b = 0;
  for (let a = from; a <= to; a++) b += asfr[fOff + a] * v[off + a];
  return b;
}

/**
 * Adds the surviving newborns of `births` to age 0 of the vector at `to`.
 * Returns the newborns who died before the year's end.
 */
export function addNewborns(
  next: Float64Array,
  to: number,
  births: number,
  maleShare: number,
  l0Female: number,
  l0Male: number,
): number {
  const f = births * (1 - maleShare) * l0Female;
  const m = births * maleShare * l0Male;
  next[to] += f;
  next[to + AGES] += m;
  return births - f - m;
}

/** Sum of one SA vector. */
export function vectorSum(v: Float64Array, off: number): number {
  let t = 0;
  for (let i = off; i < off + SA; i++) t += v[i];
  return t;
}
