/**
 * The task tables (data/tasks/doc000.json … doc003.json) map each task of a
 * document to scenario levers by JSON Pointer. Every pointer must name
 * something in the document's preset as the program loads it (parts merged,
 * validated, data references resolved): doc000 in scenarios/changzhou-2016.json,
 * doc001 in scenarios/doc001-package.json, doc002 in scenarios/jinzhou-2017.json,
 * doc003 in scenarios/guangzhou.json. Lead (牵头) and partner (配合/责任) bureaus
 * are kept apart: no bureau is both of one task, and in 002 and 003 every task
 * has a lead.
 *
 * Pointers are plain RFC 6901 pointers today. Should a mapping ever use a
 * wildcard token (`*`: every key or index) or a zone placeholder (`{zone}`:
 * every zone of the scenario), it is expanded here and every expansion must
 * resolve — and there must be at least one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { resolveIncludes } from '../../src/scenario/include';
import { loadScenario } from '../../src/scenario/load';
import { formatPointer, getAt, parsePointer } from '../../src/scenario/pointer';

interface TaskFile {
  tasks: { no: number; levers: string[]; lead?: string[]; partners?: string[] }[];
}

const read = (rel: string): unknown => JSON.parse(readFileSync(resolve(PROJECT_ROOT, rel), 'utf8')) as unknown;

/** The scenario as the program sees it, and the merged raw document (before data references are resolved). */
function loaded(preset: string): { scenario: unknown; raw: unknown } {
  const raw = resolveIncludes(read(preset), nodeDataLoader()).doc;
  return { scenario: loadScenario(read(preset), nodeDataLoader()), raw };
}

/** Concrete pointers for a pointer that may hold `*` or `{zone}` tokens; [] when a step has nothing to expand. */
function expandPointer(doc: unknown, pointer: string, zones: readonly string[]): string[] {
  let paths: string[][] = [[]];
  for (const token of parsePointer(pointer)) {
    const next: string[][] = [];
    for (const p of paths) {
      if (token === '{zone}') for (const z of zones) next.push([...p, z]);
      else if (token === '*') {
        const at = getAt(doc, formatPointer(p));
        if (Array.isArray(at)) at.forEach((_, i) => next.push([...p, String(i)]));
        else if (at && typeof at === 'object') for (const k of Object.keys(at)) next.push([...p, k]);
      } else next.push([...p, token]);
    }
    paths = next;
  }
  return paths.map((p) => formatPointer(p));
}

/** The pointers of a task file that do not resolve in `doc` (a wildcard that expands to nothing counts as not resolving). */
function unresolved(doc: unknown, file: TaskFile, zones: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of file.tasks)
    for (const lever of t.levers) {
      const concrete = expandPointer(doc, lever, zones);
      if (concrete.length === 0 || concrete.some((p) => getAt(doc, p) === undefined))
        out.push(`task ${t.no}: ${lever}`);
    }
  return out;
}

const CASES = [
  { tasks: 'data/tasks/doc000.json', preset: 'scenarios/changzhou-2016.json', count: 20 },
  { tasks: 'data/tasks/doc001.json', preset: 'scenarios/doc001-package.json', count: 24 },
  { tasks: 'data/tasks/doc002.json', preset: 'scenarios/jinzhou-2017.json', count: 17 },
  { tasks: 'data/tasks/doc003.json', preset: 'scenarios/guangzhou.json', count: 14 },
] as const;

/**
 * A bureau's name for comparison: 003 writes the 市 of a list only once (市公安局、人力資源和社會保障局), so
 * "市公安局" and "公安局" are one bureau.
 */
const bureauKey = (name: string): string => name.replace(/^市/, '');

/** Where a task's lead and partners are not kept apart: a bureau on both sides, or twice on one side. */
function leadPartnerClashes(file: TaskFile): string[] {
  const out: string[] = [];
  for (const t of file.tasks) {
    const lead = (t.lead ?? []).map(bureauKey);
    const partners = (t.partners ?? []).map(bureauKey);
    for (const b of lead) if (partners.includes(b)) out.push(`task ${t.no}: ${b} both lead and partner`);
    for (const side of [lead, partners])
      side.forEach((b, i) => {
        if (side.indexOf(b) !== i) out.push(`task ${t.no}: ${b} listed twice`);
      });
  }
  return out;
}

