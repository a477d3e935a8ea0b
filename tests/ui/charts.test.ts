/**
 * The charts' data shaping, without drawing: availability, one table row per year, and table values that
 * agree with the result in the displayed units, for every preset and both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import type { ObservedPoint } from '../../src/runner/view-data';
import type { ProjectionResult, Series } from '../../src/scenario/result';
import { CHARTS } from '../../src/ui/charts';
import { yearTicks } from '../../src/ui/charts/frame';
import { layoutLegend } from '../../src/ui/charts/legend';
import { niceTicks } from '../../src/ui/charts/land';
import { AGE_GROUPS, pyramidYear } from '../../src/ui/charts/pyramid';
import { rateObservations } from '../../src/ui/charts/rates';
import { shortSource } from '../../src/ui/charts/source';
import { stackParts } from '../../src/ui/charts/stack';
import type { ChartContext, ChartSpec, ChartTable, Lang } from '../../src/ui/charts/types';
import { unitOf } from '../../src/ui/charts/units';

const PRESETS = readdirSync(resolve(PROJECT_ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const FISCAL_IDS = ['fiscal-cost', 'fiscal-payer', 'per-settler', 'transfers', 'land'];
const TIME_SERIES_IDS = CHARTS.map((c) => c.id).filter((id) => id !== 'pyramid');
const chart = (id: string): ChartSpec => {
  const c = CHARTS.find((x) => x.id === id);
  if (!c) throw new Error(`no chart ${id}`);
  return c;
};

const contexts = new Map<string, ChartContext>();
/** A projected year to look at: 2020 for the document presets, five years on for those based in 2020. */
const yearOf = (preset: string) => {
  const base = contexts.get(preset)!.result.scenario.baseYear;
  return base < 2020 ? 2020 : base + 5;
};
const ctxOf = (preset: string, lang: Lang = 'zh', year = yearOf(preset)): ChartContext => ({
  ...contexts.get(preset)!,
  lang,
  year,
});

beforeAll(() => {
  for (const p of PRESETS) {
    const reply = replyTo(
      JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${p}.json`), 'utf8')),
      nodeDataLoader(),
    );
    if (!reply.ok) throw new Error(`${p}: ${JSON.stringify(reply.issues)}`);
    contexts.set(p, { result: reply.result, view: reply.view, meta: reply.meta, lang: 'zh', year: 2020 });
  }
});

/** Column of a table by a fragment of its name (the names carry units, which differ by language). */
function column(t: ChartTable, fragment: string): (string | number | null)[] {
  const j = t.columns.findIndex((c) => c.includes(fragment));
  if (j < 0) throw new Error(`no column with "${fragment}" in ${t.columns.join(' | ')}`);
  return t.rows.map((r) => r[j]);
}
const num = (x: string | number | null | undefined): number | null => (typeof x === 'number' ? x : null);
const scaledSeries = (s: Series, per: number) => s.map((v) => (v === null ? null : v / per));

/** Every cell equals the expected value within `tol`, and nulls stay null (no zero for a base-year flow). */
function expectClose(actual: readonly (number | null)[], expected: readonly (number | null)[], tol: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    if (expected[i] === null) expect(a, `index ${i}`).toBeNull();
    else {
      expect(a, `index ${i}`).not.toBeNull();
      expect(Math.abs(a! - expected[i]!), `index ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
    }
  });
}

