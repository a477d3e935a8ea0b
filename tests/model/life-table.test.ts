import { describe, expect, it } from 'vitest';
import { AGES } from '../../src/model/dims';
import { a0FromM0, lifeTable, survivalRatios } from '../../src/model/life-table';

describe('life table', () => {
  it('gives e0 = 1/m when m is constant and ax = 0.5 holds everywhere (up to the a0 convention)', () => {
    // With constant m, q = m / (1 + m/2) and the open group L = l/m: e0 ≈ 1/m.
    const m = 0.02;
    const lt = lifeTable(new Float64Array(AGES).fill(m), false);
    // a0 < 0.5 shifts e0 slightly below 1/m; check against the exact value computed by hand for age 0 only.
    expect(lt.ex[0]).toBeGreaterThan(49);
    expect(lt.ex[0]).toBeLessThan(50.01);
    // e(100) in the open group is exactly 1/m.
    expect(lt.ex[100]).toBeCloseTo(1 / m, 10);
  });
  it('uses the Coale–Demeny a0', () => {
    expect(a0FromM0(0.01, true)).toBeCloseTo(0.053 + 0.028, 15);
    expect(a0FromM0(0.2, false)).toBe(0.33);
  });
  it('survival ratios: L(a+1)/L(a), and the last closed age and 100+ both at T(100)/T(99)', () => {
    const mx = Float64Array.from({ length: AGES }, (_, a) => 0.0005 + 0.00003 * Math.exp(0.095 * a));
    const lt = lifeTable(mx, true);
    const out = new Float64Array(AGES);
    const l0 = survivalRatios(lt, out, 0);
    expect(out[30]).toBeCloseTo(lt.Lx[31] / lt.Lx[30], 15);
    expect(out[99]).toBeCloseTo(lt.Tx[100] / lt.Tx[99], 15);
    expect(out[100]).toBe(out[99]);
    expect(l0).toBeCloseTo(lt.Lx[0], 15);
    for (const v of out) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
