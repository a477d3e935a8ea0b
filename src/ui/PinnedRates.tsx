/**
 * The two rates and the gap kept in view (as En-ROADS keeps its main graphs): once the headline chart has
 * scrolled up under the toolbar, a strip pinned below the toolbar shows a small chart of both rates with
 * the gap between them, the previous run faintly, and the figures of the target year against the gap
 * target, so that a lever moved further down the panel can still be watched. It lies over the results
 * (a sticky holder of no height), so appearing does not move the page.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ProjectionResult } from '../scenario/result';
import { RATE_COLORS } from './charts/palette';
import type { Lang } from './charts/types';
import { percent, points } from './format';
import { t } from './i18n';
import { useWidth } from './use-width';

const HEIGHT = 92;

/** The year the strip reports: the first target year of a rate or gap target, else the last year. */
export function pinnedYear(result: ProjectionResult): number {
  const rated = result.targets.filter(
    (x) => ['residentUrbanRate', 'hukouUrbanRate', 'gapPoints'].includes(x.metric) && result.years.includes(x.year),
  );
  return rated.length ? Math.min(...rated.map((x) => x.year)) : result.years[result.years.length - 1];
}

function chart(result: ProjectionResult, baseline: ProjectionResult | null, year: number, width: number) {
  const rows = (r: ProjectionResult) =>
    r.years.map((y, i) => ({
      year: y,
      resident: (r.series.residentUrbanRate[i] ?? NaN) * 100,
      hukou: (r.series.hukouUrbanRate[i] ?? NaN) * 100,
    }));
  const data = rows(result);
  const before = baseline && baseline.years.join() === result.years.join() ? rows(baseline) : null;
  const marks: Plot.Markish[] = [
    Plot.areaY(data, { x: 'year', y1: 'hukou', y2: 'resident', fill: RATE_COLORS.gap, fillOpacity: 0.15 }),
    Plot.ruleX([year], { stroke: '#999', strokeDasharray: '3,3' }),
  ];
  if (before)
    for (const [key, color] of [
      ['resident', RATE_COLORS.resident],
      ['hukou', RATE_COLORS.hukou],
    ] as const)
      marks.push(
        Plot.lineY(before, {
          x: 'year',
          y: key,
          stroke: color,
          strokeOpacity: 0.35,
          strokeDasharray: '4,3',
          className: 'pinned-baseline',
        }),
      );
  marks.push(
    Plot.lineY(data, { x: 'year', y: 'resident', stroke: RATE_COLORS.resident, strokeWidth: 2 }),
    Plot.lineY(data, { x: 'year', y: 'hukou', stroke: RATE_COLORS.hukou, strokeWidth: 2 }),
  );
  const svg = Plot.plot({
    width,
    height: HEIGHT,
    marginTop: 8,
    marginBottom: 20,
    marginLeft: 34,
    marginRight: 18,
    x: { label: null, tickFormat: 'd', ticks: Math.max(2, Math.floor(width / 70)) },
    y: { label: null, ticks: 3, tickFormat: (d: number) => `${d}%` },
    marks,
  });
  // Plot's <style> would be refused by the CSP (style-src 'self'); charts.css carries its rules.
  svg.querySelectorAll(':scope > style').forEach((s) => s.remove());
  svg.setAttribute('font-size', '11');
  svg.querySelectorAll('.pinned-baseline').forEach((g) => g.setAttribute('data-baseline', ''));
  return svg;
}

export function PinnedRates({
  result,
  baseline,
  lang,
  shown,
}: {
  result: ProjectionResult;
  baseline: ProjectionResult | null;
  lang: Lang;
  /** Whether the headline chart is out of view (the strip shows only then). */
  shown: boolean;
}) {
  const holder = useRef<HTMLDivElement>(null);
  // The holder is mounted only while shown: observed again each time.
  const width = useWidth(holder, 0, shown);
  // Its height, for the phone's lever drawer that opens below it.
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = document.documentElement.style;
    const el = strip.current;
    if (!shown || !el || typeof ResizeObserver === 'undefined') {
      root.setProperty('--pinned-h', '0px');
      return;
    }
    const observer = new ResizeObserver(() =>
      root.setProperty('--pinned-h', `${Math.ceil(el.getBoundingClientRect().height)}px`),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.setProperty('--pinned-h', '0px');
    };
  }, [shown]);
  const year = pinnedYear(result);
  useEffect(() => {
    const el = holder.current;
    if (!el || !shown || width <= 0) return;
    el.replaceChildren(chart(result, baseline, year, width));
  }, [result, baseline, year, width, shown]);
  if (!shown) return null;
  const i = result.years.indexOf(year);
  const gapTarget = result.targets.find((x) => x.metric === 'gapPoints' && x.year === year);
  const zh = lang !== 'en';
  return (
    <div className="pinned-holder">
      <div className="pinned-rates" data-pinned-rates="" role="region" aria-label={t('pinnedRates', lang)} ref={strip}>
        <div className="pinned-figures" role="status" aria-atomic="true">
          <strong>
            {year}
            {zh ? '年' : ''}
          </strong>
          <span className="resident">
            {t('pinnedResident', lang)} {percent(result.series.residentUrbanRate[i])}
          </span>
          <span className="hukou">
            {t('pinnedHukou', lang)} {percent(result.series.hukouUrbanRate[i])}
          </span>
          <span data-pinned-gap={result.series.gapPoints[i] ?? ''}>
            {t('pinnedGap', lang)} {points(result.series.gapPoints[i], lang)}
            {gapTarget && (
              <span className={gapTarget.met ? 'met' : 'unmet'}>
                {' '}
                ({zh ? '目标' : 'target'} {gapTarget.comparator === '<=' ? '≤' : '≥'} {gapTarget.target}{' '}
                {gapTarget.met ? '✓' : '✗'})
              </span>
            )}
          </span>
        </div>
        <div className="pinned-chart" data-chart="rates-pinned" aria-hidden="true" ref={holder} />
      </div>
    </div>
  );
}
