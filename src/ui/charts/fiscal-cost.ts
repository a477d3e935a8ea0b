/**
 * `fiscal-cost` and `fiscal-payer`: the yearly cost of citizenisation (settlers' package and one-offs,
 * and the residence-permit services of non-registered residents), stacked by component and by payer.
 */
import { PAYERS } from '../../model/fiscal';
import type { FiscalResult } from '../../scenario/result';
import { categoryColor, PAYER_COLORS } from './palette';
import type { StackPart } from './stack';
import { renderStackedBars, stackedTable } from './stacked-bars';
import { fileNote, fiscalNote, flowsNote, sourceLine } from './source';
import type { ChartContext, ChartSpec } from './types';
import { unitOf } from './units';
import { by, describeSeries, nameOf, PAYER_LABELS, POOLED_LOCAL_LABEL } from './words';

const fiscalOf = (ctx: ChartContext): FiscalResult => {
  if (!ctx.result.fiscal) throw new Error('fiscal chart drawn for a scenario without a fiscal part');
  return ctx.result.fiscal;
};

/** Components in the scenario's order (so colours follow the scenario), unknown ones after. */
export function componentParts(ctx: ChartContext): StackPart[] {
  const byComp = fiscalOf(ctx).costByComponent;
  const ids = [
    ...ctx.view.components.map((c) => c.id).filter((id) => id in byComp),
    ...Object.keys(byComp).filter((id) => !ctx.view.components.some((c) => c.id === id)),
  ];
  return ids.map((id, i) => ({
    key: id,
    label: nameOf(ctx.lang, ctx.view.components, id),
    color: categoryColor(i),
    values: byComp[id],
  }));
}

/**
 * Payers in a fixed order; the city and its counties as one (市县两级) where the document pools them; the
 * area of origin only where it bears something.
 */
export function payerParts(ctx: ChartContext): StackPart[] {
  const f = fiscalOf(ctx);
  const byPayer = f.costByPayer;
  const parts: StackPart[] = [];
  for (const p of PAYERS) {
    const values = byPayer[p] ?? [];
    if (p === 'origin' && !values.some((v) => (v ?? 0) > 0)) continue;
    if (f.localPooled && p === 'county') continue;
    if (f.localPooled && p === 'municipal')
      parts.push({
        key: 'local',
        label: POOLED_LOCAL_LABEL[ctx.lang],
        color: PAYER_COLORS.municipal,
        values: values.map((v, i) => (v === null ? null : v + (byPayer.county[i] ?? 0))),
      });
    else parts.push({ key: p, label: PAYER_LABELS[p][ctx.lang], color: PAYER_COLORS[p], values });
  }
  return parts;
}

const costName = (ctx: ChartContext) => by(ctx.lang, '市民化成本', 'Citizenisation cost');
const hasFiscal = (ctx: ChartContext) => ctx.result.fiscal !== undefined;
const source = (ctx: ChartContext) =>
  sourceLine(
    ctx,
    flowsNote(ctx),
    by(
      ctx.lang,
      '成本含新落户人口的公共服务与一次性支出，以及未落户城镇常住人口按居住证服务水平享受的部分。',
      'Cost covers the services and one-off outlays for settlers, and the residence-permit share of services for non-registered residents.',
    ),
    fiscalNote(ctx),
    fileNote(ctx),
  );

export const fiscalCostChart: ChartSpec = {
  id: 'fiscal-cost',
  title: (ctx) => by(ctx.lang, '农业转移人口市民化成本（按支出项目）', 'Citizenisation cost, by component'),
  unit: (ctx) => unitOf('yuan', ctx.lang).label,
  source,
  available: hasFiscal,
  render: (ctx, width) =>
    renderStackedBars(ctx, width, {
      parts: componentParts(ctx),
      unit: unitOf('yuan', ctx.lang),
      yName: costName(ctx),
      ariaLabel: fiscalCostChart.title(ctx),
      ariaDescription: describeSeries(ctx, costName(ctx), fiscalOf(ctx).totalCost, unitOf('yuan', ctx.lang), 2),
    }),
  table: (ctx) => stackedTable(ctx, componentParts(ctx), unitOf('yuan', ctx.lang)),
};

export const fiscalPayerChart: ChartSpec = {
  id: 'fiscal-payer',
  title: (ctx) => by(ctx.lang, '市民化成本（按承担主体）', 'Citizenisation cost, by payer'),
  unit: (ctx) => unitOf('yuan', ctx.lang).label,
  source,
  available: hasFiscal,
  render: (ctx, width) =>
    renderStackedBars(ctx, width, {
      parts: payerParts(ctx),
      unit: unitOf('yuan', ctx.lang),
      yName: costName(ctx),
      ariaLabel: fiscalPayerChart.title(ctx),
      ariaDescription: payerParts(ctx)
        .map((p) => describeSeries(ctx, p.label, p.values, unitOf('yuan', ctx.lang), 2))
        .join(by(ctx.lang, '；', '; ')),
    }),
  table: (ctx) => stackedTable(ctx, payerParts(ctx), unitOf('yuan', ctx.lang)),
};
