/**
 * RFC 6901 JSON Pointers: the address of every lever (`--set`, the
 * dashboard, the policy timeline) and of every entry in `sources`.
 */

/** Splits a pointer into its unescaped tokens; "" is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON Pointer (must start with "/")`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** The value at `pointer`, or undefined when any step is missing. */
export function getAt(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const t of parsePointer(pointer)) {
    if (!isContainer(cur)) return undefined;
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(t)) return undefined;
      cur = cur[Number(t)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = cur[t];
    }
  }
  return cur;
}

/**
 * Returns a copy of `doc` with `value` at `pointer`. The parent must exist;
 * the last token may name a new object key or an existing array index.
 * Throws an Error that names the pointer when it cannot be set.
 */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value as T;
  // Only the containers on the path are copied; the rest is shared with `doc` (documents are never
  // mutated once made, except copies their owner cloned whole for setInPlace). A whole clone per change
  // was the largest cost of a Monte Carlo run and of resolving a scenario's $data tables.
  if (!isContainer(doc)) return setInPlace(doc, pointer, value);
  const copy = (c: Record<string, unknown> | unknown[]) => (Array.isArray(c) ? [...c] : { ...c });
  const root = copy(doc);
  let cur: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const child: unknown = Array.isArray(cur) ? cur[Number(t)] : cur[t];
    // A missing or non-container step: setInPlace below walks the same path and says what is wrong.
    if (!isContainer(child)) break;
    const next = copy(child);
    if (Array.isArray(cur)) cur[Number(t)] = next;
    else cur[t] = next;
    cur = next;
  }
  return setInPlace(root as T, pointer, value);
}

/**
 * {@link setAt} on `doc` itself, without copying it: for a copy the caller made and owns (applying many
 * changes to one copy costs one clone, not one per change). Returns `doc`.
 */
export function setInPlace<T>(doc: T, pointer: string, value: unknown): T {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value as T;
  const root = doc as unknown;
  let cur: unknown = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (!isContainer(cur))
      throw new Error(`${pointer}: ${formatPointer(tokens.slice(0, i))} is not an object or array`);
    const child: unknown = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, unknown>)[t];
    if (child === undefined) throw new Error(`${pointer}: ${formatPointer(tokens.slice(0, i + 1))} does not exist`);
    cur = child;
  }
  const last = tokens[tokens.length - 1];
  if (Array.isArray(cur)) {
    const idx = Number(last);
    if (!/^(0|[1-9]\d*)$/.test(last) || idx >= cur.length) throw new Error(`${pointer}: no array element ${last}`);
    cur[idx] = value;
  } else if (isContainer(cur)) {
    (cur as Record<string, unknown>)[last] = value;
  } else {
    throw new Error(`${pointer}: parent is not an object or array`);
  }
  return root as T;
}
