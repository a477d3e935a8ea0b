/**
 * `npm run sim -- --atlas [--base 2010|2020] [--until YEAR] [--format json|csv|csv-raw]`: every prefecture
 * of China under the national rules of its size class, one row each; `--atlas --hindcast`: the ten-year
 * test, every prefecture from its 2010 census to 2020 against its 2020 census and two naive forecasts.
 * Bad flags: exit 2, `flag: message` on stderr.
 */
import { csvFormat } from 'd3-dsv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { atlasInputs, hindcast, runAtlas, type AtlasRow, type Hindcast } from '../analysis/atlas-run';
import type { AtlasBase, AtlasData, AtlasParts } from '../analysis/atlas-scenario';
import { nodeDataLoader, PROJECT_ROOT } from '../runner/node-loader';
import type { Issue } from '../scenario/issues';

export interface AtlasArgs {
  readonly base: AtlasBase;
  readonly until: number | null;
  readonly format: 'json' | 'csv' | 'csv-raw';
  readonly hindcast: boolean;
}

export const ATLAS_USAGE = `usage: npm run sim -- --atlas [--base 2010|2020] [--until YEAR] [--format json|csv|csv-raw]
       npm run sim -- --atlas --hindcast [--format json|csv|csv-raw]`;

export function parseAtlasArgs(argv: readonly string[]): { args: AtlasArgs; issues: Issue[] } {
  const issues: Issue[] = [];
  let base: AtlasBase = 2020;
  let until: number | null = null;
  let format: AtlasArgs['format'] = 'json';
  let hind = false;
  const seen = new Set<string>();
  // `--flag value` or `--flag=value`, as the main command line reads them; a flag given twice is refused.
  const tokens = argv.flatMap((a) =>
    /^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a],
  );
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const v = tokens[i + 1];
    if (a.startsWith('--') && seen.has(a)) issues.push({ path: a, message: 'given twice' });
    seen.add(a);
    switch (a) {
      case '--atlas':
        break;
      case '--hindcast':
        hind = true;
        break;
      case '--base':
        i++;
        if (v === '2010' || v === '2020') base = Number(v) as AtlasBase;
        else issues.push({ path: a, message: `must be 2010 or 2020, got ${v === undefined ? 'nothing' : `"${v}"`}` });
        break;
      case '--until':
        i++;
        if (v !== undefined && /^\d{4}$/.test(v)) until = Number(v);
        else issues.push({ path: a, message: `needs a year, got ${v === undefined ? 'nothing' : `"${v}"`}` });
        break;
      case '--format':
        i++;
        if (v === 'json' || v === 'csv' || v === 'csv-raw') format = v;
        else
          issues.push({
            path: a,
            message: `must be json, csv or csv-raw, got ${v === undefined ? 'nothing' : `"${v}"`}`,
          });
        break;
      default:
        issues.push({
          path: a,
          message: a.startsWith('--') ? 'unknown flag with --atlas' : 'the atlas takes no scenario file',
        });
    }
  }
  if (hind && until !== null) issues.push({ path: '--until', message: 'the ten-year test runs 2010 → 2020' });
  if (hind && seen.has('--base')) issues.push({ path: '--base', message: 'the ten-year test starts from 2010' });
  if (until !== null && until <= (hind ? 2010 : base))
    issues.push({ path: '--until', message: `must be after the base year (${base}), got ${until}` });
  if (until !== null && until > 2100)
    issues.push({ path: '--until', message: `must be 2100 or earlier, got ${until}` });
  return { args: { base: hind ? 2010 : base, until, format, hindcast: hind }, issues };
}

/** The atlas's data and parts, read from this checkout (or `root`); the nation's speeds from its presets. */
export function readAtlas(root = PROJECT_ROOT): { data: AtlasData; parts: AtlasParts } {
  const speed = (file: string) =>
    Number(
      (JSON.parse(readFileSync(resolve(root, file), 'utf8')) as { willingness: { speed: Record<string, number> } })
        .willingness.speed.large,
    );
  return atlasInputs(nodeDataLoader(root), {
    speed2010: speed('scenarios/china-2015.json'),
    speed2020: speed('scenarios/china-now.json'),
  });
}

const round = (x: number | null, digits: number) => (x === null || !Number.isFinite(x) ? '' : x.toFixed(digits));

