/**
 * Seeded fuzzing of the scenario pipeline (issue 15): mutate a preset's merged scenario at random places
 * (numbers scaled, zeroed, negated, made huge; values deleted or replaced by strings, nulls or {}), then
 * load and run it. Every mutation must end as a validation error naming a path, or as a result without
 * NaN, Infinity or negative stocks, in under 2 s. Anything else is a failure, returned with its seed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../src/runner/node-loader';
import { runResolved } from '../src/scenario/run';
import { resolveIncludes } from '../src/scenario/include';
import { ValidationError } from '../src/scenario/issues';
import { loadScenario } from '../src/scenario/load';
import type { DataLoader } from '../src/scenario/resolve';

/** mulberry32: a small seeded generator, enough to pick places and values. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every place in the document, as [parent, key] pairs (skipping observations and sources: prose). */
function places(doc: Json, out: [Json[] | Record<string, Json>, string | number][] = [], path = ''): typeof out {
  if (doc && typeof doc === 'object') {
    if (/^\/(observed|sources|meta|\$comment|description)/.test(path)) return out;
    const entries: [string | number, Json][] = Array.isArray(doc) ? doc.map((v, i) => [i, v]) : Object.entries(doc);
    for (const [k, v] of entries) {
      out.push([doc, k]);
      places(v, out, `${path}/${k}`);
    }
  }
  return out;
}

function mutate(doc: Json, next: () => number, count: number): void {
  const all = places(doc);
  for (let m = 0; m < count; m++) {
    const [parent, key] = all[Math.floor(next() * all.length)];
    const cur = (parent as Record<string, Json>)[key as string];
    const r = next();
    let v: Json;
    if (typeof cur === 'number') {
      const pick = Math.floor(r * 8);
      v = [0, -cur, cur * 10, cur / 10, 1e12, -1, cur * (0.5 + next()), 1e308][pick];
    } else if (typeof cur === 'boolean') v = !cur;
    else v = [null, 'x', {}, [], 0][Math.floor(r * 5)];
    if (next() < 0.05 && !Array.isArray(parent)) delete (parent as Record<string, Json>)[key as string];
    else (parent as Record<string, Json>)[key as string] = v;
  }
}

/** The document mutation `s` makes of `base` (a copy: `base` is left as it was). */
export function mutated(base: Json, s: number): Json {
  const next = rng(s);
  const doc = structuredClone(base);
  mutate(doc, next, 1 + Math.floor(next() * 3));
  return doc;
}

export interface FuzzFailure {
  readonly seed: number;
  readonly kind: 'crash' | 'nan' | 'negative' | 'slow';
  readonly detail: string;
}

/** Where a value below 0 means something (a rate above the other, a net burden that is a surplus). */
const MAY_BE_NEGATIVE = /^(series\/gapPoints|fiscal\/(cumulative\/)?municipalNet|fiscal\/byZone\/[^/]+\/net)$/;

/**
 * Every number of the result's series and fiscal section, walked: NaN or Infinity anywhere is a failure, and
 * so is any value below 0 (even −1e−13: a death count of −1.1e−13 was one) outside {@link MAY_BE_NEGATIVE}.
 */
function badValues(node: unknown, path: string, out: string[]): void {
  if (out.length >= 3) return;
  if (Array.isArray(node)) {
    // The base year of a flow is null (nothing has flowed yet); a null later is a NaN the result cleaned.
    node.forEach((x, i) => {
      if (out.length >= 3) return;
      if (x === null) {
        if (i > 0 && path.startsWith('series/')) out.push(`${path}[${i}] = null (NaN)`);
      } else if (typeof x === 'number') {
        if (!Number.isFinite(x)) out.push(`${path}[${i}] = ${x}`);
        else if (x < 0 && !MAY_BE_NEGATIVE.test(path)) out.push(`${path}[${i}] = ${x}`);
      }
    });
  } else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) badValues(v, path ? `${path}/${k}` : k, out);
}

/** The presets the fuzz rotates through: each mutation starts from the next one. */
export const FUZZ_PRESETS = [
  'scenarios/changzhou-2016.json',
  'scenarios/guangzhou.json',
  'scenarios/liaoyuan.json',
  'scenarios/jinzhou-2017.json',
  'scenarios/china-2015.json',
  'scenarios/doc001-package.json',
];

const loadBase = (preset: string, load: DataLoader): Json =>
  resolveIncludes(JSON.parse(readFileSync(resolve(PROJECT_ROOT, preset), 'utf8')), load).doc as Json;

/** Loads and runs one mutated document: refused (with named paths), or ran; and what went wrong, if anything. */
function tryOne(doc: Json, s: number, load: DataLoader): { ran: boolean; failures: FuzzFailure[] } {
  const failures: FuzzFailure[] = [];
  let ran = false;
  const t0 = performance.now();
  try {
    const { result } = runResolved(loadScenario(doc, load));
    ran = true;
    const bad: string[] = [];
    badValues({ series: result.series, fiscal: result.fiscal ?? {} }, '', bad);
    for (const detail of bad)
      failures.push({ seed: s, kind: /NaN|Infinity/.test(detail) ? 'nan' : 'negative', detail });
  } catch (e) {
    const named =
      e instanceof ValidationError && e.issues.length > 0 && e.issues.every((i) => typeof i.path === 'string');
    if (!named)
      failures.push({ seed: s, kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
  const ms = performance.now() - t0;
  if (ms > 2000) failures.push({ seed: s, kind: 'slow', detail: `${ms.toFixed(0)} ms` });
  return { ran, failures };
}

/** Runs `n` mutations from `seed`, rotating through the presets; returns the failures and how the rest ended. */
export function fuzz(n: number, seed = 1, presets: readonly string[] = FUZZ_PRESETS) {
  const load = nodeDataLoader();
  const bases = presets.map((p) => loadBase(p, load));
  const failures: FuzzFailure[] = [];
  let refused = 0;
  let ran = 0;
  for (let k = 0; k < n; k++) {
    const s = seed * 100_003 + k;
    const one = tryOne(mutated(bases[k % bases.length], s), s, load);
    if (one.ran) ran++;
    else if (!one.failures.some((f) => f.kind === 'crash')) refused++;
    failures.push(...one.failures);
  }
  return { n, refused, ran, failures };
}

/**
 * Mutations that once failed, kept as regression inputs: the preset and the mutation's seed (as `fuzz`
 * numbers them), with what they did.
 */
export const FUZZ_REGRESSIONS: readonly { preset: string; seed: number; was: string }[] = [
  { preset: 'scenarios/liaoyuan.json', seed: 100035, was: 'a fiscal amount of −9,557.89 yuan: negative costs' },
  { preset: 'scenarios/jinzhou-2017.json', seed: 100660, was: 'a fiscal amount of −1 yuan: a negative pension cost' },
  { preset: 'scenarios/guangzhou.json', seed: 102554, was: 'a fiscal amount of −380 yuan: a negative cost' },
  {
    preset: 'scenarios/guangzhou.json',
    seed: 703244,
    was: 'service level 0: the non-registered residents’ cost −1.2e−7 yuan, a difference of rounding',
  },
];

/** Runs the regression inputs; returns their failures (none, when every one is answered). */
export function fuzzRegressions(): FuzzFailure[] {
  const load = nodeDataLoader();
  return FUZZ_REGRESSIONS.flatMap(
    ({ preset, seed }) => tryOne(mutated(loadBase(preset, load), seed), seed, load).failures,
  );
}
