/**
 * Chart exports: a self-contained SVG file (title, unit and source drawn in), a PNG at twice its size, a
 * CSV of the chart's table laid out like a 国家统计局 download, and a copy to the clipboard. Everything
 * starts from the same {@link ChartSpec} the page draws, so a file shows exactly what the card shows.
 *
 * The files are not bound by the page's Content-Security-Policy, so the SVG may carry its own `<style>`;
 * the page itself never gets one (the SVG is only ever serialised or loaded as an image).
 */
import { FONT_FAMILY, FONT_SIZE } from '../charts/frame';
import { textWidth } from '../charts/legend';
import type { ChartContext, ChartSpec, ChartTable, Lang } from '../charts/types';
import { spreadsheetSafe } from '../../runner/result-csv';

/** The drawing width when the card has not been measured (server rendering, a card never laid out). */
export const DEFAULT_EXPORT_WIDTH = 880;

export type ExportKind = 'png' | 'svg' | 'csv';

/** `<scenario id>-<chart id>.<ext>`, e.g. `changzhou-2016-rates.png`. */
export const exportFileName = (spec: ChartSpec, ctx: ChartContext, ext: ExportKind): string =>
  `${ctx.result.scenario.id}-${spec.id}.${ext}`;

const by = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** "单位：%" / "Unit: %", as the card's header says it. */
export const unitLine = (spec: ChartSpec, ctx: ChartContext): string =>
  by(ctx.lang, '单位：', 'Unit: ') + spec.unit(ctx);

/** "资料来源：…" / "Source: …", the last line of the CSV. */
export const sourceLabel = (spec: ChartSpec, ctx: ChartContext): string =>
  by(ctx.lang, '资料来源：', 'Source: ') + spec.source(ctx);

// ---------------------------------------------------------------------------------------------------
// Text wrapping (no font measurement: the same estimate as the legends, so Node, jsdom and browsers agree)

/** Characters that must not start a line (closing punctuation), and that must not end one (opening). */
const NO_START = new Set([...'，。、；：？！）》」』】〕”’…,.;:?!)]}%']);
const NO_END = new Set([...'（《「『【〔“‘([{']);

/** Breakable pieces: one CJK character, a Latin word, or a run of spaces; punctuation kept with its word. */
function tokens(text: string): string[] {
  const raw: string[] = [];
  for (const ch of text) {
    const wide = (ch.codePointAt(0) ?? 0) >= 0x2e80;
    const space = /\s/.test(ch);
    const last = raw.length ? raw[raw.length - 1] : '';
    const lastCh = [...last].pop() ?? '';
    const lastWide = (lastCh.codePointAt(0) ?? 0) >= 0x2e80;
    const lastSpace = /\s/.test(lastCh);
    if (last && (NO_START.has(ch) || NO_END.has(lastCh))) raw[raw.length - 1] += ch;
    else if (last && !wide && !lastWide && space === lastSpace) raw[raw.length - 1] += ch;
    else raw.push(ch);
  }
  return raw;
}

/** Lines of `text` no wider than `max` (estimated at `fontSize`); a word wider than a line is cut. */
export function wrapText(text: string, max: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const tok of tokens(text)) {
    if (!line && !tok.trim()) continue;
    if (textWidth(line + tok.trimEnd(), fontSize) <= max) {
      line += tok;
      continue;
    }
    push();
    if (!tok.trim()) continue;
    if (textWidth(tok, fontSize) <= max) {
      line = tok;
      continue;
    }
    for (const ch of tok) {
      if (line && textWidth(line + ch, fontSize) > max) push();
      line += ch;
    }
  }
  push();
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// SVG

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Colours of charts.css and styles.css (--ink, --muted), restated: a file has no page stylesheet. */
const INK = '#1a1a1a';
const MUTED = '#555555';
const PAD = 16;
const TITLE = { size: 16, line: 22 };
const UNIT = { size: 13, line: 18 };
const SOURCE = { size: 12, line: 17 };
/**
 * Plot's own stylesheet, removed from the page's charts (CSP) and carried on the page by charts.css:
 * labels keep their spaces. Inside a file an embedded `<style>` is fine.
 */
