/**
 * `per-settler`: funding needed per new settler in the year of settlement (one-offs and the first
 * year's package) against the transfer received per new settler; the expected lifetime cost (present
 * value) of a settler of the first projected year is stated in the title.
 */
import { PER_SETTLER_COLORS } from './palette';
import { fiscalLinesChart } from './fiscal-lines';
import type { LineSeries } from './lines';
import type { ChartContext, ChartSpec } from './types';
import { fmt } from './units';
import { by } from './words';

function lines(ctx: ChartContext): LineSeries[] {
  const f = ctx.result.fiscal!;
  return [
    {
      key: 'annual',
      label: by(ctx.lang, '落户当年人均成本', 'Cost in the year of settlement'),
      color: PER_SETTLER_COLORS.annual,
      values: f.perSettler.annual,
    },
    {
      key: 'transfer',
      label: by(ctx.lang, '人均转移支付（奖励与投资补助）', 'Transfer per settler (reward and investment subsidy)'),
      color: PER_SETTLER_COLORS.transfer,
      values: f.perSettler.transfer,
    },
  ];
}

/** The lifetime present value in words, or '' when the run has none. */
function lifetime(ctx: ChartContext): string {
  const pv = ctx.result.fiscal?.perSettler.lifetimePV;
  if (pv === null || pv === undefined || !Number.isFinite(pv)) return '';
  const first = ctx.result.scenario.baseYear + 1;
  return by(
    ctx.lang,
    `${first}年落户者预期终身成本现值 ${fmt(pv)} 元/人`,
    `lifetime cost of a ${first} settler, present value: CNY ${fmt(pv)} per person`,
  );
}

const title = (ctx: ChartContext) => {
  const pv = lifetime(ctx);
  return (
    by(ctx.lang, '新落户人口人均资金需求', 'Funding per new settler') +
    (pv ? by(ctx.lang, `（${pv}）`, ` (${pv})`) : '')
  );
};

export const perSettlerChart: ChartSpec = fiscalLinesChart({
  id: 'per-settler',
  title,
  unitKind: 'yuanPerPerson',
  note: {
    zh: '当年人均成本 = 一次性支出与第一年公共服务之和 ÷ 当年新落户人数；终身成本现值按城镇生命表存活、折现到首个预测年。',
    en: 'Cost in the year of settlement = one-offs plus the first year of services, per new settler; the lifetime value uses urban survival, discounted to the first projected year.',
  },
  yName: { zh: '每名新落户人口', en: 'Per new settler' },
  digits: 0,
  marginLeft: 64,
  lines,
  extraColumns: (ctx, unit) => [
    {
      name: by(ctx.lang, '终身成本现值（首个预测年落户者）', 'Lifetime cost, present value (first-year settler)'),
      unit,
      values: ctx.result.years.map((_, i) => (i === 1 ? ctx.result.fiscal!.perSettler.lifetimePV : null)),
    },
  ],
});
