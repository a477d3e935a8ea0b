/**
 * `npm run bench [-- --json]`: the engine (one run, 1,000 runs), 1,000 Monte Carlo runs on every core,
 * the command line's first run, and lever → charts in headless Chromium on a fresh production build.
 * Text by default; with `--json`, one JSON object (issue 17: projectionMs, nsPerCellYear, runMs,
 * mc1000Seconds, mcPeakMB, leverP95Ms, cliColdMs and the load average beside them; the R comparison and
 * its rRatio are not written: this machine has no Rscript to check one against). Numbers go to the README's performance section; nothing here is asserted by the tests.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';
import { benchCliCold } from './cli-cold';
import { benchEngine, engineLines } from './engine';
import { benchLatency } from './latency';
import { benchMonteCarlo } from './montecarlo';

const json = process.argv.includes('--json');
const ROOT = resolve(import.meta.dirname, '..', '..');
const say = (line: string) => {
  if (!json) console.log(line);
};

const loadBefore = loadavg();
say(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`,
);
const engine = benchEngine();
engineLines(engine).forEach(say);
const mc = await benchMonteCarlo();
say(mc.line);
const cli = benchCliCold();
say(
  `First CLI run in a fresh process (tsx): median ${cli.medianMs.toFixed(0)} ms (${cli.samplesMs.map((x) => x.toFixed(0)).join(', ')})`,
);
await build({ root: ROOT, logLevel: 'silent' });
const latency = await benchLatency();
latency.lines.forEach(say);
// The demography-only projection against a plain R cohort loop (issue 17) needs Rscript, absent here.
const hasR = spawnSync('Rscript', ['--version']).status === 0;
say(
  hasR
    ? 'Rscript found: the R comparison (issue 17) is not written; no rRatio.'
    : 'No Rscript on this machine: no R comparison, no rRatio.',
);

if (json)
  console.log(
    JSON.stringify({
      projectionMs: engine.projectionMs,
      nsPerCellYear: engine.nsPerCellYear,
      runMs: engine.runMs,
      mc1000Seconds: mc.seconds,
      mcPeakMB: mc.rssPeakMB,
      leverP95Ms: latency.visibleP95Ms,
      cliColdMs: cli.medianMs,
      cells: engine.cells,
      years: engine.years,
      thousandRunsSeconds: engine.thousandRunsSeconds,
      mcThreads: mc.threads,
      leverMedianMs: latency.visibleMedianMs,
      loadAverage: { before: loadBefore, after: loadavg() },
    }),
  );
