/**
 * `npm run city` end to end: the README's own example as written, the usage text, Chinese and GBK tables,
 * messages in both languages, the template's flows scaled, and the self-contained scenario opened where
 * the page opens it (a loader that knows only the project's bundled files) and by `npm run sim`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCityImport } from '../../src/cli/city';
import { runCli } from '../../src/cli/main';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { checkText } from '../../src/runner/scenario-io';
import { loadScenario } from '../../src/scenario/load';
import type { DataLoader } from '../../src/scenario/resolve';
import type { ProjectionResult } from '../../src/scenario/result';
import { runResolved } from '../../src/scenario/run';

const FIXTURES = resolve(PROJECT_ROOT, 'tests/fixtures/import');
const FIXTURE = 'tests/fixtures/import/liaoyuan-2020.csv';

/** The command as the issue typed it from the README; the README must keep it (checked below). */
const ISSUE_EXAMPLE =
  'npm run city -- population.csv --id mycity --name 某市 --base-year 2020 --resident 1000000 --urban 600000 --hukou 950000 --urban-hukou 500000 --out scenarios/cities/mycity.json';

/** The command lines of the README's "Bring your own city" example. */
function readmeCommands(): string[] {
  const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('**Bring your own city**');
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(at))![1];
  return block.split('\n').filter((l) => l.startsWith('npm run '));
}
/** `npm run <script> -- a b c` → [script, [a, b, c]] (the README's commands have no quotes). */
const argvOf = (line: string): [string, string[]] => {
  const [, , script, dashes, ...rest] = line.split(/\s+/);
  expect(dashes).toBe('--');
  return [script, rest];
};

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};

/** A fresh folder as a user's: population.csv (Liaoyuan's 2020 table) and scenarios/cities/. */
function userFolder(): string {
  const dir = tempDir('city-');
  copyFileSync(resolve(PROJECT_ROOT, FIXTURE), join(dir, 'population.csv'));
  mkdirSync(join(dir, 'scenarios', 'cities'), { recursive: true });
  return dir;
}

/** The page's loader: data/ and the project's own parts as bundled at build time, nothing made later. */
const node = nodeDataLoader();
const bundledOnly =
  (made: string): DataLoader =>
  (f) =>
    f === made || !/^(data\/.+|scenarios\/(cities|packages)\/[\w.-]+)\.json$/.test(f) ? undefined : node(f);

const firstYearGrowth = (r: ProjectionResult) => r.series.residentPop[1]! / r.series.residentPop[0]! - 1;

describe('npm run city: the README example, as written', () => {
  const commands = readmeCommands();
  const dir = userFolder();
  const outcomes = commands.map((line) => {
    const [script, argv] = argvOf(line);
    return { line, script, argv, out: script === 'city' ? runCityImport(argv, dir) : runCli(argv, dir) };
  });

  it('keeps the command of the issue, and every command of the example succeeds', () => {
    expect(commands[0]).toBe(ISSUE_EXAMPLE);
    expect(commands.map((l) => argvOf(l)[0])).toEqual(['city', 'city', 'sim']);
    for (const o of outcomes) expect(o.out.code, `${o.line}\n${o.out.stderr}`).toBe(0);
  });

  it('writes the city part, saying that the package’s 2020 targets were left out (they failed the import)', () => {
    const first = outcomes[0].out;
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(
      /^警告\/warning: scenarios\/packages\/changzhou-2016\.json: 政策包的目标 resident-rate-2020 \(2020\), gap-2020 \(2020\) 不晚于基年 2020.* \/ the package's targets resident-rate-2020 \(2020\), gap-2020 \(2020\) are not after the base year 2020/m,
    );
    expect(first.stderr).toMatch(/^已写入城市部分 scenarios\/cities\/mycity\.json \/ wrote the city part/m);
    const part = JSON.parse(readFileSync(join(dir, 'scenarios/cities/mycity.json'), 'utf8')) as {
      baseYear: number;
      base: { residentPop: number };
    };
    expect(part.baseYear).toBe(2020);
    expect(part.base.residentPop).toBe(1_000_000);
  });

  it('writes a scenario that npm run sim runs, and briefs (the brief request is the page’s document)', () => {
    const s = JSON.parse(readFileSync(join(dir, 'mycity-scenario.json'), 'utf8')) as { include: unknown[] };
    expect(s).toMatchObject({ version: 1, id: 'mycity', name: '某市' });
    expect(typeof s.include[0]).toBe('object'); // the city part travels inside
    const brief = outcomes[2].out.brief!;
    expect(brief.out).toBe('mycity.pdf');
    // What the page is handed for the brief opens with the page's loader.
    expect(loadScenario(brief.merged, bundledOnly('scenarios/cities/mycity.json')).base.residentPop).toBe(1_000_000);
    const ran = runCli(['mycity-scenario.json'], dir);
    expect(ran.code).toBe(0);
    const r = JSON.parse(ran.stdout) as ProjectionResult;
    expect(r.scenario).toMatchObject({ id: 'mycity', baseYear: 2020 });
    expect(r.targets).toEqual([]);
  });
});

