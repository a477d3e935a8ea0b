import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUncertaintyNode } from '../../src/runner/node-pool';
import { runUncertaintySync } from '../../src/analysis/uncertainty';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { ValidationError } from '../../src/scenario/issues';

const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('runUncertaintyNode', () => {
  it('gives the same bytes with 1 thread, 2 threads and on this thread', { timeout: 60_000 }, async () => {
    const overrides = [{ pointer: '/willingness/serviceLevel', value: 0.6 }];
    const snapshots: number[] = [];
    const one = await runUncertaintyNode({ raw, overrides, runs: 30, seed: 17, threads: 1, batchSize: 8 });
    // Small batches over two threads: runs arrive out of order and wait in the reorder buffer.
    const two = await runUncertaintyNode({
      raw,
      overrides,
      runs: 30,
      seed: 17,
      threads: 2,
      batchSize: 3,
      onProgress: (s) => snapshots.push(s.completed),
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(runUncertaintySync(raw, nodeDataLoader(), overrides, 30, 17))).toBe(JSON.stringify(one));
    expect(snapshots).toHaveLength(10);
    expect(snapshots.at(-1)).toBe(30);
    expect([...snapshots].sort((a, b) => a - b)).toEqual(snapshots);
  });

  it('reports an invalid scenario before starting any worker', async () => {
    await expect(runUncertaintyNode({ raw: { ...raw, until: 'soon' }, runs: 5, seed: 1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('stops every worker and rejects when aborted', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const run = runUncertaintyNode({
      raw,
      runs: 1000,
      seed: 1,
      threads: 2,
      batchSize: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
