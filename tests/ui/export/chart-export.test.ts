// @vitest-environment jsdom
/**
 * Chart exports on the default scenario: every chart's SVG file is well-formed XML with its Chinese
 * title, unit and source drawn in; every CSV has the BOM, the title first, the table's columns and rows
 * and the source last, quoted per RFC 4180; copying falls back to SVG text and fails with a message.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../fixtures/default-scenario';
import { nodeDataLoader } from '../../../src/runner/node-loader';
import { replyTo } from '../../../src/runner/reply';
import { CHARTS } from '../../../src/ui/charts';
import type { ChartContext, ChartSpec } from '../../../src/ui/charts/types';
import {
  chartCsvText,
  chartSvgText,
  copyChart,
  csvField,
  exportFileName,
  svgSize,
  wrapText,
} from '../../../src/ui/export/chart-export';
import { textWidth } from '../../../src/ui/charts/legend';
import { ChartExport } from '../../../src/ui/export/ChartExport';

let zh: ChartContext;

beforeAll(() => {
  const reply = replyTo(DEFAULT_SCENARIO, nodeDataLoader());
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  zh = { result: reply.result, view: reply.view, meta: reply.meta, lang: 'zh', year: 2020 };
});

const specs = () => CHARTS.filter((c) => c.available(zh));
const ids = CHARTS.map((c) => c.id);
const spec = (id: string) => CHARTS.find((c) => c.id === id)!;

/** Parses as XML; fails the test on a parser error. */
function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  expect(err?.textContent ?? null).toBeNull();
  return doc;
}

