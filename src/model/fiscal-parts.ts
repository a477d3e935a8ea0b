/** Pieces of the fiscal accounts (fiscal.ts): shares, weights and means it takes per year and zone. */
import { SA as SA_ } from './dims';
import type { FiscalInput } from './fiscal-types';
import type { ProjectionOutput } from './output';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const SA = SA_;

/**
 * Share of the training component's group ever trained, 1 − (1 − base)(1 − takeUp)^t, t years after the
 * base year (each year's training reaching the untrained at the take-up rate); null without one.
 */
export function trainingCoverage(f: FiscalInput, n: number): Float64Array | null {
  const c = f.components.find((x) => x.trainingBase !== null);
  if (!c || c.trainingBase === null) return null;
  // The take-up is folded into the per-person amounts; the rate itself is kept on the component.
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 - (1 - c.trainingBase) * Math.pow(1 - c.takeUp, i);
  return out;
}

/**
 * A per-person amount for people of unknown age: the mean over the zone's non-registered urban residents
 * (new arrivals are mostly migrants), or over every age where there are none.
 */
export function meanPerPerson(pp: Float64Array, weights: Float64Array, off: number): number {
  let w = 0;
  let x = 0;
  for (let j = 0; j < SA; j++) {
    w += weights[off + j];
    x += weights[off + j] * pp[j];
  }
  if (w > 0) return x / w;
  let sum = 0;
  for (let j = 0; j < SA; j++) sum += pp[j];
  return sum / SA;
}

/** Of year i's settlers registered elsewhere, the share whose registration there was rural. */
export function ruralShareOfElsewhere(out: ProjectionOutput, i: number): number {
  const n = out.steps + 1;
  const rural = out.settlersByOriginDetail[n + i];
  const urban = out.settlersByOriginDetail[2 * n + i];
  return rural + urban > 0 ? rural / (rural + urban) : 1;
}

export function zoneWeight(out: ProjectionOutput, f: FiscalInput, z: number, i: number): number {
  const n = out.steps + 1;
  if (f.allocation === 'settlers') return out.settlersByZone[z * n + i];
  return out.zoneUH[z * n + i] + out.zoneUA[z * n + i] + out.zoneUN[z * n + i];
}
