/**
 * Command-line arguments of `npm run sim` (INTERFACES.md). Parsing returns
 * every problem at once, as `flag: message`.
 */
import type { Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';

export interface CliArgs {
  file: string;
  /** `csv`: for people (Chinese headers with units, rounded); `csv-raw`: the machine form. */
  format: 'json' | 'csv' | 'csv-raw';
  until: number | null;
  overrides: Override[];
  listLevers: boolean;
  runs: number | null;
  seed: number | null;
  goalSeek: string | null;
  target: string | null;
  /** `--optimize <ptr>,<ptr>… --targets <id>,<id>… [--minimize <metric>]`: goal seek over several levers. */
  optimize: string[] | null;
  targets: string[] | null;
  minimize: string | null;
  calibrate: boolean;
  writeCalibrated: string | null;
  /** `--backtest --origin YEAR`: hide the observations after the origin, calibrate, score the forecast. */
  backtest: boolean;
  origin: number | null;
  /** Worker threads for `--runs` (default: every core). */
  threads: number | null;
  /** `--brief out.pdf`: write the one-page brief as a PDF. */
  brief: string | null;
  lang: 'zh' | 'en';
}

export const USAGE = `usage: npm run sim -- <scenario.json> [--format json|csv|csv-raw] [--lang zh|en] [--until YEAR]
                           [--set <json-pointer>=<value> ...]
       npm run sim -- <scenario.json> --list-levers
       npm run sim -- <scenario.json> [--runs N --seed S] [--goal-seek <json-pointer> --target <target-id>]
                           [--optimize <ptr>,<ptr>… --targets <id>,<id>… [--minimize <metric>|change]]
                           [--calibrate [--write-calibrated out.json]] [--threads N]
                           [--backtest --origin YEAR]
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
    optimize: null,
    targets: null,
    minimize: null,
    calibrate: false,
    writeCalibrated: null,
    backtest: false,
    origin: null,
    threads: null,
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
  // A comma-separated list of ids or pointers (neither holds a comma).
  const list = (flag: string, v: string | undefined): string[] | null => {
    const items = (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (!items.length) {
      issues.push({ path: flag, message: 'needs a comma-separated list, e.g. a,b' });
      return null;
    }
    return items;
  };
  // A flag given twice would silently keep its last value: refused (only --set repeats).
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') && !a.startsWith('--set=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag.startsWith('-') && flag !== '--set') {
      if (seen.has(flag)) issues.push({ path: flag, message: 'given twice: give it once' });
      seen.add(flag);
    }
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (v === 'json' || v === 'csv' || v === 'csv-raw') args.format = v;
        else
          issues.push({
            path: '--format',
            message: `must be json, csv or csv-raw, got ${v === undefined ? 'nothing' : `"${v}"`}`,
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
      case '--threads': {
        const n = int('--threads', value());
        if (n !== null && (n < 1 || n > 256)) issues.push({ path: '--threads', message: `must be 1–256, got ${n}` });
        else args.threads = n;
        break;
      }
      case '--goal-seek':
        args.goalSeek = value() ?? null;
        break;
      case '--target':
        args.target = value() ?? null;
        break;
      case '--optimize':
        args.optimize = list('--optimize', value());
        break;
      case '--targets':
        args.targets = list('--targets', value());
        break;
      case '--minimize':
        args.minimize = value() ?? null;
        if (args.minimize === null) issues.push({ path: '--minimize', message: 'needs a metric (or change)' });
        break;
      case '--calibrate':
        args.calibrate = true;
        break;
      case '--backtest':
        args.backtest = true;
        break;
      case '--origin': {
        const v = value();
        // A year, not a date or a fraction: the back-test hides whole years of observations.
        if (v === undefined || !/^\d{4}$/.test(v))
          issues.push({
            path: '--origin',
            message: `needs a whole year, e.g. --origin 2015, got ${v === undefined ? 'nothing' : `"${v}"`}`,
          });
        else args.origin = Number(v);
        break;
      }
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
  // Analyses: flags that only make sense together, and ranges.
  if (args.runs !== null && (args.runs < 1 || args.runs > 100_000))
    issues.push({ path: '--runs', message: `must be between 1 and 100000, got ${args.runs}` });
  if (args.runs !== null && args.seed === null)
    issues.push({ path: '--seed', message: 'give a seed with --runs, e.g. --seed 1' });
  if (args.seed !== null && args.runs === null)
    issues.push({ path: '--runs', message: 'give the number of runs with --seed' });
  if (args.seed !== null && (args.seed < 0 || args.seed > 0xffffffff))
    issues.push({ path: '--seed', message: `must be a whole number from 0 to 4294967295, got ${args.seed}` });
  if (args.goalSeek !== null && !args.goalSeek.startsWith('/'))
    issues.push({
      path: '--goal-seek',
      message: `needs the JSON Pointer of a lever (see --list-levers), got "${args.goalSeek}"`,
    });
  if (args.goalSeek !== null && args.target === null)
    issues.push({ path: '--target', message: 'give the id of the target to meet with --goal-seek' });
  if (args.target !== null && args.goalSeek === null)
    issues.push({ path: '--goal-seek', message: 'give the lever to move with --target' });
  if (args.optimize !== null && args.targets === null)
    issues.push({
      path: '--targets',
      message: 'give the ids of the targets to meet with --optimize, e.g. --targets a,b',
    });
  if (args.targets !== null && args.optimize === null)
    issues.push({ path: '--optimize', message: 'give the levers to move with --targets, e.g. --optimize /a,/b' });
  if (args.minimize !== null && args.optimize === null)
    issues.push({ path: '--optimize', message: 'give the levers to move with --minimize' });
  for (const p of args.optimize ?? [])
    if (!p.startsWith('/'))
      issues.push({ path: '--optimize', message: `needs JSON Pointers of levers (see --list-levers), got "${p}"` });
  if (args.writeCalibrated !== null && !args.calibrate)
    issues.push({ path: '--write-calibrated', message: 'needs --calibrate' });
  if (args.writeCalibrated !== null && !/\.json$/i.test(args.writeCalibrated))
    issues.push({ path: '--write-calibrated', message: `needs a .json file to write, got "${args.writeCalibrated}"` });
  if (args.backtest && args.origin === null && !issues.some((i) => i.path === '--origin'))
    issues.push({ path: '--origin', message: 'give the origin year with --backtest, e.g. --origin 2015' });
  if (args.origin !== null && !args.backtest)
    issues.push({ path: '--backtest', message: 'give --backtest with --origin (the origin of a back-test)' });
  if (
    args.brief &&
    (args.runs !== null || args.goalSeek !== null || args.optimize !== null || args.calibrate || args.backtest)
  )
    issues.push({ path: '--brief', message: 'cannot be combined with the analyses; run them separately' });
  // --list-levers prints the levers and nothing else: any flag that asks for a result is a contradiction.
  if (args.listLevers) {
    const with_ = [
      args.runs !== null && '--runs',
      args.goalSeek !== null && '--goal-seek',
      args.optimize !== null && '--optimize',
      args.calibrate && '--calibrate',
      args.backtest && '--backtest',
      args.brief !== null && '--brief',
      seen.has('--format') && '--format',
      seen.has('--until') && '--until',
    ].filter(Boolean);
    if (with_.length)
      issues.push({
        path: '--list-levers',
        message: `cannot be combined with ${with_.join(', ')}: it prints the levers only`,
      });
  }
  if (args.brief && seen.has('--format'))
    issues.push({ path: '--format', message: 'does not apply to --brief (it writes a PDF)' });
  return { args, issues };
}
