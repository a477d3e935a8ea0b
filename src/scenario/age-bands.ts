/** Age bands of a scenario to sex × age vectors; ages no band covers get 0. */
import { AGES as AGES_, SA as SA_ } from '../model/dims';
import type { AgeBandsSpec } from './schema';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const SA = SA_;

export function bandsToVector(bands: AgeBandsSpec): Float64Array {
  const out = new Float64Array(SA);
  for (const b of bands) {
    const f = b.value ?? b.female ?? 0;
    const m = b.value ?? b.male ?? 0;
    for (let a = b.from; a <= b.to; a++) {
      out[a] = f;
      out[AGES + a] = m;
    }
  }
  return out;
}

/** The same over ages only (the female half), for age-only profiles. */
export function bandsToAges(bands: AgeBandsSpec): Float64Array {
  return bandsToVector(bands).slice(0, AGES);
}
