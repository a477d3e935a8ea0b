/**
 * How every analysis moves a parameter: as an override on the scenario, so that a result can always be
 * reproduced with `--set` (or by the same overrides in the interface). `set` puts a number at the
 * pointer; `scale` multiplies every number under it (a year path `{ "2015": 1, "2020": 2 }`, a zone map,
 * a table) and replaces the whole value.
 */
import { resolveIncludes } from '../scenario/include';
import { ValidationError, type Issue } from '../scenario/issues';
import { applyOverrides, type Override } from '../scenario/load';
import { getAt } from '../scenario/pointer';
import type { DataLoader } from '../scenario/resolve';
import type { ParameterMode } from '../scenario/schema';

export interface ParameterRef {
  readonly pointer: string;
  readonly mode?: ParameterMode;
}

/** Every number in a JSON value multiplied by `factor` (year keys and other strings untouched). */
export function scaleNumbers(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return value * factor;
  if (Array.isArray(value)) return value.map((v) => scaleNumbers(v, factor));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scaleNumbers(v, factor)]));
  return value;
}

const hasNumber = (v: unknown): boolean =>
  typeof v === 'number' ||
  (Array.isArray(v) ? v.some(hasNumber) : !!v && typeof v === 'object' && Object.values(v).some(hasNumber));

/**
 * The scenario document the analyses start from: included parts merged and the user's overrides
 * applied, so that parameter pointers see the values the run uses. Throws {@link ValidationError}.
 */
export function analysisBase(raw: unknown, load: DataLoader, overrides: readonly Override[] = []): unknown {
  const inc = resolveIncludes(raw, load);
  if (inc.issues.length) throw new ValidationError(inc.issues);
  return overrides.length ? applyOverrides(inc.doc, overrides) : inc.doc;
}

/**
 * Problems with parameter pointers on a merged document, each reported at `${at}/${i}/pointer`: a
 * `set` pointer must hold a number, a `scale` pointer a value with numbers in it (a `$data` table
 * cannot be scaled: point into the scenario instead).
 */
export function checkParameters(doc: unknown, params: readonly ParameterRef[], at: string): Issue[] {
  const issues: Issue[] = [];
  params.forEach((p, i) => {
    const path = `${at}/${i}/pointer`;
    let v: unknown;
    try {
      v = getAt(doc, p.pointer);
    } catch (e) {
      issues.push({ path, message: (e as Error).message });
      return;
    }
    if (v === undefined) issues.push({ path, message: `${p.pointer} names nothing in the scenario` });
    else if ((p.mode ?? 'set') === 'set' && typeof v !== 'number')
      issues.push({ path, message: `${p.pointer} holds no single number; use "mode": "scale" to scale it` });
    else if (p.mode === 'scale' && (!hasNumber(v) || (typeof v === 'object' && v !== null && '$data' in v)))
      issues.push({ path, message: `${p.pointer} holds no numbers of the scenario's own to scale` });
  });
  return issues;
}

/** The override that gives parameter `p` the value `x` on the merged document `doc`. */
export function parameterOverride(doc: unknown, p: ParameterRef, x: number): Override {
  if ((p.mode ?? 'set') === 'set') return { pointer: p.pointer, value: x };
  return { pointer: p.pointer, value: scaleNumbers(getAt(doc, p.pointer), x) };
}
