/**
 * Monte Carlo benchmark: 1,000 runs of the default preset (changzhou-2016, its own `uncertainty`
 * block) on every core through the Node worker pool, as `--runs 1000` makes them. Reports wall time
 * (worker start-up included), runs per second, and memory: the main thread's heap before and after
 * (it holds only the aggregator's fixed-size estimators and the reorder buffer) and the process's RSS
 * (worker threads included) before, at its peak and after. Nothing here is asserted by the tests.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { runUncertaintyNode } from '../../src/runner/node-pool';
import { PROJECT_ROOT } from '../../src/runner/node-loader';

const RUNS = 1000;

export interface MonteCarloBench {
  readonly runs: number;
  readonly threads: number;
  readonly seconds: number;
  readonly rssPeakMB: number;
  readonly line: string;
}

export async function benchMonteCarlo(): Promise<MonteCarloBench> {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')) as unknown;
  const threads = availableParallelism();
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0);

  global.gc?.();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  const t0 = performance.now();
  const result = await runUncertaintyNode({
    raw,
    runs: RUNS,
    seed: 1,
    threads,
    onProgress: () => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)),
  });
  const seconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const after = process.memoryUsage();
  const y = result.years.indexOf(2020);
  const line =
    `Monte Carlo ${RUNS.toLocaleString('en')} runs (changzhou-2016, ${threads} threads on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}): ` +
    `${seconds.toFixed(1)} s wall, ${(RUNS / seconds).toFixed(0)} runs/s; ` +
    `main heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, RSS ${mb(before.rss)} → ${mb(after.rss)} MB (peak ${mb(rssPeak)} MB); ` +
    `gap 2020 p5–p95 ${result.percentiles.p5.gapPoints[y]?.toFixed(2)}–${result.percentiles.p95.gapPoints[y]?.toFixed(2)} points`;
  return { runs: RUNS, threads, seconds, rssPeakMB: rssPeak / 1048576, line };
}
