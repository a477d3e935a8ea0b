/**
 * Single-year period life table and the survival ratios the projection uses.
 *
 * Conventions follow Preston, Heuveline & Guillot, *Demography* (2001),
 * ch. 3 and ch. 6 with one-year age intervals:
 * - qx = mx / (1 + (1 − ax)·mx), ax = 0.5 above age 0;
 * - a0 by the Coale–Demeny formulas quoted in Preston et al. table 3.3
 *   (infant deaths fall early in the first year, so a0 < 0.5);
 * - the open group 100+: L = l / m.
 */
import { AGES as AGES_, OPEN_AGE as OPEN_AGE_ } from './dims';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const OPEN_AGE = OPEN_AGE_;

export interface LifeTable {
  readonly lx: Float64Array;
  readonly Lx: Float64Array;
  readonly Tx: Float64Array;
  readonly ex: Float64Array;
}

/** Coale–Demeny a0 as a function of m0 (Preston et al. 2001, table 3.3). */
export function a0FromM0(m0: number, female: boolean): number {
  if (female) return m0 >= 0.107 ? 0.35 : 0.053 + 2.8 * m0;
  return m0 >= 0.107 ? 0.33 : 0.045 + 2.684 * m0;
}

/**
 * Builds a life table (radix 1) from death rates `mx` for ages 0 … 100+.
 * `mx` is read from `offset`, AGES values.
 */
export function lifeTable(mx: ArrayLike<number>, female: boolean, offset = 0): LifeTable {
  const lx = new Float64Array(AGES);
  const Lx = new Float64Array(AGES);
  const Tx = new Float64Array(AGES);
  const ex = new Float64Array(AGES);
  lx[0] = 1;
  for (let a = 0; a < OPEN_AGE; a++) {
    const m = Math.max(0, mx[offset + a]);
    const ax = a === 0 ? a0FromM0(m, female) : 0.5;
    const q = Math.min(1, m / (1 + (1 - ax) * m));
    const d = lx[a] * q;
    lx[a + 1] = lx[a] - d;
    Lx[a] = lx[a + 1] + ax * d;
  }
  const mOpen = Math.max(1e-12, mx[offset + OPEN_AGE]);
  Lx[OPEN_AGE] = lx[OPEN_AGE] / mOpen;
  let t = 0;
  for (let a = OPEN_AGE; a >= 0; a--) {
    t += Lx[a];
    Tx[a] = t;
    ex[a] = lx[a] > 0 ? t / lx[a] : 0;
  }
  return { lx, Lx, Tx, ex };
}

/**
 * Writes the projection's survival ratios into `out[offset … offset+AGES)`:
 * `out[a]` for a < 99 is L(a+1)/L(a), the share of those aged a at the start
 * of the year who are alive and aged a+1 at its end; `out[99]` and `out[100]`
 * are both T(100)/T(99), because the last closed age and the open group merge
 * into 100+. Returns L0/l0, the survival of the year's births to its end.
 */
export function survivalRatios(lt: LifeTable, out: Float64Array, offset: number): number {
  const { Lx, Tx } = lt;
  for (let a = 0; a < OPEN_AGE - 1; a++) {
    out[offset + a] = Lx[a] > 0 ? Lx[a + 1] / Lx[a] : 0;
  }
  const openRatio = Tx[OPEN_AGE - 1] > 0 ? Tx[OPEN_AGE] / Tx[OPEN_AGE - 1] : 0;
  out[offset + OPEN_AGE - 1] = openRatio;
  out[offset + OPEN_AGE] = openRatio;
  return Lx[0] / lt.lx[0];
}
