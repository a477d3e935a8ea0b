/**
 * A legend drawn inside the chart's own `<svg>`, not as Plot's separate HTML legend: an exported SVG or
 * PNG then carries its key, and no inline `<style>` is needed (the page's Content-Security-Policy forbids
 * it). Items wrap into rows from an estimate of text width, so layout needs no font measurement and is
 * the same in Node, jsdom and the browser.
 */
/**
 * What a legend entry stands for, drawn as that mark: `line` a solid line, `dashed` a dashed line,
 * `target` a target (a dashed rule through a hollow diamond, as the rates and gap charts draw one),
 * `diamond` a hollow diamond alone, `dot` a filled point, `hollow` a hollow point, `swatch` a filled
 * square (bars, stacked areas), `band` a translucent square (a shaded area or interval).
 */
export type LegendKind = 'swatch' | 'line' | 'dashed' | 'target' | 'diamond' | 'dot' | 'hollow' | 'band';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly kind: LegendKind;
  /** Longer explanation, shown as a tooltip (and read by screen readers). */
  readonly note?: string;
  /** The mark's dash pattern (`dashed`, `target`), when it is not the kind's default. */
  readonly dash?: string;
  /** The mark's stroke width (lines, rules), when it is not the kind's default. */
  readonly width?: number;
  /** The mark's opacity: of the fill for `swatch` and `band`, of the stroke for lines. */
  readonly opacity?: number;
}

/** How each kind is drawn unless the item says otherwise: the charts' usual marks. */
export const LEGEND_DEFAULTS = {
  line: { width: 2.5 },
  dashed: { width: 2, dash: '6,4' },
  target: { width: 1.2, dash: '5,4', diamondWidth: 2 },
  band: { opacity: 0.2 },
} as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
export const LEGEND_FONT_SIZE = 12;
const ROW = 20;
const KEY = 22; // width of the key symbol: room for two dashes either side of a target's diamond
const GAP = 6; // symbol to text
const SPACING = 18; // between items
const SQUARE = 12; // side of a swatch or band square
const DIAMOND = 5; // half the diagonal of a target's diamond (Plot's diamond2 at r = 6)

/** Estimated width of text: CJK and full-width forms take a full em, the rest about 0.55 em. */
export function textWidth(text: string, fontSize = LEGEND_FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return em * fontSize;
}

export interface LegendLayout {
  readonly height: number;
  readonly positions: readonly { readonly x: number; readonly y: number }[];
}

/**
 * A label as shown in a legend `width` wide from `left`: one line when it fits a row, else wrapped onto
 * several (between words in English, between characters in Chinese), never cut: a brief on paper has no
 * tooltip to give the rest.
 */
