/**
 * Year paths: a number (constant) or `{ "2015": a, "2020": b }`, linear
 * between the given years and constant beyond the first and last.
 */
import type { PathSpec } from './schema';

export function valueAt(path: PathSpec, year: number): number {
  if (typeof path === 'number') return path;
  const pts = Object.entries(path)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (pts.length === 0) return NaN;
  if (year <= pts[0][0]) return pts[0][1];
  const last = pts[pts.length - 1];
  if (year >= last[0]) return last[1];
  for (let i = 1; i < pts.length; i++) {
    const [y1, v1] = pts[i];
    if (year <= y1) {
      const [y0, v0] = pts[i - 1];
      return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
    }
  }
  return last[1];
}
