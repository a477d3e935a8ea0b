/**
 * `npm run fuzz [-- N SEED]`: N (default 10,000) seeded mutations of the six presets in turn through load and
 * run; prints how they ended and exits 1 on any crash, NaN, negative count or run over 2 s.
 */
import { fuzz } from './fuzz-lib';

const n = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const t0 = performance.now();
const r = fuzz(n, seed);
const s = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `fuzz: ${r.n} mutations (seed ${seed}) in ${s} s: ${r.refused} refused with a named path, ${r.ran} ran; ` +
    `${r.failures.filter((f) => f.kind === 'crash').length} crashes, ` +
    `${r.failures.filter((f) => f.kind === 'nan' || f.kind === 'negative').length} NaN or negative outputs, ` +
    `${r.failures.filter((f) => f.kind === 'slow').length} runs over 2 s`,
);
for (const f of r.failures.slice(0, 20)) console.log(`  seed ${f.seed}: ${f.kind}: ${f.detail}`);
process.exit(r.failures.length ? 1 : 0);
