/**
 * `pyramid`: the resident population of one year by 5-year age group, sex and registration state,
 * males to the left. People registered here but living away (AWU, AWR) are not residents and are left
 * out; the source line says so.
 */
import * as Plot from '@observablehq/plot';
import { frame, maxOf } from './frame';
import type { LegendItem } from './legend';
import { STATE_COLORS } from './palette';
import { fileNote, sourceLine } from './source';
import type { ChartContext, ChartSpec, ChartTable } from './types';
import { cell, fmt, unitOf, withUnit } from './units';
import { by, STATE_LABELS, TOTAL } from './words';

/** Drawn from the centre outwards: the registered urban core first, the rural and non-local last. */
export const RESIDENT_STATES = ['UH', 'UA', 'UN', 'RA', 'RN'] as const;
type ResidentState = (typeof RESIDENT_STATES)[number];

/** Ages in the pyramid vectors: 0 … 99 and the open group 100+ (src/model/dims.ts). */
const AGES = 101;
/** Sex order of the vectors (src/model/dims.ts): 0 female, 1 male. */
const SEXES = [
  { key: 'male', index: 1, zh: '男', en: 'Male' },
  { key: 'female', index: 0, zh: '女', en: 'Female' },
] as const;

export interface AgeGroup {
  readonly label: string;
  readonly from: number;
  /** Inclusive. */
  readonly to: number;
}

/** 0–4, 5–9, …, 90–94, and 95+ (ages 95 to 100+), for legibility. */
export const AGE_GROUPS: readonly AgeGroup[] = Array.from({ length: 20 }, (_, g) =>
  g < 19 ? { label: `${5 * g}–${5 * g + 4}`, from: 5 * g, to: 5 * g + 4 } : { label: '95+', from: 95, to: AGES - 1 },
);

/** The year shown: `ctx.year` if projected, else the nearest year of the run. */
export function pyramidYear(ctx: ChartContext): number {
  const { years } = ctx.result;
  if (years.includes(ctx.year)) return ctx.year;
  return Math.min(Math.max(ctx.year, years[0]), years[years.length - 1]);
}

export interface PyramidCell {
  readonly group: string;
  readonly sex: 'male' | 'female';
  readonly state: ResidentState;
  /** Persons. */
  readonly value: number;
}

/** Residents of the shown year by age group, sex and state (states the view lacks are skipped). */
export function pyramidCells(ctx: ChartContext): PyramidCell[] {
  const { view } = ctx;
  const i = ctx.result.years.indexOf(pyramidYear(ctx));
  const nStates = view.states.length;
  const out: PyramidCell[] = [];
  if (i < 0) return out;
  for (const state of RESIDENT_STATES) {
    const k = view.states.indexOf(state);
    if (k < 0) continue;
    for (const sex of SEXES)
      for (const g of AGE_GROUPS) {
        let v = 0;
        const base = (i * nStates + k) * view.sa + sex.index * AGES;
        for (let a = g.from; a <= g.to; a++) v += view.pyramid[base + a] ?? 0;
        out.push({ group: g.label, sex: sex.key, state, value: Number.isFinite(v) ? v : 0 });
      }
  }
  return out;
}

interface Bar extends PyramidCell {
  readonly x1: number;
  readonly x2: number;
}

