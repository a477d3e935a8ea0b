/**
 * `npm run bench`: speed and memory of the engine in Node, on this machine.
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
import { cpus } from 'node:os';
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

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`Preset changzhou-2016: ${zones} zones, ${durations} durations, ${input.steps} years`);
console.log(
  `One run, projection only:        median ${ms(quantile(proj, 0.5))}, p95 ${ms(quantile(proj, 0.95))} (${proj.length} runs)`,
);
console.log(
  `One run, compile+project+result: median ${ms(quantile(full, 0.5))}, p95 ${ms(quantile(full, 0.95))} (${full.length} runs)`,
);
console.log(
  `1,000 runs (one core, lever varied each run): ${(thousand / 1000).toFixed(2)} s, ${(1000 / (thousand / 1000)).toFixed(0)} runs/s`,
);
console.log(
  `Memory: heap ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB after vs before the 1,000 runs; peak RSS ${(rssPeak / 1048576).toFixed(0)} MB`,
);
console.log(`(checksum ${checksum.toFixed(3)})`);
