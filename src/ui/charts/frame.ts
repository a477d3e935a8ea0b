/**
 * What every chart shares: the year axis, the font, the in-svg legend and the clean-up that makes
 * Plot's output safe under the page's Content-Security-Policy and self-contained for export.
 */
import * as Plot from '@observablehq/plot';
import { drawLegend, type LegendItem } from './legend';
import type { ChartContext } from './types';

/** Fonts with Chinese glyphs first, so that exported SVG and PNG never show boxes for 汉字. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
export const FONT_SIZE = 12;
/** Height of the plotting area and its axes; the legend adds to it. */
export const PLOT_HEIGHT = 300;

/** Least distance between two year labels' centres, in pixels: a label "2015" is about 27 px wide. */
export const MIN_TICK_GAP = 44;
/** Least distance between regular ticks, in pixels: the step is the smallest round one that keeps it. */
const TICK_SPACING = 60;
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100] as const;
/** Margins of the frame's plotting area unless a chart sets its own (56 left, 20 right). */
const DEFAULT_MARGINS = 76;

/**
 * Integer year ticks on an axis from `from` to `to` (padded half a year either side) `width` pixels wide:
 * every 1, 2, 5, 10… years as the width allows, plus the base year (`from`) and the years in `keep` (a
 * document's target years). No two labels come closer than {@link MIN_TICK_GAP}: a regular tick too close
 * to a kept year (or within half a step of it) is left out, and so is a kept year too close to an earlier
 * kept one (the base year first).
 * Formatted as plain digits ("2020", never "2,020").
 *
 * @param plotWidth the plotting area's width, when the chart's margins are not the frame's defaults
 */
export function yearTicks(
  from: number,
  to: number,
  width: number,
  keep: readonly number[] = [],
  plotWidth = width - DEFAULT_MARGINS,
): number[] {
  if (!(to >= from)) return [];
  const px = Math.max(1, plotWidth) / (to - from + 1); // pixels per year
  const step = STEPS.find((s) => s * px >= TICK_SPACING) ?? STEPS[STEPS.length - 1];
  const ticks: number[] = [];
  // Kept years need room for their labels; a regular tick also gives way within half a step (at most 3
  // years), so that a base year of 2015 reads 2015, 2018, 2020…, not 2015, 2016, 2018….
  const fits = (y: number, years = 0) =>
    ticks.every((t) => t !== y && Math.abs(t - y) * px >= MIN_TICK_GAP && Math.abs(t - y) > years);
  const wanted = [from, ...[...keep].sort((a, b) => a - b)];
  for (const y of wanted) if (Number.isInteger(y) && y >= from && y <= to && fits(y)) ticks.push(y);
  const yielding = Math.min(3, step / 2);
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) if (fits(y, yielding)) ticks.push(y);
  return ticks.sort((a, b) => a - b);
}

export const yearFormat = (d: number): string => String(Math.round(d));

/**
 * The x scale of every time chart: base year to horizon, half a year of padding for the bars; ticks keep
 * the base year and the target years of the scenario's document.
 */
export function timeX(ctx: ChartContext, width: number, plotWidth?: number): Plot.ScaleOptions {
  const { baseYear, until } = ctx.result.scenario;
  return {
    type: 'linear',
    domain: [baseYear - 0.5, until + 0.5],
    ticks: yearTicks(
      baseYear,
      until,
      width,
      ctx.result.targets.map((t) => t.year),
      plotWidth,
    ),
    tickFormat: yearFormat,
    label: null,
  };
}

/** The largest finite value, or `fallback` when there is none or it is not positive (all-zero series). */
export function maxOf(values: Iterable<number | null | undefined>, fallback = 1): number {
  let m = -Infinity;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v) && v > m) m = v;
  return m > 0 ? m : fallback;
}

/** Either a context (for the default year axis) or an explicit x scale, e.g. spanning several scenarios. */
export type FrameSpec = FrameBase &
  ({ readonly ctx: ChartContext; readonly x?: Plot.ScaleOptions } | { readonly x: Plot.ScaleOptions });

interface FrameBase {
  readonly width: number;
  readonly height?: number;
  readonly y: Plot.ScaleOptions;
  readonly marks: readonly Plot.Markish[];
  readonly legend: readonly LegendItem[];
  readonly ariaLabel: string;
  readonly ariaDescription: string;
  readonly marginLeft?: number;
  readonly marginRight?: number;
  readonly marginBottom?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The plot height of charts that set none (PLOT_HEIGHT, or a caller's for the duration of one render). */
let defaultHeight = PLOT_HEIGHT;

/**
 * Renders with another default plot height: the brief draws its charts lower than the screen does, at the
 * width they are printed at, so that they fit the page unscaled (their text stays at 9 pt).
 */
export function withPlotHeight<T>(height: number, render: () => T): T {
  const before = defaultHeight;
  defaultHeight = height;
  try {
    return render();
  } finally {
    defaultHeight = before;
  }
}

/** Renders a Plot chart with the house style and puts the legend on top, inside the svg. */
export function frame(spec: FrameSpec): SVGSVGElement {
  const width = Math.max(280, Math.round(spec.width));
  const height = spec.height ?? defaultHeight;
  const marginLeft = spec.marginLeft ?? 56;
  const marginRight = spec.marginRight ?? 20;
  const out = Plot.plot({
    width,
    height,
    marginTop: 24, // room for the y-axis label, which Plot sets at the top
    marginLeft,
    marginRight,
    marginBottom: spec.marginBottom ?? 30,
    x: spec.x ?? ('ctx' in spec ? timeX(spec.ctx, width, width - marginLeft - marginRight) : undefined),
    y: spec.y,
    color: { type: 'identity' }, // marks give colours directly, from palette.ts
    marks: [...spec.marks],
    ariaLabel: spec.ariaLabel,
    ariaDescription: spec.ariaDescription,
  });
  // Plot returns an svg unless it adds legends or a caption, which these charts never ask of it.
  const svg = out as unknown as SVGSVGElement;
  const doc = svg.ownerDocument;
  // Plot's <style> would be refused by the CSP (style-src 'self'); charts.css carries its rules.
  svg.querySelectorAll(':scope > style').forEach((s) => s.remove());
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', String(FONT_SIZE));
  svg.setAttribute('role', 'img');
  svg.classList.add('chart-svg');

  const { g: legend, height: legendHeight } = drawLegend(doc, spec.legend, width, 8);
  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${legendHeight})`);
  while (svg.firstChild) body.append(svg.firstChild);
  // A white ground: exported PNGs would otherwise be transparent (black in some viewers).
  const ground = doc.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('width', String(width));
  ground.setAttribute('height', String(height + legendHeight));
  ground.setAttribute('fill', 'white');
  svg.append(ground, legend, body);
  svg.setAttribute('height', String(height + legendHeight));
  svg.setAttribute('viewBox', `0 0 ${width} ${height + legendHeight}`);
  return svg;
}
