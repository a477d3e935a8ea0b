/**
 * Composing a scenario from parts: `"include": ["scenarios/cities/x.json",
 * "scenarios/packages/y.json"]` merges those files, in order, under the
 * file's own fields. This keeps a document's policy package apart from a
 * city's data, so any package can be applied to any city.
 *
 * Merge rule: objects merge key by key (so `sources` entries add up);
 * arrays and plain values replace. Parts may not include further parts.
 */
import type { Issue } from './issues';
import type { DataLoader } from './resolve';
import { structureProblem } from './depth';

const PART = /^scenarios\/(cities|packages)\/[\w.-]+\.json$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` merged onto `base` (neither is modified). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return structuredClone(over);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : structuredClone(v);
  return out;
}

/** Resolves `include`; returns the merged document (keeping `include` for provenance) and any issues. */
export function resolveIncludes(raw: unknown, load: DataLoader): { doc: unknown; issues: Issue[] } {
  if (!isObject(raw) || raw.include === undefined) return { doc: raw, issues: [] };
  const issues: Issue[] = [];
  const list = raw.include;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    return { doc: raw, issues: [{ path: '/include', message: 'must be a list of file paths' }] };
  }
  let merged: unknown = {};
  list.forEach((file: string, i) => {
    const at = `/include/${i}`;
    if (!PART.test(file)) {
      issues.push({
        path: at,
        message: 'must name a part under scenarios/cities/ or scenarios/packages/ ending in .json',
      });
      return;
    }
    let part: unknown;
    try {
      part = load(file);
    } catch (e) {
      issues.push({ path: at, message: `cannot read ${file}: ${(e as Error).message}` });
      return;
    }
    const bad = isObject(part) && !('include' in part) ? structureProblem(part) : null;
    if (part === undefined) issues.push({ path: at, message: `file ${file} not found` });
    else if (!isObject(part)) issues.push({ path: at, message: `${file} must hold a JSON object` });
    else if ('include' in part)
      issues.push({ path: at, message: `${file} includes further parts; parts may not be nested` });
    else if (bad) issues.push({ path: `${at}: ${file}#${bad.path}`, message: bad.message });
    else merged = deepMerge(merged, part);
  });
  const own = { ...raw };
  // The merge recurses and copies keys: a file nested deeper than any scenario needs, or with a key that
  // would reach a prototype, is refused before it (not a stack overflow, not a silent drop).
  const bad = structureProblem(own);
  if (bad) return { doc: raw, issues: [...issues, bad] };
  return { doc: deepMerge(merged, own), issues };
}
