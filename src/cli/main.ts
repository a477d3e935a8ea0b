/**
 * `npm run sim -- <scenario.json> …`: runs a scenario headless and prints
 * its yearly results as JSON (default) or CSV. Invalid input: exit code 2,
 * every problem on stderr as `path: message`, nothing on stdout.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader } from '../runner/node-loader';
import { runResolved } from '../runner/run';
import { formatIssue, ValidationError, type Issue } from '../scenario/issues';
import { listLevers } from '../scenario/levers';
import { applyOverrides, loadScenario, parseJsonText } from '../scenario/load';
import { resolveIncludes } from '../scenario/include';
import { parseArgs } from './args';
import { resultToCsv } from '../runner/result-csv';
import { writeBrief, type BriefRequest } from './brief';

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

/** The whole command as a function of its arguments, for tests. */
export function runCli(argv: readonly string[], cwd = process.cwd()): CliOutcome {
  const { args, issues } = parseArgs(argv);
  if (issues.length) return fail(issues);
  const path = resolve(cwd, args.file);
  if (!existsSync(path)) return fail([{ path: args.file, message: 'file not found' }]);
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
    const stdout = args.format === 'csv' ? resultToCsv(result) : JSON.stringify(result, null, 2) + '\n';
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    if (e instanceof ValidationError)
      return fail(
        e.issues.map((i) => ({
          ...i,
          path: i.path.startsWith('/') || i.path === '' ? `${args.file}#${i.path}` : i.path,
        })),
      );
    return { code: 1, stdout: '', stderr: `internal error: ${(e as Error).stack ?? String(e)}\n` };
  }
}

const isMain =
  process.argv[1] && resolve(process.argv[1]).endsWith('main.ts') && import.meta.url.endsWith('/cli/main.ts');
if (isMain) {
  const out = runCli(process.argv.slice(2));
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.code;
  if (out.brief)
    writeBrief(out.brief).then(
      (path) => process.stderr.write(`brief written: ${path}\n`),
      (e: Error) => {
        process.stderr.write(`brief: ${e.message}\n`);
        process.exitCode = 1;
      },
    );
}
