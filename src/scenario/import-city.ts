/**
 * Bring your own city: a base population by age group and sex (optionally urban and rural) from CSV or
 * JSON, checked line by line, as the tables a city part needs. Every problem is reported with its line
 * and column, not only the first, in Chinese and English.
 *
 * CSV: a header, then one row per age group, youngest first (rows before the header, such as a table's
 * title, and a 合计/total row are skipped with a note):
 * ```
 * age,female,male                                    年龄,女,男
 * age,female_urban,male_urban,female_rural,male_rural    年龄,城镇女,城镇男,乡村女,乡村男
 *                                                    年龄,城市女,城市男,镇女,镇男,乡村女,乡村男 (城市 + 镇 = 城镇)
 * 0,5675,6312
 * 1-4,"23,018",…
 * 85+,…
 * ```
 * Headers: English in any case, `urban_female` as well as `female_urban`; Chinese 年龄 (年龄组), 女/男
 * (女性/男性), 城镇/乡村 (农村 for 乡村), 城市 and 镇 summed as 城镇; units such as `（人）` are ignored, and
 * so are other columns (合计). Encodings: UTF-8 (with or without BOM), GBK, UTF-16 with BOM; fields may be
 * quoted (`"1,000"`) and separated by commas or tabs. Age labels: `0`, `1-4` (`1–4`, `1~4`, `1至4岁`),
 * `85+` (`85岁及以上`, `85岁以上`) for the open last group; `岁` may follow any of them.
 * JSON: `{ "ageStarts": [0, 1, 5, …], "female": […], "male": […] }`, or with `female_urban` … in place
 * of `female`/`male`.
 */
import type { Issue } from './issues';
import type { AgeSexTableSpec } from './schema';
import { bi, decodeTable, isTotalLabel, parseAge, parseCount, splitCsv, type CsvRow } from './import-city-text';
import { ACCEPTED, headerKey, layout } from './import-city-header';

export interface ImportedPopulation {
  /** All residents. */
  readonly total: AgeSexTableSpec;
  /** Urban and rural residents, when the input splits them. */
  readonly urban: AgeSexTableSpec | null;
  readonly rural: AgeSexTableSpec | null;
}

export interface ImportReply {
  readonly population: ImportedPopulation | null;
  readonly issues: Issue[];
  /** What was read differently from plain input (the encoding, skipped rows), in both languages. */
  readonly notes: string[];
}

const COLUMNS_TOTAL = ['female', 'male'] as const;
const COLUMNS_SPLIT = ['female_urban', 'male_urban', 'female_rural', 'male_rural'] as const;

function checkGroups(ages: [number, number | null][], where: (i: number) => string, issues: Issue[]): void {
  ages.forEach(([from, to], i) => {
    const expectFrom = i === 0 ? 0 : (ages[i - 1][1] ?? NaN) + 1;
    if (from !== expectFrom)
      issues.push({
        path: where(i),
        message: bi(
          `年龄组从 ${from} 岁开始，应为 ${expectFrom} 岁（各组须从 0 岁起首尾相接）`,
          `age group starts at ${from}, expected ${expectFrom} (groups must follow each other from 0)`,
        ),
      });
    if (to !== null && to < from)
      issues.push({ path: where(i), message: bi('年龄组的终止年龄小于起始年龄', 'age group ends before it starts') });
    if (to === null && i !== ages.length - 1)
      issues.push({
        path: where(i),
        message: bi('只有最后一个年龄组可以是开口组（“85+”）', 'only the last age group may be open ("85+")'),
      });
    if (from > 100 || (to ?? 0) > 100)
      issues.push({
        path: where(i),
        message: bi(
          '模型不区分 100 岁以上：请以 100+（或更低）为开口组',
          'ages above 100 are not modelled: make 100+ (or lower) the open group',
        ),
      });
  });
  const last = ages[ages.length - 1];
  if (last && last[1] !== null && last[1] !== 100)
    issues.push({
      path: where(ages.length - 1),
      message: bi(
        '最后一个年龄组须为开口组（“85+”）或止于 100 岁',
        'the last age group must be open ("85+") or end at 100',
      ),
    });
}

