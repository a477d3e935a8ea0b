/**
 * `npm run sim -- <scenario.json> …`: runs a scenario headless and prints
 * its yearly results as JSON (default), the people's CSV (`--format csv`) or the machine CSV
 * (`--format csv-raw`). Invalid input: exit code 2,
 * every problem on stderr as `path: message`, nothing on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unreadable, unwritable } from './files';
import { nodeDataLoader } from '../runner/node-loader';
import { runResolved } from '../scenario/run';
import { formatIssue, ValidationError, type Issue } from '../scenario/issues';
import { listLevers } from '../scenario/levers';
import { applyOverrides, loadScenario, parseJsonText } from '../scenario/load';
import { resolveIncludes } from '../scenario/include';
import { parseArgs } from './args';
import { runAtlasCli } from './atlas';
import { resultToCsv } from '../runner/result-csv';
import { csvNamesOf, resultToPeopleCsv } from '../runner/result-csv-people';
// Only the type: the brief's module pulls in vite and playwright-core, loaded only when a brief is asked for.
import type { BriefRequest } from './brief';
import { backtest, skillLine, type BacktestResult } from '../analysis/backtest';
import { calibrate, calibratedScenario } from '../analysis/calibrate';
import { goalSeek } from '../analysis/goal-seek';
import { optimize, type OptimizeObjective } from '../analysis/optimize';
import { runUncertaintyNode } from '../runner/node-pool';
import type { UncertaintyResult } from '../analysis/uncertainty';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario } from '../scenario/schema';
import type { CliArgs } from './args';

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** With `--brief`: the validated request, written asynchronously by {@link writeBrief}. */
  readonly brief?: BriefRequest;
}

const fail = (issues: readonly Issue[]): CliOutcome => ({
  code: 2,
  stdout: '',
  stderr: issues.map(formatIssue).join('\n') + '\n',
});

/**
 * An issue's path as the user reads it: a JSON pointer inside the scenario file becomes `file#pointer`;
 * a path that already names the file (a file-level error) or a flag stays as it is (an absolute file name
 * starts with "/" too, and was once printed twice).
 */
function inFile(file: string, path: string): string {
  if (path === file || path.startsWith(`${file}#`)) return path;
  return path.startsWith('/') || path === '' ? `${file}#${path}` : path;
}

/**
 * The base year's published totals that could not all hold (a stock clamped at 0, an age table far from
 * its total): the run goes on, as the user may mean it, but never without a word on stderr.
 */
export const baseYearWarnings = (result: ProjectionResult): string =>
  result.decomposition.warnings.map((w) => `warning: base-year decomposition: ${w}\n`).join('');

/** The whole command as a function of its arguments, for tests. */
export function runCli(argv: readonly string[], cwd = process.cwd()): CliOutcome {
  const { args, issues } = parseArgs(argv);
  if (issues.length) return fail(issues);
  const path = resolve(cwd, args.file);
  const cannot = unreadable(path);
  if (cannot) return fail([{ path: args.file, message: cannot }]);
  try {
    const raw = parseJsonText(readFileSync(path, 'utf8'), args.file);
    const overrides = [...args.overrides];
    if (args.until !== null) overrides.push({ pointer: '/until', value: args.until });
    const scenario = loadScenario(raw, nodeDataLoader(), overrides);
    if (args.listLevers) return { code: 0, stdout: JSON.stringify(listLevers(scenario), null, 2) + '\n', stderr: '' };
    if (args.brief)
      return {
        code: 0,
        stdout: '',
        stderr: '',
        brief: {
          file: args.file,
          merged: applyOverrides(
            resolveIncludes(raw, nodeDataLoader()).doc,
            overrides.filter((o) => typeof o.value !== 'number' && typeof o.value !== 'boolean'),
          ),
          overrides,
          lang: args.lang,
          out: args.brief,
        },
      };
    const { result } = runResolved(scenario);
    return { code: 0, stdout: render(result, {}, args, scenario), stderr: baseYearWarnings(result) };
  } catch (e) {
    if (e instanceof ValidationError)
      return fail(
        e.issues.map((i) => ({
          ...i,
          path: inFile(args.file, i.path),
        })),
      );
    return { code: 1, stdout: '', stderr: `internal error: ${(e as Error).stack ?? String(e)}\n` };
  }
}

/**
 * JSON or CSV of a result with the analyses' sections added. The people's CSV starts with a BOM, so that
 * Excel reads its Chinese as UTF-8; the machine CSV (`csv-raw`) is as it always was.
 */
function render(
  result: ProjectionResult,
  extra: Record<string, unknown>,
  { format, lang }: Pick<CliArgs, 'format' | 'lang'>,
  scenario: Scenario,
): string {
  if (format === 'json') return JSON.stringify({ ...result, ...extra }, null, 2) + '\n';
  const u = extra.uncertainty as UncertaintyResult | undefined;
  const b = extra.backtest as BacktestResult | undefined;
  // CSV: one row per year; the percentile bands join as `uncertainty.p5.<series>` … columns (people's:
  // "常住人口城镇化率 P5（%）"), the back-test's projection as `backtest.<series>` ("回测·常住人口（万人）");
  // its scores are in the JSON and on stderr.
  const columns = { ...(u ? { uncertainty: { ...u.percentiles } } : {}), ...(b ? { backtest: b.series } : {}) };
  const more = Object.keys(columns).length ? columns : undefined;
  if (format === 'csv-raw') return resultToCsv(result, more);
  return '\ufeff' + resultToPeopleCsv(result, { lang, names: csvNamesOf(scenario), ...(more ? { extra: more } : {}) });
}

