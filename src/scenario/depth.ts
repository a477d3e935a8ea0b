/**
 * Checks on the shape of a scenario's JSON before anything walks it recursively or merges it: how deep it
 * nests, and keys that would reach an object's prototype. Without recursion (deep input must not crash).
 */

/** Nesting a scenario never needs (its deepest fields are about 8 levels down); deeper input is refused. */
export const MAX_DEPTH = 64;

/** Keys no scenario has, which a merge would turn into an object's prototype (dropped without a word). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first problem of shape, with its JSON pointer, or null. */
export function structureProblem(root: unknown): { path: string; message: string } | null {
  const stack: [unknown, number, string][] = [[root, 0, '']];
  while (stack.length) {
    const [v, depth, at] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH)
      return { path: at, message: `nested deeper than ${MAX_DEPTH} levels; no scenario field needs that` };
    for (const [k, x] of Object.entries(v)) {
      if (!Array.isArray(v) && FORBIDDEN_KEYS.has(k))
        return { path: `${at}/${k}`, message: `"${k}" is not a field of the scenario format` };
      if (x && typeof x === 'object') stack.push([x, depth + 1, `${at}/${k}`]);
    }
  }
  return null;
}
