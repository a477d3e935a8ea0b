/**
 * Single-year period life table from death rates, using the same conventions
 * as the engine (src/model/life-table.ts): Preston, Heuveline & Guillot,
 * Demography (2001), ch. 3 — qx = mx / (1 + (1 − ax)·mx) with ax = 0.5 above
 * age 0, a0 from the Coale–Demeny formulas of their table 3.3, and for the
 * open group 100+ L = l / m. Kept separate from src/ so the data scripts do
 * not depend on engine code that is being written at the same time.
 */
export function a0FromM0(m0: number, female: boolean): number {
  if (female) return m0 >= 0.107 ? 0.35 : 0.053 + 2.8 * m0;
  return m0 >= 0.107 ? 0.33 : 0.045 + 2.684 * m0;
}

export interface SimpleLifeTable {
  lx: number[];
  Lx: number[];
  ex: number[];
  e0: number;
}

export function lifeTable(mx: readonly number[], female: boolean): SimpleLifeTable {
  const n = mx.length;
  const open = n - 1;
  const lx = new Array<number>(n).fill(0);
  const Lx = new Array<number>(n).fill(0);
  lx[0] = 1;
  for (let a = 0; a < open; a++) {
    const m = Math.max(0, mx[a] ?? 0);
    const ax = a === 0 ? a0FromM0(m, female) : 0.5;
    const q = Math.min(1, m / (1 + (1 - ax) * m));
    const d = lx[a]! * q;
    lx[a + 1] = lx[a]! - d;
    Lx[a] = lx[a + 1]! + ax * d;
  }
  Lx[open] = lx[open]! / Math.max(1e-12, mx[open] ?? 0);
  const ex = new Array<number>(n).fill(0);
  let t = 0;
  for (let a = open; a >= 0; a--) {
    t += Lx[a]!;
    ex[a] = lx[a]! > 0 ? t / lx[a]! : 0;
  }
  return { lx, Lx, ex, e0: ex[0]! };
}
