/**
 * Golden outputs of the presets. Tolerance: 1e-9 relative on every number
 * (the model is deterministic; the tolerance only absorbs last-bit
 * differences of Math.exp/Math.pow across JavaScript engines). To accept a
 * deliberate change: `UPDATE_GOLDEN=1 npx vitest run tests/scenario/golden.test.ts`,
 * then review the diff of tests/golden/.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { PROJECT_ROOT } from '../../src/runner/node-loader';

const REL_TOL = 1e-9;
const presets = readdirSync(resolve(PROJECT_ROOT, 'scenarios')).filter(
  (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
);

function compare(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 20) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > REL_TOL * Math.max(1, Math.abs(b))) out.push(`${path}: ${a} ≠ golden ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} ≠ golden ${b.length}`);
    else a.forEach((x, i) => compare(x, b[i], `${path}/${i}`, out));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join(',')} ≠ golden ${kb.join(',')}`);
    else
      for (const k of ka)
        compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
  } else if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ golden ${JSON.stringify(b)}`);
}

describe('golden outputs of the presets', () => {
  it('has at least the Changzhou preset', () => expect(presets).toContain('changzhou-2016.json'));
  for (const file of presets) {
    it(file, () => {
      const out = runCli([`scenarios/${file}`], PROJECT_ROOT);
      expect(out.stderr).toBe('');
      const golden = resolve(PROJECT_ROOT, 'tests/golden', file);
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
        if (!process.env.UPDATE_GOLDEN && process.env.CI)
          throw new Error(`no golden file for ${file}: run with UPDATE_GOLDEN=1 and commit it`);
        writeFileSync(golden, out.stdout);
      }
      const problems: string[] = [];
      compare(JSON.parse(out.stdout), JSON.parse(readFileSync(golden, 'utf8')), '', problems);
      expect(problems).toEqual([]);
    });
  }
  it('is deterministic: the same scenario twice gives the same bytes', () => {
    const a = runCli(['scenarios/changzhou-2016.json'], PROJECT_ROOT).stdout;
    const b = runCli(['scenarios/changzhou-2016.json'], PROJECT_ROOT).stdout;
    expect(a).toBe(b);
  });
});
