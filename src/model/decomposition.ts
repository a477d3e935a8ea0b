/**
 * Base-year decomposition (MODEL.md §8): the model's states from published
 * totals and named assumptions.
 *
 * Totals: resident population R, urban residents U, hukou population H,
 * urban-registered population HU, and optionally the residents registered
 * elsewhere N (外来人口). Then, with AW the registered people living away:
 * ```
 * AW  = H + N − R            (if N is published)   or  awayShare · H
 * N   = R − H + AW           (if N is not published)
 * AWU = awayUrbanShare · AW,  AWR = AW − AWU
 * RN  = the non-local residents living in villages (given; default 0)
 * UN  = N − RN
 * UH  = HU − AWU
 * UA  = U − UN − UH
 * RA  = R − U − RN
 * ```
 * which reproduces R, U, H and HU exactly whenever every state is ≥ 0. A
 * negative state is set to 0 and the error shows in the residual.
 *
 * Age-sex: UA, UN, RN, AWU and AWR follow the migrant profile. Where the rural
 * residents' structure is known, RA follows it and UH takes what is left of
 * the residents' structure; otherwise UH and RA share what is left once UA
 * and UN are taken out.
 * Durations of UA and UN, and the years away of AWU and AWR, are geometric
 * with the given mean, the tail in the open bin.
 */
import { SA as SA_, makeLayout, type Dims } from './dims';
import { normalise } from './age-split';

// Imported constants are re-bound locally: some loaders (tsx, vitest) compile imports to getters, too slow in inner loops.
const SA = SA_;

export interface DecompositionInput {
  readonly dims: Dims;
  readonly residentPop: number;
  readonly urbanResidentPop: number;
  readonly hukouPop: number;
  readonly urbanHukouPop: number;
  readonly nonLocalResidents: number | null;
  /** Of those, the ones living in villages (RN). */
  readonly nonLocalRuralResidents: number;
  /** Residents by sex × age (any scale; normalised here). */
  readonly residentStructure: Float64Array;
  /** Rural residents by sex × age, when known (any scale); else RA shares UH's shape. */
  readonly ruralStructure: Float64Array | null;
  /** Migrants by sex × age (any scale; normalised here). */
  readonly migrantProfile: Float64Array;
  readonly awayShareOfHukou: number;
  readonly awayUrbanShare: number;
  /** Zone split of UH and UA, length Z, sums to 1. */
  readonly urbanZoneShares: Float64Array;
  /** Zone split of UN, length Z, sums to 1. */
  readonly nonLocalZoneShares: Float64Array;
  /** Mean completed years in the zone, [UA, UN]. */
  readonly durationMeanYears: readonly [number, number];
  /** Mean completed years away of the registered people living away (AWU, AWR). */
  readonly awayDurationMeanYears: number;
}

export interface DecompositionResult {
  readonly state: Float64Array;
  readonly totals: {
    readonly UH: number;
    readonly UA: number;
    readonly UN: number;
    readonly RA: number;
    readonly AWU: number;
    readonly AWR: number;
    readonly RN: number;
  };
  /** Model minus published, for each total (persons) and rate (percentage points). */
  readonly residual: {
    readonly residentPop: number;
    readonly urbanResidentPop: number;
    readonly hukouPop: number;
    readonly urbanHukouPop: number;
    readonly residentUrbanRatePoints: number;
    readonly hukouUrbanRatePoints: number;
    /** Σ |model − published structure| over sex × age, as a share of residents. */
    readonly ageStructureL1: number;
  };
  /** Human-readable notes on states that had to be clamped. */
  readonly warnings: readonly string[];
}

/** Geometric shares over D duration bins with the given mean; the last bin takes the tail. */
export function durationShares(D: number, mean: number): Float64Array {
  const q = mean > 0 ? mean / (1 + mean) : 0;
  const out = new Float64Array(D);
  let p = 1 - q;
  for (let d = 0; d < D - 1; d++) {
    out[d] = p;
    p *= q;
  }
  out[D - 1] = Math.pow(q, D - 1);
  return out;
}

/** A residual within 1e-12 of the total it belongs to is rounding: 0. */
const tidy = (x: number, total: number) => (Math.abs(x) <= 1e-12 * Math.abs(total) ? 0 : x);

