/**
 * The atlas's table (`[data-atlas-table]`): every city's figures for the chosen year, searchable by name or
 * province (`[data-atlas-search]`), sorted by any column (click its header), a row opening the city.
 */
import { useMemo, useState } from 'react';
import type { AtlasRow } from '../../analysis/atlas-run';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { ATLAS_METRICS, residents, type AtlasMetricDef } from './atlas-metrics';

type Column = 'name' | 'province' | 'residentPop' | AtlasMetricDef['id'];
const SIZE: Record<string, [string, string]> = {
  mega: ['超大城市', 'megacity'],
  super: ['特大城市', 'very large'],
  largeI: ['I型大城市', 'large I'],
  largeII: ['II型大城市', 'large II'],
  medium: ['中等城市', 'medium'],
  small: ['小城市', 'small'],
};

export function AtlasTable({
  rows,
  metric,
  lang,
  onOpen,
}: {
  rows: readonly AtlasRow[];
  metric: AtlasMetricDef;
  lang: Lang;
  onOpen: (code: string, name: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: metric.id, desc: true });
  const shown = useMemo(() => {
    const q = query.trim();
    const kept = q ? rows.filter((r) => r.name.includes(q) || r.province.includes(q) || r.code.startsWith(q)) : rows;
    const key = (r: AtlasRow): number | string => {
      if (sort.by === 'name' || sort.by === 'province') return r[sort.by];
      if (sort.by === 'residentPop') return r.residentPop;
      return ATLAS_METRICS.find((m) => m.id === sort.by)!.value(r) ?? -Infinity;
    };
    return [...kept].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh') : x - (y as number);
      return sort.desc ? -c : c;
    });
  }, [rows, query, sort]);
  const header = (col: Column, label: string) => (
    <th
      key={col}
      scope="col"
      aria-sort={sort.by === col ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      data-atlas-sort={col}
      onClick={() => setSort((s) => ({ by: col, desc: s.by === col ? !s.desc : true }))}
    >
      {label}
      {sort.by === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </th>
  );
  return (
    <div className="atlas-table-wrap">
      <label className="atlas-search">
        {by(lang, '查找城市或省份', 'Find a city or province')}{' '}
        <input type="search" data-atlas-search="" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <table className="atlas-table" data-atlas-table="">
        <thead>
          <tr>
            {header('name', by(lang, '城市', 'City'))}
            {header('province', by(lang, '省份', 'Province'))}
            <th scope="col">{by(lang, '规模', 'Size')}</th>
            {header('residentPop', by(lang, '常住人口', 'Residents'))}
            {ATLAS_METRICS.map((m) => header(m.id, by(lang, m.zh, m.en)))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.code} data-atlas-row={r.code} onClick={() => onOpen(r.code, r.name)}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={(e) => {
                    e.stopPropagation(); // the row opens it too: once is enough
                    onOpen(r.code, r.name);
                  }}
                >
                  {r.name}
                </button>
              </th>
              <td>{r.province}</td>
              <td>{by(lang, ...(SIZE[r.sizeClass] ?? [r.sizeClass, r.sizeClass]))}</td>
              <td>{residents(r, lang)}</td>
              {ATLAS_METRICS.map((m) => (
                <td key={m.id} className={m.id === metric.id ? 'atlas-chosen' : undefined}>
                  {m.format(m.value(r), lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
