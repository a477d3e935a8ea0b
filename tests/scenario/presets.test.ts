/**
 * Every preset: valid, runnable, and every number in it carries a source
 * (its JSON Pointer or an ancestor's has an entry in `sources`, or the
 * object holding it has a `source` field), as the project's rules demand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { resolveIncludes } from '../../src/scenario/include';
import { loadScenario } from '../../src/scenario/load';
import { runResolved } from '../../src/scenario/run';
import { formatPointer } from '../../src/scenario/pointer';

const dir = resolve(PROJECT_ROOT, 'scenarios');
const presets = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

/** JSON Pointers of every number (and boolean) in a document, with whether an enclosing object has a `source`. */
function leaves(v: unknown, path: (string | number)[], sourced: boolean, out: [string, boolean][]): void {
  if (typeof v === 'number' || typeof v === 'boolean') out.push([formatPointer(path), sourced]);
  else if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], sourced, out));
  else if (v && typeof v === 'object') {
    const has = sourced || typeof (v as Record<string, unknown>).source === 'string';
    for (const [k, x] of Object.entries(v)) if (k !== 'sources') leaves(x, [...path, k], has, out);
  }
}

describe('presets', () => {
  for (const file of presets) {
    describe(file, () => {
      const file0 = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as unknown;
      // Judge the scenario as the program sees it: with its parts merged.
      const raw = resolveIncludes(file0, nodeDataLoader()).doc as Record<string, unknown>;
      it('validates and resolves its data', () => {
        expect(() => loadScenario(raw, nodeDataLoader())).not.toThrow();
      });
      it('gives a source for every number', () => {
        const sources = Object.keys(raw.sources as Record<string, string>);
        const all: [string, boolean][] = [];
        leaves(raw, [], false, all);
        const unsourced = all
          .filter(([p, inline]) => !inline && p !== '/version')
          .filter(([p]) => !sources.some((s) => p === s || p.startsWith(s + '/')))
          .map(([p]) => p);
        expect(unsourced).toEqual([]);
      });
      it('reproduces its published base-year totals (rates within 0.1 point, populations within 0.1 %), or labels them assumptions', () => {
        const scenario = loadScenario(raw, nodeDataLoader());
        const { result } = runResolved(scenario);
        const observed = (
          scenario.observed as { metric: string; year: number; value: number; definition?: string }[]
        ).filter((o) => o.year === scenario.baseYear && o.definition !== 'nonAgricultural');
        const metrics = observed.map((o) => o.metric);
        // Where a base-year total is not published, the preset must say its value is an assumption.
        const sources = raw.sources as Record<string, string>;
        for (const [metric, pointer] of [
          ['residentPop', '/base/residentPop'],
          ['residentUrbanRate', '/base/urbanResidentPop'],
        ])
          if (!metrics.includes(metric))
            expect(sources[pointer], `${pointer} is not published: label it`).toMatch(/assumption/i);
        for (const o of observed) {
          const series = result.series[o.metric] as (number | null)[] | undefined;
          // Flows of the base year (registered births, move-ins) are not the projection's: it starts from stocks.
          if (!series || series[0] === null) continue;
          const model = series[0]!;
          if (o.metric.endsWith('Rate')) expect(Math.abs(model - o.value), o.metric).toBeLessThanOrEqual(0.001);
          else expect(Math.abs(model - o.value) / o.value, o.metric).toBeLessThanOrEqual(0.001);
        }
      });

      it('labels assumptions as such', () => {
        const texts = Object.values(raw.sources as Record<string, string>);
        expect(texts.some((t) => /assumption/i.test(t))).toBe(true);
      });
    });
  }
  it('publishes an up-to-date JSON Schema (npm run schema)', () => {
    expect(readFileSync(resolve(dir, 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });
});