export function decompose(inp: DecompositionInput): DecompositionResult {
  const warnings: string[] = [];
  const R = inp.residentPop;
  const U = inp.urbanResidentPop;
  const H = inp.hukouPop;
  const HU = inp.urbanHukouPop;
  const clamp = (name: string, x: number) => {
    if (x < 0) {
      warnings.push(`${name} came out negative (${Math.round(x)}); set to 0`);
      return 0;
    }
    return x;
  };
  let AW: number;
  let N: number;
  if (inp.nonLocalResidents !== null) {
    N = inp.nonLocalResidents;
    AW = clamp('registered people living away (H + N − R)', H + N - R);
  } else {
    AW = inp.awayShareOfHukou * H;
    N = clamp('residents registered elsewhere (R − H + AW)', R - H + AW);
  }
  const AWU = inp.awayUrbanShare * AW;
  const AWR = AW - AWU;
  const RN = Math.min(inp.nonLocalRuralResidents, N);
  const UN = N - RN;
  const UH = clamp('urban-registered residents (HU − AWU)', HU - AWU);
  const UA = clamp('rural-registered urban residents (U − N + RN − UH)', U - UN - UH);
  const RA = clamp('rural residents registered here (R − U − RN)', R - U - RN);

  const struct = normalise(inp.residentStructure);
  const mig = normalise(inp.migrantProfile);
  // With a rural structure, RA takes it and UH what is left of the urban residents; else they share one shape.
  const ruralShape = inp.ruralStructure ? normalise(inp.ruralStructure) : null;
  const rest = new Float64Array(SA);
  for (let i = 0; i < SA; i++) {
    const rural = ruralShape ? RA * ruralShape[i] : 0;
    rest[i] = Math.max(0, R * struct[i] - rural - (UA + UN + RN) * mig[i]);
  }
  const restShape = normalise(rest);
  const raShape = ruralShape ?? restShape;

  const { zones: Z, durations: D } = inp.dims;
  const L = makeLayout(inp.dims);
  const state = new Float64Array(L.size);
  const durUA = durationShares(D, inp.durationMeanYears[0]);
  const durUN = durationShares(D, inp.durationMeanYears[1]);
  for (let z = 0; z < Z; z++) {
    const su = inp.urbanZoneShares[z];
    const sn = inp.nonLocalZoneShares[z];
    for (let i = 0; i < SA; i++) state[L.uh(z) + i] = UH * su * restShape[i];
    for (let d = 0; d < D; d++) {
      for (let i = 0; i < SA; i++) {
        state[L.ua(z, d) + i] = UA * su * durUA[d] * mig[i];
        state[L.un(z, d) + i] = UN * sn * durUN[d] * mig[i];
      }
    }
  }
  const durAW = durationShares(D, inp.awayDurationMeanYears);
  for (let i = 0; i < SA; i++) {
    state[L.ra + i] = RA * raShape[i];
    state[L.rn + i] = RN * mig[i];
    for (let d = 0; d < D; d++) {
      state[L.awu(d) + i] = AWU * durAW[d] * mig[i];
      state[L.awr(d) + i] = AWR * durAW[d] * mig[i];
    }
  }

  // The residuals compare what the state really holds (a shape of nobody would leave a state empty
  // whatever its total), not the totals it was built from.
  const sum = (off: number) => {
    let t = 0;
    for (let i = 0; i < SA; i++) t += state[off + i];
    return t;
  };
  let sUH = 0;
  let sUA = 0;
  let sUN = 0;
  let sAWU = 0;
  let sAWR = 0;
  for (let z = 0; z < Z; z++) {
    sUH += sum(L.uh(z));
    for (let d = 0; d < D; d++) {
      sUA += sum(L.ua(z, d));
      sUN += sum(L.un(z, d));
    }
  }
  for (let d = 0; d < D; d++) {
    sAWU += sum(L.awu(d));
    sAWR += sum(L.awr(d));
  }
  const sRA = sum(L.ra);
  const sRN = sum(L.rn);
  const mR = sUH + sUA + sUN + sRA + sRN;
  const mU = sUH + sUA + sUN;
  const mH = sUH + sUA + sRA + sAWU + sAWR;
  const mHU = sUH + sAWU;
  let l1 = 0;
  for (let i = 0; i < SA; i++) {
    const modelled = UH * restShape[i] + RA * raShape[i] + (UA + UN + RN) * mig[i];
    l1 += Math.abs(modelled - R * struct[i]);
  }
  return {
    state,
    totals: { UH, UA, UN, RA, AWU, AWR, RN },
    residual: {
      // Summing the cells leaves rounding of about 1e-15 of the total: zero at the precision of a count.
      residentPop: tidy(mR - R, R),
      urbanResidentPop: tidy(mU - U, R),
      hukouPop: tidy(mH - H, H),
      urbanHukouPop: tidy(mHU - HU, H),
      residentUrbanRatePoints: tidy(100 * (mU / mR - U / R), 100),
      hukouUrbanRatePoints: tidy(100 * (mHU / mH - HU / H), 100),
      ageStructureL1: R > 0 ? l1 / R : 0,
    },
    warnings,
  };
}
