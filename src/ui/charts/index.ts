/**
 * The dashboard's charts in display order. Each is a {@link ChartSpec}: a pure description that
 * renders an `<svg>` and gives the table behind it, for the page, the brief and the exports alike.
 */
import { fanChart } from './fan';
import { fiscalCostChart, fiscalPayerChart } from './fiscal-cost';
import { gapChart } from './gap';
import { landChart } from './land';
import { nonRegisteredChart } from './non-registered';
import { perSettlerChart } from './per-settler';
import { pyramidChart } from './pyramid';
import { ratesChart } from './rates';
import { registrationChart } from './registration';
import { settlersChart, settlersOriginChart } from './settlers';
import { transfersChart } from './transfers';
import type { ChartSpec } from './types';

export const CHARTS: readonly ChartSpec[] = [
  ratesChart,
  fanChart,
  gapChart,
  settlersChart,
  settlersOriginChart,
  registrationChart,
  pyramidChart,
  nonRegisteredChart,
  fiscalCostChart,
  fiscalPayerChart,
  perSettlerChart,
  transfersChart,
  landChart,
];

export type { ChartContext, ChartSpec, ChartTable, Lang } from './types';
