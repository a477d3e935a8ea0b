/**
 * Runs one scenario synchronously: load, compile, project, build the
 * result. The same function serves the command line, tests, benchmarks and
 * the Web Worker, which only wraps it.
 */
import { computeFiscal, type FiscalOutput } from '../model/fiscal';
import { project, type ProjectOptions } from '../model/project';
import { compileFiscal } from './compile-fiscal';
import type { ProjectionOutput } from '../model/output';
import { compileScenario, type CompiledScenario } from './compile';
import { loadScenario, type Override } from './load';
import type { DataLoader } from './resolve';
import { buildResult, type ProjectionResult } from './result';
import type { Scenario } from './schema';

export interface RunOutcome {
  readonly scenario: Scenario;
  readonly compiled: CompiledScenario;
  readonly output: ProjectionOutput;
  readonly fiscal: FiscalOutput | null;
  readonly result: ProjectionResult;
}

/** Runs a validated, resolved scenario. */
export function runResolved(scenario: Scenario, options: ProjectOptions = {}): RunOutcome {
  const compiled = compileScenario(scenario);
  const output = project(compiled.input, options);
  const fiscal = scenario.fiscal
    ? computeFiscal(compiled.input, output, compileFiscal(scenario, scenario.fiscal))
    : null;
  const result = buildResult(scenario, output, compiled.decomposition, compiled.definitionByYear, fiscal);
  return { scenario, compiled, output, fiscal, result };
}

/** Validates raw scenario JSON (throwing a ValidationError with every issue), then runs it. */
export function runScenario(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[] = [],
  options: ProjectOptions = {},
): RunOutcome {
  return runResolved(loadScenario(raw, load, overrides), options);
}
