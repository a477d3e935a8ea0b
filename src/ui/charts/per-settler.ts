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

/** What "per settler" counts and how rewards reach the city (the taper), from the scenario's own rules. */
export function perSettlerCaption(ctx: ChartContext): string {
  const f = ctx.result.fiscal;
  if (!f) return '';
  const en = ctx.lang === 'en';
  const taper = f.rewardRule.taper;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const steps = taper
    .map((x, k) =>
      en
        ? `${pct(x)} ${k === 0 ? 'in the year of settlement' : `${k} year${k > 1 ? 's' : ''} later`}`
        : `${k === 0 ? '落户当年' : `第${k + 1}年`}${pct(x)}`,
    )
    .join(en ? ', ' : '、');
  const fund = f.rewardRule.fundYears;
  const counts = en
    ? '"Per settler" counts the settlers themselves: the one-offs due in the year they settle (a cost the document grants only after some years of settlement is paid then) and their first year of services; infrastructure for the urban population\'s net growth and services for non-registered residents are not in it.'
    : '“每名新落户人口”只计落户者本人：落户当年到期的一次性支出（文件规定落户满若干年才享受的，届时支出）和第一年的公共服务；城镇人口净增所需的基础设施、未落户常住人口的服务不计入。';
  const rule = en
    ? ` The reward for each year's agricultural-origin settlers is paid ${steps} (tapering), so the transfer per settler lags the settlers.`
    : ` 奖励资金只按农业转移人口落户者计，每批落户者的奖励按${steps}拨付（逐年退坡），故人均转移支付滞后于落户人数。`;
  const fundWords = fund
    ? en
      ? ` In ${fund[0]}–${fund[1]} the reward is the published fund itself.`
      : ` ${fund[0]}–${fund[1]}年的奖励为公布的奖励资金总额。`
    : '';
  return counts + rule + fundWords;
}

export const perSettlerChart: ChartSpec = fiscalLinesChart({
  id: 'per-settler',
  title,
  unitKind: 'yuanPerPerson',
  note: {
    zh: '当年人均成本 = 一次性支出与第一年公共服务之和 ÷ 当年新落户人数；终身成本现值按城镇生命表存活、折现到首个预测年。',
    en: 'Cost in the year of settlement = one-offs plus the first year of services, per new settler; the lifetime value uses urban survival, discounted to the first projected year.',
  },
  yName: { zh: '每名新落户人口', en: 'Per new settler' },
  caption: perSettlerCaption,
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