describe('npm run city --scenario: a self-contained scenario', () => {
  const dir = userFolder();
  const args = ['population.csv', '--id', 'mycity', '--name', '某市', '--base-year', '2020'];
  const totals = ['--resident', '1000000', '--urban', '600000', '--hukou', '950000', '--urban-hukou', '500000'];
  const out = runCityImport([...args, ...totals, '--scenario', 's.json'], dir);
  const text = readFileSync(join(dir, 's.json'), 'utf8');
  const raw = JSON.parse(text) as { include: [Record<string, unknown>, unknown] };

  it('writes only the scenario (the part is inside it), its package an adapted copy when targets had to go', () => {
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(existsSync(join(dir, 'scenarios/cities/mycity.json'))).toBe(false);
    expect(raw.include[0].baseYear).toBe(2020);
    const pkg = raw.include[1] as { targets: unknown[]; sources: Record<string, string> };
    expect(pkg.targets).toEqual([]);
    expect(pkg.sources['/targets']).toMatch(
      /changzhou-2016\.json, without its targets in or before the base year 2020/,
    );
  });

  it('opens where the part was never saved: the page’s import (bundled files only) and its run', () => {
    const load = bundledOnly('scenarios/cities/mycity.json');
    // The issue: a scenario that names the part by path cannot resolve in the page.
    const byPath = checkText(
      JSON.stringify({
        version: 1,
        id: 'm',
        name: 'm',
        include: ['scenarios/cities/mycity.json', 'scenarios/packages/changzhou-2016.json'],
      }),
      'm.json',
      load,
    );
    expect(byPath.ok).toBe(false);
    expect(!byPath.ok && byPath.issues[0]).toEqual({
      path: '/include/0',
      message: 'file scenarios/cities/mycity.json not found',
    });
    const checked = checkText(text, 's.json', load);
    expect(checked).toEqual({ ok: true, raw });
    const reply = replyTo(raw, load);
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.meta.city).toBe('某市');
    expect(reply.ok && reply.result.series.residentPop[0]).toBeCloseTo(1_000_000, 3);
    // And with the command line's loader.
    expect(runResolved(loadScenario(raw, nodeDataLoader())).result.years[0]).toBe(2020);
  });

  it('keeps the package by its path when nothing needs fitting (base year 2019: the 2020 targets stay)', () => {
    const o = runCityImport([...args.slice(0, -1), '2019', ...totals, '--scenario', 's2019.json'], dir);
    expect(o.code).toBe(0);
    expect(o.stderr).not.toMatch(/left out/);
    const s = JSON.parse(readFileSync(join(dir, 's2019.json'), 'utf8')) as { include: unknown[] };
    expect(s.include[1]).toBe('scenarios/packages/changzhou-2016.json');
    const r = JSON.parse(runCli(['s2019.json'], dir).stdout) as ProjectionResult;
    expect(r.targets.map((t) => t.id)).toEqual(['resident-rate-2020', 'gap-2020']);
  });

  it('scales the template’s migrants to the city: first-year growth 1.9 %, not 15.5 %', () => {
    const part = raw.include[0] as { migration: { inflow: { persons: number } }; sources: Record<string, string> };
    expect(part.migration.inflow.persons).toBe(36_882); // 173,399 × 1,000,000 / 4,701,400
    expect(part.sources['/migration/inflow/persons']).toMatch(/^assumption: scaled from the template/);
    expect(out.stderr).toMatch(
      /^提示\/note: \/migration\/inflow\/persons: 模板的人数按常住人口之比.*173,399 → 36,882/m,
    );
    const after = JSON.parse(runCli(['s.json'], dir).stdout) as ProjectionResult;
    const before = JSON.parse(
      runCli(['s.json', '--set', '/migration/inflow/persons=173399'], dir).stdout,
    ) as ProjectionResult;
    expect(firstYearGrowth(after)).toBeCloseTo(0.0186, 3);
    expect(firstYearGrowth(before)).toBeCloseTo(0.1551, 3);
  });
});

