// @vitest-environment jsdom
/**
 * The charts drawn (Plot in jsdom) for Changzhou: an svg with Chinese labels, no NaN anywhere, plain
 * year ticks, the house font, no inline <style> (the CSP refuses it), and the card that mounts them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import { ChartCard } from '../../src/ui/ChartCard';
import { CHARTS } from '../../src/ui/charts';
import type { ChartContext, ChartSpec } from '../../src/ui/charts/types';

let zh: ChartContext;

beforeAll(() => {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
  const reply = replyTo(raw, nodeDataLoader());
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  zh = { result: reply.result, view: reply.view, meta: reply.meta, lang: 'zh', year: 2020 };
});

/** Words each chart must show in Chinese: an axis label or a legend entry. */
const WORDS: Record<string, string> = {
  rates: '城镇化率（%）',
  gap: '差距（个百分点）',
  settlers: '落户人数（万人）',
  'settlers-origin': '本地农业转移人口',
  registration: '迁入·落户渠道',
  pyramid: '年龄（岁）',
  'non-registered': '城镇未落户常住人口（万人）',
  'fiscal-cost': '市民化成本（亿元）',
  'fiscal-payer': '中央',
  'per-settler': '元/人',
  transfers: '金额（亿元）',
  land: '公顷',
};

const svgOf = (spec: ChartSpec, ctx: ChartContext, width = 560): SVGSVGElement => {
  const el = spec.render(ctx, width);
  const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
  expect(svg, spec.id).not.toBeNull();
  return svg!;
};

/** Every attribute value and text node of the tree. */
function strings(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of el.attributes) out.push(`${a.name}=${a.value}`);
    for (const n of el.childNodes) if (n.nodeType === 3) out.push(n.textContent ?? '');
  }
  return out;
}

const xTickLabels = (svg: SVGSVGElement) =>
  [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent ?? '');

describe('charts drawn for Changzhou in Chinese', () => {
  it('draws every available chart', () => {
    expect(CHARTS.filter((c) => c.available(zh)).map((c) => c.id)).toEqual(Object.keys(WORDS));
  });

  it.each(Object.keys(WORDS))('%s: an svg with its Chinese labels, no NaN, the CJK font, no inline style', (id) => {
    const spec = CHARTS.find((c) => c.id === id)!;
    const svg = svgOf(spec, zh);
    expect(svg.textContent).toContain(WORDS[id]);
    const bad = strings(svg).filter((s) => /NaN|undefined|Infinity/.test(s));
    expect(bad, bad.slice(0, 3).join('\n')).toEqual([]);
    expect(svg.getAttribute('aria-label')).toBe(spec.title(zh));
    expect(svg.getAttribute('aria-description')).toMatch(/\S/);
    expect(svg.getAttribute('font-family')).toMatch(/^"Noto Sans CJK SC", "WenQuanYi Micro Hei"/);
    expect(svg.querySelector('style')).toBeNull();
    expect(Number(svg.getAttribute('width'))).toBe(560);
  });

  it.each(Object.keys(WORDS).filter((id) => id !== 'pyramid'))('%s: x ticks are plain years', (id) => {
    const svg = svgOf(
      CHARTS.find((c) => c.id === id)!,
      zh,
    );
    const ticks = xTickLabels(svg);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (const t of ticks) expect(t).toMatch(/^\d{4}$/);
    expect(ticks).toContain('2015');
    expect(ticks).toContain('2035');
  });

  it('draws no settler bar for the base year, whose flow is null', () => {
    const svg = svgOf(
      CHARTS.find((c) => c.id === 'settlers')!,
      zh,
    );
    const titles = [...svg.querySelectorAll('rect > title')].map((t) => t.textContent ?? '');
    expect(titles.filter((t) => t.startsWith('2016年')).length).toBe(zh.view.channels.length);
    expect(titles.filter((t) => t.startsWith('2015年'))).toEqual([]);
  });

  it('draws an observation under another hukou definition hollow and says so in the legend', () => {
    const ctx: ChartContext = {
      ...zh,
      view: {
        ...zh.view,
        observed: [{ metric: 'hukouUrbanRate', year: 2020, value: 0.6, source: 'test', definition: 'nonAgricultural' }],
      },
    };
    const svg = svgOf(
      CHARTS.find((c) => c.id === 'rates')!,
      ctx,
    );
    expect(svg.querySelector('.chart-legend')?.textContent).toContain('非农业户口口径');
    // Plot puts a constant fill on the mark's group, a varying one on each circle.
    const fill = (c: Element) => c.getAttribute('fill') ?? c.parentElement?.getAttribute('fill');
    const hollow = [...svg.querySelectorAll('circle')].filter(
      (c) => fill(c) === 'white' && c.closest('.chart-legend') === null,
    );
    expect(hollow).toHaveLength(1);
    expect(
      svgOf(
        CHARTS.find((c) => c.id === 'rates')!,
        zh,
      ).querySelector('.chart-legend')?.textContent,
    ).not.toContain('非农业户口口径');
  });

  it('labels the English charts in English', () => {
    const en = { ...zh, lang: 'en' as const };
    const rates = svgOf(
      CHARTS.find((c) => c.id === 'rates')!,
      en,
    );
    expect(rates.textContent).toContain('Urbanisation rate (%)');
    // Tooltips (<title>) quote the sources verbatim, which may be Chinese; the drawn words must not be.
    const drawn = [...rates.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(drawn).not.toMatch(/[\u4e00-\u9fff]/);
    expect(
      svgOf(
        CHARTS.find((c) => c.id === 'settlers')!,
        en,
      ).textContent,
    ).toContain('thousand persons');
  });
});

describe('charts drawn for every preset', () => {
  const presets = readdirSync(resolve(PROJECT_ROOT, 'scenarios')).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
  );
  it.each(presets)(
    '%s: every available chart draws without NaN in both languages, at narrow and wide widths',
    (file) => {
      const reply = replyTo(
        JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', file), 'utf8')),
        nodeDataLoader(),
      );
      if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
      for (const lang of ['zh', 'en'] as const)
        for (const width of [300, 1100]) {
          const ctx: ChartContext = { result: reply.result, view: reply.view, meta: reply.meta, lang, year: 2030 };
          for (const spec of CHARTS.filter((c) => c.available(ctx))) {
            const svg = svgOf(spec, ctx, width);
            const bad = strings(svg).filter((s) => /NaN|undefined|Infinity/.test(s));
            expect(bad, `${spec.id} ${lang} ${width}: ${bad.slice(0, 2).join(' ')}`).toEqual([]);
            if (spec.id !== 'pyramid') for (const t of xTickLabels(svg)) expect(t, spec.id).toMatch(/^\d{4}$/);
          }
        }
    },
  );
});

