import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ChartContext, ChartSpec } from './charts/types';
import './charts/charts.css';
import { ChartExport } from './export/ChartExport';
import { useWidth } from './use-width';

/** Width used where the page cannot be measured (no ResizeObserver: server rendering, old test DOMs). */
const FALLBACK_WIDTH = 640;

/**
 * One chart of the dashboard: title, unit, the chart itself and its source line, with a slot for
 * actions (export buttons, the pyramid's year scrubber). The chart is drawn by `spec.render` outside
 * React, into a container sized by the page, and redrawn when the context or the width changes: at once
 * when on screen; off screen, in idle time once the levers have rested for 0.8 s (at once when scrolled
 * into view or printed), so a lever dragged across its range redraws only the charts the user sees.
 */
export function ChartCard({ spec, ctx, children }: { spec: ChartSpec; ctx: ChartContext; children?: ReactNode }) {
  const holder = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const width = useWidth(holder, FALLBACK_WIDTH);
  const [failure, setFailure] = useState<string | null>(null);
  // Charts off screen wait until they scroll into view (the first drawing in idle time), so that a lever
  // change redraws only what the user sees. Without IntersectionObserver every chart counts as seen.
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  const drawn = useRef<{ ctx: ChartContext; width: number } | null>(null);

  useEffect(() => {
    const el = holder.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setVisible(entries[entries.length - 1].isIntersecting), {
      rootMargin: '100px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = holder.current;
    if (!el || width <= 0) return;
    if (drawn.current?.ctx === ctx && drawn.current.width === width) return;
    const draw = () => {
      let message: string | null = null;
      try {
        el.replaceChildren(spec.render(ctx, width));
      } catch (e) {
        // A chart that cannot draw must not take the page down; the card says so and the rest stays usable.
        el.replaceChildren();
        message = e instanceof Error ? e.message : String(e);
      }
      drawn.current = { ctx, width };
      // Only a change of outcome re-renders the card, so this cannot loop.
      queueMicrotask(() => setFailure(message));
    };
    if (visible) {
      draw();
      return;
    }
    // Off screen: the first drawing in idle time; a stale one once the levers have rested a moment (a
    // slider dragged across its range redraws only what is seen), at once when scrolled into view or printed.
    const idle = typeof requestIdleCallback === 'function';
    let handle = 0;
    const later = () => (handle = idle ? requestIdleCallback(draw, { timeout: 1000 }) : window.setTimeout(draw, 50));
    const wait = drawn.current ? window.setTimeout(later, 800) : (later(), 0);
    window.addEventListener('beforeprint', draw);
    return () => {
      window.clearTimeout(wait);
      if (handle) (idle ? cancelIdleCallback : window.clearTimeout)(handle);
      window.removeEventListener('beforeprint', draw);
    };
  }, [spec, ctx, width, visible]);

  const zh = ctx.lang !== 'en';
  return (
    <section className="chart-card" data-chart={spec.id} aria-labelledby={titleId}>
      <header className="chart-head">
        <h3 id={titleId}>{spec.title(ctx)}</h3>
        <p className="chart-unit">
          {zh ? '单位：' : 'Unit: '}
          {spec.unit(ctx)}
        </p>
      </header>
      <div className="chart-body" ref={holder} />
      {failure !== null && (
        <p className="chart-error" role="alert">
          {zh ? '图表无法绘制：' : 'The chart could not be drawn: '}
          {failure}
        </p>
      )}
      {spec.caption && (
        <p className="chart-caption" data-chart-caption={spec.id}>
          {spec.caption(ctx)}
        </p>
      )}
      <p className="chart-source">{spec.source(ctx)}</p>
      <div className="chart-actions">
        <ChartExport spec={spec} ctx={ctx} width={width} />
        {children}
      </div>
    </section>
  );
}
