/**
 * The analyses in Web Workers: a comlink facade over src/analysis, implementing src/runner/worker-api.ts.
 * The main thread runs several of these (src/runner/analysis-pool.ts) and imports nothing from here, so the
 * model, the schema and the data tables stay out of the main bundle.
 */
import { expose, transfer } from 'comlink';
import { backtest } from '../src/analysis/backtest';
import { calibrate, calibratedScenario, type CalibrationResult } from '../src/analysis/calibrate';
import { evaluate } from '../src/analysis/evaluate';
import { goalSeek, type GoalSeekOptions } from '../src/analysis/goal-seek';
import { optimize, type OptimizeOptions } from '../src/analysis/optimize';
import { sensitivity, type SensitivityOptions } from '../src/analysis/sensitivity';
import { uncertaintyBatchRunner, summaryBuffers } from '../src/analysis/uncertainty';
import { atlasInputs, ATLAS_FILES, hindcast, runPrefectureYears } from '../src/analysis/atlas-run';
import { atlasScenario, runnable } from '../src/analysis/atlas-scenario';
import { browserDataLoader, preloadFiles, preloadFor } from '../src/runner/browser-loader';
import { runScenario } from '../src/scenario/run';
import type { AnalysisWorkerApi, Answer, AtlasPage, AtlasRequest, OnProgress } from '../src/runner/worker-api';
import type { AtlasSpeeds } from '../src/analysis/atlas-run';
import type { AtlasBase } from '../src/analysis/atlas-scenario';
import { ValidationError } from '../src/scenario/issues';
import type { Override } from '../src/scenario/load';

/** The analysis's answer once the scenario's data files are fetched; bad input → its issues. */
async function answer<T>(raw: unknown, f: () => T): Promise<Answer<T>> {
  await preloadFor(raw);
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, issues: e.issues.map((i) => ({ ...i })) };
    throw e;
  }
}

const load = browserDataLoader();
const uncertainty = uncertaintyBatchRunner(load);

const api: AnalysisWorkerApi = {
  /** What an uncertainty analysis of this scenario is over (years, series, targets, parameters), or its problems. */
  async planUncertainty(raw: unknown, overrides: readonly Override[] = []) {
    await preloadFor(raw);
    return uncertainty.plan(raw, overrides);
  },
  /**
   * Monte Carlo runs `indices` (preparation cached per scenario and overrides); their arrays are
   * transferred, not copied. An invalid draw rejects with the issues in the message.
   */
  async runBatch(raw: unknown, overrides: readonly Override[], seed: number, indices: readonly number[]) {
    await preloadFor(raw);
    const summaries = uncertainty.runBatch(raw, overrides, seed, indices);
    return transfer(summaries, summaryBuffers(summaries));
  },
  goalSeek(raw: unknown, overrides: readonly Override[], options: GoalSeekOptions, onProgress?: OnProgress) {
    return answer(raw, () => goalSeek(raw, load, overrides, options, onProgress));
  },
  optimize(raw: unknown, overrides: readonly Override[], options: OptimizeOptions, onProgress?: OnProgress) {
    return answer(raw, () => optimize(raw, load, overrides, options, onProgress));
  },
  sensitivity(raw: unknown, overrides: readonly Override[], options: SensitivityOptions, onProgress?: OnProgress) {
    return answer(raw, () => sensitivity(raw, load, overrides, options, onProgress));
  },
  calibrate(raw: unknown, overrides: readonly Override[], onProgress?: OnProgress) {
    return answer(raw, () => calibrate(raw, load, overrides, {}, onProgress));
  },
  /** The calibrated scenario as the JSON text of a file. */
  calibratedScenario(raw: unknown, overrides: readonly Override[], calibration: CalibrationResult) {
    return answer(raw, () => JSON.stringify(calibratedScenario(raw, load, overrides, calibration), null, 2) + '\n');
  },
  /** Back-test from `origin`: observations after it hidden from the fit, errors and skill on them. */
  backtest(raw: unknown, overrides: readonly Override[], origin: number, onProgress?: OnProgress) {
    return answer(raw, () => backtest(raw, load, overrides, { origin }, onProgress));
  },
  async atlasRows(request: AtlasRequest, onProgress?: OnProgress) {
    await preloadFiles(ATLAS_FILES);
    const { data, parts } = atlasInputs(load, request.speeds, request.edits);
    const mine = data.prefectures.filter((p, i) => runnable(p, request.base) && i % request.of === request.part);
    // Every unit's scenario names the same data tables (the nation's): fetch them once.
    if (mine.length) await preloadFor(atlasScenario(mine[0], request.base, parts));
    const page: AtlasPage = { rows: [], failures: [], total: mine.length };
    for (const [k, p] of mine.entries()) {
      try {
        page.rows.push(...runPrefectureYears(p, request.base, parts, load, request.years));
      } catch (e) {
        page.failures.push({ code: p.code, name: p.name, message: (e as Error).message });
      }
      await onProgress?.(k + 1, mine.length);
    }
    return { ok: true as const, value: page };
  },
  async atlasScenario(
    code: string,
    base: AtlasBase,
    speeds: AtlasSpeeds,
    edits: readonly { readonly pointer: string; readonly value: unknown }[] = [],
  ) {
    await preloadFiles(ATLAS_FILES);
    const { data, parts } = atlasInputs(load, speeds, edits);
    const p = data.prefectures.find((x) => x.code === code);
    if (!p) return { ok: false as const, issues: [{ path: 'code', message: `no prefecture ${code}` }] };
    await preloadFor(atlasScenario(p, base, parts));
    return { ok: true as const, value: atlasScenario(p, base, parts) as unknown };
  },
  async atlasHindcast(speeds: AtlasSpeeds, onProgress?: OnProgress) {
    await preloadFiles(ATLAS_FILES);
    const { data, parts } = atlasInputs(load, speeds);
    const first = data.prefectures.find((p) => runnable(p, 2010));
    if (first) await preloadFor(atlasScenario(first, 2010, parts));
    void onProgress?.(0, 1);
    return { ok: true as const, value: hindcast(data, parts, load) };
  },
  evaluate(raw: unknown, overrides: readonly Override[]) {
    return answer(raw, () => {
      const { scenario, result } = runScenario(raw, load, overrides);
      return evaluate(scenario, result);
    });
  },
};

expose(api);
