/**
 * Composing a scenario from parts: `"include": ["scenarios/cities/x.json",
 * "scenarios/packages/y.json"]` merges those files, in order, under the
 * file's own fields. This keeps a document's policy package apart from a
 * city's data, so any package can be applied to any city.
 *
 * An entry may also be a part itself, inline (`"include": [{ "baseYear": …, … },
 * "scenarios/packages/y.json"]`): a scenario made by `npm run city --scenario`
 * carries its city part so, and opens where that part was never saved (the page
 * bundles only the project's own parts).
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

/** How an include entry is named in messages: its path, or "the inline part". */
const nameOf = (entry: unknown) => (typeof entry === 'string' ? entry : 'the inline part');

/** Resolves `include`; returns the merged document (keeping `include` for provenance) and any issues. */
export function resolveIncludes(raw: unknown, load: DataLoader): { doc: unknown; issues: Issue[] } {
  if (!isObject(raw) || raw.include === undefined) return { doc: raw, issues: [] };
  const issues: Issue[] = [];
  const list = raw.include;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' && !isObject(x))) {
    return { doc: raw, issues: [{ path: '/include', message: 'must be a list of file paths or inline parts' }] };
  }
  let merged: unknown = {};
  list.forEach((entry: unknown, i) => {
    const at = `/include/${i}`;
    let part: unknown = entry;
    if (typeof entry === 'string') {
      if (!PART.test(entry)) {
        issues.push({
          path: at,
          message: 'must name a part under scenarios/cities/ or scenarios/packages/ ending in .json',
        });
        return;
      }
      try {
        part = load(entry);
      } catch (e) {
        issues.push({ path: at, message: `cannot read ${entry}: ${(e as Error).message}` });
        return;
      }
      if (part === undefined) {
        issues.push({ path: at, message: `file ${entry} not found` });
        return;
      }
    }
    const name = nameOf(entry);
    if (!isObject(part)) {
      issues.push({ path: at, message: `${name} must hold a JSON object` });
      return;
    }
    if ('include' in part) {
      issues.push(
        typeof entry === 'string'
          ? { path: at, message: `${name} includes further parts; parts may not be nested` }
          : { path: `${at}/include`, message: 'an inline part may not include further parts; parts may not be nested' },
      );
      return;
    }
    const bad = structureProblem(part);
    if (bad)
      issues.push(
        typeof entry === 'string'
          ? { path: `${at}: ${entry}#${bad.path}`, message: bad.message }
          : { path: `${at}${bad.path}`, message: bad.message },
      );
    else merged = deepMerge(merged, part);
  });
  const own = { ...raw };
  // The merge recurses and copies keys: a file nested deeper than any scenario needs, or with a key that
  // would reach a prototype, is refused before it (not a stack overflow, not a silent drop). Inline parts
  // were checked above, each once.
  const { include: _include, ...rest } = own;
  const bad = structureProblem(rest);
  if (bad) return { doc: raw, issues: [...issues, bad] };
  return { doc: deepMerge(merged, own), issues };
}
