/**
 * The fiscal charts drawn as lines over the years (funding per settler, transfers against cost): one
 * definition each, the shared parts (source line, availability, drawing, table) here.
 */
import { renderLines, type LineSeries } from './lines';
import { fileNote, fiscalNote, flowsNote, sourceLine } from './source';
import { seriesTable, type TableColumn } from './table';
import type { ChartContext, ChartSpec } from './types';
import { unitOf, type Unit } from './units';
import { by, describeSeries } from './words';

type Words = { readonly zh: string; readonly en: string };

export interface FiscalLinesDef {
  readonly id: string;
  title(ctx: ChartContext): string;
  readonly unitKind: 'yuan' | 'yuanPerPerson';
  /** What the lines are, for the source line. */
  readonly note: Words;
  /** The y axis's name. */
  readonly yName: Words;
  /** Decimals in the screen-reader description. */
  readonly digits: number;
  readonly marginLeft?: number;
  lines(ctx: ChartContext): LineSeries[];
  /** Columns the table adds after the lines. */
  extraColumns?(ctx: ChartContext, unit: Unit): TableColumn[];
  /** A sentence under the chart on how to read it. */
  caption?(ctx: ChartContext): string;
}

export function fiscalLinesChart(d: FiscalLinesDef): ChartSpec {
  const unit = (ctx: ChartContext) => unitOf(d.unitKind, ctx.lang);
  return {
    id: d.id,
    title: d.title,
    unit: (ctx) => unit(ctx).label,
    source: (ctx) =>
      sourceLine(ctx, flowsNote(ctx), by(ctx.lang, d.note.zh, d.note.en), fiscalNote(ctx), fileNote(ctx)),
    available: (ctx) => ctx.result.fiscal !== undefined,
    ...(d.caption ? { caption: d.caption } : {}),
    render: (ctx, width) =>
      renderLines(ctx, width, {
        lines: d.lines(ctx),
        unit: unit(ctx),
        yName: by(ctx.lang, d.yName.zh, d.yName.en),
        ariaLabel: d.title(ctx),
        ariaDescription: d
          .lines(ctx)
          .map((l) => describeSeries(ctx, l.label, l.values, unit(ctx), d.digits))
          .join(by(ctx.lang, '；', '; ')),
        ...(d.marginLeft !== undefined ? { marginLeft: d.marginLeft } : {}),
      }),
    table: (ctx) =>
      seriesTable(ctx, [
        ...d.lines(ctx).map((l) => ({ name: l.label, unit: unit(ctx), values: l.values })),
        ...(d.extraColumns?.(ctx, unit(ctx)) ?? []),
      ]),
  };
}
