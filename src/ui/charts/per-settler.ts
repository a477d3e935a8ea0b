/**
 * `per-settler`: funding needed per new settler in the year of settlement (one-offs and the first
 * year's package) against the transfer received per new settler; the expected lifetime cost (present
 * value) of a settler of the first projected year is stated in the title.
 */
import { PER_SETTLER_COLORS } from './palette';
import { renderLines, type LineSeries } from './lines';
import { fileNote, fiscalNote, flowsNote, sourceLine } from './source';
import type { ChartContext, ChartSpec } from './types';
import { fmt, unitOf } from './units';
import { by, describeSeries } from './words';
import { seriesTable } from './table';

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

export const perSettlerChart: ChartSpec = {
  id: 'per-settler',
  title,
  unit: (ctx) => unitOf('yuanPerPerson', ctx.lang).label,
  source: (ctx) =>
    sourceLine(
      ctx,
      flowsNote(ctx),
      by(
        ctx.lang,
        '当年人均成本 = 一次性支出与第一年公共服务之和 ÷ 当年新落户人数；终身成本现值按城镇生命表存活、折现到首个预测年。',
        'Cost in the year of settlement = one-offs plus the first year of services, per new settler; the lifetime value uses urban survival, discounted to the first projected year.',
      ),
      fiscalNote(ctx),
      fileNote(ctx),
    ),
  available: (ctx) => ctx.result.fiscal !== undefined,
  render: (ctx, width) =>
    renderLines(ctx, width, {
      lines: lines(ctx),
      unit: unitOf('yuanPerPerson', ctx.lang),
      yName: by(ctx.lang, '每名新落户人口', 'Per new settler'),
      ariaLabel: title(ctx),
      ariaDescription: lines(ctx)
        .map((l) => describeSeries(ctx, l.label, l.values, unitOf('yuanPerPerson', ctx.lang), 0))
        .join(by(ctx.lang, '；', '; ')),
      marginLeft: 64,
    }),
  table: (ctx) => {
    const unit = unitOf('yuanPerPerson', ctx.lang);
    const pv = ctx.result.fiscal!.perSettler.lifetimePV;
    return seriesTable(ctx, [
      ...lines(ctx).map((l) => ({ name: l.label, unit, values: l.values })),
      {
        name: by(ctx.lang, '终身成本现值（首个预测年落户者）', 'Lifetime cost, present value (first-year settler)'),
        unit,
        values: ctx.result.years.map((_, i) => (i === 1 ? pv : null)),
      },
    ]);
  },
};
