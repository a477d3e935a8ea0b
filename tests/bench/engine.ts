/**
 * The engine's part of `npm run bench`: speed and memory in Node, on this machine.
 *
 * 1. One deterministic run of the Changzhou preset (3 zones, 16 durations,
 *    20 years): the projection alone, and compile + projection + result.
 * 2. 1,000 runs in a row (one core), each with a different lever setting,
 *    as a Monte Carlo or sensitivity analysis would make them.
 *
 * Numbers go to the README's performance section. Timings are medians over
 * repeated runs after a warm-up; nothing here is asserted by the tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { project } from '../../src/model/project';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runResolved } from '../../src/scenario/run';
import { compileScenario } from '../../src/scenario/compile';
import { loadScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

export interface EngineBench {
  readonly zones: number;
  readonly durations: number;
  readonly years: number;
  /** Numbers of the population state per year (the projection's cells). */
  readonly cells: number;
  readonly projectionMs: number;
  readonly projectionP95Ms: number;
  readonly nsPerCellYear: number;
  readonly runMs: number;
  readonly runP95Ms: number;
  /** 1,000 runs in a row on one core, a lever varied each run. */
  readonly thousandRunsSeconds: number;
  readonly heapGrowthMB: number;
  readonly rssPeakMB: number;
  readonly checksum: number;
}

export function benchEngine(): EngineBench {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')) as unknown;
  const scenario = loadScenario(raw, nodeDataLoader());
  const { input } = compileScenario(scenario);
  const { zones, durations } = input.dims;

  function timeIt(n: number, fn: () => void): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      fn();
      out.push(performance.now() - t);
    }
    return out;
  }

  timeIt(100, () => project(input)); // warm-up: let the JIT optimise
  const proj = timeIt(300, () => project(input));
  timeIt(20, () => runResolved(scenario));
  const full = timeIt(100, () => runResolved(scenario));

  // 1,000 runs, each with another willingness and speed: compile + project + result, results dropped.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = process.memoryUsage().rss;
  const t0 = performance.now();
  let checksum = 0;
  for (let r = 0; r < 1000; r++) {
    const x = (r % 100) / 100;
    let s = setAt(scenario, '/willingness/speed/core', 0.05 + 0.3 * x);
    s = setAt(s, '/willingness/base/UN/core', 0.2 + (0.4 * ((r * 37) % 100)) / 100);
    const { result } = runResolved(s);
    checksum += result.series.gapPoints.at(-1) ?? 0;
    if (r % 100 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const thousand = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  const cells = input.initial.length;
  const projectionMs = quantile(proj, 0.5);
  return {
    zones,
    durations,
    years: input.steps,
    cells,
    projectionMs,
    projectionP95Ms: quantile(proj, 0.95),
    nsPerCellYear: (projectionMs * 1e6) / (cells * input.steps),
    runMs: quantile(full, 0.5),
    runP95Ms: quantile(full, 0.95),
    thousandRunsSeconds: thousand / 1000,
    heapGrowthMB: (heapAfter - heapBefore) / 1048576,
    rssPeakMB: rssPeak / 1048576,
    checksum,
  };
}

export const engineLines = (e: EngineBench): string[] => [
  `Preset changzhou-2016: ${e.zones} zones, ${e.durations} durations, ${e.years} years, ${e.cells.toLocaleString('en')} cells`,
  `One run, projection only:        median ${ms(e.projectionMs)}, p95 ${ms(e.projectionP95Ms)} (${e.nsPerCellYear.toFixed(1)} ns per cell-year)`,
  `One run, compile+project+result: median ${ms(e.runMs)}, p95 ${ms(e.runP95Ms)}`,
  `1,000 runs (one core, lever varied each run): ${e.thousandRunsSeconds.toFixed(2)} s, ${(1000 / e.thousandRunsSeconds).toFixed(0)} runs/s`,
  `Memory: heap ${e.heapGrowthMB.toFixed(1)} MB after vs before the 1,000 runs; peak RSS ${e.rssPeakMB.toFixed(0)} MB (checksum ${e.checksum.toFixed(3)})`,
];
