/** `npm run city` arguments: the flags, their checks, and the usage text (Chinese and English). */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROJECT_ROOT } from '../runner/node-loader';
import { bi } from '../scenario/import-city-text';
import type { Issue } from '../scenario/issues';
import { unwritable } from './files';

export const USAGE = `用法 / Usage:
  npm run city -- <人口表.csv|json> --id <id> --name <名称> --base-year <年>
                  --resident <人> --urban <人> --hukou <人> --urban-hukou <人>
                  [--non-local <人>] [--like <模板城市>] [--package <政策包>]
                  [--out <城市部分.json>] [--scenario <情景.json>]

把分年龄、性别的人口表和公布的总量做成一个城市部分（scenarios/cities/<id>.json）；
表里没有的内容（分区、人口参数、迁移、人群属性、财政）从模板城市复制，
以人数计的流量按本市规模缩放，来源（sources）中均有说明。
Turns a population table by age and sex plus published totals into a city part; what the table does
not give is copied from a template city, its flows in persons scaled to this city's size, and the
sources say so.

  <人口表 / table>   CSV：年龄,女,男 或 年龄,城镇女,城镇男,乡村女,乡村男
                     （英文表头 age,female,male / age,female_urban,male_urban,female_rural,male_rural）；
                     UTF-8 或 GBK，"1,000" 式千分位可用；年龄如 0岁、1-4岁、85岁及以上、85+。或同内容的 JSON。
                     CSV (Chinese or English headers, UTF-8 or GBK, quoted thousands), or the same as JSON.
  --id               城市部分的 id（小写字母、数字、连字符） / the part's id (lower-case, digits, hyphens)
  --name             城市名称 / the city's name
  --base-year        基年（年末） / base year (year-end)
  --resident         常住人口 / resident population
  --urban            城镇常住人口 / urban residents
  --hukou            户籍人口 / registered (hukou) population
  --urban-hukou      城镇户籍人口 / urban registered population
  --non-local        外来常住人口（可选） / residents registered elsewhere (optional)
  --like             模板城市，默认 scenarios/cities/changzhou.json / template city part
  --package          用于检查的政策包，默认 scenarios/packages/changzhou-2016.json / package to check with
  --out              城市部分写入此文件（否则输出到标准输出） / write the city part here (else stdout)
  --scenario         另写一个自足的情景（城市部分内嵌，加政策包），可用网页工具栏的“导入 JSON”打开，
                     或 npm run sim -- <文件> [--brief 简报.pdf] 运行
                     also write a self-contained scenario (the city part inline, with the package): open it
                     in the page (the toolbar’s Import JSON) or run npm run sim -- <file> [--brief out.pdf]
  -h, --help         显示本说明 / show this text

无效输入：退出码 2，标准错误输出每个问题一行“位置: 中文 / English”。
Invalid input: exit code 2, one "path: message" line per problem on stderr.
`;

export const FLAGS = [
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
  '--scenario',
] as const;
export type Flag = (typeof FLAGS)[number];
const NUMERIC: Flag[] = ['--base-year', '--resident', '--urban', '--hukou', '--urban-hukou', '--non-local'];
const REQUIRED: Flag[] = ['--id', '--name', '--base-year', '--resident', '--urban', '--hukou', '--urban-hukou'];

export interface CityArgs {
  readonly help: boolean;
  readonly file: string;
  readonly opts: Partial<Record<Flag, string>>;
  readonly num: Partial<Record<Flag, number>>;
  readonly issues: Issue[];
}

