/** Shared pieces of the task-table builders: the seed files, Chinese numerals, bureau lists, the task row. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { assert, repoRoot } from './lib/util';

export const seedsDir = resolve(repoRoot, '..', 'shared', 'seeds');
export const seedLabel = (f: string): string => `shared/seeds/${f}`;

export function seedFile(prefix: string): string {
  const hits = readdirSync(seedsDir)
    .filter((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'))
    .sort();
  assert(hits.length === 1, `exactly one seed file ${prefix}_*.txt`);
  return hits[0]!;
}

export const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一 … 九十九 (enough for task numbers). */
export function cnNumber(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  assert(m !== null && s.length > 0, `Chinese numeral "${s}"`);
  const [, a, ten, b] = m;
  if (!ten) return CN_DIGITS[a!]!;
  return (a ? CN_DIGITS[a]! : 1) * 10 + (b ? CN_DIGITS[b]! : 0);
}

/** Bureaus in a list like "市公安局、市发改委、市人社局等"; "、" inside brackets does not split ("县（市、区）政府"). */
export function splitBureaus(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s.replace(/等$/, '')) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth--;
    if (ch === '、' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The short heading: a first sentence without commas, followed by more text. */
export function heading(text: string): string | null {
  const k = text.indexOf('。');
  if (k <= 0 || k === text.length - 1) return null;
  const first = text.slice(0, k);
  return /[，,；;]/.test(first) || first.length > 30 ? null : first;
}

export type DocKey = 'doc000' | 'doc001' | 'doc002' | 'doc003';

export interface Task {
  no: number;
  label: string;
  section?: string;
  title: string | null;
  text: string;
  lead: string[];
  partners: string[];
  responsibility: string;
  levers: string[];
  leverNote?: string;
  note?: string;
}
