/**
 * `calibration`: observed urbanisation rates against the model's fitted values after a calibration, a
 * rule from each observation to its fitted value (the residual). Observations not used in the fit (the
 * base year, a definition break) are drawn hollow and grey. Populations are in the table behind it.
 */
import * as Plot from '@observablehq/plot';
import { frame, yearFormat, yearTicks } from './frame';
import type { LegendItem } from './legend';
import { RATE_COLORS } from './palette';
import { fileNote, sourceLine } from './source';
import type { ChartContext, ChartSpec, ChartTable } from './types';
import { by, metricLabel, YEAR } from './words';

const RATES = [
  { key: 'residentUrbanRate', color: RATE_COLORS.resident, zh: '常住人口城镇化率', en: 'Resident rate' },
  { key: 'hukouUrbanRate', color: RATE_COLORS.hukou, zh: '户籍人口城镇化率', en: 'Hukou rate' },
] as const;

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const c = ctx.calibration!;
  const { lang } = ctx;
  // Observations before the base year say nothing about a projection that starts there: table only.
  const from = ctx.result.scenario.baseYear;
  const rows = RATES.flatMap((r) =>
    (c.fitted[r.key] ?? [])
      .filter((p) => p.year >= from)
      .map((p) => ({
        ...p,
        key: r.key,
        color: r.color,
        obs: 100 * p.observed,
        fit: p.fitted === null ? null : 100 * p.fitted,
      })),
  );
  const values = rows.flatMap((r) => [r.obs, r.fit ?? r.obs]);
  const legend: LegendItem[] = [
    ...RATES.filter((r) => rows.some((x) => x.key === r.key)).map((r) => ({
      label: by(lang, `${r.zh}：观测值`, `${r.en}: observed`),
      color: r.color,
      kind: 'hollow' as const,
    })),
    { label: by(lang, '拟合值（校准后）', 'Fitted (after calibration)'), color: '#333333', kind: 'dot' },
    { label: by(lang, '未用于拟合', 'Not used in the fit'), color: '#999999', kind: 'hollow' },
  ];
  const years = rows.map((r) => r.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  return frame({
    width,
    x: {
      type: 'linear',
      domain: [y0 - 0.5, y1 + 0.5],
      // Every year where there is room (a short span, a wide chart); no two labels crowding at any width.
      ticks: yearTicks(y0, y1, width),
      tickFormat: yearFormat,
      label: null,
    },
    y: {
      label: by(lang, '城镇化率（%）', 'Urbanisation rate (%)'),
      domain: [Math.floor(Math.min(...values) - 1), Math.ceil(Math.max(...values) + 1)],
      grid: true,
    },
    marks: [
      Plot.ruleX(
        rows.filter((r) => r.fit !== null),
        { x: 'year', y1: 'obs', y2: 'fit', stroke: (d: (typeof rows)[number]) => d.color, strokeOpacity: 0.6 },
      ),
      Plot.dot(rows, {
        x: 'year',
        y: 'obs',
        r: 5,
        stroke: (d: (typeof rows)[number]) => (d.used ? d.color : '#999999'),
        strokeWidth: 2,
        fill: 'white',
        title: (d: (typeof rows)[number]) =>
          `${d.year}: ${d.obs.toFixed(1)}%${d.used ? '' : ` (${by(lang, '未用于拟合', 'not used')}: ${d.reason ?? ''})`}`,
      }),
      Plot.dot(
        rows.filter((r) => r.fit !== null),
        { x: 'year', y: 'fit', r: 3, fill: (d: (typeof rows)[number]) => d.color },
      ),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: by(
      lang,
      `校准后均方根误差 ${c.rmse.toPrecision(3)}`,
      `RMSE after calibration ${c.rmse.toPrecision(3)}`,
    ),
  });
}

const title = (ctx: ChartContext) => by(ctx.lang, '校准：观测值与拟合值', 'Calibration: observed against fitted');

function table(ctx: ChartContext): ChartTable {
  const c = ctx.calibration!;
  const { lang } = ctx;
  return {
    columns: [
      by(lang, '指标', 'Metric'),
      YEAR[lang],
      by(lang, '观测值', 'Observed'),
      by(lang, '拟合值', 'Fitted'),
      by(lang, '用于拟合', 'Used'),
      by(lang, '说明', 'Note'),
    ],
    rows: Object.entries(c.fitted).flatMap(([metric, points]) =>
      points.map((p) => [
        metricLabel(metric, lang),
        p.year,
        p.observed,
        p.fitted === null ? null : +p.fitted.toPrecision(6),
        p.used ? by(lang, '是', 'yes') : by(lang, '否', 'no'),
        p.reason ?? '',
      ]),
    ),
  };
}

export const calibrationChart: ChartSpec = {
  id: 'calibration',
  title,
  unit: () => '%',
  source: (ctx) =>
    sourceLine(
      ctx,
      by(
        ctx.lang,
        '观测值来自情景文件 observed 部分（各有出处）；拟合值为按最小二乘校准后的模型预测。基年数值由构造给定，跨户籍统计口径变化的观测值不参与拟合。',
        'Observations from the scenario’s observed part (each with its source); fitted values are the model after a least-squares calibration. Base-year values hold by construction; observations across a change of the hukou definition are not fitted.',
      ),
      fileNote(ctx),
    ),
  available: (ctx) => !!ctx.calibration && RATES.some((r) => (ctx.calibration!.fitted[r.key] ?? []).length > 0),
  render,
  table,
};