/** Reads and checks the arguments; every problem is an issue. */
export function parseCityArgs(argv: readonly string[], cwd: string): CityArgs {
  const issues: Issue[] = [];
  const opts: Partial<Record<Flag, string>> = {};
  let file = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true, file, opts, num: {}, issues: [] };
    if ((FLAGS as readonly string[]).includes(a)) {
      const v = argv[++i];
      if (v === undefined) issues.push({ path: a, message: bi('缺少取值', 'needs a value') });
      else opts[a as Flag] = v;
    } else if (a.startsWith('-'))
      issues.push({ path: a, message: bi('未知参数（见 --help）', 'unknown flag (see --help)') });
    else if (file)
      issues.push({
        path: a,
        message: bi(`只能给一个人口表（已有 ${file}）`, `only one population file may be given (already have ${file})`),
      });
    else file = a;
  }
  if (!file)
    issues.push({
      path: '<population.csv|json>',
      message: bi('缺少人口表：请给出要导入的表', 'missing: give the population table to import'),
    });
  for (const f of REQUIRED) if (opts[f] === undefined) issues.push({ path: f, message: bi('必须给出', 'is required') });
  const num: Partial<Record<Flag, number>> = {};
  for (const f of NUMERIC) {
    const v = opts[f];
    if (v === undefined) continue;
    const x = Number(v.replace(/[_,]/g, ''));
    if (v.trim() === '' || !Number.isFinite(x) || x < 0)
      issues.push({ path: f, message: bi(`“${v}”不是 ≥ 0 的数`, `"${v}" is not a number ≥ 0`) });
    else num[f] = x;
  }
  const by = num['--base-year'];
  if (by !== undefined && (!Number.isInteger(by) || by < 1949 || by > 2090))
    issues.push({ path: '--base-year', message: bi('须为 1949–2090 的整年', 'must be a whole year, 1949–2090') });
  if (opts['--id'] && !/^[a-z][a-z0-9-]*$/.test(opts['--id']))
    issues.push({
      path: '--id',
      message: bi(
        '只能由小写字母、数字和连字符组成，以字母开头',
        'must be lower-case letters, digits and hyphens, starting with a letter',
      ),
    });
  if (file && !existsSync(resolve(cwd, file))) issues.push({ path: file, message: bi('文件不存在', 'file not found') });
  else if (file && !statSync(resolve(cwd, file)).isFile())
    issues.push({ path: file, message: bi('是目录，不是表', 'is a directory, not a table') });
  // The template is one of this project's city parts: nothing outside scenarios/cities/ is read.
  const like = opts['--like'];
  if (like !== undefined) {
    const p = resolve(PROJECT_ROOT, like);
    if (dirname(p) !== resolve(PROJECT_ROOT, 'scenarios', 'cities') || !p.endsWith('.json'))
      issues.push({
        path: '--like',
        message: bi(
          '须为本项目的城市部分：scenarios/cities/<城市>.json',
          'must be a city part of this project: scenarios/cities/<city>.json',
        ),
      });
    else if (!existsSync(p) || !statSync(p).isFile())
      issues.push({
        path: '--like',
        message: bi(`${like}：scenarios/cities/ 中没有此城市部分`, `${like}: no such city part in scenarios/cities/`),
      });
  }
  const pkg = opts['--package'];
  if (pkg !== undefined && !/^scenarios\/packages\/[\w.-]+\.json$/.test(pkg))
    issues.push({
      path: '--package',
      message: bi(
        '须为本项目的政策包：scenarios/packages/<政策包>.json',
        'must be a package of this project: scenarios/packages/<package>.json',
      ),
    });
  for (const f of ['--out', '--scenario'] as const) {
    const out = opts[f];
    if (!out) continue;
    const why = unwritable(resolve(cwd, out));
    if (why) issues.push({ path: f, message: `${out}: ${whyZh(why)} / ${why}` });
  }
  if (opts['--out'] && opts['--scenario'] && resolve(cwd, opts['--out']) === resolve(cwd, opts['--scenario']))
    issues.push({
      path: '--scenario',
      message: bi('不能与 --out 写同一个文件', 'must not be the same file as --out'),
    });
  return { help: false, file, opts, num, issues };
}

/** The Chinese of {@link unwritable}'s answers. */
const whyZh = (why: string) =>
  why.startsWith('the folder ')
    ? `目录 ${why.slice(11, -15)} 不存在`
    : why.startsWith('is a directory')
      ? '是目录，不是文件'
      : why;
