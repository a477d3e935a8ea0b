/**
 * Splitting age groups into single years.
 *
 * Method: within each group, single years get the group's count in
 * proportion to a reference single-year distribution of the same sex (for
 * the presets, China's 2010 census by single year). This keeps every group
 * total exactly and borrows the within-group shape, including the decline
 * inside an open group such as 85+, from a population that was counted by
 * single year. Where the reference is zero across a group, it is spread
 * evenly.
 */
import { AGES as AGES_, SA as SA_ } from './dims';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const SA = SA_;

/**
 * @param starts  first age of each group, increasing, starting at 0; the
 *                last group is open (to 100+)
 * @param values  count of each group
 * @param reference single-year reference of the same sex, length AGES
 */
export function splitAgeGroups(
  starts: readonly number[],
  values: readonly number[],
  reference: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(AGES);
  for (let g = 0; g < starts.length; g++) {
    const from = starts[g];
    const to = g + 1 < starts.length ? Math.min(starts[g + 1], AGES) : AGES;
    let refSum = 0;
    for (let a = from; a < to; a++) refSum += reference[a];
    for (let a = from; a < to; a++) {
      out[a] = refSum > 0 ? (values[g] * reference[a]) / refSum : values[g] / (to - from);
    }
  }
  return out;
}

/** A table by sex over age groups, as data files give it. */
export interface AgeSexTable {
  readonly ageStarts: readonly number[];
  readonly female: readonly number[];
  readonly male: readonly number[];
}

/** A sex × age vector (layout of `dims.ts`) from a table, split by the reference where grouped. */
export function toSingleYears(table: AgeSexTable, reference: AgeSexTable | null): Float64Array {
  const out = new Float64Array(SA);
  const single = table.ageStarts.length === AGES && table.ageStarts.every((a, i) => a === i);
  const sexes = [table.female, table.male];
  const refs = reference ? [referenceVector(reference, 'female'), referenceVector(reference, 'male')] : null;
  for (let s = 0; s < 2; s++) {
    const v = single
      ? Float64Array.from(sexes[s])
      : splitAgeGroups(table.ageStarts, sexes[s], refs ? refs[s] : new Float64Array(AGES).fill(1));
    out.set(v, s * AGES);
  }
  return out;
}

function referenceVector(ref: AgeSexTable, sex: 'female' | 'male'): Float64Array {
  const single = ref.ageStarts.length === AGES && ref.ageStarts.every((a, i) => a === i);
  if (single) return Float64Array.from(ref[sex]);
  return splitAgeGroups(ref.ageStarts, ref[sex], new Float64Array(AGES).fill(1));
}

/** Scales a vector to sum to 1 (returns a copy; zeros stay zeros). */
export function normalise(v: Float64Array): Float64Array {
  let t = 0;
  for (let i = 0; i < v.length; i++) t += v[i];
  const out = new Float64Array(v.length);
  if (t > 0) for (let i = 0; i < v.length; i++) out[i] = v[i] / t;
  return out;
}
