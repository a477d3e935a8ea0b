/**
 * 2,000 seeded mutations of the six presets through load and run (`npm run fuzz` runs 10,000): every one
 * ends as a validation error naming a path, or as a result without NaN, Infinity or a negative value where
 * none can be, in under 2 s; and the mutations that once failed, as regression inputs.
 */
import { describe, expect, it } from 'vitest';
import { FUZZ_REGRESSIONS, fuzz, fuzzRegressions } from '../../scripts/fuzz-lib';

describe('fuzzed scenarios', () => {
  it('never crash, never give NaN or negative counts, never take over 2 s (2,000 mutations, seed 1)', () => {
    const r = fuzz(2000, 1);
    expect(r.failures).toEqual([]);
    // The fuzz reaches both ends: most mutations are refused, some run.
    expect(r.refused).toBeGreaterThan(1000);
    expect(r.ran).toBeGreaterThan(100);
  }, 240_000);
  it(`answers the ${FUZZ_REGRESSIONS.length} mutations that once gave negative output`, () => {
    expect(fuzzRegressions()).toEqual([]);
  });
});