function render(ctx: ChartContext, width: number): SVGSVGElement {
  const { lang } = ctx;
  const unit = unitOf('persons', lang);
  const cells = pyramidCells(ctx);
  const bars: Bar[] = [];
  const reach = new Map<string, number>(); // how far each (group, sex) bar already extends
  for (const c of cells) {
    const key = `${c.group}|${c.sex}`;
    const from = reach.get(key) ?? 0;
    const to = from + c.value / unit.per;
    reach.set(key, to);
    const sign = c.sex === 'male' ? -1 : 1;
    bars.push({ ...c, x1: sign * from, x2: sign * to });
  }
  const max = maxOf(reach.values()) * 1.05;
  const states = RESIDENT_STATES.filter((s) => cells.some((c) => c.state === s && c.value > 0));
  const legend: LegendItem[] = states.map((s) => ({
    label: STATE_LABELS[s][lang],
    color: STATE_COLORS[s],
    kind: 'swatch',
  }));
  const year = pyramidYear(ctx);
  const digits = Math.min(unit.digits, 2);
  return frame({
    ctx,
    width,
    height: 380,
    marginLeft: 48,
    x: {
      domain: [-max, max],
      nice: true,
      label: withUnit(by(lang, '人口', 'Population'), unit.label, lang),
      labelAnchor: 'center',
      labelArrow: 'none',
      tickFormat: (d: number) => fmt(Math.abs(d), max < 3 ? 1 : 0),
      grid: true,
    },
    y: {
      type: 'band',
      domain: [...AGE_GROUPS].reverse().map((g) => g.label),
      label: by(lang, '年龄（岁）', 'Age'),
      labelAnchor: 'top',
      padding: 0.1,
      tickSize: 0,
    },
    marginBottom: 40,
    marks: [
      Plot.barX(bars, {
        y: 'group',
        x1: 'x1',
        x2: 'x2',
        fill: (d: Bar) => STATE_COLORS[d.state],
        title: (d: Bar) =>
          `${d.group} ${SEXES.find((s) => s.key === d.sex)![lang]} ${STATE_LABELS[d.state][lang]}: ${fmt(d.value / unit.per, digits)} ${unit.label}`,
      }),
      Plot.ruleX([0]),
      Plot.text([by(lang, '← 男', '← Male')], {
        frameAnchor: 'top-left',
        dx: 4,
        dy: 2,
        textAnchor: 'start',
        fontWeight: 'bold',
      }),
      Plot.text([by(lang, '女 →', 'Female →')], {
        frameAnchor: 'top-right',
        dx: -4,
        dy: 2,
        textAnchor: 'end',
        fontWeight: 'bold',
      }),
    ],
    legend,
    ariaLabel: title(ctx),
    ariaDescription: by(
      lang,
      `${year}年常住人口按5岁年龄组、性别和户籍状态，男左女右。`,
      `Residents in ${year} by 5-year age group, sex and registration state; males left, females right.`,
    ),
  });
}

const title = (ctx: ChartContext) =>
  by(
    ctx.lang,
    `${pyramidYear(ctx)}年人口金字塔（按户籍状态）`,
    `Population pyramid by registration state, ${pyramidYear(ctx)}`,
  );

function table(ctx: ChartContext): ChartTable {
  const { lang } = ctx;
  const unit = unitOf('persons', lang);
  const cells = pyramidCells(ctx);
  const states = RESIDENT_STATES.filter((s) => cells.some((c) => c.state === s));
  const rows: (string | number | null)[][] = [];
  for (const g of AGE_GROUPS)
    for (const sex of SEXES) {
      const vs = states.map(
        (s) => cells.find((c) => c.group === g.label && c.sex === sex.key && c.state === s)?.value ?? 0,
      );
      rows.push([
        g.label,
        sex[lang],
        ...vs.map((v) => cell(v, unit)),
        cell(
          vs.reduce((a, b) => a + b, 0),
          unit,
        ),
      ]);
    }
  return {
    columns: [
      by(lang, '年龄组', 'Age group'),
      by(lang, '性别', 'Sex'),
      ...states.map((s) => withUnit(STATE_LABELS[s][lang], unit.label, lang)),
      withUnit(TOTAL[lang], unit.label, lang),
    ],
    rows,
  };
}

export const pyramidChart: ChartSpec = {
  id: 'pyramid',
  title,
  unit: (ctx) => unitOf('persons', ctx.lang).label,
  source: (ctx) => {
    const year = pyramidYear(ctx);
    const base = ctx.result.scenario.baseYear;
    return sourceLine(
      ctx,
      year === base
        ? by(
            ctx.lang,
            `${year}年（基年）为按公布总数和普查年龄结构推算的估计。`,
            `${year} (base year): an estimate from published totals and the census age structure.`,
          )
        : by(ctx.lang, `${year}年为模型预测，不是统计数据。`, `${year}: a model projection, not statistics.`),
      by(
        ctx.lang,
        '只含常住人口：户籍在本地、居住在外的人员（外出城镇户籍 AWU、外出农村户籍 AWR）不是常住人口，未列入。按5岁年龄组，95岁及以上合并。',
        'Residents only: people registered here who live away (AWU, AWR) are not residents and are left out. Five-year age groups; 95 and over together.',
      ),
      fileNote(ctx),
    );
  },
  available: (ctx) => ctx.view.pyramid.length > 0 && ctx.view.states.some((s) => s === 'UH'),
  render,
  table,
};