export function labelLines(label: string, width: number, left: number): string[] {
  const max = width - 4 - left - KEY - GAP;
  if (textWidth(label) <= max) return [label];
  // Words and spaces, with each CJK character a word of its own.
  const pieces = label.match(
    /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g,
  ) ?? [label];
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    if (line && textWidth(line + p) > max && /\S/.test(p)) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (!line && !/\S/.test(p)) continue;
    line += p;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** Width of an entry: its key and its longest line. */
const entryWidth = (lines: readonly string[]) => KEY + GAP + Math.max(...lines.map((l) => textWidth(l)));

/** Rows of items that fit in `width`, starting at `left`; an item wider than a row gets rows of its own. */
export function layoutLegend(items: readonly LegendItem[], width: number, left: number): LegendLayout {
  if (items.length === 0) return { height: 0, positions: [] };
  const positions: { x: number; y: number }[] = [];
  let x = left;
  let y = 0;
  let rowHeight = ROW;
  for (const item of items) {
    const lines = labelLines(item.label, width, left);
    const w = entryWidth(lines);
    if (x > left && (x + w > width - 4 || lines.length > 1)) {
      x = left;
      y += rowHeight;
      rowHeight = ROW;
    }
    positions.push({ x, y });
    rowHeight = Math.max(rowHeight, lines.length * ROW);
    // A wrapped entry fills its rows: the next one starts below it.
    x = lines.length > 1 ? width : x + w + SPACING;
  }
  return { height: y + rowHeight + 8, positions };
}

/** A diamond's outline centred at (cx, cy), `h` from the centre to each corner. */
const diamondPath = (cx: number, cy: number, h: number) =>
  `M${cx},${cy - h}L${cx + h},${cy}L${cx},${cy + h}L${cx - h},${cy}Z`;

/** The key of one entry: the mark it stands for, in its colour, dash and width; tagged with its kind. */
export function keySymbol(doc: Document, item: LegendItem): SVGElement {
  const el = (name: string, attrs: Record<string, string | number | undefined>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
    return e;
  };
  const mid = ROW / 2;
  const square = (opacity: number | undefined) =>
    el('rect', {
      x: (KEY - SQUARE) / 2,
      y: mid - SQUARE / 2,
      width: SQUARE,
      height: SQUARE,
      fill: item.color,
      'fill-opacity': opacity,
    });
  const rule = (width: number, dash?: string) =>
    el('line', {
      x1: 0,
      x2: KEY,
      y1: mid,
      y2: mid,
      stroke: item.color,
      'stroke-width': width,
      'stroke-dasharray': dash,
      'stroke-opacity': item.opacity,
    });
  const diamond = (width: number) =>
    el('path', {
      d: diamondPath(KEY / 2, mid, DIAMOND),
      fill: 'none',
      stroke: item.color,
      'stroke-width': width,
    });
  let symbol: SVGElement;
  switch (item.kind) {
    case 'swatch':
      symbol = square(item.opacity);
      break;
    case 'band':
      symbol = square(item.opacity ?? LEGEND_DEFAULTS.band.opacity);
      break;
    case 'line':
      symbol = rule(item.width ?? LEGEND_DEFAULTS.line.width);
      break;
    case 'dashed':
      symbol = rule(item.width ?? LEGEND_DEFAULTS.dashed.width, item.dash ?? LEGEND_DEFAULTS.dashed.dash);
      break;
    case 'target': {
      const d = LEGEND_DEFAULTS.target;
      symbol = el('g', {});
      symbol.append(rule(item.width ?? d.width, item.dash ?? d.dash), diamond(d.diamondWidth));
      break;
    }
    case 'diamond':
      symbol = diamond(item.width ?? LEGEND_DEFAULTS.target.diamondWidth);
      break;
    case 'dot':
      symbol = el('circle', { cx: KEY / 2, cy: mid, r: 4.5, fill: item.color, stroke: 'white', 'stroke-width': 1 });
      break;
    case 'hollow':
      symbol = el('circle', {
        cx: KEY / 2,
        cy: mid,
        r: 4.5,
        fill: 'white',
        stroke: item.color,
        'stroke-width': item.width ?? 2,
      });
      break;
  }
  symbol.setAttribute('data-legend-symbol', item.kind);
  return symbol;
}

/** The legend as an SVG group (and its height), for a chart `width` wide, items from `left`. */
export function drawLegend(
  doc: Document,
  items: readonly LegendItem[],
  width: number,
  left: number,
): { g: SVGGElement; height: number } {
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'chart-legend');
  g.setAttribute('font-size', String(LEGEND_FONT_SIZE));
  g.setAttribute('text-anchor', 'start');
  const { height, positions } = layoutLegend(items, width, left);
  items.forEach((item, i) => {
    const entry = doc.createElementNS(SVG_NS, 'g');
    entry.setAttribute('transform', `translate(${positions[i].x},${positions[i].y + 4})`);
    entry.append(keySymbol(doc, item));
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(KEY + GAP));
    text.setAttribute('y', String(ROW / 2));
    text.setAttribute('dy', '0.35em');
    const lines = labelLines(item.label, width, left);
    if (lines.length === 1) text.textContent = lines[0];
    else
      lines.forEach((line, j) => {
        const span = doc.createElementNS(SVG_NS, 'tspan');
        span.setAttribute('x', String(KEY + GAP));
        if (j > 0) span.setAttribute('dy', String(ROW));
        span.textContent = line;
        text.append(span);
      });
    entry.append(text);
    const tip = item.note ?? '';
    if (tip) {
      const title = doc.createElementNS(SVG_NS, 'title');
      title.textContent = tip;
      entry.append(title);
    }
    g.append(entry);
  });
  return { g, height };
}
