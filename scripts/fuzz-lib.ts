/**
 * Seeded fuzzing of the scenario pipeline (issue 15): mutate a preset's merged scenario at random places
 * (numbers scaled, zeroed, negated, made huge; values deleted or replaced by strings, nulls or {}), then
 * load and run it. Every mutation must end as a validation error naming a path, or as a result without
 * NaN, Infinity or negative stocks, in under 2 s. Anything else is a failure, returned with its seed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../src/runner/node-loader';
import { runResolved } from '../src/runner/run';
import { resolveIncludes } from '../src/scenario/include';
import { ValidationError } from '../src/scenario/issues';
import { loadScenario } from '../src/scenario/load';

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

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

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

export interface FuzzFailure {
  readonly seed: number;
  readonly kind: 'crash' | 'nan' | 'negative' | 'slow';
  readonly detail: string;
}

const SERIES_NONNEG = ['residentPop', 'urbanResidentPop', 'hukouPop', 'urbanHukouPop', 'births', 'deaths', 'settlers'];

/** Runs `n` mutations from `seed`; returns the failures and how the rest ended. */
export function fuzz(n: number, seed = 1, preset = 'scenarios/changzhou-2016.json') {
  const load = nodeDataLoader();
  const base = resolveIncludes(JSON.parse(readFileSync(resolve(PROJECT_ROOT, preset), 'utf8')), load).doc as Json;
  const failures: FuzzFailure[] = [];
  let refused = 0;
  let ran = 0;
  for (let k = 0; k < n; k++) {
    const s = seed * 100_003 + k;
    const next = rng(s);
    const doc = structuredClone(base);
    mutate(doc, next, 1 + Math.floor(next() * 3));
    const t0 = performance.now();
    try {
      const { result } = runResolved(loadScenario(doc, load));
      ran++;
      for (const [name, v] of Object.entries(result.series)) {
        if (!Array.isArray(v)) continue;
        for (let i = 1; i < v.length; i++) {
          const x = v[i];
          if (x === null) continue;
          if (!Number.isFinite(x)) failures.push({ seed: s, kind: 'nan', detail: `${name}[${i}] = ${x}` });
          else if (SERIES_NONNEG.includes(name) && x < -1e-6)
            failures.push({ seed: s, kind: 'negative', detail: `${name}[${i}] = ${x}` });
        }
      }
    } catch (e) {
      if (e instanceof ValidationError && e.issues.length > 0 && e.issues.every((i) => typeof i.path === 'string'))
        refused++;
      else
        failures.push({ seed: s, kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
    const ms = performance.now() - t0;
    if (ms > 2000) failures.push({ seed: s, kind: 'slow', detail: `${ms.toFixed(0)} ms` });
  }
  return { n, refused, ran, failures };
}
