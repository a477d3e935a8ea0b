/** The width of an element in whole CSS pixels, followed as it changes (a chart is drawn to it). */
import { useEffect, useState, type RefObject } from 'react';

/**
 * `fallback` where the page cannot be measured (no ResizeObserver: old test DOMs), else 0 until the first
 * measure. `key` re-observes when the element is replaced (a holder shown again). Whole pixels only, so
 * sub-pixel jitter does not redraw.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 0, key: unknown = null): number {
  const [width, setWidth] = useState(() => (typeof ResizeObserver === 'undefined' ? fallback : 0));
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // The observer reports the first size at once.
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, key]);
  return width;
}
