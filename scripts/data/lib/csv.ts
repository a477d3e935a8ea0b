/**
 * Minimal RFC 4180 CSV parser: quoted fields, doubled quotes inside quotes,
 * commas and newlines inside quotes, CRLF or LF line ends, optional UTF-8 BOM.
 * Returns every record as an array of raw strings (no type conversion).
 */
import { readFileSync } from 'node:fs';

export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