describe('task tables: lever pointers resolve in their presets', () => {
  for (const c of CASES) {
    describe(`${c.tasks} in ${c.preset}`, () => {
      const file = read(c.tasks) as TaskFile;
      const { scenario, raw } = loaded(c.preset);
      const zones = (scenario as { zones: { id: string }[] }).zones.map((z) => z.id);

      it('has every task, and levers to check', () => {
        expect(file.tasks.map((t) => t.no)).toEqual(Array.from({ length: c.count }, (_, i) => i + 1));
        expect(file.tasks.flatMap((t) => t.levers).length).toBeGreaterThan(10);
        for (const t of file.tasks) for (const l of t.levers) expect(l, `task ${t.no}`).toMatch(/^\//);
      });

      it('every lever pointer names something in the loaded scenario', () => {
        expect(unresolved(scenario, file, zones)).toEqual([]);
      });

      it('and in the merged file as written (so --set and the timeline can use it)', () => {
        expect(unresolved(raw, file, zones)).toEqual([]);
      });
    });
  }

  it('catches a pointer that does not resolve (the check is not vacuous)', () => {
    const { scenario } = loaded('scenarios/doc001-package.json');
    const zones = ['core', 'county', 'town'];
    const bad: TaskFile = {
      tasks: [
        { no: 1, levers: ['/policy/zones/county/channels/4'] }, // doc001's county zone has channels 0–3 only
        { no: 2, levers: ['/policy/zones/{zone}/channels/0', '/policy/zones/*/channels/4'] },
        { no: 3, levers: ['/willingness/noSuchLever'] },
      ],
    };
    expect(unresolved(scenario, bad, zones)).toEqual([
      'task 1: /policy/zones/county/channels/4',
      'task 2: /policy/zones/*/channels/4',
      'task 3: /willingness/noSuchLever',
    ]);
  });

  it('expands wildcards and zone placeholders', () => {
    const doc = { a: { x: [1, 2], y: [3] } };
    expect(expandPointer(doc, '/a/*/0', [])).toEqual(['/a/x/0', '/a/y/0']);
    expect(expandPointer(doc, '/a/{zone}', ['x', 'y'])).toEqual(['/a/x', '/a/y']);
    expect(expandPointer(doc, '/a/x/*', [])).toEqual(['/a/x/0', '/a/x/1']);
    expect(expandPointer(doc, '/b/*', [])).toEqual([]);
  });
});

describe('task tables: lead and partner bureaus kept apart', () => {
  for (const c of CASES) {
    it(`${c.tasks}: no bureau is both lead and partner of one task`, () => {
      const file = read(c.tasks) as TaskFile;
      for (const t of file.tasks) {
        expect(Array.isArray(t.lead), `task ${t.no} lead`).toBe(true);
        expect(Array.isArray(t.partners), `task ${t.no} partners`).toBe(true);
      }
      expect(leadPartnerClashes(file)).toEqual([]);
    });
  }

  for (const tasks of ['data/tasks/doc002.json', 'data/tasks/doc003.json']) {
    it(`${tasks}: every task has a lead, and some have partners`, () => {
      const file = read(tasks) as TaskFile;
      expect(file.tasks.filter((t) => (t.lead ?? []).length === 0).map((t) => t.no)).toEqual([]);
      expect(file.tasks.some((t) => (t.partners ?? []).length > 0)).toBe(true);
      for (const t of file.tasks)
        for (const b of [...t.lead!, ...t.partners!])
          expect(b, `task ${t.no}`).not.toMatch(/等|配合|牵头|牽頭|负责|負責|[:：,，]/);
    });
  }

  it('catches a bureau on both sides, also when the 市 is left out (the check is not vacuous)', () => {
    const bad: TaskFile = {
      tasks: [
        { no: 1, levers: [], lead: ['市公安局'], partners: ['公安局', '市财政局'] },
        { no: 2, levers: [], lead: ['市财政局'], partners: ['市教育局', '市教育局'] },
        { no: 3, levers: [], lead: ['市财政局'], partners: ['市发展改革委'] },
      ],
    };
    expect(leadPartnerClashes(bad)).toEqual(['task 1: 公安局 both lead and partner', 'task 2: 教育局 listed twice']);
  });
});
