/**
 * Dimensions and memory layout of the model state.
 *
 * Every population vector is a Float64Array over sex × age, **sex-major**:
 * index `s * AGES + a`, with s = 0 female, 1 male and a = 0 … 100 where 100
 * is the open group 100+. That vector (length {@link SA}) is the unit every
 * state is built from.
 *
 * The whole state of one year-end is one Float64Array laid out as
 * ```
 * [ UH[z] for z < Z ]                        Z vectors
 * [ UA[z][d] for z < Z, d < D ]              Z·D vectors  (z-major, then d)
 * [ UN[z][d] for z < Z, d < D ]              Z·D vectors
 * [ RA ]                                     1 vector
 * [ AWU[d] for d < D ] [ AWR[d] for d < D ]  2·D vectors  (d: completed years away)
 * [ RN ]                                     1 vector
 * ```
 * The away states keep the years away because people living away move their
 * registration where they live at a hazard that grows with the time away
 * (registration flows, docs/MODEL-NOTES.md); returns and births use every bin.
 * RN (rural residents registered elsewhere) is an extension of MODEL.md §2:
 * some cities (Guangzhou) house many non-local residents in villages, and
 * their published urbanisation rates cannot be reproduced if every non-local
 * resident is urban. RN is one sex × age vector: no zone, no duration, no
 * settlement.
 * so that the projection can work in place with no allocation per year.
 */

/** Number of single-year age bins: 0 … 99 and the open group 100+. */
export const AGES = 101;
/** Index of the open age group (100+). */
export const OPEN_AGE = AGES - 1;
export const FEMALE = 0;
export const MALE = 1;
export const SEXES = 2;
/** Length of one sex × age vector. */
export const SA = SEXES * AGES;

/** Registration groups that can settle: local rural-registered (UA) and registered elsewhere (UN). */
export const GROUP_UA = 0;
export const GROUP_UN = 1;
export const GROUPS = 2;

export interface Dims {
  /** Number of urban zones (tiers); the rural area is not a zone. */
  readonly zones: number;
  /** Number of duration bins D; bin D−1 is open ("D−1 years or more"). */
  readonly durations: number;
}

/** Offsets (in elements) of each state's vectors inside the state array. */
export interface Layout {
  readonly dims: Dims;
  /** Total length of the state array. */
  readonly size: number;
  uh(z: number): number;
  ua(z: number, d: number): number;
  un(z: number, d: number): number;
  readonly ra: number;
  /** Registered people living away with an urban / rural registration, by completed years away d. */
  awu(d: number): number;
  awr(d: number): number;
  /** Rural residents registered elsewhere (extension of MODEL.md §2). */
  readonly rn: number;
}

export function makeLayout(dims: Dims): Layout {
  const { zones: Z, durations: D } = dims;
  if (!Number.isInteger(Z) || Z < 1) throw new RangeError(`zones must be a positive integer, got ${Z}`);
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`durations must be a positive integer, got ${D}`);
  const uaBase = Z * SA;
  const unBase = uaBase + Z * D * SA;
  const ra = unBase + Z * D * SA;
  const awuBase = ra + SA;
  const awrBase = awuBase + D * SA;
  const rn = awrBase + D * SA;
  return {
    dims,
    size: rn + SA,
    uh: (z) => z * SA,
    ua: (z, d) => uaBase + (z * D + d) * SA,
    un: (z, d) => unBase + (z * D + d) * SA,
    ra,
    awu: (d) => awuBase + d * SA,
    awr: (d) => awrBase + d * SA,
    rn,
  };
}

/** Index of (sex, age) inside one sex × age vector. */
export const cell = (s: number, a: number): number => s * AGES + a;

/** Sum of `n` elements of `v` from `offset`. */
export function sumRange(v: Float64Array, offset: number, n: number): number {
  let t = 0;
  for (let i = offset; i < offset + n; i++) t += v[i]!;
  return t;
}

/**
 * Each zone's share of UH in state `v`, written to `out` (length Z; equal shares when UH is empty); returns
 * the UH total. Arrivals who join registered households (returners, family) follow these shares.
 */
export function uhZoneShares(L: Layout, v: Float64Array, out: Float64Array): number {
  const Z = L.dims.zones;
  let total = 0;
  for (let z = 0; z < Z; z++) {
    const t = sumRange(v, L.uh(z), SA);
    out[z] = t;
    total += t;
  }
  for (let z = 0; z < Z; z++) out[z] = total > 0 ? out[z] / total : 1 / Z;
  return total;
}
