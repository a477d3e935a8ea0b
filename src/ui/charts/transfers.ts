/**
 * `transfers`: the transfers the city receives (settlement rewards, general-transfer linkage,
 * construction-investment subsidy) against the total cost, and the municipal net burden.
 */
import { MONEY_COLORS } from './palette';
import { fiscalLinesChart } from './fiscal-lines';
import type { LineSeries } from './lines';
import type { ChartContext, ChartSpec } from './types';
import { by } from './words';

function lines(ctx: ChartContext): LineSeries[] {
  const f = ctx.result.fiscal!;
  return [
    { key: 'cost', label: by(ctx.lang, '市民化总成本', 'Total cost'), color: MONEY_COLORS.cost, values: f.totalCost },
    {
      key: 'net',
      label: by(ctx.lang, '市县财政净负担', 'Net burden of city and counties'),
      color: MONEY_COLORS.municipalNet,
      values: f.municipalNet,
      dashed: true,
    },
    {
      key: 'transfers',
      label: by(ctx.lang, '获得的转移支付', 'Transfers received'),
      color: MONEY_COLORS.transfers,
      values: f.transfers.total,
    },
  ];
}

const title = (ctx: ChartContext) => by(ctx.lang, '转移支付与市民化成本', 'Transfers received and citizenisation cost');

export const transfersChart: ChartSpec = fiscalLinesChart({
  id: 'transfers',
  title,
  unitKind: 'yuan',
  note: {
    zh: '转移支付 = 落户奖励 + 一般性转移支付挂钩 + 基建投资补助；市级净负担 = 市县承担的成本 − 转移支付。',
    en: 'Transfers = settlement rewards + general-transfer linkage + construction-investment subsidy; municipal net burden = cost borne by the city and its counties − transfers.',
  },
  yName: { zh: '金额', en: 'Amount' },
  digits: 2,
  lines,
  extraColumns: (ctx, unit) => {
    const t = ctx.result.fiscal!.transfers;
    return [
      { name: by(ctx.lang, '其中：落户奖励', 'of which: rewards'), unit, values: t.reward },
      {
        name: by(ctx.lang, '其中：一般性转移支付挂钩', 'of which: general-transfer linkage'),
        unit,
        values: t.generalLinkage,
      },
      { name: by(ctx.lang, '其中：基建投资补助', 'of which: investment subsidy'), unit, values: t.investmentSubsidy },
    ];
  },
});
