/**
 * The layers point one way (ARCHITECTURE.md): model → scenario → analysis → runner → workers → state → ui,
 * the command line beside the interface. Read from the import statements of every source file, so a folder
 * cycle (analysis ↔ runner, runner ↔ workers, state → ui, as once) fails here as well as in the lint.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/runner/node-loader';

const LAYERS = ['model', 'scenario', 'analysis', 'runner', 'workers', 'state', 'ui'] as const;
/** Folder → the folders it may import (its own layer and those below); cli sits beside ui. */
const rank = (f: string) => (f === 'cli' ? LAYERS.indexOf('ui') : LAYERS.indexOf(f as (typeof LAYERS)[number]));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** The folder of a file: src/<folder>/… or workers. */
const folderOf = (file: string): string | null => {
  const r = relative(PROJECT_ROOT, file).split('/');
  return r[0] === 'workers' ? 'workers' : r[0] === 'src' && r.length > 2 ? r[1] : null;
};

function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of [...files(resolve(PROJECT_ROOT, 'src')), ...files(resolve(PROJECT_ROOT, 'workers'))]) {
    const from = folderOf(file);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const to = folderOf(resolve(dirname(file), m[1]));
      if (to && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

describe('the layers', () => {
  const graph = folderImports();
  it('read some imports (so the checks below check something)', () => {
    expect(graph.get('ui')?.has('state')).toBe(true);
    expect(graph.get('scenario')?.has('model')).toBe(true);
  });
  it('point one way: no folder imports a folder above it', () => {
    const upward = [...graph].flatMap(([from, tos]) =>
      [...tos].filter((to) => rank(to) > rank(from) || (from !== 'cli' && to === 'cli')).map((to) => `${from} → ${to}`),
    );
    expect(upward).toEqual([]);
  });
  it('the command line reads only the page’s link format from the state, nothing of the interface', () => {
    const cliFiles = files(resolve(PROJECT_ROOT, 'src/cli'));
    const stateImports = cliFiles.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from\s+['"](\.\.\/state\/[^'"]+)['"]/g)].map((m) => m[1]),
    );
    expect(stateImports.every((p) => /^\.\.\/state\/(doc|url|lang)$/.test(p))).toBe(true);
    expect(graph.get('cli')?.has('ui') ?? false).toBe(false);
  });
});
