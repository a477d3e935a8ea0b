import { beforeAll, describe, expect, it } from 'vitest';
import { browserDataLoader, bundledDataFiles, preloadAll, preloadFor } from '../../src/runner/browser-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';

describe('browser data loader: on demand', () => {
  // Runs first (the cache is the module's): nothing is loaded until a scenario asks.
  it('fetches what a scenario reads, and only that', async () => {
    const load = browserDataLoader();
    expect(load('data/cities/changzhou.json')).toBeUndefined();
    await preloadFor(DEFAULT_SCENARIO);
    // 常州's parts, the data its tables name, and its document's task table.
    for (const f of [
      'scenarios/cities/changzhou.json',
      'scenarios/packages/changzhou-2016.json',
      'data/cities/changzhou.json',
      'data/tasks/doc000.json',
    ])
      expect(load(f), f).toBeDefined();
    // Another city's files wait until a scenario of that city asks.
    expect(load('scenarios/cities/guangzhou.json')).toBeUndefined();
    expect(load('data/cities/guangzhou.json')).toBeUndefined();
    const inBrowser = replyTo(DEFAULT_SCENARIO, load);
    expect(inBrowser).toEqual(replyTo(DEFAULT_SCENARIO, nodeDataLoader()));
  });

  it('leaves a bad document for the run to report', async () => {
    await expect(preloadFor({ include: ['scenarios/cities/nowhere.json'], x: { $data: 7 } })).resolves.toBeUndefined();
    await expect(preloadFor('not a scenario')).resolves.toBeUndefined();
  });
});

describe('browser data loader', () => {
  const load = browserDataLoader();
  beforeAll(preloadAll);

  it('bundles every data file and returns what the Node loader reads', () => {
    const files = bundledDataFiles();
    expect(files).toContain('data/demography/mortality-china-2010-2015.json');
    const node = nodeDataLoader();
    for (const f of files) expect(load(f), f).toEqual(node(f));
  });

  it('returns undefined for files that are not bundled', () => {
    expect(load('data/nowhere.json')).toBeUndefined();
    expect(load('package.json')).toBeUndefined();
  });

  it('runs the default scenario to the same result as in Node', () => {
    const inBrowser = replyTo(DEFAULT_SCENARIO, load);
    const inNode = replyTo(DEFAULT_SCENARIO, nodeDataLoader());
    expect(inBrowser.ok).toBe(true);
    expect(inBrowser).toEqual(inNode);
    if (inBrowser.ok) expect(inBrowser.result.series.residentUrbanRate[0]).toBeCloseTo(3291000 / 4701400, 12);
  });
});

describe('replyTo', () => {
  it('turns invalid input into issues instead of throwing', () => {
    const reply = replyTo({ version: 99 }, browserDataLoader());
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.issues.some((i) => i.path === '/version')).toBe(true);
  });

  it('reports a missing data file as an issue', () => {
    const reply = replyTo(DEFAULT_SCENARIO, () => undefined);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.issues[0].message).toMatch(/not found/);
  });
});
