import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/analysis/rng';

const draws = (seed: number, index: number, n = 8) => {
  const r = rngFor(seed, index);
  return Array.from({ length: n }, () => r());
};

describe('rngFor', () => {
  it('gives the same stream for the same seed and run, whatever was drawn before', () => {
    const first = draws(42, 7);
    // Runs made in another order, by other generators, in between.
    for (let i = 20; i >= 0; i--) draws(42, i, 3);
    expect(draws(42, 7)).toEqual(first);
  });

  it('gives different streams for other runs and other seeds', () => {
    const a = draws(42, 7);
    expect(draws(42, 8)).not.toEqual(a);
    expect(draws(43, 7)).not.toEqual(a);
    expect(draws(42 + 2 ** 32, 7)).not.toEqual(a); // the high word of a large seed counts
    // First draws of neighbouring runs are unrelated, not shifted copies of one another.
    const firsts = Array.from({ length: 1000 }, (_, i) => rngFor(1, i)());
    expect(new Set(firsts).size).toBe(1000);
  });

  it('draws strictly inside (0, 1), evenly', () => {
    const r = rngFor(0, 0);
    const n = 100_000;
    const bins = new Array(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r();
      if (!(u > 0 && u < 1)) outside++;
      bins[Math.floor(u * 10)]++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005); // 5 standard errors (√(1/12n) ≈ 0.0009)
    // χ² with 9 degrees of freedom: 27.9 is its 0.1 % critical value.
    const chi2 = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('refuses a seed or run index it cannot use', () => {
    expect(() => rngFor(NaN, 0)).toThrow(/seed/);
    expect(() => rngFor(1, -1)).toThrow(/run index/);
    expect(() => rngFor(1, 1.5)).toThrow(/run index/);
  });
});