/**
 * The whole command, analyses included (`--runs`, `--goal-seek`, `--calibrate`, `--backtest`, `--brief`).
 * Without analyses it is {@link runCli}. Bad input: exit code 2 and every problem on stderr.
 */
export async function runCliAsync(argv: readonly string[], cwd = process.cwd()): Promise<CliOutcome> {
  // Every prefecture at once: a mode of its own, without a scenario file.
  if (argv.includes('--atlas')) return runAtlasCli(argv);
  const { args, issues } = parseArgs(argv);
  if (issues.length) return fail(issues);
  if (args.runs === null && args.goalSeek === null && args.optimize === null && !args.calibrate && !args.backtest)
    return runCli(argv, cwd);
  const path = resolve(cwd, args.file);
  const cannot = unreadable(path);
  if (cannot) return fail([{ path: args.file, message: cannot }]);
  // Refuse an output that cannot be written before spending minutes on the calibration.
  if (args.writeCalibrated) {
    const why = unwritable(resolve(cwd, args.writeCalibrated));
    if (why) return fail([{ path: '--write-calibrated', message: `${args.writeCalibrated}: ${why}` }]);
  }
  const load = nodeDataLoader();
  const located = (e: ValidationError) => fail(e.issues.map((i) => ({ ...i, path: inFile(args.file, i.path) })));
  try {
    const raw = parseJsonText(readFileSync(path, 'utf8'), args.file);
    const overrides = [...args.overrides];
    if (args.until !== null) overrides.push({ pointer: '/until', value: args.until });
    const scenario = loadScenario(raw, load, overrides);
    const { result } = runResolved(scenario);
    const extra: Record<string, unknown> = {};
    const notes: string[] = [];
    if (args.runs !== null && args.seed !== null)
      extra.uncertainty = await runUncertaintyNode({
        raw,
        overrides,
        runs: args.runs,
        seed: args.seed,
        ...(args.threads !== null ? { threads: args.threads } : {}),
      });
    if (args.goalSeek !== null && args.target !== null) {
      const g = goalSeek(raw, load, overrides, { lever: args.goalSeek, target: args.target });
      extra.goalSeek = g;
      notes.push(`goal seek: ${g.message}`);
    }
    if (args.optimize !== null && args.targets !== null) {
      const o = optimize(raw, load, overrides, {
        levers: args.optimize,
        targets: args.targets,
        ...(args.minimize !== null ? { minimize: args.minimize as OptimizeObjective } : {}),
      });
      extra.optimize = o;
      notes.push(`optimize: ${args.lang === 'en' ? o.message : o.messageZh}`);
      if (o.overrides.length)
        notes.push(
          `optimize: --set ${o.overrides.map((x) => `${x.pointer}=${JSON.stringify(x.value)}`).join(' --set ')}`,
        );
    }
    if (args.calibrate) {
      const c = calibrate(raw, load, overrides);
      extra.calibration = c;
      notes.push(`calibration: rmse ${c.rmseStart.toPrecision(3)} → ${c.rmse.toPrecision(3)} in ${c.evaluations} runs`);
      if (args.writeCalibrated) {
        const out = resolve(cwd, args.writeCalibrated);
        writeFileSync(out, JSON.stringify(calibratedScenario(raw, load, overrides, c), null, 2) + '\n');
        notes.push(`calibrated scenario written: ${out}`);
      }
    }
    if (args.backtest && args.origin !== null) {
      const b = backtest(raw, load, overrides, { origin: args.origin });
      extra.backtest = b;
      notes.push(`backtest (origin ${b.origin}): skill ${skillLine(b)}`);
      notes.push(
        `backtest calibration: ${b.calibration.fitted ? `rmse ${b.calibration.rmseStart!.toPrecision(3)} → ${b.calibration.rmse!.toPrecision(3)}` : b.calibration.reason}`,
      );
    }
    return {
      code: 0,
      stdout: render(result, extra, args, scenario),
      stderr: baseYearWarnings(result) + notes.map((n) => n + '\n').join(''),
    };
  } catch (e) {
    if (e instanceof ValidationError) return located(e);
    return { code: 1, stdout: '', stderr: `internal error: ${(e as Error).stack ?? String(e)}\n` };
  }
}

/** Runs the command line on `argv` and writes its outcome (and the brief, when asked for) to the process. */
export async function runMain(argv: readonly string[]): Promise<void> {
  const out = await runCliAsync([...argv]);
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.code;
  if (out.brief)
    await import('./brief')
      .then(({ writeBrief }) => writeBrief(out.brief!))
      .then(
        (path) => process.stderr.write(`brief written: ${path}\n`),
        (e: Error) => {
          process.stderr.write(`brief: ${e.message}\n`);
          process.exitCode = 1;
        },
      );
}

const isMain =
  process.argv[1] && resolve(process.argv[1]).endsWith('main.ts') && import.meta.url.endsWith('/cli/main.ts');
if (isMain) await runMain(process.argv.slice(2));
