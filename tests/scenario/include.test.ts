import { describe, expect, it } from 'vitest';
import { deepMerge, resolveIncludes } from '../../src/scenario/include';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { loadScenario } from '../../src/scenario/load';

describe('scenario parts (include)', () => {
  it('merges objects key by key and replaces arrays and values; the file’s own fields win', () => {
    expect(
      deepMerge({ a: { x: 1, y: 2 }, l: [1, 2], s: { '/p': 'one' } }, { a: { y: 3 }, l: [9], s: { '/q': 'two' } }),
    ).toEqual({
      a: { x: 1, y: 3 },
      l: [9],
      s: { '/p': 'one', '/q': 'two' },
    });
    const parts: Record<string, unknown> = {
      'scenarios/cities/a.json': { baseYear: 2015, sources: { '/baseYear': 'A' } },
      'scenarios/packages/b.json': { targets: [1], sources: { '/targets': 'B' } },
    };
    const { doc, issues } = resolveIncludes(
      { include: ['scenarios/cities/a.json', 'scenarios/packages/b.json'], baseYear: 2016 },
      (f) => parts[f],
    );
    expect(issues).toEqual([]);
    expect(doc).toMatchObject({ baseYear: 2016, targets: [1], sources: { '/baseYear': 'A', '/targets': 'B' } });
  });

  it('reports a missing, misplaced or nested part with its place in the list', () => {
    const load = (f: string) => (f === 'scenarios/cities/n.json' ? { include: ['x'] } : undefined);
    const { issues } = resolveIncludes(
      { include: ['scenarios/cities/none.json', 'data/x.json', 'scenarios/cities/n.json'] },
      load,
    );
    expect(issues).toEqual([
      { path: '/include/0', message: 'file scenarios/cities/none.json not found' },
      {
        path: '/include/1',
        message: 'must name a part under scenarios/cities/ or scenarios/packages/ ending in .json',
      },
      { path: '/include/2', message: 'scenarios/cities/n.json includes further parts; parts may not be nested' },
    ]);
  });

  it('takes a part inline, merged as a file would be, and refuses a nested include inside it', () => {
    const pkg = { targets: [1], sources: { '/targets': 'B' } };
    const load = (f: string) => (f === 'scenarios/packages/b.json' ? pkg : undefined);
    const inline = { baseYear: 2015, zones: [{ id: 'z' }], sources: { '/baseYear': 'A' } };
    const { doc, issues } = resolveIncludes({ include: [inline, 'scenarios/packages/b.json'], baseYear: 2016 }, load);
    expect(issues).toEqual([]);
    expect(doc).toMatchObject({
      baseYear: 2016,
      zones: [{ id: 'z' }],
      targets: [1],
      sources: { '/baseYear': 'A', '/targets': 'B' },
    });
    // The inline part is the file's, not a copy the merge may change.
    expect(inline.sources).toEqual({ '/baseYear': 'A' });

    const nested = resolveIncludes(
      { include: ['scenarios/packages/b.json', { include: ['scenarios/packages/b.json'], baseYear: 2015 }] },
      load,
    );
    expect(nested.issues).toEqual([
      {
        path: '/include/1/include',
        message: 'an inline part may not include further parts; parts may not be nested',
      },
    ]);
    expect(resolveIncludes({ include: [42] }, load).issues).toEqual([
      { path: '/include', message: 'must be a list of file paths or inline parts' },
    ]);
    // A bad key inside an inline part is reported once, at its place in the part.
    const proto = JSON.parse('{"include":[{"base":{"__proto__":{"x":1}}}]}') as unknown;
    expect(resolveIncludes(proto, load).issues).toEqual([
      { path: '/include/0/base/__proto__', message: '"__proto__" is not a field of the scenario format' },
    ]);
  });

  it('loads and validates a scenario whose city part is inline (the schema takes it)', () => {
    const load = nodeDataLoader();
    const city = load('scenarios/cities/changzhou.json') as Record<string, unknown>;
    const s = loadScenario(
      { version: 1, id: 'inline', name: 'inline', include: [city, 'scenarios/packages/changzhou-2016.json'] },
      (f) => (f.startsWith('scenarios/cities/') ? undefined : load(f)),
    );
    expect(s.base.residentPop).toBe(4_701_400);
    expect(s.policy.zones.town.channels[0].id).toBe('town-housing');
    expect(() =>
      loadScenario({ version: 1, id: 'inline', name: 'inline', include: [{ ...city, include: [] }] }, load),
    ).toThrow(/\/include\/0\/include: an inline part may not include further parts/);
  });

  it('loads a preset made of a city part and a package part', () => {
    const s = loadScenario(
      {
        version: 1,
        id: 'mix',
        name: 'mix',
        include: ['scenarios/cities/changzhou.json', 'scenarios/packages/changzhou-2016.json'],
      },
      nodeDataLoader(),
    );
    expect(s.policy.zones.town.channels[0].id).toBe('town-housing');
    expect(s.base.residentPop).toBe(4_701_400);
  });
});
