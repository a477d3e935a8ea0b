/**
 * The URL hash: `#/<route>?s=<document>&lang=en&y=2020`. The document is {@link encodeDoc}'s text, so a
 * copied link carries the whole scenario; the rest is the view. `p=<preset id>` opens a bundled preset
 * (a short link to one, e.g. `#/workspace?p=changzhou-2016`), where the link carries no document.
 */
import type { Lang } from './lang';

export type Route = 'workspace' | 'analyses' | 'compare' | 'tasks' | 'library' | 'brief' | 'atlas';
export const ROUTES: readonly Route[] = ['workspace', 'analyses', 'compare', 'tasks', 'library', 'brief', 'atlas'];

export interface HashState {
  readonly route: Route;
  /** Encoded document, if the link carries one. */
  readonly code: string | null;
  /** A bundled preset to open, if the link names one (and carries no document). */
  readonly preset?: string | null;
  readonly lang: Lang | null;
  readonly year: number | null;
}

export function parseHash(hash: string): HashState {
  const text = hash.replace(/^#/, '');
  const [path, query = ''] = text.split('?', 2);
  const name = path.replace(/^\//, '');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'workspace';
  const q = new URLSearchParams(query);
  const lang = q.get('lang');
  const y = Number(q.get('y'));
  return {
    route,
    code: q.get('s') || null,
    preset: q.get('p') || null,
    lang: lang === 'en' || lang === 'zh' ? lang : null,
    year: q.has('y') && Number.isInteger(y) && y > 1900 && y < 2200 ? y : null,
  };
}

export function formatHash(s: HashState): string {
  const q = new URLSearchParams();
  if (s.code) q.set('s', s.code);
  if (s.lang && s.lang !== 'zh') q.set('lang', s.lang);
  if (s.year !== null) q.set('y', String(s.year));
  const query = q.toString();
  return `#/${s.route}${query ? '?' + query : ''}`;
}