function rowsCsv(rows: readonly AtlasRow[], raw: boolean): string {
  if (raw) return csvFormat(rows.map((r) => ({ ...r, costPerSettler: r.costPerSettler ?? '' })));
  return csvFormat(
    rows.map((r) => ({
      区划代码: r.code,
      城市: r.name,
      省份: r.province,
      城市规模: r.sizeClass,
      年份: r.year,
      '常住人口（万人）': round(r.residentPop / 1e4, 2),
      '常住人口城镇化率（%）': round(100 * r.residentUrbanRate, 2),
      '户籍人口城镇化率（%）': round(100 * r.hukouUrbanRate, 2),
      '两率差距（个百分点）': round(r.gapPoints, 2),
      '每千名基年常住人口累计落户（人）': round(r.settlersPer1000, 1),
      '人均市民化成本（元/人）': round(r.costPerSettler, 0),
    })),
  );
}

function hindcastCsv(h: Hindcast, raw: boolean): string {
  return csvFormat(
    h.cities.map((c) =>
      raw
        ? {
            code: c.code,
            name: c.name,
            province: c.province,
            observedResidentPop: c.observed.residentPop,
            modelResidentPop: c.model.residentPop,
            naiveLastResidentPop: c.naiveLast.residentPop,
            naiveProvinceResidentPop: c.naiveProvince.residentPop,
            observedResidentUrbanRate: c.observed.residentUrbanRate,
            modelResidentUrbanRate: c.model.residentUrbanRate,
            naiveLastResidentUrbanRate: c.naiveLast.residentUrbanRate,
            naiveProvinceResidentUrbanRate: c.naiveProvince.residentUrbanRate,
          }
        : {
            区划代码: c.code,
            城市: c.name,
            省份: c.province,
            '2020年普查常住人口城镇化率（%）': round(100 * c.observed.residentUrbanRate, 2),
            '模型预测（%）': round(100 * c.model.residentUrbanRate, 2),
            '2010年值不变（%）': round(100 * c.naiveLast.residentUrbanRate, 2),
            '按全省变化（%）': round(100 * c.naiveProvince.residentUrbanRate, 2),
            '2020年普查常住人口（万人）': round(c.observed.residentPop / 1e4, 2),
            '模型预测（万人）': round(c.model.residentPop / 1e4, 2),
            '2010年值不变（万人）': round(c.naiveLast.residentPop / 1e4, 2),
            '按全省变化（万人）': round(c.naiveProvince.residentPop / 1e4, 2),
          },
    ),
  );
}

const f2 = (x: number) => x.toFixed(2);

/** The summary lines on stderr: what ran and how well the ten-year test went. */
function hindcastLines(h: Hindcast): string {
  return h.stats
    .map((s) => {
      const unit = s.metric === 'residentUrbanRate' ? ' points' : ' %';
      return `hindcast 2010 → 2020, ${s.metric} (${h.cities.length} prefectures): median |error| ${f2(s.model.median)}${unit} (naive: 2010 value ${f2(s.naiveLast.median)}, province's change ${f2(s.naiveProvince.median)}), 90th percentile ${f2(s.model.p90)}; skill ${f2(s.skillVsLast)} / ${f2(s.skillVsProvince)}\n`;
    })
    .join('');
}

export interface AtlasOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runAtlasCli(argv: readonly string[], root = PROJECT_ROOT): AtlasOutcome {
  const { args, issues } = parseAtlasArgs(argv);
  if (issues.length)
    return {
      code: 2,
      stdout: '',
      stderr: issues.map((i) => `${i.path}: ${i.message}\n`).join('') + ATLAS_USAGE + '\n',
    };
  const { data, parts } = readAtlas(root);
  const load = nodeDataLoader(root);
  const t0 = performance.now();
  if (args.hindcast) {
    const h = hindcast(data, parts, load);
    const seconds = (performance.now() - t0) / 1000;
    const stdout =
      args.format === 'json'
        ? JSON.stringify({ hindcast: { ...h, seconds } }, null, 2) + '\n'
        : hindcastCsv(h, args.format === 'csv-raw') + '\n';
    return { code: h.failures.length ? 1 : 0, stdout, stderr: hindcastLines(h) };
  }
  const run = runAtlas(data, parts, args.base, load, args.until ?? undefined);
  const seconds = (performance.now() - t0) / 1000;
  const stdout =
    args.format === 'json'
      ? JSON.stringify(
          { atlas: { ...run, until: args.until ?? (args.base === 2010 ? 2020 : 2035), seconds } },
          null,
          2,
        ) + '\n'
      : rowsCsv(run.rows, args.format === 'csv-raw') + '\n';
  const stderr =
    `atlas: ${run.rows.length} prefectures from ${args.base} in ${seconds.toFixed(1)} s; ${run.skipped.length} left out (the censuses give too little)` +
    (run.failures.length
      ? `; ${run.failures.length} failed: ${run.failures.map((f) => `${f.name}: ${f.message}`).join('; ')}`
      : '') +
    '\n';
  return { code: run.failures.length ? 1 : 0, stdout, stderr };
}
