/**
 * Bring your own city: a base population by age group and sex (optionally
 * urban and rural) from CSV or JSON text, checked line by line, as the
 * tables a city part needs. Every problem is reported with its line and
 * column, not only the first.
 *
 * CSV: a header, then one row per age group, youngest first:
 * ```
 * age,female,male                                  (total population), or
 * age,female_urban,male_urban,female_rural,male_rural
 * 0,5675,6312
 * 1-4,…
 * 85+,…
 * ```
 * Age labels: `0`, `1-4` (also `1–4`, `1~4`), `85+` (the open last group).
 * JSON: `{ "ageStarts": [0, 1, 5, …], "female": […], "male": […] }`, or with
 * `female_urban` … in place of `female`/`male`.
 */
import type { Issue } from './issues';
import type { AgeSexTableSpec } from './schema';

export interface ImportedPopulation {
  /** All residents. */
  readonly total: AgeSexTableSpec;
  /** Urban and rural residents, when the input splits them. */
  readonly urban: AgeSexTableSpec | null;
  readonly rural: AgeSexTableSpec | null;
}

const COLUMNS_TOTAL = ['female', 'male'] as const;
const COLUMNS_SPLIT = ['female_urban', 'male_urban', 'female_rural', 'male_rural'] as const;

/** Parses an age label into [first age, last age or null when open]. */
function parseAge(label: string): [number, number | null] | null {
  const t = label.trim().replace(/岁(以上)?$/, (m) => (m === '岁以上' ? '+' : ''));
  let m = /^(\d+)$/.exec(t);
  if (m) return [Number(m[1]), Number(m[1])];
  m = /^(\d+)\s*[-–~]\s*(\d+)$/.exec(t);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d+)\s*\+$/.exec(t);
  if (m) return [Number(m[1]), null];
  return null;
}

function checkGroups(ages: [number, number | null][], where: (i: number) => string, issues: Issue[]): void {
  ages.forEach(([from, to], i) => {
    const expectFrom = i === 0 ? 0 : (ages[i - 1][1] ?? NaN) + 1;
    if (from !== expectFrom)
      issues.push({
        path: where(i),
        message: `age group starts at ${from}, expected ${expectFrom} (groups must follow each other from 0)`,
      });
    if (to !== null && to < from) issues.push({ path: where(i), message: 'age group ends before it starts' });
    if (to === null && i !== ages.length - 1)
      issues.push({ path: where(i), message: 'only the last age group may be open ("85+")' });
    if (from > 100 || (to ?? 0) > 100)
      issues.push({ path: where(i), message: 'ages above 100 are not modelled: make 100+ (or lower) the open group' });
  });
  const last = ages[ages.length - 1];
  if (last && last[1] !== null && last[1] !== 100)
    issues.push({ path: where(ages.length - 1), message: 'the last age group must be open ("85+") or end at 100' });
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
export function parseCityCsv(text: string, name: string): { population: ImportedPopulation | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, cells: l.split(',').map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== '') && !r.cells[0].startsWith('#'));
  if (rows.length < 2)
    return { population: null, issues: [{ path: name, message: 'needs a header row and at least one age group' }] };
  const header = rows[0].cells.map((h) => h.toLowerCase());
  const split = COLUMNS_SPLIT.every((c) => header.includes(c));
  const wanted = split ? COLUMNS_SPLIT : COLUMNS_TOTAL;
  if (header[0] !== 'age') issues.push({ path: `${name}:${rows[0].line}`, message: 'the first column must be "age"' });
  for (const c of wanted)
    if (!header.includes(c))
      issues.push({
        path: `${name}:${rows[0].line}`,
        message: `missing column "${c}" (give female,male or female_urban,male_urban,female_rural,male_rural)`,
      });
  if (issues.length) return { population: null, issues };
  const ages: [number, number | null][] = [];
  const cols: Record<string, number[]> = Object.fromEntries(wanted.map((c) => [c, []]));
  for (const r of rows.slice(1)) {
    const age = parseAge(r.cells[0] ?? '');
    if (!age)
      issues.push({
        path: `${name}:${r.line}`,
        message: `age "${r.cells[0]}" is not an age or age group (e.g. 0, 1-4, 85+)`,
      });
    ages.push(age ?? [NaN, NaN]);
    for (const c of wanted) {
      const raw = r.cells[header.indexOf(c)] ?? '';
      const v = Number(raw.replace(/[_\s]/g, ''));
      if (raw === '' || !Number.isFinite(v))
        issues.push({ path: `${name}:${r.line}`, message: `column ${c}: "${raw}" is not a number` });
      else if (v < 0) issues.push({ path: `${name}:${r.line}`, message: `column ${c}: ${v} is negative` });
      cols[c].push(v);
    }
  }
  checkGroups(ages, (i) => `${name}:${rows[i + 1].line}`, issues);
  if (issues.length) return { population: null, issues };
  return {
    population: assemble(
      ages.map((a) => a[0]),
      cols,
      split,
      name,
    ),
    issues,
  };
}

/** Parses JSON text of the same content. */
export function parseCityJson(text: string, name: string): { population: ImportedPopulation | null; issues: Issue[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { population: null, issues: [{ path: name, message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const issues: Issue[] = [];
  if (typeof doc !== 'object' || doc === null)
    return { population: null, issues: [{ path: name, message: 'must be a JSON object' }] };
  const d = doc as Record<string, unknown>;
  const starts = d.ageStarts;
  if (!Array.isArray(starts) || starts.length === 0 || starts.some((a) => !Number.isInteger(a)))
    return {
      population: null,
      issues: [{ path: `${name}#/ageStarts`, message: 'must be a list of whole ages, starting at 0' }],
    };
  const split = COLUMNS_SPLIT.every((c) => c in d);
  const wanted = split ? COLUMNS_SPLIT : COLUMNS_TOTAL;
  const cols: Record<string, number[]> = {};
  for (const c of wanted) {
    const v = d[c];
    if (!Array.isArray(v)) {
      issues.push({ path: `${name}#/${c}`, message: 'is required: a list of numbers, one per age group' });
      continue;
    }
    if (v.length !== starts.length)
      issues.push({ path: `${name}#/${c}`, message: `has ${v.length} values but ageStarts has ${starts.length}` });
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        issues.push({ path: `${name}#/${c}/${i}`, message: 'must be a number' });
      else if (x < 0) issues.push({ path: `${name}#/${c}/${i}`, message: 'must be ≥ 0' });
    });
    cols[c] = v as number[];
  }
  const ages = (starts as number[]).map((a, i): [number, number | null] => [
    a,
    i + 1 < starts.length ? (starts[i + 1] as number) - 1 : null,
  ]);
  checkGroups(ages, (i) => `${name}#/ageStarts/${i}`, issues);
  if (issues.length) return { population: null, issues };
  return { population: assemble(starts as number[], cols, split, name), issues };
}
