/**
 * The catalogue of bad inputs, continued: input that once crashed, hung or overflowed, the size limits,
 * and base-year tables that cannot hold (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { resolveIncludes } from '../../src/scenario/include';
import { loadScenario, parseJsonText, validateScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import { LIMITS } from '../../src/scenario/schema';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { syntheticScenario } from '../fixtures/synthetic';
import { bad, issuesOf } from '../fixtures/issues';

describe('input that once crashed or overflowed', () => {
  const raw = () => JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
  it('refuses JSON nested deeper than any scenario needs, naming where (no stack overflow)', () => {
    let deep: unknown[] = [];
    const top = deep;
    for (let i = 0; i < 1000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    // 100,000 levels as text (the file a user might load): refused with the place named.
    const n = 100_000;
    const text = JSON.stringify(raw()).replace(/^\{/, `{"deep": ${'['.repeat(n)}${']'.repeat(n)},`);
    const issues = issuesOf(() => parseJsonText(text, 'x.json'));
    expect(issues[0]).toMatch(/^x\.json#\/deep(\/0)+: nested deeper than 64 levels/);
    // Straight to the loader (the page's import path): refused by the include merge, not a crash.
    const loaded = issuesOf(() => loadScenario({ ...raw(), description: top }, nodeDataLoader()));
    expect(loaded[0]).toMatch(/^\/description(\/0)+: nested deeper than 64 levels/);
  });
  it('reads past a byte-order mark, as the page does (the command line refused it)', () => {
    const text = '\uFEFF' + JSON.stringify(raw());
    expect(() => loadScenario(parseJsonText(text, 'bom.json'), nodeDataLoader())).not.toThrow();
  });
  it('refuses a "__proto__" key, naming it (the include merge dropped it without a word)', () => {
    const text = JSON.stringify(raw()).replace(/^\{/, '{"__proto__": {"until": 2100},');
    expect(issuesOf(() => parseJsonText(text, 'p.json'))).toEqual([
      'p.json#/__proto__: "__proto__" is not a field of the scenario format',
    ]);
    const viaObject = JSON.parse(text) as Record<string, unknown>;
    expect(issuesOf(() => loadScenario(viaObject, nodeDataLoader()))).toContain(
      '/__proto__: "__proto__" is not a field of the scenario format',
    );
  });
  it('refuses a {"$data": …} reference as a timeline value (it once crashed every run)', () => {
    const issues = issuesOf(() =>
      loadScenario(raw(), nodeDataLoader(), [
        {
          pointer: '/timeline',
          value: [{ year: 2018, set: { '/demography/fertility/asfr': { $data: 'data/demography/x.json' } } }],
        },
      ]),
    );
    expect(issues).toContain(
      '/timeline/0/set/~1demography~1fertility~1asfr: a timeline value cannot be a {"$data": …} reference: give the table in the scenario itself',
    );
  });
  for (const [pointer, value] of [
    ['/migration/inflow/persons', 1e308],
    ['/fiscal/components/2/amount/0/value', 1e300],
    ['/migration/schedule/a1', -1e20],
  ] as const)
    it(`refuses ${value} at ${pointer} (it overflowed to NaN)`, () => {
      const issues = issuesOf(() => loadScenario(raw(), nodeDataLoader(), [{ pointer, value }]));
      expect(issues.some((m) => m.startsWith(`${pointer}: must be`))).toBe(true);
    });
});

describe('size limits (a file under 5 MB held 80,000 timeline entries, and a run never finished)', () => {
  const entries = (n: number, keys = 1) =>
    Array.from({ length: n }, (_, i) => ({
      year: 2016 + (i % 5),
      set: Object.fromEntries(
        ['/willingness/serviceLevel', '/policy/channelOverlap', '/willingness/familyFollow']
          .slice(0, keys)
          .map((p) => [p, (i % 10) / 10]),
      ),
    }));
  it('takes a timeline at the limit and refuses one past it, naming the field', () => {
    expect(() =>
      validateScenario(setAt(syntheticScenario(), '/timeline', entries(LIMITS.timelineEntries))),
    ).not.toThrow();
    expect(bad('/timeline', entries(LIMITS.timelineEntries + 1))).toContain(
      `/timeline: at most ${LIMITS.timelineEntries} entries`,
    );
    expect(bad('/timeline', entries(LIMITS.timelineEntries, 3))).toContain(
      `/timeline: at most ${LIMITS.timelineChanges} changes in all entries together`,
    );
  });
  it('refuses more channels per zone or conditions per channel than the limits', () => {
    const s = syntheticScenario() as {
      policy: { zones: Record<string, { channels: { id: string; conditions: unknown[] }[] }> };
    };
    const [zone, { channels }] = Object.entries(s.policy.zones)[0];
    const many = Array.from({ length: LIMITS.channels + 1 }, (_, i) => ({ ...channels[0], id: `c${i}` }));
    expect(bad(`/policy/zones/${zone}/channels`, many)).toContain(
      `/policy/zones/${zone}/channels: at most ${LIMITS.channels} channels per zone`,
    );
    const conditions = Array.from({ length: LIMITS.conditions + 1 }, () => ({ type: 'open' }));
    expect(bad(`/policy/zones/${zone}/channels/0/conditions`, conditions)).toContain(
      `/policy/zones/${zone}/channels/0/conditions: at most ${LIMITS.conditions} conditions per channel`,
    );
  });
});

describe('base-year tables', () => {
  it('refuses a city of nobody (it ran with null rates in the base year)', () => {
    const issues = issuesOf(() =>
      validateScenario(
        ['/base/residentPop', '/base/urbanResidentPop', '/base/hukouPop', '/base/urbanHukouPop'].reduce(
          (s, p) => setAt(s, p, 0),
          syntheticScenario(),
        ),
      ),
    );
    expect(issues).toContain('/base/residentPop: must be more than 0: a city without residents cannot be projected');
    expect(issues).toContain(
      '/base/hukouPop: must be more than 0: a city without registered people cannot be projected',
    );
  });
  it('refuses an age table of nobody, naming it (it ran with a quarter of the residents and no residual)', () => {
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/guangzhou.json'), 'utf8'));
    const merged = resolveIncludes(raw, nodeDataLoader()).doc as {
      base: { ageStructure: { female: number[]; male: number[] } };
    };
    const t = merged.base.ageStructure;
    const zero = { ...t, female: t.female.map(() => 0), male: t.male.map(() => 0) };
    const issues = issuesOf(() =>
      loadScenario(merged, nodeDataLoader(), [{ pointer: '/base/ageStructure', value: zero }]),
    );
    expect(issues).toContain('/base/ageStructure: holds nobody (every value is 0): give the age-sex numbers');
  });
});
