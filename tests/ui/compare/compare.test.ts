// @vitest-environment jsdom
/**
 * The Compare screen's targets and exports, from real runs of two presets with different targets
 * (常州 2016 and the nation under 国发〔2014〕25号): the targets table (shared rows, rows grouped per
 * scenario, ✓/✗ cells with data-met and the shortfall), the charts with each plan's targets drawn and
 * keyed, and the CSV files of the charts and tables.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../../src/runner/node-loader';
import { replyTo } from '../../../src/runner/reply';
import type { ChartContext } from '../../../src/ui/charts/types';
import { compareChart } from '../../../src/ui/compare/compare-charts';
import { figuresCsv, targetGroups, targetsCsv, type Compared } from '../../../src/ui/compare/compare-data';
import { CompareTargets } from '../../../src/ui/compare/CompareTargets';
import { chartCsvText, chartSvgText } from '../../../src/ui/export/chart-export';

const load = nodeDataLoader();
const COLORS = ['#E69F00', '#56B4E9'];

function compared(id: string, i: number, name: string): Compared {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, `scenarios/${id}.json`), 'utf8'));
  const reply = replyTo(raw, load);
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  return { key: `preset:${id}`, name, color: COLORS[i], result: reply.result, view: reply.view, meta: reply.meta };
}

let two: Compared[];
let ctx: ChartContext;

beforeAll(() => {
  two = [compared('changzhou-2016', 0, '常州'), compared('china-2015', 1, '全国')];
  const [a] = two;
  ctx = { result: a.result, view: a.view, meta: a.meta, lang: 'zh', year: 2015 };
}, 60_000);

/** The targets table as the page renders it, parsed. */
const targetsTable = (lang: 'zh' | 'en' = 'zh') => {
  const html = renderToStaticMarkup(
    createElement(CompareTargets, { compared: two, pinned: two[0].key, fileBase: 'changzhou-2016', lang }),
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.querySelector('[data-compare-targets]')!;
};

describe('the Compare targets of two scenarios', () => {
  it('share a row where both set a target (id, metric, year), and group the rest per scenario', () => {
    const { shared, own } = targetGroups(two);
    expect(shared.map((r) => r.id)).toEqual(['resident-rate-2020']);
    expect(shared[0].cells.map((c) => c?.target)).toEqual([0.72, 0.6]);
    expect(own.map((g) => [g.index, g.rows.map((r) => r.id)])).toEqual([
      [0, ['gap-2020']],
      [1, ['hukou-rate-2020', 'settlers-2020']],
    ]);
  });

  it('show one column per scenario and a ✓/✗ cell with data-met for each target a scenario sets', () => {
    const table = targetsTable();
    expect(table).not.toBeNull();
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads.slice(1)).toEqual(['常州 (基准)', '全国']);
    const rows = [...table.querySelectorAll('tr[data-compare-target]')];
    expect(rows.map((r) => r.getAttribute('data-compare-target'))).toEqual([
      'resident-rate-2020',
      'gap-2020',
      'hukou-rate-2020',
      'settlers-2020',
    ]);
    const cells = [...table.querySelectorAll('td[data-met]')];
    expect(cells).toHaveLength(5);
    for (const td of cells) {
      const id = td.getAttribute('data-target-id')!;
      const scenario = two.find((c) => c.key === td.getAttribute('data-scenario'))!;
      const target = scenario.result.targets.find((t) => t.id === id)!;
      expect(td.getAttribute('data-met')).toBe(String(target.met));
      expect(td.textContent).toContain(target.met ? '✓' : '✗');
      if (!target.met) expect(td.textContent).toMatch(/距目标 [\d.,]+/);
    }
    // The shared row: both scenarios met their own threshold (72% and 60%), each cell saying which.
    const shared = rows[0].querySelectorAll('td[data-met]');
    expect([...shared].map((td) => td.getAttribute('data-met'))).toEqual(['true', 'true']);
    expect(shared[0].textContent).toContain('≥72.0%');
    expect(shared[1].textContent).toContain('≥60.0%');
    // Changzhou's gap target: missed, with the shortfall in percentage points; the nation sets none.
    const gap = rows[1];
    expect(gap.querySelector('td[data-met="false"]')?.textContent).toMatch(/✗.*14\.7 个百分点.*距目标 9\.7 个百分点/);
    expect(gap.querySelectorAll('td:not([data-met])')).toHaveLength(1);
    // Group headings: shared targets, then those of the nation alone.
    expect([...table.querySelectorAll('.compare-group th')].map((th) => th.textContent)).toEqual([
      '共同目标',
      '仅常州设定的目标',
      '仅全国设定的目标',
    ]);
  });

  it('speak English when asked', () => {
    const table = targetsTable('en');
    expect(table.textContent).toContain('Resident urbanisation rate, 2020');
    expect(table.textContent).toContain('shortfall 9.7 pp');
  });

  it('download as CSV: BOM, title, unit line, Chinese headers, one row per target and scenario, the source', () => {
    const csv = targetsCsv(two, 'zh');
    expect(csv.startsWith('\uFEFF方案比较：目标\r\n单位：')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[2]).toBe('方案,目标编号,目标,指标,目标年份,比较,目标值,预测值,单位,是否达到,距目标,距目标单位');
    const blank = lines.indexOf('');
    expect(blank - 3).toBe(5);
    expect(lines.slice(3, blank)).toContain(
      '常州,gap-2020,2020年户籍与常住人口城镇化率差距缩小到5个百分点,两率差距,2020,≤,5,14.74,个百分点,否,9.74,个百分点',
    );
    expect(lines[blank + 1]).toMatch(/^资料来源：/);
  });
});

