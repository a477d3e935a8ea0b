/**
 * CSV reading for the data build: d3-dsv's RFC 4180 parser (quoted fields, doubled quotes, commas and
 * newlines inside quotes, CRLF or LF), with the UTF-8 BOM removed. Every record as an array of raw strings
 * (no type conversion).
 */
import { csvParseRows } from 'd3-dsv';
import { readFileSync } from 'node:fs';

export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // An unterminated quote swallows the rest of the file: refuse it rather than read a wrong table.
  if ((src.match(/"/g)?.length ?? 0) % 2 === 1) throw new Error('CSV: unterminated quoted field');
  return csvParseRows(src);
}

export function readCsv(file: string): string[][] {
  return parseCsv(readFileSync(file, 'utf8'));
}

/** A CSV with a header row, rows as objects keyed by header names. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

export function readTable(file: string): Table {
  const [header, ...body] = readCsv(file);
  if (!header) throw new Error(`CSV ${file} is empty`);
  const rows = body
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => {
      if (r.length !== header.length) {
        throw new Error(`CSV ${file}: row has ${r.length} fields, header has ${header.length}`);
      }
      const o: Record<string, string> = {};
      header.forEach((h, k) => {
        o[h] = r[k] ?? '';
      });
      return o;
    });
  return { header, rows };
}

/**
 * Parses a numeric cell. Empty cells and "NA" are `null`; anything else that
 * is not a finite number throws, so that a format change is noticed.
 */
export function num(cell: string | undefined, where = ''): number | null {
  if (cell === undefined) throw new Error(`missing cell ${where}`);
  const t = cell.trim();
  if (t === '' || t === 'NA') return null;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new Error(`not a number: "${cell}" ${where}`);
  return v;
}

/** Like {@link num} but a missing value is an error. */
export function req(cell: string | undefined, where = ''): number {
  const v = num(cell, where);
  if (v === null) throw new Error(`empty cell ${where}`);
  return v;
}
