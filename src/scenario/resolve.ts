/**
 * Replaces `{ "$data": "data/file.json#/pointer" }` references by the tables
 * they name, each validated against what its place in the scenario expects.
 *
 * The loader is injected so the same code runs in Node (reads files) and in
 * the browser (data bundled at build time): no network at run time.
 */
import type { z } from 'zod';
import { fromZod, type Issue } from './issues';
import { getAt, setAt } from './pointer';
import { AgeSexTable, FertilityTable, MortalityTable, Observations, type Scenario } from './schema';

/** Returns the parsed JSON of a data file (path relative to the project root), or undefined if absent. */
export type DataLoader = (file: string) => unknown;

/** Where tables may stand, what they must be, and which fields of a data file they keep. */
const TABLE_PLACES: readonly { pointer: string; schema: z.ZodType; keep: readonly string[] | null }[] = [
  { pointer: '/base/ageStructure', schema: AgeSexTable, keep: ['ageStarts', 'female', 'male', 'source'] },
  { pointer: '/base/ruralAgeStructure', schema: AgeSexTable, keep: ['ageStarts', 'female', 'male', 'source'] },
  { pointer: '/base/referenceSingleAge', schema: AgeSexTable, keep: ['ageStarts', 'female', 'male', 'source'] },
  { pointer: '/base/migrantProfile', schema: AgeSexTable, keep: ['ageStarts', 'female', 'male', 'source'] },
  { pointer: '/migration/inflow/profile', schema: AgeSexTable, keep: ['ageStarts', 'female', 'male', 'source'] },
  {
    pointer: '/demography/mortality/mx',
    schema: MortalityTable,
    keep: ['ageStarts', 'mx', 'source', 'method', 'period'],
  },
  {
    pointer: '/demography/fertility/asfr',
    schema: FertilityTable,
    keep: ['ageStarts', 'asfr', 'source', 'method', 'period'],
  },
  { pointer: '/observed', schema: Observations, keep: null },
];

/** Where `$data` tables stand: the places the short way of apply-checked.ts leaves to the full way. */
export const TABLE_POINTERS: readonly string[] = TABLE_PLACES.map((p) => p.pointer);

export interface Resolved {
  readonly scenario: Scenario;
  readonly issues: Issue[];
  /** Data files read, for provenance. */
  readonly files: string[];
}

export function resolveDataRefs(scenario: Scenario, load: DataLoader): Resolved {
  let out = scenario;
  const issues: Issue[] = [];
  const files: string[] = [];
  for (const place of TABLE_PLACES) {
    const v = getAt(out, place.pointer) as { $data?: string } | undefined;
    if (!v || typeof v !== 'object' || typeof v.$data !== 'string') continue;
    const [file, frag = ''] = v.$data.split('#');
    let doc: unknown;
    try {
      doc = load(file);
    } catch (e) {
      issues.push({ path: place.pointer + '/$data', message: `cannot read ${file}: ${(e as Error).message}` });
      continue;
    }
    if (doc === undefined) {
      issues.push({ path: place.pointer + '/$data', message: `data file ${file} not found` });
      continue;
    }
    if (!files.includes(file)) files.push(file);
    const table = getAt(doc, frag);
    if (table === undefined || typeof table !== 'object' || table === null) {
      issues.push({ path: place.pointer + '/$data', message: `${file} has no object at "${frag || '/'}"` });
      continue;
    }
    const keep = place.keep;
    const picked = keep
      ? Object.fromEntries(Object.entries(table as Record<string, unknown>).filter(([k]) => keep.includes(k)))
      : table;
    const parsed = place.schema.safeParse(picked);
    if (!parsed.success) {
      issues.push(...fromZod(parsed.error, `${file}#${frag}`, picked));
      continue;
    }
    out = setAt(out, place.pointer, parsed.data);
  }
  return { scenario: out, issues, files };
}
