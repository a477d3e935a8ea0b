/** Paths, rounding, checks and JSON output shared by the data scripts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const here = dirname(fileURLToPath(import.meta.url));
/** Repository root (scripts/data/lib → ../../..). */
export const repoRoot = resolve(here, '..', '..', '..');
/** Raw CSV files shared between projects (read only). */
export const rawDir = resolve(repoRoot, '..', 'shared', 'data', 'raw');
/** Output folder. */
export const dataDir = resolve(repoRoot, 'data');

export const rawPath = (...p: string[]): string => resolve(rawDir, ...p);
/** Path of a raw file as written in `source` strings. */
export const rawLabel = (...p: string[]): string => ['shared/data/raw', ...p].join('/');

/** Rounds to at most `digits` significant digits (default 8). */
export function sig(x: number, digits = 8): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

export const sigAll = (xs: readonly number[], digits = 8): number[] => xs.map((x) => sig(x, digits));

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Throws unless `cond`; the message says which check failed. */
export function assert(cond: boolean, message: string): asserts cond {
  if (!cond) throw new Error(`check failed: ${message}`);
}

/** Absolute-or-relative closeness test for check records. */
export const close = (a: number, b: number, tol = 1e-9): boolean =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Writes `value` as JSON under data/, formatted with the repository's Prettier config. */
export async function writeJson(relPath: string, value: unknown): Promise<string> {
  const file = resolve(dataDir, relPath);
  mkdirSync(dirname(file), { recursive: true });
  const config = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(JSON.stringify(value, null, 2), {
    ...config,
    filepath: file,
  });
  writeFileSync(file, text);
  return relative(repoRoot, file);
}

/** Writes a Markdown file under data/, formatted with Prettier. */
export async function writeMarkdown(relPath: string, text: string): Promise<string> {
  const file = resolve(dataDir, relPath);
  mkdirSync(dirname(file), { recursive: true });
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
  return relative(repoRoot, file);
}

/** 0, 1, …, n−1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Single-year ages 0 … 100 (100 = open group 100+). */
export const AGES = 101;
export const AGE_STARTS: number[] = range(AGES);
