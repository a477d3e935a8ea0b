/** CSV of a result: one row per year, one column per series, nested keys joined by ".". */
import type { ProjectionResult } from '../scenario/result';

function flatten(prefix: string, v: unknown, out: [string, (number | null)[]][]): void {
  if (Array.isArray(v)) out.push([prefix, v as (number | null)[]]);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) flatten(prefix ? `${prefix}.${k}` : k, x, out);
}

const numberOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * A text cell a spreadsheet will not run: one starting with =, +, -, @, a tab or a carriage return (a
 * formula to Excel and its kin) gets a leading apostrophe, unless it is a plain number ("-1.5").
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? `'${text}` : text;
}

const cell = (x: number | null | string) =>
  x === null ? '' : typeof x === 'string' ? `"${spreadsheetSafe(x).replace(/"/g, '""')}"` : String(x);

/**
 * `extra` adds columns by year from other sections indexed like `years` (e.g. `{ uncertainty: { p5: {…} } }`
 * → `uncertainty.p5.residentUrbanRate`).
 */
export function resultToCsv(r: ProjectionResult, extra?: Record<string, unknown>): string {
  const cols: [string, (number | null)[]][] = [];
  flatten('', r.series, cols);
  if (r.fiscal) flatten('fiscal', r.fiscal, cols);
  // The land section's series (its settings and the list of zones without new land are no columns).
  if (r.land) {
    const { settlers, reclaimedHa, netHa, netHaCumulative } = r.land;
    flatten('land', { settlers, reclaimedHa, netHa, netHaCumulative }, cols);
  }
  if (extra) flatten('', extra, cols);
  const header = ['year', ...cols.map(([k]) => k), 'hukouDefinition'];
  const lines = [header.map((h) => cell(h)).join(',')];
  r.years.forEach((y, i) => {
    lines.push([String(y), ...cols.map(([, a]) => cell(numberOrNull(a[i]))), cell(r.hukouDefinition[i])].join(','));
  });
  return lines.join('\n') + '\n';
}
