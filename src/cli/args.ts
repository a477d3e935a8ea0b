/**
 * Command-line arguments of `npm run sim` (INTERFACES.md). Parsing returns
 * every problem at once, as `flag: message`.
 */
import type { Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';

export interface CliArgs {
  file: string;
  format: 'json' | 'csv';
  until: number | null;
  overrides: Override[];
  listLevers: boolean;
  runs: number | null;
  seed: number | null;
  goalSeek: string | null;
  target: string | null;
  calibrate: boolean;
  writeCalibrated: string | null;
  /** `--brief out.pdf`: write the one-page brief as a PDF. */
  brief: string | null;
  lang: 'zh' | 'en';
}

export const USAGE = `usage: npm run sim -- <scenario.json> [--format json|csv] [--until YEAR]
                           [--set <json-pointer>=<value> ...]
       npm run sim -- <scenario.json> --list-levers
       npm run sim -- <scenario.json> --brief <out.pdf> [--lang zh|en] [--set ...]`;

export function parseArgs(argv: readonly string[]): { args: CliArgs; issues: Issue[] } {
  const issues: Issue[] = [];
  const args: CliArgs = {
    file: '',
    format: 'json',
    until: null,
    overrides: [],
    listLevers: false,
    runs: null,
    seed: null,
    goalSeek: null,
    target: null,
    calibrate: false,
    writeCalibrated: null,
    brief: null,
    lang: 'zh',
  };
  const int = (flag: string, v: string | undefined): number | null => {
    if (v === undefined || !/^-?\d+$/.test(v)) {
      issues.push({ path: flag, message: `needs a whole number, got ${v === undefined ? 'nothing' : `"${v}"`}` });
      return null;
    }
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') && !a.startsWith('--set=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (v === 'json' || v === 'csv') args.format = v;
        else
          issues.push({
            path: '--format',
            message: `must be json or csv, got ${v === undefined ? 'nothing' : `"${v}"`}`,
          });
        break;
      }
      case '--until':
        args.until = int('--until', value());
        break;
      case '--set': {
        const v = argv[++i];
        const eq = v?.indexOf('=') ?? -1;
        if (v === undefined || eq < 1) {
          issues.push({
            path: '--set',
            message: 'needs <json-pointer>=<json value>, e.g. --set /policy/channelOverlap=0.5',
          });
          break;
        }
        const pointer = v.slice(0, eq);
        const text = v.slice(eq + 1);
        if (!pointer.startsWith('/')) {
          issues.push({ path: '--set', message: `"${pointer}" is not a JSON Pointer (must start with "/")` });
          break;
        }
        try {
          args.overrides.push({ pointer, value: JSON.parse(text) as unknown });
        } catch {
          issues.push({
            path: `--set ${pointer}`,
            message: `value "${text}" is not valid JSON (quote strings: '"text"')`,
          });
        }
        break;
      }
      case '--brief': {
        const v = value();
        if (v === undefined || v.startsWith('--') || !/\.pdf$/i.test(v))
          issues.push({ path: '--brief', message: `needs the PDF file to write, e.g. --brief brief.pdf` });
        else args.brief = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v === 'zh' || v === 'en') args.lang = v;
        else
          issues.push({ path: '--lang', message: `must be zh or en, got ${v === undefined ? 'nothing' : `"${v}"`}` });
        break;
      }
      case '--list-levers':
        args.listLevers = true;
        break;
      case '--runs':
        args.runs = int('--runs', value());
        break;
      case '--seed':
        args.seed = int('--seed', value());
        break;
      case '--goal-seek':
        args.goalSeek = value() ?? null;
        break;
      case '--target':
        args.target = value() ?? null;
        break;
      case '--calibrate':
        args.calibrate = true;
        break;
      case '--write-calibrated':
        args.writeCalibrated = value() ?? null;
        break;
      case '--help':
      case '-h':
        issues.push({ path: '--help', message: USAGE });
        break;
      default:
        if (a.startsWith('-')) issues.push({ path: a, message: 'unknown flag' });
        else if (args.file)
          issues.push({ path: a, message: `only one scenario file may be given (already have ${args.file})` });
        else args.file = a;
    }
  }
  if (!args.file) issues.push({ path: '<scenario.json>', message: 'missing: give the scenario file to run' });
  // Analyses (uncertainty, goal seek, calibration) are the subject of a later issue; refuse them clearly.
  for (const [flag, on] of [
    ['--runs', args.runs !== null || args.seed !== null],
    ['--goal-seek', args.goalSeek !== null || args.target !== null],
    ['--calibrate', args.calibrate || args.writeCalibrated !== null],
  ] as const) {
    if (on)
      issues.push({ path: flag, message: 'analyses are not available in this version yet (only deterministic runs)' });
  }
  return { args, issues };
}