describe('ChartCard', () => {
  it('mounts the chart under its [data-chart] hook with title, unit, source and an actions slot', async () => {
    // React's act() needs to know it runs in a test.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const spec = CHARTS.find((c) => c.id === 'rates')!;
    await act(async () => {
      root.render(
        createElement(ChartCard, { spec, ctx: zh }, createElement('button', { 'data-export': 'csv' }, 'CSV')),
      );
    });
    const card = host.querySelector('section.chart-card[data-chart="rates"]')!;
    expect(card).not.toBeNull();
    expect(card.querySelector('h3')?.textContent).toBe(spec.title(zh));
    expect(card.querySelector('.chart-body > svg')).not.toBeNull();
    expect(card.querySelector('.chart-source')?.textContent).toBe(spec.source(zh));
    expect(card.querySelector('.chart-actions [data-export="csv"]')).not.toBeNull();
    expect(card.textContent).toContain('单位：%');

    // A new context redraws: the pyramid follows the year.
    const pyramid = CHARTS.find((c) => c.id === 'pyramid')!;
    await act(async () => root.render(createElement(ChartCard, { spec: pyramid, ctx: { ...zh, year: 2030 } })));
    expect(host.querySelector('[data-chart="pyramid"] svg')?.getAttribute('aria-label')).toContain('2030');
    await act(async () => root.render(createElement(ChartCard, { spec: pyramid, ctx: { ...zh, year: 2025 } })));
    expect(host.querySelectorAll('[data-chart="pyramid"] svg')).toHaveLength(1);
    expect(host.querySelector('[data-chart="pyramid"] svg')?.getAttribute('aria-label')).toContain('2025');

    await act(async () => root.unmount());
    expect(host.querySelector('svg')).toBeNull();
  });

  it('shows a message instead of the chart when drawing fails, and keeps the card', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    const root = createRoot(host);
    const broken: ChartSpec = {
      ...CHARTS[0],
      render: () => {
        throw new Error('boom');
      },
    };
    await act(async () => root.render(createElement(ChartCard, { spec: broken, ctx: zh })));
    expect(host.querySelector('[data-chart="rates"] .chart-error')?.textContent).toContain('boom');
    await act(async () => root.unmount());
  });
});
