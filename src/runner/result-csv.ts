/** CSV of a result: one row per year, one column per series, nested keys joined by ".". */
import type { ProjectionResult } from '../scenario/result';

function flatten(prefix: string, v: unknown, out: [string, (number | null)[]][]): void {
  if (Array.isArray(v)) out.push([prefix, v as (number | null)[]]);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) flatten(prefix ? `${prefix}.${k}` : k, x, out);
}

const cell = (x: number | null | string) =>
  x === null ? '' : typeof x === 'string' ? `"${x.replace(/"/g, '""')}"` : String(x);

export function resultToCsv(r: ProjectionResult): string {
  const cols: [string, (number | null)[]][] = [];
  flatten('', r.series, cols);
  if (r.fiscal) flatten('fiscal', r.fiscal, cols);
  const header = ['year', ...cols.map(([k]) => k), 'hukouDefinition'];
  const lines = [header.map((h) => cell(h)).join(',')];
  r.years.forEach((y, i) => {
    lines.push([String(y), ...cols.map(([, a]) => cell(a[i] ?? null)), cell(r.hukouDefinition[i])].join(','));
  });
  return lines.join('\n') + '\n';
}
