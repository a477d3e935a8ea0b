/**
 * `npm run sim` starts scripts/sim.mjs: the prebuilt bundle when it is newer than the sources, the sources
 * through tsx otherwise. Both must print what the command line prints in-process, so the bundle can never
 * give another answer than the code it was built from, and a stale bundle is never run.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { PROJECT_ROOT } from '../../src/runner/node-loader';

const BUNDLE = resolve(PROJECT_ROOT, 'dist-cli/bin/bin.mjs');
const ARGS = [
  'scenarios/liaoyuan.json',
  '--until',
  '2019',
  '--format',
  'csv-raw',
  '--set',
  '/policy/channelOverlap=0.6',
];
const launch = (...argv: string[]) =>
  spawnSync(process.execPath, ['scripts/sim.mjs', ...argv], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('the launcher of npm run sim', () => {
  beforeAll(() => {
    execSync('npm run -s build:cli', { cwd: PROJECT_ROOT, stdio: 'pipe' });
  }, 60_000);

  it('runs the fresh bundle, which prints what the sources print', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const expected = runCli(ARGS, PROJECT_ROOT);
    const r = launch(...ARGS);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stdout.split('\n').length).toBeGreaterThan(4);
  });

  it('passes bad input through: exit 2 and the field named, from the bundle too', () => {
    const r = launch('scenarios/liaoyuan.json', '--set', '/policy/channelOverlap=2');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/#\/policy\/channelOverlap: must be ≤ 1$/m);
  });

  /**
   * Puts a bundle that would answer wrongly in place, dated `at`, runs `change`, and expects the launcher to
   * answer from the sources; everything is put back.
   */
  function expectSourcesRun(at: Date, change: () => () => void = () => () => {}): void {
    const saved = readFileSync(BUNDLE);
    const old = statSync(BUNDLE).mtime;
    writeFileSync(BUNDLE, "process.stdout.write('stale bundle');\n");
    utimesSync(BUNDLE, at, at);
    const undo = change();
    try {
      const r = launch(...ARGS);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(runCli(ARGS, PROJECT_ROOT).stdout);
    } finally {
      undo();
      writeFileSync(BUNDLE, saved);
      utimesSync(BUNDLE, old, old);
    }
  }

  it('counts a folder changed (a source deleted or renamed) as newer than the bundle', () => {
    const folder = resolve(PROJECT_ROOT, 'src/cli');
    // The bundle as built a minute ago, then the folder's entry list changed after it.
    expectSourcesRun(new Date(Date.now() - 60_000), () => {
      const was = statSync(folder);
      utimesSync(folder, new Date(), new Date());
      return () => utimesSync(folder, was.atime, was.mtime);
    });
  }, 30_000);

  it('runs the sources when the bundle is older than them (an edit is never run stale)', () => {
    expectSourcesRun(new Date(0));
  }, 30_000);
});
