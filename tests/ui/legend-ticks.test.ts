// @vitest-environment jsdom
/**
 * Legend keys drawn as the marks they stand for (a line, a dashed line, a target's dashed rule and hollow
 * diamond, dots, squares), and year ticks that never crowd: no two labels closer than MIN_TICK_GAP at any
 * width, the base year and the target years kept (the fan chart once labelled 2015 and 2016 side by side).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runUncertaintySync } from '../../src/analysis/uncertainty';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { fanChart } from '../../src/ui/charts/fan';
import { MIN_TICK_GAP, yearTicks } from '../../src/ui/charts/frame';
import {
  drawLegend,
  labelLines,
  textWidth,
  keySymbol,
  LEGEND_DEFAULTS,
  type LegendItem,
  type LegendKind,
} from '../../src/ui/charts/legend';
import type { ChartContext } from '../../src/ui/charts/types';

const key = (kind: LegendKind, extra: Partial<LegendItem> = {}) =>
  keySymbol(document, { label: 'x', color: '#123456', kind, ...extra });
const attr = (el: Element | null | undefined, name: string) => el?.getAttribute(name) ?? null;

describe('legend keys', () => {
  it('draw a line as a solid line in its colour', () => {
    const el = key('line');
    expect(el.localName).toBe('line');
    expect(attr(el, 'stroke')).toBe('#123456');
    expect(attr(el, 'stroke-dasharray')).toBeNull();
    expect(Number(attr(el, 'stroke-width'))).toBe(LEGEND_DEFAULTS.line.width);
    expect(Number(attr(key('line', { width: 1.5 }), 'stroke-width'))).toBe(1.5);
  });

  it('draw a dashed line with the dash and width of its mark', () => {
    const el = key('dashed');
    expect(el.localName).toBe('line');
    expect(attr(el, 'stroke-dasharray')).toBe(LEGEND_DEFAULTS.dashed.dash);
    const own = key('dashed', { dash: '4,3', width: 1.2, opacity: 0.45 });
    expect(attr(own, 'stroke-dasharray')).toBe('4,3');
    expect(attr(own, 'stroke-width')).toBe('1.2');
    expect(attr(own, 'stroke-opacity')).toBe('0.45');
  });

  it('draw a target as a dashed rule through a hollow diamond', () => {
    const el = key('target');
    expect(el.localName).toBe('g');
    const rule = el.querySelector('line');
    expect(attr(rule, 'stroke-dasharray')).toBe(LEGEND_DEFAULTS.target.dash);
    expect(attr(rule, 'stroke')).toBe('#123456');
    const diamond = el.querySelector('path');
    expect(attr(diamond, 'fill')).toBe('none');
    expect(attr(diamond, 'stroke')).toBe('#123456');
    // Four corners: a diamond, not a circle or a square.
    expect(attr(diamond, 'd')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}Z$/);
  });

  it('draw a target marker alone as a hollow diamond', () => {
    const el = key('diamond');
    expect(el.localName).toBe('path');
    expect(attr(el, 'fill')).toBe('none');
  });

  it('draw observations as dots, filled or hollow', () => {
    const dot = key('dot');
    expect(dot.localName).toBe('circle');
    expect(attr(dot, 'fill')).toBe('#123456');
    const hollow = key('hollow');
    expect(hollow.localName).toBe('circle');
    expect(attr(hollow, 'fill')).toBe('white');
    expect(attr(hollow, 'stroke')).toBe('#123456');
  });

  it('draw bars and areas as filled squares, bands translucent', () => {
    for (const kind of ['swatch', 'band'] as const) {
      const el = key(kind);
      expect(el.localName).toBe('rect');
      expect(attr(el, 'width')).toBe(attr(el, 'height'));
      expect(attr(el, 'fill')).toBe('#123456');
    }
    expect(attr(key('swatch'), 'fill-opacity')).toBeNull();
    expect(Number(attr(key('band'), 'fill-opacity'))).toBe(LEGEND_DEFAULTS.band.opacity);
    expect(attr(key('band', { opacity: 0.4 }), 'fill-opacity')).toBe('0.4');
  });

  it('tag every key with its kind, next to its label', () => {
    const kinds: LegendKind[] = ['swatch', 'line', 'dashed', 'target', 'diamond', 'dot', 'hollow', 'band'];
    const { g } = drawLegend(
      document,
      kinds.map((kind) => ({ label: kind, color: '#000', kind })),
      800,
      8,
    );
    const entries = [...g.children];
    expect(entries.map((e) => e.querySelector('[data-legend-symbol]')?.getAttribute('data-legend-symbol'))).toEqual(
      kinds,
    );
    expect(entries.map((e) => e.querySelector('text')?.textContent)).toEqual(kinds);
  });
});

describe('legend labels', () => {
  const long = '国务院关于进一步推进户籍制度改革的意见（全国，国发〔2014〕25号）';

  it('stay whole on one line when they fit, and wrap inside the chart, never cut, when they do not', () => {
    expect(labelLines('常州', 320, 8)).toEqual(['常州']);
    const lines = labelLines(long, 320, 8);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(320 - 4 - 8 - 28);
    const english = labelLines('Opinions of the State Council on further advancing hukou reform (national)', 320, 8);
    expect(english.join(' ')).toBe('Opinions of the State Council on further advancing hukou reform (national)');
    const { g, height } = drawLegend(
      document,
      [
        { label: long, color: '#000', kind: 'line', note: '说明' },
        { label: '常州', color: '#111', kind: 'line' },
      ],
      320,
      8,
    );
    const spans = [...g.querySelectorAll('tspan')].map((s) => s.textContent);
    expect(spans).toEqual(lines);
    expect(g.textContent).not.toContain('…');
    // The next entry starts below the wrapped one; the legend is as tall as its rows.
    const y = [...g.querySelectorAll(':scope > g')].map((e) => Number(/,(\d+)/.exec(e.getAttribute('transform')!)![1]));
    expect(y[1]).toBeGreaterThanOrEqual(lines.length * 20);
    expect(height).toBeGreaterThanOrEqual((lines.length + 1) * 20);
    expect(g.querySelector('title')?.textContent).toBe('说明');
  });
});

describe('year ticks', () => {
  /** The least distance between neighbouring ticks, in pixels, on a plot `width` − 76 wide. */
  const tightest = (ticks: number[], from: number, to: number, width: number) => {
    const px = (width - 76) / (to - from + 1);
    return Math.min(...ticks.slice(1).map((t, i) => (t - ticks[i]) * px));
  };

  it.each([2015, 2016, 2017, 2019])('never crowd, from base year %i, at any width', (from) => {
    for (const to of [2025, 2035, 2050]) {
      for (let width = 280; width <= 1600; width += 20) {
        const ticks = yearTicks(from, to, width, [2020]);
        expect(ticks[0], `${from}–${to} at ${width}`).toBe(from);
        expect(tightest(ticks, from, to, width), `${from}–${to} at ${width}: ${ticks}`).toBeGreaterThanOrEqual(
          MIN_TICK_GAP,
        );
        expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
      }
    }
  });

  it('keep a target year when there is room, and drop a regular tick within half a step of the base year', () => {
    expect(yearTicks(2015, 2035, 1180)).not.toContain(2016);
    expect(yearTicks(2015, 2035, 1180)).toContain(2018);
    expect(yearTicks(2015, 2035, 560, [2018])).toContain(2018);
    expect(yearTicks(2015, 2035, 300, [2016])).toEqual([2015, 2020, 2030]);
  });
});

