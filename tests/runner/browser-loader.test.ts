import { describe, expect, it } from 'vitest';
import { browserDataLoader, bundledDataFiles } from '../../src/runner/browser-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';

describe('browser data loader', () => {
  const load = browserDataLoader();

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
