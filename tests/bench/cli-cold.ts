/**
 * The first run of the command line in a fresh process (`npm run sim -- scenarios/changzhou-2016.json`),
 * as a user types it: Node, tsx's on-the-fly TypeScript, the model and the JSON result. Median of five.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export function benchCliCold(times = 5): { medianMs: number; samplesMs: number[] } {
  const samplesMs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scenarios/changzhou-2016.json'], {
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
