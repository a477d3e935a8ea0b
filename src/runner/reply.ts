/**
 * What a model run answers across a thread boundary: the result, or the validation issues. Shared by
 * the worker (which computes it) and the worker runner (which receives it); plain data, so it
 * survives structured cloning.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario } from '../scenario/schema';
import { runScenario } from './run';

/** Scenario metadata shown in the page header (city, document). */
export type ScenarioMeta = Scenario['meta'];

export type ModelReply =
  | { readonly ok: true; readonly result: ProjectionResult; readonly meta: ScenarioMeta }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Runs raw scenario JSON. Invalid input (a {@link ValidationError}) becomes `{ ok: false, issues }`;
 * any other error is a bug and is rethrown.
 */
export function replyTo(raw: unknown, load: DataLoader, overrides: readonly Override[] = []): ModelReply {
  try {
    const { result, scenario } = runScenario(raw, load, overrides);
    return { ok: true, result, meta: scenario.meta };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, issues: e.issues.map((i) => ({ ...i })) };
    throw e;
  }
}