describe('npm run city: usage, tables and messages', () => {
  const args = [
    '--id',
    'liaoyuan-import',
    '--name',
    '辽源（导入）',
    '--base-year',
    '2019',
    '--resident',
    '996903',
    '--urban',
    '575248',
    '--hukou',
    '1000000',
    '--urban-hukou',
    '480000',
  ];
  const withFlag = (flag: string, value: string) => {
    const a = [...args];
    a[a.indexOf(flag) + 1] = value;
    return a;
  };

  it('answers --help and -h with the usage, in Chinese and English, exit 0', () => {
    for (const h of ['--help', '-h']) {
      const out = runCityImport([h], PROJECT_ROOT);
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('');
      expect(out.stdout).toMatch(/^用法 \/ Usage:\n {2}npm run city -- /);
      for (const w of ['--scenario', '年龄,女,男', 'GBK', '常住人口 / resident population'])
        expect(out.stdout).toContain(w);
    }
    expect(runCityImport([FIXTURE, '--what'], PROJECT_ROOT).stderr).toMatch(
      /^--what: 未知参数（见 --help） \/ unknown flag \(see --help\)$/m,
    );
  });

  it('makes a city part that runs with a package, sources saying what was imported, copied and scaled', () => {
    const out = runCityImport([FIXTURE, ...args], PROJECT_ROOT);
    expect(out.code).toBe(0);
    const part = JSON.parse(out.stdout) as {
      base: { residentPop: number; ageStructure: { ageStarts: number[] } };
      registration: unknown;
      sources: Record<string, string>;
    };
    expect(part.base.residentPop).toBe(996_903);
    expect(part.base.ageStructure.ageStarts).toHaveLength(19);
    expect(part.registration).toBeDefined();
    expect(part.sources['/base/ageStructure']).toMatch(/imported from tests\/fixtures\/import\/liaoyuan-2020\.csv/);
    expect(part.sources['/migration']).toMatch(/copied from the template scenarios\/cities\/changzhou\.json/);
    expect(part.sources['/migration/inflow/persons']).toMatch(/996,903 \/ 4,701,400 = 0\.2120/);
  });

  it('refuses bad flags and bad tables with exit code 2, nothing on stdout, in both languages', () => {
    const out = runCityImport([FIXTURE, '--id', 'X', '--resident', 'lots'], PROJECT_ROOT);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^--name: 必须给出 \/ is required$/m);
    expect(out.stderr).toMatch(/^--resident: “lots”不是 ≥ 0 的数 \/ "lots" is not a number ≥ 0$/m);
    expect(out.stderr).toMatch(/^--id: 只能由小写字母.* \/ must be lower-case/m);
    const dir = tempDir('city-bad-');
    writeFileSync(join(dir, 'bad.csv'), '年龄,女,男\n0岁,10,x\n1岁及以上,5,5\n');
    const bad = runCityImport(['bad.csv', ...args], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('bad.csv:2: 男列：“x”不是数 / column 男: "x" is not a number\n');
  });

  it('warns, in both languages, when the totals cannot all hold', () => {
    const out = runCityImport([FIXTURE, ...withFlag('--hukou', '1200000')], PROJECT_ROOT);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^警告\/warning: 基年分解：外来常住人口（R − H \+ AW）算出为负（-167,097），已设为 0：公布的总量不能同时成立 \/ base-year decomposition: residents registered elsewhere \(R − H \+ AW\) came out negative \(-167097\); set to 0$/m,
    );
  });

  it('reads no file outside the project for --like or --package, and refuses a directory or a missing folder', () => {
    const bad = (extra: string[]) => runCityImport([FIXTURE, ...args, ...extra], PROJECT_ROOT);
    for (const like of ['/etc/passwd', '../../etc/passwd', 'scenarios', 'scenarios/cities/nowhere.json']) {
      const out = bad(['--like', like]);
      expect(out.code, like).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^--like: /m);
      expect(out.stderr).not.toMatch(/root:/); // nothing of the file is echoed
    }
    expect(bad(['--package', '../../etc/passwd']).stderr).toMatch(/^--package: 须为本项目的政策包/m);
    expect(bad(['--package', 'scenarios/packages/none.json']).stderr).toMatch(
      /^--package: scenarios\/packages\/none\.json：文件不存在 \/ scenarios\/packages\/none\.json: file not found$/m,
    );
    const out = bad(['--out', 'no-such-folder/city.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^--out: no-such-folder\/city\.json: 目录 .*no-such-folder 不存在 \/ the folder .* does not exist$/m,
    );
    expect(bad(['--scenario', 'no-such-folder/s.json']).stderr).toMatch(/^--scenario: no-such-folder\/s\.json: /m);
    const dir = runCityImport(['tests', ...args], PROJECT_ROOT);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/^tests: 是目录，不是表 \/ is a directory, not a table$/m);
  });

  it('warns when the age table and the totals differ by more than 2 % (it passed without a word)', () => {
    const out = runCityImport([FIXTURE, ...withFlag('--resident', '600000')], PROJECT_ROOT);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^警告\/warning: 年龄表合计 996,903 人，与 --resident 600,000 相差 \+66\.2 %.* \/ the age table sums to 996,903 people against --resident 600,000 \(\+66\.2 %\)/m,
    );
    // Said once, not again by the decomposition.
    expect(out.stderr.match(/996,903/g)).toHaveLength(2);
    // 1.5 % apart: no word; 3 % apart: a word.
    expect(runCityImport([FIXTURE, ...withFlag('--resident', '1011857')], PROJECT_ROOT).stderr).not.toMatch(/年龄表/);
    expect(runCityImport([FIXTURE, ...withFlag('--resident', '1026810')], PROJECT_ROOT).stderr).toMatch(/相差 -2\.9 %/);
    // The published case: table and total agree.
    expect(runCityImport([FIXTURE, ...args], PROJECT_ROOT).stderr).not.toMatch(/age table/);
  });

  it('imports Chinese, Excel and GBK tables, urban columns checked against --urban', () => {
    const split = runCityImport(
      ['tests/fixtures/import/zh-urban-rural-excel.csv', ...withFlag('--urban', '400000')],
      PROJECT_ROOT,
    );
    expect(split.code).toBe(0);
    expect(split.stderr).toMatch(/^提示\/note: 跳过了第 22 行的合计行/m);
    expect(split.stderr).toMatch(/^警告\/warning: 年龄表城镇列合计 573,216 人，与 --urban 400,000 相差 \+43\.3 %/m);
    const part = JSON.parse(split.stdout) as { base: { ruralAgeStructure: { male: number[] } } };
    expect(part.base.ruralAgeStructure.male[18]).toBe(2031);

    const dir = tempDir('city-gbk-');
    const gbk = Buffer.concat([
      Buffer.from('c4eac1e42cc5ae2cc4d00a', 'hex'), // 年龄,女,男
      ...readFileSync(join(FIXTURES, 'liaoyuan-2020.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => Buffer.from(l + '\r\n', 'ascii')),
    ]);
    writeFileSync(join(dir, 'gbk.csv'), gbk);
    const out = runCityImport(['gbk.csv', ...args], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/^提示\/note: gbk\.csv: 不是 UTF-8，按 GBK 编码读取 \/ not UTF-8: read as GBK$/m);
    expect((JSON.parse(out.stdout) as { base: { residentPop: number } }).base.residentPop).toBe(996_903);
  });
});
