/**
 * What a model run answers across a thread boundary: the result, or the validation issues. Shared by
 * the worker (which computes it) and the worker runner (which receives it); plain data, so it
 * survives structured cloning.
 */
import { resolveIncludes } from '../scenario/include';
import { ValidationError, type Issue } from '../scenario/issues';
import { getAt } from '../scenario/pointer';
import type { Override } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario } from '../scenario/schema';
import { runScenario } from '../scenario/run';
import { buildViewData, type ViewData } from './view-data';

/** Scenario metadata shown in the page header (city, document). */
export type ScenarioMeta = Scenario['meta'];

export type ModelReply =
  | { readonly ok: true; readonly result: ProjectionResult; readonly meta: ScenarioMeta; readonly view: ViewData }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** The scenario's own values (before the overrides) at the overridden pointers that hold numbers or booleans. */
export function sourceValuesOf(raw: unknown, load: DataLoader, overrides: readonly Override[]): Record<string, number> {
  if (!overrides.length) return {};
  const doc = resolveIncludes(raw, load).doc;
  const out: Record<string, number> = {};
  for (const { pointer } of overrides) {
    const v = getAt(doc, pointer);
    if (typeof v === 'number') out[pointer] = v;
    else if (typeof v === 'boolean') out[pointer] = v ? 1 : 0;
  }
  return out;
}

/**
 * Runs raw scenario JSON. Invalid input (a {@link ValidationError}) becomes `{ ok: false, issues }`;
 * any other error is a bug and is rethrown.
 */
export function replyTo(raw: unknown, load: DataLoader, overrides: readonly Override[] = []): ModelReply {
  try {
    const outcome = runScenario(raw, load, overrides);
    const view = buildViewData(outcome, load, sourceValuesOf(raw, load, overrides));
    return { ok: true, result: outcome.result, meta: outcome.scenario.meta, view };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, issues: e.issues.map((i) => ({ ...i })) };
    throw e;
  }
}
