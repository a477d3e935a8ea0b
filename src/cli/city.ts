/**
 * `npm run city -- <population.csv|json> --id … --name … --base-year … --resident … --urban …
 *  --hukou … --urban-hukou … [--non-local …] [--like <city part>] [--package <package>] [--out <file>]
 *  [--scenario <file>]` (`--help` for the usage, in Chinese and English)
 *
 * Bring your own city: turns a base population by age group and sex (urban and rural if known) plus
 * published totals into a city part (`scenarios/cities/<id>.json`). What the import does not give (zones,
 * demography, migration, registration, attributes, costs) is copied from a template city (`--like`,
 * default Changzhou), its flows in persons scaled to this city's size, and its sources say so, to be
 * replaced with local values. The part is checked by combining it with a policy package (`--package`,
 * default Changzhou's; its targets in or before the base year left out); `--scenario` writes that
 * combination as a self-contained scenario (the city part inline) that the page imports and `npm run sim`
 * runs. Messages in Chinese and English; invalid input: exit 2 and `path: message` lines on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../runner/node-loader';
import { parseCityTable } from '../scenario/import-city';
import { buildCityPart, cityScenario, fitPackage, type CityTotals } from '../scenario/import-city-part';
import { bi } from '../scenario/import-city-text';
import { formatIssue, ValidationError, type Issue } from '../scenario/issues';
import { compileScenario } from '../scenario/compile';
import { loadScenario } from '../scenario/load';
import { parseCityArgs, USAGE } from './city-args';
import { checkIssue, decompositionWarning } from './city-messages';
import type { CliOutcome } from './main';

export const DEFAULT_LIKE = 'scenarios/cities/changzhou.json';
export const DEFAULT_PACKAGE = 'scenarios/packages/changzhou-2016.json';

const lines = (xs: readonly string[]) => xs.map((x) => `${x}\n`).join('');

export function runCityImport(argv: readonly string[], cwd = process.cwd()): CliOutcome {
  const args = parseCityArgs(argv, cwd);
  if (args.help) return { code: 0, stdout: USAGE, stderr: '' };
  const fail = (list: readonly Issue[], notes: readonly string[] = []): CliOutcome => ({
    code: 2,
    stdout: '',
    stderr: lines([...list.map(formatIssue), ...notes]),
  });
  if (args.issues.length) return fail(args.issues);
  const { file, opts, num } = args;

  const parsed = parseCityTable(readFileSync(resolve(cwd, file)), file);
  const notes = parsed.notes.map((n) => `提示/note: ${n}`);
  if (!parsed.population) return fail(parsed.issues, notes);
  const totals: CityTotals = {
    id: opts['--id']!,
    name: opts['--name']!,
    baseYear: num['--base-year']!,
    resident: num['--resident']!,
    urban: num['--urban']!,
    hukou: num['--hukou']!,
    urbanHukou: num['--urban-hukou']!,
    ...(num['--non-local'] !== undefined ? { nonLocal: num['--non-local'] } : {}),
  };
  const like = opts['--like'] ?? DEFAULT_LIKE;
  const template = JSON.parse(readFileSync(resolve(PROJECT_ROOT, like), 'utf8')) as Record<string, unknown>;
  const built = buildCityPart(totals, parsed.population, file, like, template);

  // Check it by combining it with the package, as --scenario writes them.
  const pkgPath = opts['--package'] ?? DEFAULT_PACKAGE;
  const loader = nodeDataLoader();
  let pkgRaw: unknown;
  try {
    pkgRaw = loader(pkgPath);
  } catch (e) {
    return fail([
      { path: '--package', message: `${pkgPath}: ${bi('无法读取', 'cannot read')}: ${(e as Error).message}` },
    ]);
  }
  if (pkgRaw === undefined)
    return fail([{ path: '--package', message: bi(`${pkgPath}：文件不存在`, `${pkgPath}: file not found`) }]);
  const pkg = fitPackage(pkgPath, pkgRaw, totals.baseYear);
  const scenario = cityScenario(totals, built.part, pkg);
  let decomposition: string[];
  try {
    const d = compileScenario(loadScenario(scenario, loader)).decomposition;
    // The age table against the totals is said above, at 2 % and in both languages.
    decomposition = d.warnings.filter((w) => !w.startsWith('the age table ')).map(decompositionWarning);
  } catch (e) {
    if (e instanceof ValidationError)
      return fail(
        e.issues.map((i) => checkIssue(i, `${totals.id} + ${pkgPath}`)),
        [...notes, ...built.notes],
      );
    throw e;
  }
  const said = lines([...notes, ...built.warnings, ...pkg.warnings, ...built.notes, ...decomposition]);
  const partJson = JSON.stringify(built.part, null, 2) + '\n';
  const wrote: string[] = [];
  if (opts['--out']) {
    writeFileSync(resolve(cwd, opts['--out']), partJson);
    wrote.push(bi(`已写入城市部分 ${opts['--out']}`, `wrote the city part ${opts['--out']}`));
  }
  if (opts['--scenario']) {
    const s = opts['--scenario'];
    writeFileSync(resolve(cwd, s), JSON.stringify(scenario, null, 2) + '\n');
    wrote.push(
      bi(
        `已写入情景 ${s}：在网页工具栏“导入 JSON”打开，或 npm run sim -- ${s}（--brief 简报.pdf 出简报）`,
        `wrote the scenario ${s}: open it with the page's "Import JSON" button, or npm run sim -- ${s} (--brief out.pdf for the brief)`,
      ),
    );
  }
  const stdout = opts['--out'] || opts['--scenario'] ? '' : partJson;
  return { code: 0, stdout, stderr: said + lines(wrote) };
}

const isMain =
  process.argv[1] && resolve(process.argv[1]).endsWith('city.ts') && import.meta.url.endsWith('/cli/city.ts');
if (isMain) {
  const out = runCityImport(process.argv.slice(2));
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.code;
}
