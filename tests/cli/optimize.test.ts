/**
 * `npm run sim -- … --optimize <ptr>,… --targets <id>,… [--minimize <metric>]` (INTERFACES.md): the answer in
 * the JSON result, the setting as `--set` flags on stderr, and rerunning with those flags meets the targets.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizeResult } from '../../src/analysis/optimize';
import { runCli, runCliAsync } from '../../src/cli/main';
import { PROJECT_ROOT } from '../../src/runner/node-loader';
import type { ProjectionResult } from '../../src/scenario/result';

const PRESET = 'scenarios/changzhou-2016.json';
const LEVERS = [
  '/willingness/speed/core',
  '/willingness/speed/county',
  '/policy/zones/core/channels/0/conditions/2/years',
  '/willingness/serviceLevel',
  '/willingness/incentive',
  '/registration/transfer/personsPerYear',
].join(',');

describe('npm run sim -- --optimize', () => {
  it("finds 常州's setting that meets both 2020 targets; rerunning with its --set flags meets them", async () => {
    const out = await runCliAsync(
      [PRESET, '--optimize', LEVERS, '--targets', 'resident-rate-2020,gap-2020'],
      PROJECT_ROOT,
    );
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as ProjectionResult & { optimize: OptimizeResult };
    expect(r.optimize.met).toBe(true);
    expect(Object.keys(r.optimize.setting)).toEqual(LEVERS.split(','));
    expect(r.optimize.objective.metric).toBe('municipalNetCumulative');
    expect(r.optimize.targets.map((t) => [t.id, t.met])).toEqual([
      ['resident-rate-2020', true],
      ['gap-2020', true],
    ]);
    // stderr gives the answer in Chinese and the flags that reproduce it.
    expect(out.stderr).toMatch(/^optimize: 所选目标全部可以达到/m);
    const flags = /^optimize: (--set .*)$/m.exec(out.stderr)![1].split(' ');
    const again = runCli([PRESET, ...flags], PROJECT_ROOT);
    expect(again.code).toBe(0);
    const rerun = JSON.parse(again.stdout) as ProjectionResult;
    expect(rerun.targets.every((t) => t.met)).toBe(true);
    expect(rerun.targets.find((t) => t.id === 'gap-2020')!.value).toBeCloseTo(
      r.optimize.targets.find((t) => t.id === 'gap-2020')!.value!,
      9,
    );
  }, 60_000);

  it('refuses flags that do not go together, naming them', async () => {
    const bad = async (...argv: string[]) => {
      const out = await runCliAsync([PRESET, ...argv], PROJECT_ROOT);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      return out.stderr;
    };
    expect(await bad('--optimize', '/willingness/incentive')).toContain(
      '--targets: give the ids of the targets to meet with --optimize',
    );
    expect(await bad('--targets', 'gap-2020')).toContain('--optimize: give the levers to move with --targets');
    expect(await bad('--optimize', 'willingness', '--targets', 'gap-2020')).toContain(
      '--optimize: needs JSON Pointers of levers (see --list-levers), got "willingness"',
    );
    expect(await bad('--optimize', '/willingness/incentive', '--targets', 'gap-2020', '--minimize', 'births')).toMatch(
      /--minimize: must be one of municipalNetCumulative, totalCostCumulative, gapPoints, nonRegisteredUrban, change/,
    );
    expect(await bad('--optimize', '/x/y', '--targets', 'gap-2020')).toContain('/x/y names no lever of this scenario');
  }, 30_000);
});
