/**
 * Scenario files in and out of the interface, with the engine's validation: an imported file is
 * parsed and fully checked (schema, cross-field rules, data references) before it replaces anything,
 * and an exported file is self-contained (its included parts merged, the edits applied) so that the
 * command line reads it as it is.
 */
import { resolveIncludes } from '../scenario/include';
import { ValidationError, type Issue } from '../scenario/issues';
import { applyOverrides, loadScenario, parseJsonText, type Override } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';

export type CheckReply =
  { readonly ok: true; readonly raw: unknown } | { readonly ok: false; readonly issues: Issue[] };
export type ExportReply =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issues: Issue[] };

const issuesOf = (e: unknown): Issue[] => {
  if (e instanceof ValidationError) return e.issues.map((i) => ({ ...i }));
  throw e;
};

export function checkText(text: string, fileName: string, load: DataLoader): CheckReply {
  try {
    const raw = parseJsonText(text, fileName);
    loadScenario(raw, load);
    return { ok: true, raw };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}

export function exportText(raw: unknown, overrides: readonly Override[], load: DataLoader): ExportReply {
  try {
    const inc = resolveIncludes(raw, load);
    if (inc.issues.length) throw new ValidationError(inc.issues);
    const doc = applyOverrides(inc.doc, overrides) as Record<string, unknown>;
    loadScenario(doc, load); // never hand out a file the program would refuse
    const { include: _include, ...merged } = doc;
    return { ok: true, text: JSON.stringify(merged, null, 2) + '\n' };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}