describe('the Compare charts', () => {
  it.each(['compare-rates', 'compare-gap'] as const)("%s draws each plan's targets and keys them", (id) => {
    const spec = compareChart(id, two);
    const svg = spec.render(ctx, 640) as SVGSVGElement;
    const legend = svg.querySelector('.chart-legend')!;
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toContain('目标（各方案）');
    expect(legend.querySelector('[data-legend-symbol="target"]')).not.toBeNull();
    // One diamond per target on the chart's metrics: rates 常州 1 + 全国 2, gap 常州 1.
    const titles = [...svg.querySelectorAll('title')]
      .map((t) => t.textContent ?? '')
      .filter((t) => /目标|达到/.test(t));
    expect(titles).toHaveLength(id === 'compare-rates' ? 3 : 1);
    expect(svg.textContent).toContain(id === 'compare-rates' ? '目标 ≥72.0%' : '目标 ≤5.0个百分点');
    expect(svg.outerHTML).not.toMatch(/NaN/);
  });

  it("export a well-formed SVG and a CSV with each scenario's series and targets", () => {
    const spec = compareChart('compare-rates', two);
    const text = chartSvgText(spec, ctx, 640);
    expect(new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')).toBeNull();
    const lines = chartCsvText(spec, ctx).slice(1).split('\r\n');
    expect(lines[0]).toBe('常住与户籍人口城镇化率：方案比较');
    expect(lines[1]).toBe('单位：%');
    expect(lines[2]).toBe(
      '年份,常州：常住人口城镇化率（%）,常州：户籍人口城镇化率（%）,全国：常住人口城镇化率（%）,全国：户籍人口城镇化率（%）,常州：常住人口城镇化率目标（%）,全国：常住人口城镇化率目标（%）,全国：户籍人口城镇化率目标（%）',
    );
    const y2020 = lines.find((l) => l.startsWith('2020,'))!.split(',');
    expect(y2020.slice(5)).toEqual(['72', '60', '45']);
    expect(lines.filter((l) => /^\d{4},/.test(l))).toHaveLength(21);
  });

  it('key-figure table downloads as CSV with units and deltas to the baseline', () => {
    const csv = figuresCsv(two, two[0], 'zh');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[2].split(',').slice(0, 4)).toEqual([
      '方案',
      '是否基准',
      '2020年 常住人口城镇化率（%）',
      '2020年 常住人口城镇化率 较基准（个百分点）',
    ]);
    const [base, other] = [lines[3].split(','), lines[4].split(',')];
    expect(base.slice(0, 4)).toEqual(['常州', '是', '76.14', '']);
    expect(other[0]).toBe('全国');
    expect(Number(other[3])).toBeCloseTo(Number(other[2]) - 76.14, 1);
  });
});