const table = (ageStarts: number[], female: number[], male: number[], source: string): AgeSexTableSpec => ({
  ageStarts,
  female,
  male,
  source,
});

function assemble(
  ageStarts: number[],
  cols: Record<string, number[]>,
  split: boolean,
  source: string,
): ImportedPopulation {
  if (!split) return { total: table(ageStarts, cols.female, cols.male, source), urban: null, rural: null };
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]);
  const urban = table(ageStarts, cols.female_urban, cols.male_urban, `${source} (urban)`);
  const rural = table(ageStarts, cols.female_rural, cols.male_rural, `${source} (rural)`);
  return {
    total: table(ageStarts, add(urban.female, rural.female), add(urban.male, rural.male), source),
    urban,
    rural,
  };
}

/** Parses CSV text; `name` labels messages and the tables' source. */
export function parseCityCsv(text: string, name: string): ImportReply {
  const issues: Issue[] = [];
  const notes: string[] = [];
  const all = splitCsv(text.replace(/^\uFEFF/, '')).filter((r) => !r.cells[0].startsWith('#'));
  // The header is the first row with an age column (a title above it is skipped), else the first row.
  let h = all.findIndex((r, i) => i < 10 && r.cells.some((c) => headerKey(c) === 'age'));
  if (h > 0)
    notes.push(
      bi(
        `跳过了表头（第 ${all[h].line} 行）之前的 ${h} 行`,
        `skipped ${h} row(s) before the header on line ${all[h].line}`,
      ),
    );
  if (h < 0) h = 0;
  const rows: CsvRow[] = all.slice(h);
  if (rows.length < 2)
    return {
      population: null,
      issues: [
        { path: name, message: bi('须有表头行和至少一个年龄组', 'needs a header row and at least one age group') },
      ],
      notes,
    };
  const lay = layout(rows[0].cells);
  const head = `${name}:${rows[0].line}`;
  if (!lay)
    return {
      population: null,
      issues: [{ path: head, message: bi('缺少“年龄”列', 'no "age" column') + `; ${ACCEPTED}` }],
      notes,
    };
  const wanted = lay.split ? COLUMNS_SPLIT : COLUMNS_TOTAL;
  for (const c of wanted)
    if (!lay.cols[c])
      issues.push({ path: head, message: bi(`缺少“${c}”列`, `missing column "${c}"`) + `; ${ACCEPTED}` });
  if (issues.length) return { population: null, issues, notes };
  const ages: [number, number | null][] = [];
  const lines: number[] = [];
  const cols: Record<string, number[]> = Object.fromEntries(wanted.map((c) => [c, []]));
  for (const r of rows.slice(1)) {
    const label = r.cells[lay.age] ?? '';
    if (isTotalLabel(label)) {
      notes.push(
        bi(`跳过了第 ${r.line} 行的合计行（“${label}”）`, `skipped the total row "${label}" on line ${r.line}`),
      );
      continue;
    }
    const age = parseAge(label);
    if (!age)
      issues.push({
        path: `${name}:${r.line}`,
        message: bi(
          `“${label}”不是年龄或年龄组（如 0、1-4、85+、85岁及以上）`,
          `age "${label}" is not an age or age group (e.g. 0, 1-4, 85+)`,
        ),
      });
    ages.push(age ?? [NaN, NaN]);
    lines.push(r.line);
    for (const c of wanted) {
      let sum = 0;
      for (const i of lay.cols[c]) {
        const raw = r.cells[i] ?? '';
        const v = parseCount(raw);
        const col = rows[0].cells[i] || c;
        if (v === null) {
          issues.push({
            path: `${name}:${r.line}`,
            message: bi(`${col}列：“${raw}”不是数`, `column ${col}: "${raw}" is not a number`),
          });
          sum = NaN;
        } else if (v < 0) {
          issues.push({
            path: `${name}:${r.line}`,
            message: bi(`${col}列：${v} 为负`, `column ${col}: ${v} is negative`),
          });
          sum = NaN;
        } else sum += v;
      }
      cols[c].push(sum);
    }
  }
  if (!ages.length)
    issues.push({
      path: name,
      message: bi('须有表头行和至少一个年龄组', 'needs a header row and at least one age group'),
    });
  checkGroups(ages, (i) => `${name}:${lines[i]}`, issues);
  if (issues.length) return { population: null, issues, notes };
  return {
    population: assemble(
      ages.map((a) => a[0]),
      cols,
      lay.split,
      name,
    ),
    issues,
    notes,
  };
}