const FILE_STYLE = 'text, tspan { white-space: pre; }';

/** The chart's `<svg>` from whatever `render` returns (an svg, or an element holding one). */
function chartSvg(spec: ChartSpec, ctx: ChartContext, width: number): SVGSVGElement {
  const el = spec.render(ctx, width);
  const svg = el.localName === 'svg' ? el : el.querySelector('svg');
  if (!svg) throw new Error(`chart ${spec.id} drew no <svg>`);
  return svg as SVGSVGElement;
}

/** A `<text>` of lines, the first baseline at `y`; returns the element and the y after its last line. */
function textBlock(
  doc: Document,
  lines: readonly string[],
  y: number,
  style: { size: number; line: number },
  attrs: Record<string, string>,
): { el: SVGTextElement; bottom: number } {
  const el = doc.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(PAD));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(style.size));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  lines.forEach((line, i) => {
    const span = doc.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(PAD));
    span.setAttribute('y', String(y + i * style.line));
    span.textContent = line;
    el.append(span);
  });
  // The baseline sits about 0.8 em below the line's top; the block ends a line height below its last top.
  return { el, bottom: y - style.size * 0.8 + lines.length * style.line };
}

/**
 * The chart as a standalone SVG document: title and unit above, the chart (legend inside), the source
 * line wrapped below, on white, `width` + 2 × 16 px wide. Well-formed XML with the declaration, so it
 * opens in browsers, Inkscape, Illustrator and Office.
 */