describe('the fan chart', () => {
  let ctx: ChartContext;
  beforeAll(() => {
    const load = nodeDataLoader();
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
    const reply = replyTo(raw, load);
    if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
    ctx = {
      result: reply.result,
      view: reply.view,
      meta: reply.meta,
      lang: 'zh',
      year: 2020,
      uncertainty: runUncertaintySync(raw, load, [], 8, 7),
    };
  }, 60_000);

  /** Tick labels and their x positions (Plot places each tick with a translate). */
  const ticksOf = (svg: SVGSVGElement) =>
    [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => ({
      year: Number(t.textContent),
      x: Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1]),
    }));

  it.each([320, 560, 800, 900, 1180])('has no two year labels closer than MIN_TICK_GAP px at %i px', (width) => {
    const ticks = ticksOf(fanChart.render(ctx, width) as SVGSVGElement);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.every((t) => Number.isFinite(t.x))).toBe(true);
    const gaps = ticks.slice(1).map((t, i) => t.x - ticks[i].x);
    expect(Math.min(...gaps), JSON.stringify(ticks)).toBeGreaterThanOrEqual(MIN_TICK_GAP);
    // The base year and the document's target year stay labelled.
    expect(ticks.map((t) => t.year)).toContain(2015);
    expect(ticks.map((t) => t.year)).toContain(2020);
    expect(ticks.map((t) => t.year)).not.toContain(2016);
  });

  it('keys its bands and its deterministic run as drawn', () => {
    const svg = fanChart.render(ctx, 800) as SVGSVGElement;
    const symbols = [...svg.querySelectorAll('.chart-legend [data-legend-symbol]')];
    expect(symbols.map((s) => s.getAttribute('data-legend-symbol'))).toEqual([
      'line',
      'line',
      'band',
      'band',
      'dashed',
    ]);
    // The deterministic run's line in the chart and its key share dash and width.
    const det = [...svg.querySelectorAll('g[stroke-dasharray]')].find((g) => !g.closest('.chart-legend'));
    expect(det?.getAttribute('stroke-dasharray')).toBe(symbols[4].getAttribute('stroke-dasharray'));
    expect(det?.getAttribute('stroke-width')).toBe(symbols[4].getAttribute('stroke-width'));
    // The inner band's key is darker than the outer's, as the two shades overlap in the chart.
    expect(Number(symbols[3].getAttribute('fill-opacity'))).toBeGreaterThan(
      Number(symbols[2].getAttribute('fill-opacity')),
    );
  });
});
