/**
 * Bring your own city, the header of a CSV table: which column is the age, and which are the women and
 * men (all, urban, rural; or the census's 城市 and 镇, summed as 城镇), in English or Chinese.
 */
import { bi } from './import-city-text';

type Area = 'total' | 'urban' | 'rural' | 'city' | 'town';
export type Key = 'age' | `${'female' | 'male'}_${Area}`;

export const ACCEPTED = bi(
  '表头应为 年龄,女,男 或 年龄,城镇女,城镇男,乡村女,乡村男',
  'give age,female,male or age,female_urban,male_urban,female_rural,male_rural',
);

/** What a header cell names: the age column, a sex and area column, or nothing this import reads. */
export function headerKey(cell: string): Key | null {
  const h = cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s_\-.:/]+/g, ' ')
    .trim();
  if (/^(age|age group|年龄|年龄组|年龄段|年龄别|岁数)$/.test(h)) return 'age';
  if (/[\u4e00-\u9fff]/.test(h)) {
    const t = h.replace(/ /g, '').replace(/(性|人口|人数)/g, '');
    const sex = /^.*女$/.test(t) ? 'female' : /^.*男$/.test(t) ? 'male' : null;
    if (!sex) return null;
    const area = t.slice(0, -1);
    const a: Area | null =
      area === ''
        ? 'total'
        : area === '城镇'
          ? 'urban'
          : area === '乡村' || area === '农村'
            ? 'rural'
            : area === '城市'
              ? 'city'
              : area === '镇'
                ? 'town'
                : null;
    return a ? `${sex}_${a}` : null;
  }
  const words = h.split(' ');
  const sexes = words.filter((w) => w === 'female' || w === 'male');
  const areas = words.filter((w) => ['urban', 'rural', 'city', 'town'].includes(w));
  if (sexes.length !== 1 || areas.length > 1 || words.length !== sexes.length + areas.length) return null;
  return `${sexes[0] as 'female' | 'male'}_${(areas[0] ?? 'total') as Area}`;
}

/** Where each column this import reads sits; `city`+`town` columns stand in for `urban` when it is missing. */
export function layout(header: string[]): { age: number; cols: Record<string, number[]>; split: boolean } | null {
  const at = new Map<Key, number>();
  header.forEach((c, i) => {
    const k = headerKey(c);
    if (k && !at.has(k)) at.set(k, i);
  });
  if (!at.has('age')) return null;
  const one = (k: Key) => (at.has(k) ? [at.get(k)!] : null);
  const urban = (sex: 'female' | 'male') =>
    one(`${sex}_urban`) ??
    (at.has(`${sex}_city`) && at.has(`${sex}_town`) ? [at.get(`${sex}_city`)!, at.get(`${sex}_town`)!] : null);
  const split = { female_urban: urban('female'), male_urban: urban('male') };
  const rural = { female_rural: one('female_rural'), male_rural: one('male_rural') };
  if (Object.values({ ...split, ...rural }).every((v) => v))
    return { age: at.get('age')!, cols: { ...split, ...rural } as Record<string, number[]>, split: true };
  if (at.has('female_total') && at.has('male_total'))
    return { age: at.get('age')!, cols: { female: one('female_total')!, male: one('male_total')! }, split: false };
  return { age: at.get('age')!, cols: {}, split: false };
}
