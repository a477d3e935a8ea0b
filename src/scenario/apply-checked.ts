/**
 * Overrides applied to a scenario that is already validated and resolved, each checked against the part
 * of the schema at its pointer, then the cross-field checks: what a Monte Carlo draw or an analysis's
 * setting needs, without merging the parts, parsing the whole document and resolving its tables again
 * for every run (a fifth of a Monte Carlo run). The result is the one {@link loadScenario} gives for the
 * document with the same overrides: the schema parses a part the same whether alone or in its document,
 * as long as no object on the way checks its fields together (then, and for any pointer this cannot
 * follow, the answer is null and the caller takes the full way, with its messages).
 */
import type { z } from 'zod';
import { checkScenario } from './check';
import type { Override } from './load';
import { formatPointer, getAt, parsePointer, setAt } from './pointer';
import { TABLE_POINTERS } from './resolve';
import { Scenario } from './schema';

/** Whether a value holds a `{ "$data": … }` reference anywhere (only the full way resolves one). */
function hasDataRef(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasDataRef);
  if (!v || typeof v !== 'object') return false;
  return '$data' in v || Object.values(v).some(hasDataRef);
}

/** A pointer at, inside or above a place where a `$data` table stands (resolved in `s`, not in the file). */
const touchesTable = (pointer: string) =>
  TABLE_POINTERS.some((t) => pointer === t || pointer.startsWith(t + '/') || t.startsWith(pointer + '/'));

interface Def {
  readonly type: string;
  readonly checks?: readonly unknown[];
  readonly shape?: Record<string, z.ZodType>;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
}
const defOf = (s: z.ZodType | undefined): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schema of the value at `pointer`, or null where the way there cannot be followed part by part. */
export function schemaAt(pointer: string): z.ZodType | null {
  let s: z.ZodType | undefined = Scenario;
  for (const t of parsePointer(pointer)) {
    let d = defOf(s);
    while (d && (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly')) {
      s = d.innerType;
      d = defOf(s);
    }
    if (!d || d.checks?.length) return null;
    if (d.type === 'object') s = d.shape?.[t];
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'array' && /^(0|[1-9]\d*)$/.test(t)) s = d.element;
    else return null;
    if (!s) return null;
  }
  return s ?? null;
}

/**
 * `s` with `overrides` applied and checked, or null when the full way must be taken: a pointer the schema
 * cannot follow, a value the schema or the cross-field checks refuse (the full way says why), or payer
 * shares (which the full way rebalances).
 */
export function applyChecked(s: Scenario, overrides: readonly Override[]): Scenario | null {
  let out: Scenario = s;
  for (const o of overrides) {
    if (
      /\/payers\//.test(o.pointer) ||
      touchesTable(o.pointer) ||
      hasDataRef(o.value) ||
      getAt(out, o.pointer) === undefined
    )
      return null;
    // The nearest part the schema can reach whole (a value inside a union, such as a condition's years,
    // is checked with its condition): its current value with the override in it, parsed.
    const tokens = parsePointer(o.pointer);
    let n = tokens.length;
    let schema: z.ZodType | null = null;
    for (; n > 0; n--) if ((schema = schemaAt(formatPointer(tokens.slice(0, n))))) break;
    if (!schema || n === 0) return null;
    const at = formatPointer(tokens.slice(0, n));
    const rest = formatPointer(tokens.slice(n));
    let value: unknown;
    try {
      value = rest ? setAt(getAt(out, at), rest, o.value) : o.value;
    } catch {
      return null;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) return null;
    out = setAt(out, at, parsed.data);
  }
  return checkScenario(out).length ? null : out;
}
