/** The fiscal part's levers (MODEL.md §7): take-up of each component, rewards, transfers, land. */
import type { Spec } from './levers';
import type { FiscalSpec } from './schema';

export function fiscalLevers(fiscal: FiscalSpec): Spec[] {
  const specs: Spec[] = [];
  fiscal.components.forEach((c, i) =>
    specs.push({
      pointer: `/fiscal/components/${i}/takeUp`,
      label: `${c.label}：享受比例`,
      labelEn: `${c.labelEn ?? c.id}: take-up`,
      unit: '比例',
      min: 0,
      max: 1,
      step: 0.01,
      group: 'fiscal',
    }),
  );
  specs.push(
    {
      pointer: '/fiscal/transfers/reward/sameCity',
      label: '市民化奖励：本市农业转移人口落户',
      labelEn: 'Reward per settler from this city',
      unit: '元/人',
      min: 0,
      max: 20000,
      step: 100,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/transfers/reward/inProvince',
      label: '市民化奖励：省内跨市落户',
      labelEn: 'Reward per settler from elsewhere in the province',
      unit: '元/人',
      min: 0,
      max: 20000,
      step: 100,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/transfers/reward/otherProvince',
      label: '市民化奖励：跨省落户',
      labelEn: 'Reward per settler from another province',
      unit: '元/人',
      min: 0,
      max: 20000,
      step: 100,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/transfers/generalLinkage/weight',
      label: '一般性转移支付按常住人口测算的权重',
      labelEn: 'General transfer weight on non-registered residents',
      unit: '0–1',
      min: 0,
      max: 1,
      step: 0.05,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/transfers/generalLinkage/perCapita',
      label: '一般性转移支付人均标准',
      labelEn: 'General transfer per-capita standard',
      unit: '元/人',
      min: 0,
      max: 5000,
      step: 50,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/transfers/investmentSubsidy',
      label: '城镇建设投资补助（每落户一人）',
      labelEn: 'Construction-investment subsidy per settler',
      unit: '元/人',
      min: 0,
      max: 50000,
      step: 500,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/discountRate',
      label: '贴现率',
      labelEn: 'Discount rate',
      unit: '比例/年',
      min: 0,
      max: 0.1,
      step: 0.005,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/land/provincialAdjustment',
      label: '人地挂钩标准省级调整',
      labelEn: 'Provincial adjustment of the land standard',
      unit: '±比例',
      min: -0.1,
      max: 0.1,
      step: 0.01,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/land/currentPerPersonM2',
      label: '现状人均城镇建设用地',
      labelEn: 'Current urban construction land per person',
      unit: '平方米/人',
      min: 50,
      max: 250,
      step: 1,
      group: 'fiscal',
    },
  );
  return specs;
}