/** A minimal RFC 4180 reader: fields with quotes, doubled quotes and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('SVG export', () => {
  it.each(ids)('%s: well-formed XML with the title, unit and source and an explicit size', (id) => {
    const s = spec(id);
    if (!s.available(zh)) return;
    const text = chartSvgText(s, zh, 600);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const root = parseXml(text).documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));
    expect(width).toBe(600 + 32);
    expect(height).toBeGreaterThan(300);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(svgSize(text)).toEqual({ width, height });
    expect(root.getAttribute('font-family')).toContain('WenQuanYi Micro Hei');

    const drawn = (cls: string) =>
      [...root.querySelectorAll(`text.${cls} tspan`)].map((t) => t.textContent ?? '').join('');
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(squash(drawn('export-title'))).toBe(squash(s.title(zh)));
    expect(drawn('export-unit')).toBe(`单位：${s.unit(zh)}`);
    expect(squash(drawn('export-source'))).toBe(squash(s.source(zh)));
    expect(s.title(zh)).toMatch(/[\u4e00-\u9fff]/);

    // The chart with its legend, nested below the heading, and nothing from the page's stylesheet needed.
    const chart = root.querySelector(':scope > svg')!;
    expect(chart).not.toBeNull();
    expect(Number(chart.getAttribute('y'))).toBeGreaterThan(0);
    expect(Number(chart.getAttribute('y')) + Number(chart.getAttribute('height'))).toBeLessThan(height);
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('white');
    expect(root.querySelector('style')?.textContent).toContain('white-space: pre');
  });

  it('wraps the source line within the width', () => {
    const s = spec('fiscal-cost');
    const root = parseXml(chartSvgText(s, zh, 400)).documentElement;
    const lines = [...root.querySelectorAll('text.export-source tspan')].map((t) => t.textContent ?? '');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(400);
  });

  it('wraps Chinese by character and English by word, punctuation never starting a line', () => {
    expect(wrapText('一二三四五六七八九十', 60, 12)).toEqual(['一二三四五', '六七八九十']);
    expect(wrapText('alpha beta gamma delta', 75, 12)).toEqual(['alpha beta', 'gamma delta']);
    for (const line of wrapText('甲乙丙丁，戊己庚辛。壬癸子丑，寅卯辰巳。', 48, 12))
      expect(line).not.toMatch(/^[，。]/);
  });

  it('draws English charts with English words', () => {
    const en = { ...zh, lang: 'en' as const };
    const root = parseXml(chartSvgText(spec('rates'), en, 600)).documentElement;
    expect(root.querySelector('text.export-unit')?.textContent).toBe('Unit: %');
  });
});

describe('CSV export', () => {
  it.each(ids)('%s: BOM, title, unit, the table, a blank line and the source', (id) => {
    const s = spec(id);
    if (!s.available(zh)) return;
    const text = chartCsvText(s, zh);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    const table = s.table(zh);
    expect(rows[0]).toEqual([s.title(zh)]);
    expect(rows[1]).toEqual([`单位：${s.unit(zh)}`]);
    expect(rows[2]).toEqual(table.columns);
    const data = rows.slice(3, 3 + table.rows.length);
    expect(data).toEqual(table.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
    expect(rows[3 + table.rows.length]).toEqual(['']);
    expect(rows[4 + table.rows.length]).toEqual([`资料来源：${s.source(zh)}`]);
    expect(rows).toHaveLength(5 + table.rows.length);
    if (id !== 'pyramid') expect(data.map((r) => Number(r[0]))).toEqual(zh.result.years);
  });

  it('has one data row per year for the rates chart (21 for 2015–2035)', () => {
    const rows = parseCsv(chartCsvText(spec('rates'), zh).slice(1));
    expect(rows.length - 5).toBe(21);
  });

  it('neutralises text a spreadsheet would run as a formula, in the chart CSV and the results CSV', () => {
    for (const bad of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tx'])
      expect(csvField(bad).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    // Numbers, negative ones included, stay numbers.
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField('常住人口')).toBe('常住人口');
    const s: ChartSpec = {
      ...spec('gap'),
      table: () => ({ columns: ['年份', '=cmd|x'], rows: [[2015, '@evil']] }),
    };
    const rows = parseCsv(chartCsvText(s, zh).slice(1));
    expect(rows.flat()).toContain("'=cmd|x");
    expect(rows.flat()).toContain("'@evil");
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('常住人口')).toBe('常住人口');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    const s: ChartSpec = {
      ...spec('gap'),
      title: () => 'Rates, "resident" and hukou',
      table: () => ({ columns: ['年份', 'a,b'], rows: [[2015, 'x "y", z']] }),
    };
    const rows = parseCsv(chartCsvText(s, zh).slice(1));
    expect(rows[0]).toEqual(['Rates, "resident" and hukou']);
    expect(rows[2]).toEqual(['年份', 'a,b']);
    expect(rows[3]).toEqual(['2015', 'x "y", z']);
    expect(chartCsvText(s, zh)).toContain('"Rates, ""resident"" and hukou"\r\n');
  });

  it('names files <scenario id>-<chart id>.<ext>', () => {
    expect(exportFileName(spec('rates'), zh, 'png')).toBe('changzhou-2016-rates.png');
    expect(exportFileName(spec('fiscal-payer'), zh, 'csv')).toBe('changzhou-2016-fiscal-payer.csv');
  });

  it('covers every chart of the dashboard (the fan chart, which needs an analysis, in charts-analysis.test.ts)', () => {
    expect(specs().length).toBe(CHARTS.filter((c) => c.id !== 'fan').length);
  });
});

describe('copyChart', () => {
  const png = async () => new Blob(['png'], { type: 'image/png' });
  const fakeClipboard = (write: boolean, writeText: boolean, log: string[]) =>
    ({
      write: async () => {
        if (!write) throw new Error('NotAllowedError');
        log.push('png');
      },
      writeText: async (t: string) => {
        if (!writeText) throw new Error('Document is not focused');
        log.push(`text:${t}`);
      },
    }) as unknown as Clipboard;

  it('copies the PNG where the browser can', async () => {
    const g = globalThis as { ClipboardItem?: unknown };
    const had = g.ClipboardItem;
    g.ClipboardItem = class {
      constructor(readonly items: Record<string, unknown>) {}
    };
    try {
      const log: string[] = [];
      expect(await copyChart('<svg/>', 'zh', fakeClipboard(true, true, log), png)).toBe('png');
      expect(log).toEqual(['png']);
      // Refused: the SVG text instead.
      const log2: string[] = [];
      expect(await copyChart('<svg/>', 'zh', fakeClipboard(false, true, log2), png)).toBe('svg');
      expect(log2).toEqual(['text:<svg/>']);
    } finally {
      g.ClipboardItem = had;
    }
  });

  it('falls back to the SVG text without ClipboardItem, and fails with a message when nothing works', async () => {
    const log: string[] = [];
    expect(await copyChart('<svg/>', 'zh', fakeClipboard(true, true, log), png)).toBe('svg');
    await expect(copyChart('<svg/>', 'zh', fakeClipboard(false, false, []), png)).rejects.toThrow(/无法复制/);
    await expect(copyChart('<svg/>', 'en', undefined, png)).rejects.toThrow(/Cannot copy/);
  });
});

describe('ChartExport', () => {
  it('offers PNG, SVG, CSV and copy, labelled by language and naming the chart', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    const root = createRoot(host);
    const rates = spec('rates');
    await act(async () => root.render(createElement(ChartExport, { spec: rates, ctx: zh, width: 600 })));
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.map((b) => b.dataset.export)).toEqual(['png', 'svg', 'csv', 'copy']);
    expect(buttons.map((b) => b.textContent)).toEqual(['导出 PNG', '导出 SVG', '导出 CSV', '复制图片']);
    expect(buttons[0].getAttribute('aria-label')).toBe(`导出 PNG：${rates.title(zh)}`);
    expect(host.querySelector('[role="status"]')).not.toBeNull();

    const en = { ...zh, lang: 'en' as const };
    await act(async () => root.render(createElement(ChartExport, { spec: rates, ctx: en })));
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Export PNG',
      'Export SVG',
      'Export CSV',
      'Copy image',
    ]);
    expect(host.querySelector('[data-export="copy"]')?.getAttribute('aria-label')).toBe(
      `Copy image: ${rates.title(en)}`,
    );

    // Copying where the page has no clipboard: the message shows as an alert.
    const nav = navigator as { clipboard?: unknown };
    const had = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await act(async () => (host.querySelector('[data-export="copy"]') as HTMLButtonElement).click());
      expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/Cannot copy/);
    } finally {
      if (had) Object.defineProperty(navigator, 'clipboard', had);
      else delete nav.clipboard;
    }
    await act(async () => root.unmount());
  });
});
