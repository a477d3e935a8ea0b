import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, quantileOf, type Distribution } from '../../src/analysis/distributions';
import { rngFor } from '../../src/analysis/rng';

const sample = (dist: Distribution, n = 20_000, seed = 3) => {
  const r = rngFor(seed, 0);
  return Array.from({ length: n }, () => quantileOf(dist, r()));
};
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('normal CDF and quantile', () => {
  it('match published values, tails included', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 14);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('are inverses of each other to near double precision', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 0.999, 1 - 1e-9]) {
      const x = normalQuantile(p);
      const back = p > 0.5 ? 1 - normalCdf(-x) : normalCdf(x);
      expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
    }
  });
});

describe('quantileOf', () => {
  // Means within 4 standard errors of the sample mean (σ/√n), so a correct sampler fails about 1 in 16,000 times.
  it('draws a uniform within its bounds with mean (min + max) / 2', () => {
    const xs = sample({ type: 'uniform', min: 2, max: 5 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(5);
    expect(Math.abs(mean(xs) - 3.5)).toBeLessThan((4 * 3) / Math.sqrt(12) / Math.sqrt(xs.length));
  });

  it('draws a triangular within its bounds with mean (min + mode + max) / 3', () => {
    for (const [a, c, b] of [
      [0, 1, 4],
      [0.625, 1, 1.375],
      [0, 0.009, 0.01], // mode near the top
      [0.625, 1.375, 1.375], // mode at the top
    ]) {
      const xs = sample({ type: 'triangular', min: a, mode: c, max: b });
      const sigma = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
      expect(Math.max(...xs)).toBeLessThanOrEqual(b);
      expect(Math.abs(mean(xs) - (a + b + c) / 3)).toBeLessThan((4 * sigma) / Math.sqrt(xs.length));
    }
    expect(quantileOf({ type: 'triangular', min: 0, mode: 1, max: 4 }, 0.25)).toBeCloseTo(1, 12); // F(mode) = 1/4
  });

  it('draws an untruncated normal with its mean and standard deviation', () => {
    const xs = sample({ type: 'normal', mean: 10, sd: 2 });
    expect(Math.abs(mean(xs) - 10)).toBeLessThan((4 * 2) / Math.sqrt(xs.length));
    expect(Math.abs(sd(xs) - 2)).toBeLessThan(0.05);
  });

  it('keeps a truncated normal within its bounds, with the truncated mean', () => {
    // Symmetric truncation at ±2σ: the mean stays at μ.
    const sym = sample({ type: 'normal', mean: 0.015, sd: 0.005, min: 0.005, max: 0.025 });
    expect(Math.min(...sym)).toBeGreaterThanOrEqual(0.005);
    expect(Math.max(...sym)).toBeLessThanOrEqual(0.025);
    expect(Math.abs(mean(sym) - 0.015)).toBeLessThan((4 * 0.005) / Math.sqrt(sym.length));
    // One-sided truncation at μ: a half-normal, mean μ + σ√(2/π).
    const half = sample({ type: 'normal', mean: 1, sd: 1, min: 1 });
    expect(Math.min(...half)).toBeGreaterThanOrEqual(1);
    expect(Math.abs(mean(half) - (1 + Math.sqrt(2 / Math.PI)))).toBeLessThan(4 / Math.sqrt(half.length));
  });

  it('draws from a truncation far in a tail without spinning or leaving the range', () => {
    for (const [min, max] of [
      [5, 6],
      [-6, -5],
      [40, 41],
      [-41, -40],
      [1000, 1000.5],
    ]) {
      const d: Distribution = { type: 'normal', mean: 0, sd: 1, min, max };
      for (const u of [1e-9, 0.001, 0.5, 0.999, 1 - 1e-9]) {
        const x = quantileOf(d, u);
        expect(x).toBeGreaterThanOrEqual(min);
        expect(x).toBeLessThanOrEqual(max);
      }
      // Mass piles up at the bound nearer the mean: the median lies in the nearer half.
      const near = Math.abs(min) < Math.abs(max) ? min : max;
      expect(Math.abs(quantileOf(d, 0.5) - near)).toBeLessThan(0.5 * (max - min));
    }
  });
});
