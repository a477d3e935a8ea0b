/**
 * A legend drawn inside the chart's own `<svg>`, not as Plot's separate HTML legend: an exported SVG or
 * PNG then carries its key, and no inline `<style>` is needed (the page's Content-Security-Policy forbids
 * it). Items wrap into rows from an estimate of text width, so layout needs no font measurement and is
 * the same in Node, jsdom and the browser.
 */
export type LegendKind = 'swatch' | 'line' | 'dashed' | 'dot' | 'hollow' | 'band';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly kind: LegendKind;
  /** Longer explanation, shown as a tooltip (and read by screen readers). */
  readonly note?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export const LEGEND_FONT_SIZE = 12;
const ROW = 20;
const KEY = 18; // width of the key symbol
const GAP = 6; // symbol to text
const SPACING = 18; // between items

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

/** Rows of items that fit in `width`, starting at `left`; an item wider than a row gets a row of its own. */
export function layoutLegend(items: readonly LegendItem[], width: number, left: number): LegendLayout {
  if (items.length === 0) return { height: 0, positions: [] };
  const positions: { x: number; y: number }[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const w = KEY + GAP + textWidth(item.label);
    if (x > left && x + w > width - 4) {
      x = left;
      row++;
    }
    positions.push({ x, y: row * ROW });
    x += w + SPACING;
  }
  return { height: (row + 1) * ROW + 8, positions };
}

function keySymbol(doc: Document, item: LegendItem): SVGElement {
  const el = (name: string, attrs: Record<string, string | number>) => {
    const e = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const mid = ROW / 2;
  switch (item.kind) {
    case 'swatch':
      return el('rect', { x: 2, y: mid - 6, width: 14, height: 12, fill: item.color });
    case 'band':
      return el('rect', { x: 0, y: mid - 6, width: KEY, height: 12, fill: item.color, 'fill-opacity': 0.2 });
    case 'line':
      return el('line', { x1: 0, x2: KEY, y1: mid, y2: mid, stroke: item.color, 'stroke-width': 2.5 });
    case 'dashed':
      return el('line', {
        x1: 0,
        x2: KEY,
        y1: mid,
        y2: mid,
        stroke: item.color,
        'stroke-width': 1.5,
        'stroke-dasharray': '4,3',
      });
    case 'dot':
      return el('circle', { cx: KEY / 2, cy: mid, r: 4.5, fill: item.color, stroke: 'white', 'stroke-width': 1 });
    case 'hollow':
      return el('circle', { cx: KEY / 2, cy: mid, r: 4, fill: 'white', stroke: item.color, 'stroke-width': 1.5 });
  }
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
    text.textContent = item.label;
    entry.append(text);
    if (item.note) {
      const title = doc.createElementNS(SVG_NS, 'title');
      title.textContent = item.note;
      entry.append(title);
    }
    g.append(entry);
  });
  return { g, height };
}
