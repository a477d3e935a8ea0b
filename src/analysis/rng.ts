/**
 * Seeded pseudo-random numbers for the Monte Carlo analysis: xoshiro128** (Blackman & Vigna 2018), a
 * 128-bit state generator that is fast in 32-bit integer arithmetic (JavaScript's `Math.imul`), seeded
 * through splitmix32 so that nearby seeds give unrelated streams.
 *
 * Every run gets its own generator from `(seed, runIndex)` alone, so its draws are the same whichever
 * worker makes it and in whatever order the runs execute: results are reproducible across thread counts.
 */

/** A generator of uniform numbers strictly inside (0, 1). */
export type Rng = () => number;

const GOLDEN = 0x9e3779b9;

/** The 32-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** splitmix32: a Weyl sequence through the finaliser; its first outputs are bijections of the seed. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + GOLDEN) >>> 0;
    return fmix32(s);
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** A seed as 32 bits: integers up to 2^53 fold their high word in, so 2^32 and 0 differ. */
function seedWord(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number (got ${seed})`);
  const s = Math.trunc(seed);
  const hi = Math.floor(s / 4294967296) >>> 0;
  return ((s >>> 0) ^ (hi === 0 ? 0 : fmix32(hi + GOLDEN))) >>> 0;
}

/**
 * The generator of run `runIndex` under `seed`. Half the state comes from the seed and half from the
 * index, each through its own splitmix32 stream, so distinct (seed, index) pairs start from distinct
 * states; a few discarded outputs mix the two halves before the first draw.
 */
export function rngFor(seed: number, runIndex: number): Rng {
  if (!Number.isInteger(runIndex) || runIndex < 0) throw new RangeError(`run index must be ≥ 0 (got ${runIndex})`);
  const a = splitmix32(seedWord(seed));
  const b = splitmix32((runIndex ^ 0x6c8e9cf5) >>> 0);
  let s0 = a();
  let s1 = a();
  let s2 = b();
  let s3 = b();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the one state xoshiro cannot leave
  const next = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  for (let i = 0; i < 8; i++) next();
  // (k + 0.5) / 2^32 keeps u off 0 and 1, where inverse CDFs are infinite.
  return () => (next() + 0.5) / 4294967296;
}
