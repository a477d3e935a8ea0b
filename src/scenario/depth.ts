/** A limit on how deep a scenario's JSON may nest, checked without recursion (deep input must not crash). */

/** Nesting a scenario never needs (its deepest fields are about 8 levels down); deeper input is refused. */
export const MAX_DEPTH = 64;

/** The pointer of the first value nested deeper than {@link MAX_DEPTH}, or null; without recursion. */
export function tooDeep(root: unknown): string | null {
  const stack: [unknown, number, string][] = [[root, 0, '']];
  while (stack.length) {
    const [v, depth, at] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return at;
    for (const [k, x] of Object.entries(v)) if (x && typeof x === 'object') stack.push([x, depth + 1, `${at}/${k}`]);
  }
  return null;
}
