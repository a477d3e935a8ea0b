/**
 * The contract every chart of the dashboard fulfils. A chart is a pure description: it renders an
 * element from a context and gives the table behind it, so that the page, the brief and the exports
 * (PNG, SVG, CSV) all draw from the same source.
 */
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { BacktestView, CalibrationView, SensitivityView, UncertaintyView } from '../../runner/analysis-types';
import type { ProjectionResult } from '../../scenario/result';

export type { Lang } from '../../state/lang';
import type { Lang } from '../../state/lang';

export interface ChartContext {
  readonly result: ProjectionResult;
  readonly view: ViewData;
  readonly meta: ScenarioMeta;
  readonly lang: Lang;
  /** The year the pyramid (and any year-specific chart) shows. */
  readonly year: number;
  /** Results of analyses of this scenario, when run (the fan, tornado and calibration charts). */
  readonly uncertainty?: UncertaintyView;
  readonly sensitivity?: SensitivityView;
  readonly calibration?: CalibrationView;
  /** A back-test and the metric its chart shows. */
  readonly backtest?: { readonly view: BacktestView; readonly metric: string };
  /** The run before the last lever move, of the same scenario: the rates chart draws it faintly. */
  readonly baseline?: ProjectionResult;
}

/** The data behind a chart, as it goes to CSV: one header row of column names, then rows. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface ChartSpec {
  /** The `[data-chart]` id of INTERFACES.md. */
  readonly id: string;
  title(ctx: ChartContext): string;
  /** Units of the values, e.g. "万人", "%", "亿元". */
  unit(ctx: ChartContext): string;
  /** The source line printed under the chart. */
  source(ctx: ChartContext): string;
  /** A sentence under the chart that says how to read it (what a figure counts), where one is needed. */
  caption?(ctx: ChartContext): string;
  /** False when the scenario lacks what the chart shows (e.g. no fiscal part). */
  available(ctx: ChartContext): boolean;
  /** The chart itself (an `<svg>`, or a `<figure>` holding one and its legend), `width` CSS pixels wide. */
  render(ctx: ChartContext, width: number): SVGSVGElement | HTMLElement;
  table(ctx: ChartContext): ChartTable;
}
