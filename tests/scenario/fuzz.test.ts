/**
 * 2,000 seeded mutations of a preset through load and run (`npm run fuzz` runs 10,000): every one ends as
 * a validation error naming a path, or as a result without NaN, Infinity or negative counts, in under 2 s.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../scripts/fuzz-lib';

describe('fuzzed scenarios', () => {
  it('never crash, never give NaN or negative counts, never take over 2 s (2,000 mutations, seed 1)', () => {
    const r = fuzz(2000, 1);
    expect(r.failures).toEqual([]);
    // The fuzz reaches both ends: most mutations are refused, some run.
    expect(r.refused).toBeGreaterThan(1000);
    expect(r.ran).toBeGreaterThan(100);
  }, 240_000);
});
