/**
 * A CSV download of a Compare table, with the `[data-export="csv"]` hook and the wording of the chart
 * cards' buttons; the file is made when clicked, from the table on screen.
 */
import { useState } from 'react';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { download } from '../services';

export function CsvButton({
  lang,
  label,
  fileName,
  csv,
  what,
}: {
  lang: Lang;
  /** What the table is, for screen readers: "导出 CSV：<label>". */
  label: string;
  fileName: string;
  csv: () => string;
  /** The `data-compare-export` hook: which table. */
  what: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const text = by(lang, '导出 CSV', 'Export CSV');
  return (
    <div className="chart-export compare-export" data-compare-export={what}>
      <button
        type="button"
        data-export="csv"
        aria-label={by(lang, `${text}：${label}`, `${text}: ${label}`)}
        onClick={() => {
          setError(null);
          try {
            download(csv(), fileName, 'text/csv;charset=utf-8');
          } catch (e) {
            setError(`${by(lang, '导出失败：', 'Export failed: ')}${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      >
        {text}
      </button>
      {error && (
        <span className="chart-export-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
