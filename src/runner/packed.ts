/**
 * A JSON value (the projection result) split into its numbers, one Float64Array the worker hands over
 * without copying, and its shape, the rest, which stays the same from one lever move to the next and so
 * crosses once per scenario (model-session.ts). `null` travels as NaN: the result never holds NaN itself
 * (non-finite values are already written as null).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A shape: the value with every number replaced by its slot. */
export type Shape =
  | { readonly $n: number } // a number or null
  | { readonly $b: number } // a boolean, as 0 / 1
  | { readonly $a: number; readonly len: number } // an array of numbers and nulls
  | string
  | readonly Shape[]
  | { readonly [k: string]: Shape };

export interface Packed {
  readonly shape: Shape;
  readonly numbers: Float64Array;
}

const isNumberArray = (a: Json[]) => a.length > 0 && a.every((x) => x === null || typeof x === 'number');

export function pack(value: unknown): Packed {
  const numbers: number[] = [];
  const put = (x: number | null) => numbers.push(x === null ? NaN : x) - 1;
  const walk = (v: Json): Shape => {
    if (v === null || typeof v === 'number') return { $n: put(v) };
    if (typeof v === 'boolean') return { $b: put(v ? 1 : 0) };
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) {
      if (!isNumberArray(v)) return v.map(walk);
      const $a = numbers.length;
      for (const x of v) put(x as number | null);
      return { $a, len: v.length };
    }
    const out: Record<string, Shape> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x);
    return out;
  };
  const shape = walk(value as Json);
  return { shape, numbers: Float64Array.from(numbers) };
}

export function unpack<T>({ shape, numbers }: Packed): T {
  const num = (i: number) => (Number.isNaN(numbers[i]) ? null : numbers[i]);
  const walk = (s: Shape): Json => {
    if (typeof s === 'string') return s;
    if (Array.isArray(s)) return s.map(walk);
    const o = s as Record<string, unknown>;
    if (typeof o.$n === 'number' && Object.keys(o).length === 1) return num(o.$n);
    if (typeof o.$b === 'number' && Object.keys(o).length === 1) return numbers[o.$b] === 1;
    if (typeof o.$a === 'number' && typeof o.len === 'number' && Object.keys(o).length === 2) {
      const out: (number | null)[] = new Array(o.len);
      for (let i = 0; i < o.len; i++) out[i] = num(o.$a + i);
      return out;
    }
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x as Shape);
    return out;
  };
  return walk(shape) as T;
}
