/**
 * From text to a validated, resolved scenario, reporting every problem.
 * Order: size → JSON syntax → overrides (`--set`) → schema → cross-field
 * checks → data references (each data file validated too).
 */
import { checkScenario } from './check';
import { resolveIncludes } from './include';
import { fromZod, ValidationError, type Issue } from './issues';
import { getAt, setAt } from './pointer';
import { structureProblem } from './depth';
import { rebalancePayerShares } from './payer-shares';
import { resolveDataRefs, type DataLoader } from './resolve';
import { MAX_FILE_BYTES, Scenario } from './schema';

/** Parses JSON text, turning syntax errors and oversized input into issues. */
export function parseJsonText(text: string, label = ''): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    throw new ValidationError([
      {
        path: label,
        message: `file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`,
      },
    ]);
  }
  let parsed: unknown;
  try {
    // A byte-order mark (saved by some Windows editors) is no content: read past it, as the page does.
    parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new ValidationError([{ path: label, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const bad = structureProblem(parsed);
  if (bad) throw new ValidationError([{ path: `${label}#${bad.path}`, message: bad.message }]);
  return parsed;
}

/** An override: a JSON Pointer and the value to put there. */
export interface Override {
  readonly pointer: string;
  readonly value: unknown;
}

/** Applies overrides to raw scenario JSON; a pointer whose parent is missing is an issue. */
export function applyOverrides(raw: unknown, overrides: readonly Override[]): unknown {
  const issues: Issue[] = [];
  let doc = raw;
  for (const o of overrides) {
    try {
      if (getAt(doc, o.pointer) === undefined) {
        issues.push({ path: o.pointer, message: 'names nothing in the scenario (see --list-levers)' });
        continue;
      }
      doc = rebalancePayerShares(setAt(doc, o.pointer, o.value), o.pointer);
    } catch (e) {
      issues.push({ path: o.pointer, message: (e as Error).message });
    }
  }
  if (issues.length) throw new ValidationError(issues);
  return doc;
}

/** Validates raw JSON as a scenario (schema and cross-field checks), without resolving data. */
export function validateScenario(raw: unknown): Scenario {
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fromZod(parsed.error, '', raw));
  const issues = checkScenario(parsed.data);
  if (issues.length) throw new ValidationError(issues);
  return parsed.data;
}

/**
 * Merges included parts, applies overrides, validates and resolves data
 * references; throws {@link ValidationError} with every issue.
 */
export function loadScenario(raw: unknown, load: DataLoader, overrides: readonly Override[] = []): Scenario {
  const inc = resolveIncludes(raw, load);
  if (inc.issues.length) throw new ValidationError(inc.issues);
  const doc = overrides.length ? applyOverrides(inc.doc, overrides) : inc.doc;
  const s = validateScenario(doc);
  const r = resolveDataRefs(s, load);
  if (r.issues.length) throw new ValidationError(r.issues);
  return r.scenario;
}
