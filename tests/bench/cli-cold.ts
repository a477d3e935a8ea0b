/**
 * The first run of the command line in a fresh process (`npm run sim -- scenarios/changzhou-2016.json`,
 * without npm's own start-up): Node, the launcher, the prebuilt bundle (built here first if it is missing or
 * stale, as `npm install` and `npm run build` do), the model and the JSON result. Median of five.
 */
import { execSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export function benchCliCold(times = 5): { medianMs: number; samplesMs: number[] } {
  execSync('npm run -s build:cli', { cwd: ROOT, stdio: 'inherit' });
  const samplesMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['scripts/sim.mjs', 'scenarios/changzhou-2016.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
    samplesMs.push(performance.now() - t);
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], samplesMs };
}
