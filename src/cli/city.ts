/**
 * `npm run city -- <population.csv|json> --id … --name … --base-year … --resident … --urban …
 *  --hukou … --urban-hukou … [--non-local …] [--like <city part>] [--package <package>] [--out <file>]`
 *
 * Bring your own city: turns a base population by age group and sex (urban
 * and rural if known) plus published totals into a city part
 * (`scenarios/cities/<id>.json`). What the import does not give (zones,
 * demography, migration, attributes, costs) is copied from a template city
 * (`--like`, default Changzhou) and its sources say so, to be replaced with
 * local values. The part is checked by combining it with a policy package
 * (`--package`, default Changzhou's). Invalid input: exit 2 and
 * `path: message` lines on stderr.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unwritable } from './files';
import { nodeDataLoader, PROJECT_ROOT } from '../runner/node-loader';
import { parseCityCsv, parseCityJson } from '../scenario/import-city';
import { formatIssue, ValidationError, type Issue } from '../scenario/issues';
import { compileScenario } from '../scenario/compile';
import { loadScenario } from '../scenario/load';
import type { CliOutcome } from './main';

const FLAGS = [
  '--id',
  '--name',
  '--base-year',
  '--resident',
  '--urban',
  '--hukou',
  '--urban-hukou',
  '--non-local',
  '--like',
  '--package',
  '--out',
] as const;
type Flag = (typeof FLAGS)[number];
const NUMERIC: Flag[] = ['--base-year', '--resident', '--urban', '--hukou', '--urban-hukou', '--non-local'];
const REQUIRED: Flag[] = ['--id', '--name', '--base-year', '--resident', '--urban', '--hukou', '--urban-hukou'];

export function runCityImport(argv: readonly string[], cwd = process.cwd()): CliOutcome {
  const issues: Issue[] = [];
  const opts: Partial<Record<Flag, string>> = {};
  let file = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((FLAGS as readonly string[]).includes(a)) {
      const v = argv[++i];
      if (v === undefined) issues.push({ path: a, message: 'needs a value' });
      else opts[a as Flag] = v;
    } else if (a.startsWith('-')) issues.push({ path: a, message: 'unknown flag' });
    else if (file) issues.push({ path: a, message: `only one population file may be given (already have ${file})` });
    else file = a;
  }
  if (!file) issues.push({ path: '<population.csv|json>', message: 'missing: give the population table to import' });
  for (const f of REQUIRED) if (opts[f] === undefined) issues.push({ path: f, message: 'is required' });
  const num: Partial<Record<Flag, number>> = {};
  for (const f of NUMERIC) {
    const v = opts[f];
    if (v === undefined) continue;
    const x = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(x) || x < 0) issues.push({ path: f, message: `"${v}" is not a number ≥ 0` });
    else num[f] = x;
  }
  if (opts['--id'] && !/^[a-z][a-z0-9-]*$/.test(opts['--id']))
    issues.push({ path: '--id', message: 'must be lower-case letters, digits and hyphens, starting with a letter' });
  if (file && !existsSync(resolve(cwd, file))) issues.push({ path: file, message: 'file not found' });
  else if (file && !statSync(resolve(cwd, file)).isFile())
    issues.push({ path: file, message: 'is a directory, not a table' });
  // The template is one of this project's city parts: nothing outside scenarios/cities/ is read.
  const likeOpt = opts['--like'];
  if (likeOpt !== undefined) {
    const p = resolve(PROJECT_ROOT, likeOpt);
    const cities = resolve(PROJECT_ROOT, 'scenarios', 'cities');
    if (dirname(p) !== cities || !p.endsWith('.json'))
      issues.push({ path: '--like', message: 'must be a city part of this project: scenarios/cities/<city>.json' });
    else if (!existsSync(p) || !statSync(p).isFile())
      issues.push({ path: '--like', message: `${likeOpt}: no such city part in scenarios/cities/` });
  }
  if (opts['--out']) {
    const why = unwritable(resolve(cwd, opts['--out']));
    if (why) issues.push({ path: '--out', message: `${opts['--out']}: ${why}` });
  }
  const fail = (list: readonly Issue[]): CliOutcome => ({
    code: 2,
    stdout: '',
    stderr: list.map(formatIssue).join('\n') + '\n',
  });
  if (issues.length) return fail(issues);

  const text = readFileSync(resolve(cwd, file), 'utf8');
  const parsed = file.endsWith('.json') ? parseCityJson(text, file) : parseCityCsv(text, file);
  if (!parsed.population) return fail(parsed.issues);
  const pop = parsed.population;
  const like = opts['--like'] ?? 'scenarios/cities/changzhou.json';
  const template = JSON.parse(readFileSync(resolve(PROJECT_ROOT, like), 'utf8')) as Record<string, unknown>;
  const tplBase = template.base as Record<string, unknown>;
  const id = opts['--id']!;
  const imported = `imported from ${file} by npm run city`;
  const copied = `copied from the template ${like}: not this city's; replace with local values`;

  const part: Record<string, unknown> = {
    $comment: `City part for ${opts['--name']}, made by npm run city from ${file}; sections other than the base population and totals are ${copied}.`,
    meta: { city: opts['--name'] },
    baseYear: num['--base-year'],
    until: Math.max(Number(template.until), num['--base-year']! + 10),
    durations: template.durations,
    zones: template.zones,
    base: {
      ...tplBase,
      residentPop: num['--resident'],
      urbanResidentPop: num['--urban'],
      hukouPop: num['--hukou'],
      urbanHukouPop: num['--urban-hukou'],
      nonLocalResidents: num['--non-local'] ?? null,
      ageStructure: pop.total,
      ...(pop.rural ? { ruralAgeStructure: pop.rural } : {}),
    },
    hukouDefinition: template.hukouDefinition,
    demography: template.demography,
    migration: template.migration,
    population: template.population,
    ...(template.fiscal ? { fiscal: { ...(template.fiscal as object), priceYear: num['--base-year'] } } : {}),
    observed: [],
    sources: {
      '/baseYear': imported,
      '/base/residentPop': imported,
      '/base/urbanResidentPop': imported,
      '/base/hukouPop': imported,
      '/base/urbanHukouPop': imported,
      '/base/nonLocalResidents':
        num['--non-local'] === undefined ? 'not given: derived in the decomposition' : imported,
      '/base/ageStructure': imported,
      ...(pop.rural ? { '/base/ruralAgeStructure': imported } : {}),
      '/base/awayShareOfHukou': `assumption ${copied}`,
      '/base/awayUrbanShare': `assumption ${copied}`,
      '/base/urbanZoneShares': `assumption ${copied}`,
      '/base/nonLocalZoneShares': `assumption ${copied}`,
      '/base/durationMeanYears': `assumption ${copied}`,
      '/base/referenceSingleAge':
        'China 2010 census by single year (data/demography/china-2010-single-age.json): splits the age groups',
      '/base/migrantProfile': `${copied}`,
      '/until': 'at least ten years after the base year',
      '/durations': copied,
      '/hukouDefinition': copied,
      '/demography': copied,
      '/migration': copied,
      '/population': copied,
      ...(template.fiscal ? { '/fiscal': copied } : {}),
    },
  };

  // Check it by combining it with a package.
  const pkg = opts['--package'] ?? 'scenarios/packages/changzhou-2016.json';
  const loader = nodeDataLoader();
  const check = (f: string) => (f === `scenarios/cities/${id}.json` ? part : loader(f));
  let warnings: string;
  try {
    const s = loadScenario(
      { version: 1, id, name: String(opts['--name']), include: [`scenarios/cities/${id}.json`, pkg] },
      check,
    );
    // Totals that cannot all hold (e.g. more registered people than residents with few living away) show here.
    const d = compileScenario(s).decomposition;
    warnings = d.warnings.map((w) => `warning: base-year decomposition: ${w}\n`).join('');
  } catch (e) {
    if (e instanceof ValidationError) return fail(e.issues.map((i) => ({ ...i, path: `${id} + ${pkg}#${i.path}` })));
    throw e;
  }
  const json = JSON.stringify(part, null, 2) + '\n';
  if (opts['--out']) {
    writeFileSync(resolve(cwd, opts['--out']), json);
    return { code: 0, stdout: '', stderr: `${warnings}wrote ${opts['--out']}\n` };
  }
  return { code: 0, stdout: json, stderr: warnings };
}

const isMain =
  process.argv[1] && resolve(process.argv[1]).endsWith('city.ts') && import.meta.url.endsWith('/cli/city.ts');
if (isMain) {
  const out = runCityImport(process.argv.slice(2));
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.code;
}
