/**
 * Minimal reader for the first worksheet of an .xlsx file, with Node's zlib
 * only (no dependency): zip central directory → inflate → shared strings and
 * cell values by regular expressions. Enough for the plain tables compiled
 * by leiii/census; not a general xlsx parser (no dates, formulas, styles).
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

function zipEntries(buf: Buffer): Map<string, Buffer> {
  // End of central directory record: signature 0x06054b50, searched from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: no zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('xlsx: bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const lNameLen = buf.readUInt16LE(localOffset + 26);
    const lExtraLen = buf.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + lNameLen + lExtraLen;
    const data = buf.subarray(start, start + compSize);
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) out.set(name, inflateRawSync(data));
    else throw new Error(`xlsx: unsupported compression ${method} for ${name}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

const colIndex = (ref: string): number => {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

const cache = new Map<string, string[][]>();

/** Rows of the first worksheet as arrays of strings (empty string for a missing cell). Cached per file. */
export function readXlsxFirstSheet(file: string): string[][] {
  const hit = cache.get(file);
  if (hit) return hit;
  const rows = parseFirstSheet(file);
  cache.set(file, rows);
  return rows;
}

function parseFirstSheet(file: string): string[][] {
  const entries = zipEntries(readFileSync(file));
  const shared: string[] = [];
  const ssXml = entries.get('xl/sharedStrings.xml')?.toString('utf8');
  if (ssXml) {
    for (const m of ssXml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      const texts = [...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1] ?? '');
      shared.push(unescapeXml(texts.join('')));
    }
  }
  const sheetName = [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  if (!sheetName) throw new Error('xlsx: no worksheet');
  const xml = entries.get(sheetName)!.toString('utf8');
  const rows: string[][] = [];
  for (const rm of xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: string[] = [];
    for (const cm of (rm[1] ?? '').matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const k = colIndex(cm[1] ?? '');
      const attrs = cm[2] ?? '';
      const inner = cm[3] ?? '';
      const vm = /<v>([\s\S]*?)<\/v>/.exec(inner);
      let val = '';
      if (/t="s"/.test(attrs) && vm) val = shared[Number(vm[1])] ?? '';
      else if (/t="inlineStr"/.test(attrs))
        val = unescapeXml([...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      else if (vm) val = unescapeXml(vm[1] ?? '');
      while (row.length < k) row.push('');
      row[k] = val;
    }
    rows.push(row);
  }
  return rows;
}