export function chartSvgText(spec: ChartSpec, ctx: ChartContext, width: number): string {
  const chart = chartSvg(spec, ctx, width).cloneNode(true) as SVGSVGElement;
  const doc = chart.ownerDocument;
  const cw = Number(chart.getAttribute('width')) || Math.round(width);
  const ch = Number(chart.getAttribute('height')) || 0;
  const W = cw + 2 * PAD;
  const textMax = W - 2 * PAD;

  const title = spec.title(ctx);
  const source = spec.source(ctx);
  const head = textBlock(doc, wrapText(title, textMax, TITLE.size), PAD + TITLE.size * 0.8, TITLE, {
    'font-weight': '700',
    fill: INK,
    class: 'export-title',
  });
  const unit = textBlock(doc, [unitLine(spec, ctx)], head.bottom + 2 + UNIT.size * 0.8, UNIT, {
    fill: MUTED,
    class: 'export-unit',
  });
  const chartTop = Math.ceil(unit.bottom + 8);
  const foot = textBlock(doc, wrapText(source, textMax, SOURCE.size), chartTop + ch + 8 + SOURCE.size * 0.8, SOURCE, {
    fill: MUTED,
    class: 'export-source',
  });
  const H = Math.ceil(foot.bottom + 12);

  const root = doc.createElementNS(SVG_NS, 'svg');
  const set = (el: Element, attrs: Record<string, string | number>) => {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  };
  set(root, {
    width: W,
    height: H,
    viewBox: `0 0 ${W} ${H}`,
    'font-family': FONT_FAMILY,
    'font-size': FONT_SIZE,
    // Plot draws axes in currentColor: the page's ink, not the viewer's default.
    color: INK,
    role: 'img',
    'aria-label': title,
  });
  const titleEl = doc.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = `${unitLine(spec, ctx)}\n${source}`;
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = FILE_STYLE;
  const ground = doc.createElementNS(SVG_NS, 'rect');
  set(ground, { width: W, height: H, fill: 'white' });
  // The chart keeps its own svg (and viewBox), nested and placed; charts.css lets it overflow on the page.
  set(chart, { x: PAD, y: chartTop, overflow: 'visible' });
  chart.removeAttribute('class');
  root.append(titleEl, desc, style, ground, head.el, unit.el, chart, foot.el);

  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

/** The width and height attributes of an SVG document's root. */
export function svgSize(svgText: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  const width = attr('width');
  const height = attr('height');
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height');
  return { width, height };
}

// ---------------------------------------------------------------------------------------------------
// PNG

/**
 * The SVG drawn on a canvas at `scale` × its size and encoded as PNG. The image comes from a blob: URL
 * (the page's CSP allows img-src blob:); an SVG image uses system fonts only, which is why FONT_FAMILY
 * names the common Chinese system fonts.
 */
export async function chartPngBlob(svgText: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = 'white';
    g.fillRect(0, 0, canvas.width, canvas.height);
    // Drawn at the target size, the vector image is rasterised sharp, not scaled up from 1×.
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((done, fail) =>
      canvas.toBlob((b) => (b ? done(b) : fail(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV

/** One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Text from a scenario (a label the user wrote) never reaches a spreadsheet as a formula.
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : spreadsheetSafe(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRow = (cells: readonly (string | number | null | undefined)[]) => cells.map(csvField).join(',');

/**
 * The chart's table as CSV, laid out like a 国家统计局 data download:
 *
 *     <BOM>常住人口与户籍人口城镇化率          title (one field)
 *     单位：%                                unit line
 *     年份,常住人口城镇化率（%）,…             header: the table's columns
 *     2015,65.5,…                            one line per table row (per year for time charts)
 *     …
 *                                            a blank line
 *     资料来源：2015年（基年）为公布的…          the chart's source line
 *
 * UTF-8 with a byte-order mark so that Excel opens the Chinese; CRLF line ends and quoting per RFC 4180;
 * empty fields for missing values (a base-year flow).
 */
export function chartCsvText(spec: ChartSpec, ctx: ChartContext, table: ChartTable = spec.table(ctx)): string {
  const lines = [
    csvField(spec.title(ctx)),
    csvField(unitLine(spec, ctx)),
    csvRow(table.columns),
    ...table.rows.map(csvRow),
    '',
    csvField(sourceLabel(spec, ctx)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------
// Downloads and the clipboard

export { downloadBlob } from '../services';

export type Copied = 'png' | 'svg';

/**
 * Copies the chart as a PNG image; where the browser cannot put images on the clipboard (no
 * ClipboardItem, or the write refused), copies the SVG text instead. Resolves to what was copied;
 * rejects with a message for the user (in `lang`) when neither works.
 *
 * The ClipboardItem is made at once with a promise of the PNG, so the write starts within the click
 * (Safari requires it) while the image is still being drawn.
 */
export async function copyChart(
  svgText: string,
  lang: Lang,
  clipboard: Clipboard | undefined = typeof navigator === 'undefined' ? undefined : navigator.clipboard,
  png: () => Promise<Blob> = () => chartPngBlob(svgText),
): Promise<Copied> {
  if (!clipboard) {
    throw new Error(
      by(
        lang,
        '无法复制：此页面不能访问剪贴板（需通过 HTTPS 或本机地址打开）。请改用“导出 PNG”。',
        'Cannot copy: this page has no clipboard access (it needs HTTPS or localhost). Use “Export PNG” instead.',
      ),
    );
  }
  let refused: unknown = null;
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      await clipboard.write([new ClipboardItem({ 'image/png': png() })]);
      return 'png';
    } catch (e) {
      refused = e;
    }
  }
  try {
    await clipboard.writeText(svgText);
    return 'svg';
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e ?? refused);
    throw new Error(
      by(
        lang,
        `无法复制：浏览器拒绝写入剪贴板（${why}）。请改用“导出 PNG”。`,
        `Cannot copy: the browser refused the clipboard (${why}). Use “Export PNG” instead.`,
      ),
      { cause: e },
    );
  }
}
