/**
 * `npm run sim` against bad input: exit 2, `path: message` on stderr (the path of the field, the flag or
 * the file), nothing on stdout, no stack trace (issue 15).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../../src/cli/main';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { resolveIncludes } from '../../src/scenario/include';
import type { ProjectionResult } from '../../src/scenario/result';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PRESET = 'scenarios/changzhou-2016.json';
const run = (...argv: string[]) => runCli(argv, PROJECT_ROOT);
describe('npm run sim: bad input → exit 2, `path: message` on stderr, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', [PRESET, '--bogus'], /^--bogus: unknown flag$/m],
    ['a missing file', ['scenarios/nope.json'], /^scenarios\/nope\.json: file not found$/m],
    ['no file', [], /^<scenario\.json>: missing/m],
    ['a bad format', [PRESET, '--format', 'xml'], /^--format: must be json, csv or csv-raw, got "xml"$/m],
    [
      'an out-of-range --set',
      [PRESET, '--set', '/policy/channelOverlap=2'],
      /#\/policy\/channelOverlap: must be ≤ 1$/m,
    ],
    [
      'a --set pointer that names nothing',
      [PRESET, '--set', '/policy/nothing/here=1'],
      /\/policy\/nothing\/here: names nothing/m,
    ],
    ['a --set value that is not JSON', [PRESET, '--set', '/name=abc'], /^--set \/name: value "abc" is not valid JSON/m],
    ['--until before the base year', [PRESET, '--until', '2010'], /#\/until: must be after baseYear \(2015\)$/m],
    ['--runs without a seed', [PRESET, '--runs', '10'], /^--seed: give a seed with --runs/m],
    ['--runs out of range', [PRESET, '--runs', '0', '--seed', '1'], /^--runs: must be between 1 and 100000, got 0$/m],
    ['--goal-seek without a target', [PRESET, '--goal-seek', '/policy/channelOverlap'], /^--target: give the id/m],
    [
      '--goal-seek not a pointer',
      [PRESET, '--goal-seek', 'speed', '--target', 'gap-2020'],
      /^--goal-seek: needs the JSON Pointer/m,
    ],
    [
      '--write-calibrated without --calibrate',
      [PRESET, '--write-calibrated', 'x.json'],
      /^--write-calibrated: needs --calibrate$/m,
    ],
    ['--backtest without --origin', [PRESET, '--backtest'], /^--origin: give the origin year with --backtest/m],
    ['--origin without --backtest', [PRESET, '--origin', '2015'], /^--backtest: give --backtest with --origin/m],
    [
      '--origin not a whole year',
      [PRESET, '--backtest', '--origin', '2015.5'],
      /^--origin: needs a whole year, e\.g\. --origin 2015, got "2015\.5"$/m,
    ],
    [
      '--origin before the base year',
      [PRESET, '--backtest', '--origin', '2014'],
      /^--origin: must not be before the base year 2015 \(the projection starts there\), got 2014$/m,
    ],
    [
      '--origin at the last observed year',
      [PRESET, '--backtest', '--origin', '2021'],
      /^--origin: must be before the last observed year 2021 \(nothing after it is hidden to test against\), got 2021$/m,
    ],
    [
      '--origin after the last observed year',
      [PRESET, '--backtest', '--origin', '2030'],
      /^--origin: must be before the last observed year 2021/m,
    ],
    [
      '--backtest on a scenario without observations',
      [PRESET, '--set', '/observed=[]', '--backtest', '--origin', '2015'],
      /^--backtest: the scenario has no observations/m,
    ],
  ];
  for (const [what, argv, expected] of cases) {
    it(what, async () => {
      // The async command: it runs the analyses (and is the plain command without them).
      const out = await runCliAsync(argv, PROJECT_ROOT);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(expected);
    });
  }

  it('works as a real process: exit status, streams', () => {
    const tsx = resolve(PROJECT_ROOT, 'node_modules/.bin/tsx');
    const bad = spawnSync(tsx, ['src/cli/main.ts', PRESET, '--set', '/base/residentPop=-1'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('/base/residentPop: must be ≥ 0');
    const good = spawnSync(tsx, ['src/cli/main.ts', PRESET, '--until', '2017', '--format', 'csv'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(good.status).toBe(0);
    // The people's CSV: a header, a unit row and one row per year (2015–2017).
    expect(good.stdout.trim().split('\n')).toHaveLength(5);
  }, 30_000);
});

describe('npm run sim: files that cannot be read or written', () => {
  it('refuses a directory as the scenario, naming it', () => {
    const out = runCli(['scenarios'], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('scenarios: is a directory, not a scenario file\n');
  });
  it('refuses --write-calibrated into a missing folder before calibrating', async () => {
    const out = await runCliAsync([PRESET, '--calibrate', '--write-calibrated', 'no-such-folder/x.json'], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^--write-calibrated: no-such-folder\/x\.json: the folder .* does not exist$/m);
    // Refused up front: no calibration ran (it would report its fit).
    expect(out.stderr).not.toMatch(/calibration: rmse/);
  });
  it('refuses an empty year path, naming the field', () => {
    const out = runCli([PRESET, '--set', '/willingness/serviceLevel={}'], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/#\/willingness\/serviceLevel: needs at least one year/);
  });
});

describe('npm run sim: flags that contradict each other or repeat', () => {
  for (const [argv, expected] of [
    [['--list-levers', '--runs', '10', '--seed', '1'], /^--list-levers: cannot be combined with --runs/m],
    [['--list-levers', '--calibrate'], /^--list-levers: cannot be combined with --calibrate/m],
    [['--list-levers', '--format', 'csv'], /^--list-levers: cannot be combined with --format/m],
    [['--list-levers', '--brief', 'x.pdf'], /^--list-levers: cannot be combined with --brief/m],
    [['--brief', 'x.pdf', '--runs', '10', '--seed', '1'], /^--brief: cannot be combined with the analyses/m],
    [['--until', '2030', '--until', '2025'], /^--until: given twice: give it once$/m],
    [['--brief', 'x.pdf', '--format', 'csv'], /^--format: does not apply to --brief/m],
  ] as const)
    it(`refuses ${argv.join(' ')}: exit 2, nothing on stdout`, async () => {
      const out = await runCliAsync([PRESET, ...argv], PROJECT_ROOT);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(expected);
    });
  it('still takes --set more than once', () => {
    const out = runCli(
      [PRESET, '--set', '/policy/channelOverlap=0.4', '--set', '/willingness/serviceLevel=0.5'],
      PROJECT_ROOT,
    );
    expect(out.code).toBe(0);
  });
});

describe('npm run sim: a file-level error names the file once', () => {
  it('prints an absolute path once, and pointers inside the file after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hukou-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{bad');
    const out = runCli([bad], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stderr.startsWith(`${bad}: not valid JSON: `)).toBe(true);
    expect(out.stderr).not.toContain('#');
    const half = join(dir, 'half.json');
    writeFileSync(half, '{"version": 1}');
    expect(runCli([half], PROJECT_ROOT).stderr).toMatch(
      new RegExp(`^${half.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#/id: is required`, 'm'),
    );
  });
});

describe('npm run sim: totals that cannot hold, a city of nobody, a timeline past the limit', () => {
  it('says on stderr when the base year’s totals cannot all hold, and still runs (it was only in the JSON)', () => {
    const out = run(PRESET, '--set', '/base/urbanResidentPop=0');
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^warning: base-year decomposition: rural-registered urban residents \(U − N \+ RN − UH\) came out negative/m,
    );
    expect((JSON.parse(out.stdout) as ProjectionResult).decomposition.warnings).toHaveLength(1);
  });
  it('refuses a city of nobody, naming the field', () => {
    const zero = ['residentPop', 'urbanResidentPop', 'hukouPop', 'urbanHukouPop'].flatMap((f) => [
      '--set',
      `/base/${f}=0`,
    ]);
    const out = run(PRESET, ...zero);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/#\/base\/residentPop: must be more than 0/);
  });
  it('refuses a file with 3,000 timeline entries, naming the field (it ran for minutes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hukou-cli-'));
    const file = join(dir, 'long.json');
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, PRESET), 'utf8')) as unknown;
    const { include: _, ...merged } = resolveIncludes(raw, nodeDataLoader()).doc as Record<string, unknown>;
    const timeline = Array.from({ length: 3000 }, (_, i) => ({
      year: 2016 + (i % 10),
      set: { '/willingness/serviceLevel': (i % 100) / 100 },
    }));
    writeFileSync(file, JSON.stringify({ ...merged, timeline }));
    const out = run(file);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/#\/timeline: at most 2000 entries$/m);
  });
});
