/**
 * `fan`: the resident and hukou urbanisation rates under uncertainty — the 5–95 and 25–75 percentile
 * bands and the median of the Monte Carlo runs, with the deterministic run for reference. Available when
 * an uncertainty analysis of the scenario on screen has run.
 */
import * as Plot from '@observablehq/plot';
import { frame } from './frame';
import type { LegendItem } from './legend';
import { RATE_COLORS } from './palette';
import { fileNote, sourceLine } from './source';
import type { ChartContext, ChartSpec, ChartTable } from './types';
import { cell, fmt, unitOf, withUnit } from './units';
import { by, YEAR } from './words';

const SERIES = [
  { key: 'residentUrbanRate', color: RATE_COLORS.resident, zh: '常住人口城镇化率', en: 'Resident rate' },
  { key: 'hukouUrbanRate', color: RATE_COLORS.hukou, zh: '户籍人口城镇化率', en: 'Hukou rate' },
] as const;
const BANDS = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
/** Fill opacities of the 5–95 and 25–75 bands, and the deterministic run's line: the legend shows the same. */
const OUTER = 0.15;
const INNER = 0.3;
const DET = { color: '#333333', width: 1.2, dash: '4,3' } as const;
const BAND_GREY = '#808080';

const pct = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? 100 * x : null);

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const u = ctx.uncertainty!;
  const { lang, result } = ctx;
  const rows = SERIES.flatMap((s) =>
    u.years.map((year, i) => ({
      key: s.key,
      year,
      p5: pct(u.percentiles.p5[s.key]?.[i]),
      p25: pct(u.percentiles.p25[s.key]?.[i]),
      p50: pct(u.percentiles.p50[s.key]?.[i]),
      p75: pct(u.percentiles.p75[s.key]?.[i]),
      p95: pct(u.percentiles.p95[s.key]?.[i]),
      det: pct(result.series[s.key][result.years.indexOf(year)]),
    })),
  );
  const lo = Math.min(...rows.map((r) => r.p5 ?? Infinity));
  const hi = Math.max(...rows.map((r) => r.p95 ?? -Infinity));
  const legend: LegendItem[] = [
    ...SERIES.map((s) => ({
      label: by(lang, `${s.zh}（中位数）`, `${s.en} (median)`),
      color: s.color,
      kind: 'line' as const,
    })),
    // The bands as drawn: the outer at its opacity, the inner over it (both shades together).
    { label: by(lang, '5%–95% 区间', '5–95% band'), color: BAND_GREY, kind: 'band', opacity: OUTER },
    {
      label: by(lang, '25%–75% 区间', '25–75% band'),
      color: BAND_GREY,
      kind: 'band',
      opacity: 1 - (1 - OUTER) * (1 - INNER),
    },
    {
      label: by(lang, '确定性预测', 'Deterministic run'),
      color: DET.color,
      kind: 'dashed',
      dash: DET.dash,
      width: DET.width,
    },
  ];
  return frame({
    ctx,
    width,
    y: {
      label: withUnit(by(lang, '城镇化率', 'Urbanisation rate'), '%', lang),
      domain: [Math.floor(lo - 1), Math.ceil(hi + 1)],
      grid: true,
    },
    marks: SERIES.flatMap((s) => {
      const d = rows.filter((r) => r.key === s.key && r.p5 !== null);
      return [
        Plot.areaY(d, { x: 'year', y1: 'p5', y2: 'p95', fill: s.color, fillOpacity: OUTER }),
        Plot.areaY(d, { x: 'year', y1: 'p25', y2: 'p75', fill: s.color, fillOpacity: INNER }),
        Plot.line(d, { x: 'year', y: 'p50', stroke: s.color, strokeWidth: 2.5 }),
        Plot.line(d, { x: 'year', y: 'det', stroke: DET.color, strokeWidth: DET.width, strokeDasharray: DET.dash }),
        Plot.dot(d, {
          x: 'year',
          y: 'p50',
          r: 2,
          fill: s.color,
          title: (r: (typeof d)[number]) =>
            `${r.year}: ${by(lang, s.zh, s.en)} ${fmt(r.p50 ?? NaN, 1)}% (5–95%: ${fmt(r.p5 ?? NaN, 1)}–${fmt(r.p95 ?? NaN, 1)}%)`,
        }),
      ];
    }),
    legend,
    ariaLabel: title(ctx),
    ariaDescription: by(
      lang,
      `${u.runs} 次蒙特卡罗模拟的百分位区间。`,
      `Percentile bands of ${u.runs} Monte Carlo runs.`,
    ),
  });
}

const title = (ctx: ChartContext) =>
  by(
    ctx.lang,
    `城镇化率的不确定性（${ctx.uncertainty?.runs ?? 0} 次模拟）`,
    `Urbanisation rates under uncertainty (${ctx.uncertainty?.runs ?? 0} runs)`,
  );

function table(ctx: ChartContext): ChartTable {
  const u = ctx.uncertainty!;
  const unit = unitOf('percent', ctx.lang);
  const cols = SERIES.flatMap((s) => BANDS.map((b) => ({ s, b })));
  return {
    columns: [
      YEAR[ctx.lang],
      ...cols.map(({ s, b }) => withUnit(`${by(ctx.lang, s.zh, s.en)} ${b}`, unit.label, ctx.lang)),
    ],
    rows: u.years.map((year, i) => [year, ...cols.map(({ s, b }) => cell(u.percentiles[b][s.key]?.[i] ?? null, unit))]),
  };
}

export const fanChart: ChartSpec = {
  id: 'fan',
  title,
  unit: () => '%',
  source: (ctx) => {
    const u = ctx.uncertainty;
    const names = (u?.parameters ?? []).map((p) =>
      ctx.lang === 'en' ? p.labelEn || p.label || p.pointer : p.label || p.pointer,
    );
    return sourceLine(
      ctx,
      by(
        ctx.lang,
        `${u?.runs ?? 0} 次蒙特卡罗模拟（随机种子 ${u?.seed ?? ''}），随机变动的参数：${names.join('、')}；分布见情景文件 uncertainty 部分。阴影为 5%–95% 与 25%–75% 区间，实线为中位数，虚线为确定性预测。`,
        `${u?.runs ?? 0} Monte Carlo runs (seed ${u?.seed ?? ''}) varying: ${names.join(', ')}; distributions in the scenario's uncertainty part. Shades: 5–95% and 25–75% bands; solid: median; dashed: the deterministic run.`,
      ),
      fileNote(ctx),
    );
  },
  available: (ctx) => !!ctx.uncertainty && ctx.uncertainty.runs > 0,
  render,
  table,
};