/** Parses JSON text of the same content. */
export function parseCityJson(text: string, name: string): ImportReply {
  let doc: unknown;
  const none = (path: string, message: string): ImportReply => ({
    population: null,
    issues: [{ path, message }],
    notes: [],
  });
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return none(name, bi('不是有效的 JSON', 'not valid JSON') + `: ${(e as Error).message}`);
  }
  const issues: Issue[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return none(name, bi('须为 JSON 对象', 'must be a JSON object'));
  const d = doc as Record<string, unknown>;
  const starts = d.ageStarts;
  if (!Array.isArray(starts) || starts.length === 0 || starts.some((a) => !Number.isInteger(a)))
    return none(`${name}#/ageStarts`, bi('须为从 0 开始的整岁列表', 'must be a list of whole ages, starting at 0'));
  const split = COLUMNS_SPLIT.every((c) => c in d);
  const wanted = split ? COLUMNS_SPLIT : COLUMNS_TOTAL;
  const cols: Record<string, number[]> = {};
  for (const c of wanted) {
    const v = d[c];
    if (!Array.isArray(v)) {
      issues.push({
        path: `${name}#/${c}`,
        message: bi('必填：数的列表，每个年龄组一个', 'is required: a list of numbers, one per age group'),
      });
      continue;
    }
    if (v.length !== starts.length)
      issues.push({
        path: `${name}#/${c}`,
        message: bi(
          `有 ${v.length} 个值，而 ageStarts 有 ${starts.length} 个`,
          `has ${v.length} values but ageStarts has ${starts.length}`,
        ),
      });
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        issues.push({ path: `${name}#/${c}/${i}`, message: bi('须为数', 'must be a number') });
      else if (x < 0) issues.push({ path: `${name}#/${c}/${i}`, message: bi('须 ≥ 0', 'must be ≥ 0') });
    });
    cols[c] = v as number[];
  }
  const ages = (starts as number[]).map((a, i): [number, number | null] => [
    a,
    i + 1 < starts.length ? (starts[i + 1] as number) - 1 : null,
  ]);
  checkGroups(ages, (i) => `${name}#/ageStarts/${i}`, issues);
  if (issues.length) return { population: null, issues, notes: [] };
  return { population: assemble(starts as number[], cols, split, name), issues, notes: [] };
}

/** Reads a table file's bytes (any encoding {@link decodeTable} knows): JSON when `name` ends in .json, else CSV. */
export function parseCityTable(bytes: Uint8Array, name: string): ImportReply {
  const { text, encoding } = decodeTable(bytes);
  const out = /\.json$/i.test(name) ? parseCityJson(text, name) : parseCityCsv(text, name);
  if (encoding === 'utf-8') return out;
  const how =
    encoding === 'gbk'
      ? bi('不是 UTF-8，按 GBK 编码读取', 'not UTF-8: read as GBK')
      : bi(`按 ${encoding.toUpperCase()} 读取`, `read as ${encoding.toUpperCase()}`);
  return { ...out, notes: [`${name}: ${how}`, ...out.notes] };
}