/** Sum of the given columns row by row (null when all are null). */
function rowSums(t: ChartTable, names: readonly string[]): (number | null)[] {
  // The whole name without its unit first: one channel's label may begin another's (合法稳定就业, 合法稳定就业+住所).
  const idx = names.map((n) => {
    const exact = t.columns.findIndex((c) => c.replace(/[（(][^（(]*$/, '') === n);
    return exact >= 0 ? exact : t.columns.findIndex((c) => c.startsWith(n));
  });
  expect(
    idx.every((j) => j > 0),
    `columns ${names.join(', ')} in ${t.columns.join(' | ')}`,
  ).toBe(true);
  return t.rows.map((r) => {
    const vs = idx.map((j) => num(r[j])).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  });
}

describe('chart list', () => {
  it('has the ids the page hooks need, once each, in display order', () => {
    expect(CHARTS.map((c) => c.id)).toEqual([
      'rates',
      'fan',
      'gap',
      'settlers',
      'settlers-origin',
      'registration',
      'pyramid',
      'non-registered',
      'fiscal-cost',
      'fiscal-payer',
      'per-settler',
      'transfers',
      'land',
    ]);
  });

  it('finds the presets', () => {
    expect(PRESETS).toEqual(expect.arrayContaining(['changzhou-2016', 'guangzhou', 'jinzhou-2017', 'liaoyuan']));
  });
});

describe.each(PRESETS)('charts of %s', (preset) => {
  it('are available exactly when the scenario has what they show', () => {
    const ctx = ctxOf(preset);
    // The fan chart needs an uncertainty analysis (tests/ui/charts-analysis.test.ts); none has run here.
    // The register's doors chart needs a door open: the nation is one register, all its doors to elsewhere shut.
    const doors = !preset.startsWith('china');
    for (const c of CHARTS)
      expect(c.available(ctx), c.id).toBe(
        c.id === 'fan'
          ? false
          : c.id === 'registration'
            ? doors
            : FISCAL_IDS.includes(c.id)
              ? !!ctx.result.fiscal
              : true,
      );
    // Without the fiscal part, the fiscal charts step aside and the others stay.
    const { fiscal: _, ...rest } = ctx.result;
    const bare: ChartContext = { ...ctx, result: rest as ProjectionResult };
    for (const c of CHARTS)
      expect(c.available(bare), c.id).toBe(
        c.id === 'registration' ? doors : c.id !== 'fan' && !FISCAL_IDS.includes(c.id),
      );
  });

  it.each(['zh', 'en'] as const)('have a title, unit and source line in %s', (lang) => {
    const ctx = ctxOf(preset, lang);
    const zh = ctxOf(preset, 'zh');
    for (const c of CHARTS.filter((x) => x.available(ctx))) {
      for (const text of [c.title(ctx), c.unit(ctx), c.source(ctx)]) expect(text.trim(), c.id).not.toBe('');
      expect(c.source(ctx), c.id).toContain(`scenarios/${ctx.result.scenario.id}.json`);
      if (lang === 'zh') expect(c.title(ctx), c.id).toMatch(/[\u4e00-\u9fff]/);
      else {
        expect(c.title(ctx), c.id).toMatch(/^[\x20-\x7e–]+$/);
        expect(c.title(ctx)).not.toBe(c.title(zh));
      }
      // The source line says what is projected (and, for stocks, what is published).
      expect(c.source(ctx), c.id).toMatch(lang === 'zh' ? /模型预测/ : /projection/);
    }
  });

  it.each(['zh', 'en'] as const)('give tables with one row per year and units in every column (%s)', (lang) => {
    const ctx = ctxOf(preset, lang);
    for (const id of TIME_SERIES_IDS) {
      const c = chart(id);
      if (!c.available(ctx)) continue;
      const t = c.table(ctx);
      expect(
        t.rows.map((r) => r[0]),
        id,
      ).toEqual(ctx.result.years);
      for (const r of t.rows) expect(r, id).toHaveLength(t.columns.length);
      expect(t.columns[0]).toBe(lang === 'zh' ? '年份' : 'Year');
      for (const name of t.columns.slice(1))
        if (!/口径|来源|definition|Source/i.test(name)) expect(name, id).toMatch(lang === 'zh' ? /（.+）$/ : /\(.+\)$/);
      for (const r of t.rows) for (const v of r) if (typeof v === 'number') expect(Number.isFinite(v), id).toBe(true);
    }
  });

  it('give the rates and the gap as the result has them', () => {
    const ctx = ctxOf(preset);
    const { series } = ctx.result;
    const t = chart('rates').table(ctx);
    expectClose(
      column(t, '常住人口城镇化率（%）').map(num),
      scaledSeries(series.residentUrbanRate, 0.01),
      0.005 + 1e-9,
    );
    expectClose(column(t, '户籍人口城镇化率（%）').map(num), scaledSeries(series.hukouUrbanRate, 0.01), 0.005 + 1e-9);
    expectClose(column(t, '两率差距').map(num), series.gapPoints, 0.005 + 1e-9);
    expectClose(column(chart('gap').table(ctx), '两率差距').map(num), series.gapPoints, 0.005 + 1e-9);
  });

  it.each(['zh', 'en'] as const)('give settlers by channel and by origin that add up to all settlers (%s)', (lang) => {
    const ctx = ctxOf(preset, lang);
    const per = lang === 'zh' ? 1e4 : 1e3;
    const settlers = scaledSeries(ctx.result.series.settlers, per);
    expect(settlers[0]).toBeNull(); // the base year has no flow: it must not become a zero
    const byChannel = chart('settlers').table(ctx);
    const channels = byChannel.columns.slice(1, -1).map((c) => c.replace(/[（(][^（(]*$/, ''));
    expect(channels).toHaveLength(Object.keys(ctx.result.series.settlersByChannel).length);
    const tol = (channels.length + 1) * 0.5 * 10 ** -unitOf('persons', lang).digits + 1e-9;
    expectClose(rowSums(byChannel, channels), settlers, tol);
    expectClose(column(byChannel, lang === 'zh' ? '合计' : 'Total').map(num), settlers, tol);
    const byOrigin = chart('settlers-origin').table(ctx);
    const origins =
      lang === 'zh'
        ? ['本地农业转移人口', '外来农业转移人口', '外地城镇户籍人口']
        : ['Local rural-registered', 'Rural-registered elsewhere', 'Urban-registered elsewhere'];
    expectClose(rowSums(byOrigin, origins), settlers, tol);
  });

  it('gives the doors of the register adding up to move-ins less move-outs', () => {
    const ctx = ctxOf(preset);
    const c = chart('registration');
    if (!c.available(ctx)) return;
    const t = c.table(ctx);
    const parts = t.columns.slice(1, -1).map((x) => x.replace(/[（(][^（(]*$/, ''));
    expect(parts.some((p) => p.startsWith('迁入'))).toBe(true);
    const { registrationIn, registrationOut } = ctx.result.series;
    const net = registrationIn.map((v, i) => (v === null ? null : v - registrationOut[i]!));
    const tol = (parts.length + 1) * 0.5 * 10 ** -unitOf('persons', 'zh').digits + 1e-9;
    expectClose(rowSums(t, parts), scaledSeries(net, 1e4), tol);
  });

  it('gives the non-registered urban stock by zone adding up to the total', () => {
    const ctx = ctxOf(preset);
    const t = chart('non-registered').table(ctx);
    const zones = ctx.view.zones.map((z) => z.label);
    const total = scaledSeries(ctx.result.series.nonRegisteredUrban, 1e4);
    expectClose(rowSums(t, zones), total, zones.length * 0.0005 + 1e-6);
    expectClose(column(t, '合计').map(num), total, 0.0005 + 1e-9);
  });

  it('gives fiscal tables whose parts add up to the total cost', () => {
    const ctx = ctxOf(preset);
    const f = ctx.result.fiscal;
    if (!f) return;
    const total = scaledSeries(f.totalCost, 1e8);
    expect(total[0]).toBeNull();
    const payers = chart('fiscal-payer').table(ctx);
    // The payers as the chart shows them: the city and counties pooled (市县两级) where the document pools
    // them, the area of origin only where it bears something.
    const payerNames = payers.columns.slice(1, -1).map((c) => c.replace(/（.*$/, ''));
    expect(payerNames).toContain(f.localPooled ? '市县两级' : '市级');
    expect(payerNames.includes('户籍迁出地')).toBe(f.costByPayer.origin.some((v) => (v ?? 0) > 0));
    expectClose(rowSums(payers, payerNames), total, payerNames.length * 0.0005 + 1e-6);
    const comps = chart('fiscal-cost').table(ctx);
    const names = ctx.view.components.map((c) => c.label);
    expectClose(rowSums(comps, names), total, names.length * 0.0005 + 1e-6);
    const transfers = chart('transfers').table(ctx);
    expectClose(column(transfers, '市民化总成本').map(num), total, 0.0005 + 1e-9);
    expectClose(column(transfers, '获得的转移支付').map(num), scaledSeries(f.transfers.total, 1e8), 0.0005 + 1e-9);
    expectClose(column(transfers, '市县财政净负担').map(num), scaledSeries(f.municipalNet, 1e8), 0.0005 + 1e-9);
    const per = chart('per-settler').table(ctx);
    expectClose(column(per, '落户当年人均成本').map(num), f.perSettler.annual, 0.5 + 1e-9);
    expect(chart('per-settler').title(ctx)).toContain(Math.round(f.perSettler.lifetimePV!).toLocaleString('en-US'));
    const land = chart('land').table(ctx);
    const l = ctx.result.land!;
    expectClose(column(land, '新增城镇建设用地').map(num), f.landHa, 0.05 + 1e-9);
    expectClose(column(land, '增减挂钩复垦').map(num), l.reclaimedHa, 0.05 + 1e-9);
    expectClose(column(land, '建设用地净增').map(num), l.netHa, 0.05 + 1e-9);
    expectClose(column(land, '累计建设用地净增').map(num), l.netHaCumulative, 0.05 + 1e-9);
    // The net is the new urban land less the reclaimed rural land, year by year.
    l.netHa.forEach((v, i) => {
      // (each series rounded to 12 significant digits in the result)
      if (v !== null)
        expect(Math.abs(v - (l.newUrbanHa[i]! - l.reclaimedHa[i]!))).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
    });
    // English: CNY million.
    const en = chart('fiscal-payer').table(ctxOf(preset, 'en'));
    expectClose(column(en, 'Total').map(num), scaledSeries(f.totalCost, 1e6), 0.05 + 1e-9);
  });

  it('gives a pyramid of residents only: its cells add up to the resident population of the year', () => {
    for (const year of [ctxOf(preset).result.scenario.baseYear, 2030]) {
      const ctx = ctxOf(preset, 'zh', year);
      const t = chart('pyramid').table(ctx);
      expect(t.rows).toHaveLength(AGE_GROUPS.length * 2);
      expect(t.columns.some((c) => /AW/.test(c))).toBe(false);
      const i = ctx.result.years.indexOf(year);
      const total = column(t, '合计').reduce<number>((a, v) => a + (num(v) ?? 0), 0);
      // 40 rows rounded to 10 persons each.
      expect(Math.abs(total - ctx.result.series.residentPop[i]! / 1e4)).toBeLessThan(40 * 0.0005 + 1e-6);
      const urban = rowSums(t, ['城镇户籍', '本地农村户籍城镇常住', '外来人口（城镇）']).reduce<number>(
        (a, v) => a + (v ?? 0),
        0,
      );
      expect(Math.abs(urban - ctx.result.series.urbanResidentPop[i]! / 1e4)).toBeLessThan(120 * 0.0005 + 1e-6);
      expect(chart('pyramid').title(ctx)).toContain(String(year));
    }
  });
});

describe('rate observations', () => {
  const point = (o: Partial<ObservedPoint>): ObservedPoint => ({
    metric: 'hukouUrbanRate',
    year: 2020,
    value: 0.6,
    source: 'test source',
    ...o,
  });

  it('are hollow (not comparable) under another hukou definition than the projection’s, and kept off before the base year', () => {
    const base = ctxOf('changzhou-2016');
    const i = base.result.years.indexOf(2020);
    expect(base.result.hukouDefinition[i]).toBe('address');
    const ctx: ChartContext = {
      ...base,
      view: {
        ...base.view,
        observed: [
          point({ definition: 'nonAgricultural' }),
          point({ definition: 'address', year: 2021 }),
          point({ year: 2022 }),
          point({ metric: 'residentUrbanRate', definition: 'nonAgricultural', year: 2020 }),
          point({ year: 2010, definition: 'nonAgricultural' }),
          point({ metric: 'hukouPop', value: 3e6 }),
        ],
      },
    };
    const { shown, omitted } = rateObservations(ctx);
    expect(shown.map((o) => [o.metric, o.year, o.comparable])).toEqual([
      ['hukouUrbanRate', 2020, false],
      ['hukouUrbanRate', 2021, true],
      ['hukouUrbanRate', 2022, true],
      ['residentUrbanRate', 2020, true],
    ]);
    expect(shown[0].value).toBeCloseTo(60, 10);
    expect(omitted.map((o) => o.year)).toEqual([2010]);
    const rates = chart('rates');
    expect(rates.source(ctx)).toContain('2010');
    const t = rates.table(ctx);
    const row = t.rows.find((r) => r[0] === 2020)!;
    expect(row[t.columns.findIndex((c) => c.startsWith('户籍率观测值口径'))]).toBe('非农业户口口径');
  });

  it('shortens a source to the publication’s name', () => {
    expect(shortSource('shared/data/README.md §2a: Jiangsu YB 2019, table 3-6 — confidence: verified')).toBe(
      'Jiangsu YB 2019, table 3-6',
    );
    expect(shortSource('Report (mirror): https://x.example/y')).toBe('Report');
  });
});

describe('helpers', () => {
  it('stack values without turning a missing value into a zero', () => {
    const u = unitOf('persons', 'zh');
    const rects = stackParts(
      [2015, 2016],
      [
        { key: 'a', label: 'A', color: '#000', values: [null, 10000] },
        { key: 'b', label: 'B', color: '#111', values: [null, 20000] },
        { key: 'c', label: 'C', color: '#222', values: [null, -5000] },
      ],
      u,
    );
    expect(rects.filter((r) => r.year === 2015)).toEqual([]);
    expect(rects.map((r) => [r.key, r.y1, r.y2])).toEqual([
      ['a', 0, 1],
      ['b', 1, 3],
      ['c', 0, -0.5],
    ]);
  });

  it('tick years as integers from the base year, more of them on wider charts', () => {
    expect(yearTicks(2015, 2035, 560)).toEqual([2015, 2020, 2025, 2030, 2035]);
    expect(yearTicks(2017, 2035, 560)).toEqual([2017, 2020, 2025, 2030, 2035]);
    expect(yearTicks(2016, 2035, 1000)[0]).toBe(2016);
    expect(yearTicks(2016, 2035, 1000)).toContain(2034);
    expect(yearTicks(2015, 2035, 300)).toEqual([2015, 2020, 2030]);
  });

  it('find round ticks covering the maximum', () => {
    expect(niceTicks(273)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(4600, 3)).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(0)).toEqual([0]);
  });

  it('wrap legend rows inside the width', () => {
    const items = ['常住人口城镇化率', '户籍人口城镇化率', '两率差距', '目标', '观测值（公布）'].map((label) => ({
      label,
      color: '#000',
      kind: 'line' as const,
    }));
    const wide = layoutLegend(items, 1200, 8);
    expect(new Set(wide.positions.map((p) => p.y)).size).toBe(1);
    const narrow = layoutLegend(items, 300, 8);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(Math.max(...narrow.positions.map((p) => p.x))).toBeLessThan(300);
  });

  it('show the projected year nearest to the one asked for in the pyramid', () => {
    const ctx = ctxOf('changzhou-2016', 'zh', 2099);
    expect(pyramidYear(ctx)).toBe(2035);
    expect(pyramidYear({ ...ctx, year: 1990 })).toBe(2015);
  });
});
