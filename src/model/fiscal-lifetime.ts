/**
 * The settled cohort over time (fiscal.ts): ageing a settled population one
 * year, and the expected lifetime cost of one year's settlers.
 */
import { AGES as AGES_, OPEN_AGE as OPEN_AGE_, SA as SA_ } from './dims';
import { SURV_CLASSES as SURV_CLASSES_, SURV_URBAN as SURV_URBAN_, type ModelInput } from './input';
import type { FiscalInput } from './fiscal-types';
import type { ProjectionOutput } from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const AGES = AGES_;
const OPEN_AGE = OPEN_AGE_;
const SA = SA_;
const SURV_CLASSES = SURV_CLASSES_;
const SURV_URBAN = SURV_URBAN_;

/**
 * Ages a sex × age vector one year with the urban survival ratios of step k, net of those who leave the
 * city, into `out` (age 0 empty: children born later are registered natives).
 */
export function ageSettled(input: ModelInput, k: number, v: Float64Array, out: Float64Array): void {
  const sOff = (k * SURV_CLASSES + SURV_URBAN) * SA;
  const surv = input.survival;
  const leave = input.leaveUrban;
  for (let s = 0; s < 2; s++) {
    const o = s * AGES;
    let open = 0;
    for (let a = OPEN_AGE; a >= 1; a--) {
      const from = a - 1;
      const x = v[o + from] * surv[sOff + o + from] * (1 - leave[k * SA + o + Math.min(a, OPEN_AGE)]);
      if (a === OPEN_AGE) open = x + v[o + OPEN_AGE] * surv[sOff + o + OPEN_AGE] * (1 - leave[k * SA + o + OPEN_AGE]);
      else out[o + a] = x;
    }
    out[o + OPEN_AGE] = open;
    out[o] = 0;
  }
}

/**
 * Expected lifetime cost of the first projected year's settlers, per settler, at that year's prices: for
 * each later year k, what the survivors cost (period urban survival of that year, leaving ignored), each
 * component from its waiting period on (one-offs once, at k = `afterYears`), grown at the component's real
 * rate and discounted at the discount rate. Components for new urban residents are no settler's cost.
 */
export function lifetimePV(input: ModelInput, out: ProjectionOutput, f: FiscalInput): number {
  if (out.steps < 1) return NaN;
  const Z = out.dims.zones;
  let v = new Float64Array(SA);
  let total = 0;
  for (let z = 0; z < Z; z++)
    for (let j = 0; j < SA; j++) {
      const x = out.settlersAge[(1 * Z + z) * SA + j];
      v[j] += x;
      total += x;
    }
  if (total === 0) return NaN;
  for (let j = 0; j < SA; j++) v[j] /= total;
  const comps = f.components.filter((c) => c.appliesTo === 'settlers');
  const sOff = (0 * SURV_CLASSES + SURV_URBAN) * SA;
  let next = new Float64Array(SA);
  let pv = 0;
  for (let k = 0; k < 200; k++) {
    let alive = 0;
    for (let j = 0; j < SA; j++) alive += v[j];
    if (alive < 1e-9) break;
    for (const comp of comps) {
      const due = comp.kind === 'oneOff' ? k === comp.afterYears : k >= comp.afterYears;
      if (!due) continue;
      let yearCost = 0;
      for (let j = 0; j < SA; j++) yearCost += v[j] * comp.perPerson[j];
      // Amounts at the price level of the first projected year, then grown and discounted from it.
      pv += (Math.pow(1 + comp.realGrowth, k + 1) / Math.pow(1 + f.discountRate, k)) * yearCost;
    }
    for (let s = 0; s < 2; s++) {
      const o = s * AGES;
      next[o] = 0;
      for (let a = 1; a < OPEN_AGE; a++) next[o + a] = v[o + a - 1] * input.survival[sOff + o + a - 1];
      next[o + OPEN_AGE] =
        v[o + OPEN_AGE - 1] * input.survival[sOff + o + OPEN_AGE - 1] +
        v[o + OPEN_AGE] * input.survival[sOff + o + OPEN_AGE];
    }
    [v, next] = [next, v];
  }
  return pv;
}
