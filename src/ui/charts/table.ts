/** Tables behind the time charts: one row per year, the year first, every column with its unit. */
import type { Series } from '../../scenario/result';
import type { ChartContext, ChartTable } from './types';
import { cell, withUnit, type Unit } from './units';
import { YEAR } from './words';

export interface TableColumn {
  readonly name: string;
  readonly unit: Unit;
  readonly values: Series;
}

export function seriesTable(ctx: ChartContext, columns: readonly TableColumn[]): ChartTable {
  const { lang } = ctx;
  return {
    columns: [YEAR[lang], ...columns.map((c) => withUnit(c.name, c.unit.label, lang))],
    rows: ctx.result.years.map((year, i) => [year, ...columns.map((c) => cell(c.values[i], c.unit))]),
  };
}
