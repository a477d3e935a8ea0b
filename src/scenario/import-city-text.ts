/**
 * Bring your own city, the text layer: the bytes of a table as a spreadsheet saves them (UTF-8 with or
 * without a byte-order mark, GBK from a Chinese Excel, UTF-16 "Unicode text"), RFC 4180 rows (quoted
 * fields, `"1,000"`, doubled quotes, commas or tabs between fields), counts with thousands separators,
 * and age labels as statistical yearbooks write them (`0岁`, `1-4岁`, `85岁及以上`, `85+`).
 *
 * Messages are given in Chinese, then English: {@link bi}.
 */

/** A message in both languages: Chinese first, then English. */
export const bi = (zh: string, en: string): string => `${zh} / ${en}`;

export type TableEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/**
 * The text of a table file: a byte-order mark decides (UTF-8, UTF-16); otherwise bytes that are valid
 * UTF-8 are UTF-8, and any others are read as GBK (what Excel saves as "CSV" on a Chinese Windows).
 */
export function decodeTable(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
  const has = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (has(0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (has(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (has(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

export interface CsvRow {
  /** Line of the file where the row starts (1-based). */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Splits CSV text into rows (RFC 4180): a field in double quotes may hold the separator, line breaks and
 * doubled quotes (`"1,000"`, `"a ""b"""`). The separator is a comma, or a tab when the first line has
 * tabs and no commas (Excel's "Unicode text"). Cells are trimmed; rows with no content are dropped.
 * Hand-written rather than d3-dsv's parser: spreadsheets and people write `2020, "1,000"`, a quote after a
 * space, which d3-dsv reads as part of the cell (it splits the count in two).
 */
export function splitCsv(text: string): CsvRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c !== '')) rows.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
  }
  endRow();
  return rows;
}

/**
 * A count as a spreadsheet writes it: `1000`, `1,000` or `1 000` (thousands grouped by three), `1_000`,
 * full-width digits, a decimal point. Null when it is not one (`1,5` is refused: a decimal comma or a typo).
 */
export function parseCount(raw: string): number | null {
  const t = raw.normalize('NFKC').trim();
  if (t === '') return null;
  const plain = /^[+-]?\d{1,3}([, _\u00a0]\d{3})+(\.\d+)?$/.test(t)
    ? t.replace(/[, _\u00a0]/g, '')
    : t.replace(/_/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return null;
  const v = Number(plain);
  return Number.isFinite(v) ? v : null;
}

/**
 * Parses an age label into [first age, last age or null when open]: `0`, `0岁`, `1-4`, `1～4岁`, `1至4岁`,
 * `85+`, `85岁及以上`, `85岁以上`, `100+岁`. Null when it is none.
 */
export function parseAge(label: string): [number, number | null] | null {
  const t = label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(周岁|岁)/g, '');
  let m = /^(\d+)$/.exec(t);
  if (m) return [Number(m[1]), Number(m[1])];
  m = /^(\d+)[-–—~至到](\d+)$/.exec(t);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^(\d+)(\+|及以上|以上|及更高|orover|andover|andolder)$/i.exec(t);
  if (m) return [Number(m[1]), null];
  return null;
}

/** A row label that stands for the sum of the others (合计, 总计, total), skipped with a note. */
export const isTotalLabel = (label: string): boolean =>
  /^(合计|总计|小计|总人口|全部|total|all|sum)$/i.test(label.trim());
