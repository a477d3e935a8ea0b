/**
 * The Rogers–Castro model migration schedule (Rogers & Castro, *Model
 * Migration Schedules*, IIASA RR-81-30, 1981): a childhood component that
 * falls with age, a labour-force peak, and a constant.
 * `M(x) = a1·exp(−α1·x) + a2·exp(−α2(x−μ2) − exp(−λ2(x−μ2))) + c`.
 */
import { AGES } from './dims';

export interface RogersCastroParams {
  readonly a1: number;
  readonly alpha1: number;
  readonly a2: number;
  readonly mu2: number;
  readonly alpha2: number;
  readonly lambda2: number;
  readonly c: number;
}

/**
 * Parameters near the "fundamental" schedule reported by Rogers & Castro
 * (1981) for national averages: peak at about age 20–22.
 */
export const ROGERS_CASTRO_STANDARD: RogersCastroParams = {
  a1: 0.02,
  alpha1: 0.1,
  a2: 0.06,
  mu2: 20,
  alpha2: 0.1,
  lambda2: 0.4,
  c: 0.003,
};

/** The schedule at ages 0 … 100, scaled so that its maximum is 1. */
export function rogersCastro(p: RogersCastroParams): Float64Array {
  const out = new Float64Array(AGES);
  let max = 0;
  for (let x = 0; x < AGES; x++) {
    const v =
      p.a1 * Math.exp(-p.alpha1 * x) +
      p.a2 * Math.exp(-p.alpha2 * (x - p.mu2) - Math.exp(-p.lambda2 * (x - p.mu2))) +
      p.c;
    out[x] = v;
    if (v > max) max = v;
  }
  if (max > 0) for (let x = 0; x < AGES; x++) out[x] /= max;
  return out;
}
