/**
 * The export buttons of a chart card: PNG, SVG and CSV downloads and a copy to the clipboard, each
 * labelled with the chart's title for screen readers, with a short status after a copy or a failure.
 */
import { useEffect, useState } from 'react';
import { download } from '../services';
import type { ChartContext, ChartSpec } from '../charts/types';
import {
  chartCsvText,
  chartPngBlob,
  chartSvgText,
  copyChart,
  DEFAULT_EXPORT_WIDTH,
  downloadBlob,
  exportFileName,
  type ExportKind,
} from './chart-export';
import './export.css';

type Action = ExportKind | 'copy';

const LABELS: Record<Action, [zh: string, en: string]> = {
  png: ['导出 PNG', 'Export PNG'],
  svg: ['导出 SVG', 'Export SVG'],
  csv: ['导出 CSV', 'Export CSV'],
  copy: ['复制图片', 'Copy image'],
};

/** How long a success message stays; errors stay until the next action. */
const STATUS_MS = 4000;

export function ChartExport({ spec, ctx, width }: { spec: ChartSpec; ctx: ChartContext; width?: number }) {
  const zh = ctx.lang !== 'en';
  const [busy, setBusy] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The card's drawing width, so the file shows the chart as laid out on screen.
  const w = width !== undefined && width > 0 ? width : DEFAULT_EXPORT_WIDTH;

  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(() => setDone(null), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [done]);

  const run = async (action: Action) => {
    setBusy(action);
    setDone(null);
    setError(null);
    try {
      // Drawn now, from the context on screen (the pyramid's year included).
      const svg = action === 'csv' ? '' : chartSvgText(spec, ctx, w);
      if (action === 'copy') {
        const what = await copyChart(svg, ctx.lang);
        setDone(
          what === 'png'
            ? zh
              ? '复制成功'
              : 'Copied'
            : zh
              ? '已复制 SVG 文本（此浏览器不能复制图片）'
              : 'Copied as SVG text (this browser cannot copy images)',
        );
      } else if (action === 'png') {
        downloadBlob(await chartPngBlob(svg), exportFileName(spec, ctx, 'png'));
      } else if (action === 'svg') {
        download(svg, exportFileName(spec, ctx, 'svg'), 'image/svg+xml;charset=utf-8');
      } else {
        download(chartCsvText(spec, ctx), exportFileName(spec, ctx, 'csv'), 'text/csv;charset=utf-8');
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setError(action === 'copy' ? why : `${zh ? '导出失败：' : 'Export failed: '}${why}`);
    } finally {
      setBusy(null);
    }
  };

  const title = spec.title(ctx);
  return (
    <div className="chart-export" role="group" aria-label={zh ? `导出：${title}` : `Export: ${title}`}>
      {(Object.keys(LABELS) as Action[]).map((action) => {
        const label = LABELS[action][zh ? 0 : 1];
        return (
          <button
            key={action}
            type="button"
            data-export={action}
            aria-label={zh ? `${label}：${title}` : `${label}: ${title}`}
            disabled={busy !== null}
            onClick={() => void run(action)}
          >
            {label}
          </button>
        );
      })}
      {/* Always present, so that screen readers announce the message when it appears. */}
      <span className="chart-export-status" role="status">
        {done}
      </span>
      {error && (
        <span className="chart-export-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
