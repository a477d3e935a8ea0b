/**
 * Bring your own city, the parts: the city part made from an imported population and the published totals
 * (what the table does not give copied from a template city, its flows in persons scaled to this city's
 * size), the policy package fitted to the city's base year, and the self-contained scenario of the two.
 * Messages and notes are in Chinese and English ({@link bi}); sources in English, as every part's.
 */
import { bi } from './import-city-text';
import type { ImportedPopulation } from './import-city';

type Doc = Record<string, unknown>;

export interface CityTotals {
  readonly id: string;
  readonly name: string;
  readonly baseYear: number;
  readonly resident: number;
  readonly urban: number;
  readonly hukou: number;
  readonly urbanHukou: number;
  /** Residents registered elsewhere, when published. */
  readonly nonLocal?: number;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The template's quantities given in persons (or yuan for the whole city) and what they scale with:
 * flows of residents with the resident population, flows of registrations with the registered one.
 * Everything else in a template is a rate, a share, a duration or an amount per person, and stays.
 */
export const SCALED: readonly { pointer: string; by: 'residents' | 'hukou' }[] = [
  { pointer: '/migration/inflow/persons', by: 'residents' },
  { pointer: '/base/nonLocalRuralResidents', by: 'residents' },
  { pointer: '/registration/student/entrantsPerYear', by: 'hukou' },
  { pointer: '/registration/transfer/personsPerYear', by: 'hukou' },
  { pointer: '/registration/other/personsPerYear', by: 'hukou' },
  { pointer: '/fiscal/transfers/reward/fund', by: 'residents' },
];

/** A number, or a path `{ "2015": …, "2020": … }`, times k (whole units); undefined for anything else. */
function scalePath(v: unknown, k: number): number | Record<string, number> | undefined {
  if (typeof v === 'number') return Math.round(v * k);
  if (isObject(v) && Object.values(v).every((x) => typeof x === 'number'))
    return Object.fromEntries(Object.entries(v).map(([y, x]) => [y, Math.round((x as number) * k)]));
  return undefined;
}
const show = (v: unknown) =>
  typeof v === 'number'
    ? fmt(v)
    : Object.entries(v as Record<string, number>)
        .map(([y, x]) => `${y}: ${fmt(x)}`)
        .join(', ');

/** The object holding the last token of `pointer` (simple pointers: no escapes), or undefined. */
function parentOf(doc: Doc, pointer: string): [Doc, string] | undefined {
  const tokens = pointer.split('/').slice(1);
  let at: unknown = doc;
  for (const t of tokens.slice(0, -1)) at = isObject(at) ? at[t] : undefined;
  return isObject(at) ? [at, tokens[tokens.length - 1]] : undefined;
}

export interface BuiltPart {
  readonly part: Doc;
  /** `提示/note: …` lines: what was scaled, and by how much. */
  readonly notes: string[];
  /** `警告/warning: …` lines: the age table against the totals. */
  readonly warnings: string[];
}

/** The city part: base year, totals and age tables imported; the rest copied from `template` and scaled. */
export function buildCityPart(
  t: CityTotals,
  pop: ImportedPopulation,
  file: string,
  like: string,
  template: Doc,
): BuiltPart {
  const tplBase = (template.base ?? {}) as Doc;
  const imported = `imported from ${file} by npm run city`;
  const copied = `copied from the template ${like}: not this city's; replace with local values`;
  const part: Doc = structuredClone({
    $comment: `City part for ${t.name}, made by npm run city from ${file}; sections other than the base population and totals are ${copied}; flows in persons are scaled to this city's size.`,
    meta: { city: t.name },
    baseYear: t.baseYear,
    until: Math.max(Number(template.until), t.baseYear + 10),
    durations: template.durations,
    zones: template.zones,
    base: {
      ...tplBase,
      residentPop: t.resident,
      urbanResidentPop: t.urban,
      hukouPop: t.hukou,
      urbanHukouPop: t.urbanHukou,
      nonLocalResidents: t.nonLocal ?? null,
      ageStructure: pop.total,
      ...(pop.rural ? { ruralAgeStructure: pop.rural } : {}),
    },
    hukouDefinition: template.hukouDefinition,
    demography: template.demography,
    migration: template.migration,
    ...(template.registration ? { registration: template.registration } : {}),
    population: template.population,
    ...(template.fiscal ? { fiscal: { ...(template.fiscal as Doc), priceYear: t.baseYear } } : {}),
    observed: [],
  });
  const sources: Record<string, string> = {
    '/baseYear': imported,
    '/base/residentPop': imported,
    '/base/urbanResidentPop': imported,
    '/base/hukouPop': imported,
    '/base/urbanHukouPop': imported,
    '/base/nonLocalResidents': t.nonLocal === undefined ? 'not given: derived in the decomposition' : imported,
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
    ...(template.registration ? { '/registration': copied } : {}),
    '/population': copied,
    ...(template.fiscal ? { '/fiscal': copied } : {}),
  };
  for (const k of ['nonLocalRuralResidents', 'awayDurationMeanYears'])
    if (k in tplBase && !(`/base/${k}` in sources)) sources[`/base/${k}`] = `assumption ${copied}`;

  // Flows in persons: the template's, in proportion to this city's size.
  const notes: string[] = [];
  const ratio = {
    residents: { k: t.resident / Number(tplBase.residentPop), of: [t.resident, Number(tplBase.residentPop)] },
    hukou: { k: t.hukou / Number(tplBase.hukouPop), of: [t.hukou, Number(tplBase.hukouPop)] },
  };
  for (const { pointer, by } of SCALED) {
    const at = parentOf(part, pointer);
    if (!at || !(at[1] in at[0])) continue;
    const [obj, key] = at;
    const { k, of } = ratio[by];
    const to = Number.isFinite(k) ? scalePath(obj[key], k) : undefined;
    const zh = by === 'residents' ? '常住人口' : '户籍人口';
    if (to === undefined) {
      notes.push(
        `提示/note: ${pointer}: ` +
          bi(
            `模板的值未能按${zh}之比缩放，照原样复制，请核对`,
            `the template's value could not be scaled by the ${by === 'residents' ? 'residents' : 'registered population'}; copied as it is: check it`,
          ),
      );
      continue;
    }
    const from = obj[key];
    obj[key] = to;
    if (show(from) === show(to)) continue; // nothing to scale (a closed door: 0)
    const how = `${fmt(of[0])} / ${fmt(of[1])} = ${k.toFixed(4)}`;
    sources[pointer] =
      `assumption: scaled from the template ${like} by this city's ${by === 'residents' ? 'residents' : 'registered population'} over the template's (${how}): ${show(from)} → ${show(to)}; replace with local values`;
    notes.push(
      `提示/note: ${pointer}: ` +
        bi(
          `模板的人数按${zh}之比（${how}）缩放：${show(from)} → ${show(to)}`,
          `the template's count scaled by the ${by === 'residents' ? 'residents' : 'registered population'} (${how}): ${show(from)} → ${show(to)}`,
        ),
    );
  }
  part.sources = sources;
  return { part, notes, warnings: tableTotalWarnings(pop, t) };
}

/** The age tables against the published totals: more than 2 % apart is worth a word. */
export function tableTotalWarnings(pop: ImportedPopulation, t: CityTotals, tolerance = 0.02): string[] {
  const sum = (x: { female: number[]; male: number[] }) => [...x.female, ...x.male].reduce((a, b) => a + b, 0);
  const out: string[] = [];
  const check = (table: string, zhTable: string, n: number, flag: string, total: number) => {
    if (total <= 0 || Math.abs(n / total - 1) <= tolerance) return;
    const d = pct(n / total - 1);
    out.push(
      `警告/warning: ` +
        bi(
          `${zhTable}合计 ${fmt(n)} 人，与 ${flag} ${fmt(total)} 相差 ${d}：表只给出年龄结构，请核对二者是否为同一人口、同一年份`,
          `the ${table} sums to ${fmt(n)} people against ${flag} ${fmt(total)} (${d}): it gives the age shape only; check that both are for the same population and year`,
        ),
    );
  };
  check('age table', '年龄表', sum(pop.total), '--resident', t.resident);
  if (pop.urban) check('urban columns of the age table', '年龄表城镇列', sum(pop.urban), '--urban', t.urban);
  return out;
}

export interface FittedPackage {
  /** The package as the scenario includes it: its path, or an adapted copy inline. */
  readonly include: string | Doc;
  readonly warnings: string[];
}

/**
 * The package fitted to a base year: a target in or before the base year cannot be projected (the
 * scenario format refuses it), so it is left out; a timeline change in or before it is already in force,
 * so it applies from the first projected year. When nothing needs fitting, the package is included by path;
 * otherwise an adapted copy goes inline (the including file cannot take a part's sources away).
 */
export function fitPackage(path: string, pkg: unknown, baseYear: number): FittedPackage {
  if (!isObject(pkg)) return { include: path, warnings: [] };
  const targets = Array.isArray(pkg.targets) ? (pkg.targets as Doc[]) : [];
  const timeline = Array.isArray(pkg.timeline) ? (pkg.timeline as Doc[]) : [];
  const past = (e: Doc) => typeof e.year === 'number' && e.year <= baseYear;
  const dropped = targets.filter(past);
  const moved = timeline.filter(past);
  if (!dropped.length && !moved.length) return { include: path, warnings: [] };
  const warnings: string[] = [];
  const copy = structuredClone(pkg);
  const sources = { ...((copy.sources ?? {}) as Record<string, string>) };
  // Renumber the sources of list entries that move or go.
  const renumber = (list: string, order: number[]) => {
    for (const p of Object.keys(sources)) {
      const m = new RegExp(`^/${list}/(\\d+)(/.*)?$`).exec(p);
      if (!m) continue;
      const text = sources[p];
      delete sources[p];
      const to = order.indexOf(Number(m[1]));
      if (to >= 0) sources[`/${list}/${to}${m[2] ?? ''}`] = text;
    }
  };
  if (dropped.length) {
    const keep = targets.map((_, i) => i).filter((i) => !past(targets[i]));
    copy.targets = keep.map((i) => targets[i]);
    renumber('targets', keep);
    const list = dropped.map((e) => `${String(e.id)} (${String(e.year)})`).join(', ');
    sources['/targets'] =
      `${path}, without its targets in or before the base year ${baseYear} (${list}): the projection starts after the base year`;
    warnings.push(
      `警告/warning: ${path}: ` +
        bi(
          `政策包的目标 ${list} 不晚于基年 ${baseYear}，无法预测，已略去（--scenario 写出的情景亦然；自行组合本城市部分与该政策包的情景须给出自己的 "targets"）`,
          `the package's targets ${list} are not after the base year ${baseYear}: they cannot be projected and are left out (of the --scenario file too; a scenario of your own that includes this city part and the package must give its own "targets")`,
        ),
    );
  }
  if (moved.length) {
    const order = timeline
      .map((e, i) => ({ e, i }))
      .sort((a, b) => Number(past(b.e)) - Number(past(a.e)) || (past(a.e) ? Number(a.e.year) - Number(b.e.year) : 0))
      .map(({ i }) => i);
    copy.timeline = order.map((i) => (past(timeline[i]) ? { ...timeline[i], year: baseYear + 1 } : timeline[i]));
    renumber('timeline', order);
    const list = moved.map((e) => String(e.year)).join(', ');
    sources['/timeline'] =
      `${path}, its changes of ${list} (in or before the base year ${baseYear}) in force from the first projected year`;
    warnings.push(
      `警告/warning: ${path}: ` +
        bi(
          `政策包在 ${list} 年（不晚于基年 ${baseYear}）的政策调整已生效，自 ${baseYear + 1} 年起适用`,
          `the package's changes of ${list} (not after the base year ${baseYear}) are in force: they apply from ${baseYear + 1}`,
        ),
    );
  }
  copy.sources = sources;
  copy.$comment = `${path}, fitted to the base year ${baseYear} by npm run city${typeof pkg.$comment === 'string' ? `. ${pkg.$comment}` : ''}`;
  return { include: copy, warnings };
}

/** The scenario of the city part (inline) and the package: needs no file but the project's own. */
export function cityScenario(t: CityTotals, part: Doc, pkg: FittedPackage): Doc {
  return {
    $comment: `Made by npm run city: the city part ${t.id} inline, with the policy package${typeof pkg.include === 'string' ? ` ${pkg.include}` : ' (an adapted copy, inline)'}. Open it in the page (the toolbar’s 导入 JSON / Import JSON) or run it: npm run sim -- <this file>.`,
    version: 1,
    id: t.id,
    name: t.name,
    include: [part, pkg.include],
  };
}
