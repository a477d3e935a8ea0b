/**
 * The fiscal part's levers (MODEL.md §7): rewards, transfers and land in the lever panel; each cost
 * component's unit cost, take-up, service level and payer shares as inputs of the finance panel.
 */
import type { Spec } from './levers-types';
import type { FiscalSpec } from './schema';

const PAYER_NAMES = {
  central: ['中央', 'central'],
  provincial: ['省级', 'provincial'],
  municipal: ['市级', 'municipal'],
  county: ['县（区）级', 'county/district'],
  employer: ['企业', 'employers'],
  individual: ['个人', 'individuals'],
} as const;

/** The finance panel's inputs, one row per cost component (every one a JSON pointer, like a lever). */
export function fiscalInputs(fiscal: FiscalSpec): Spec[] {
  const specs: Spec[] = [];
  fiscal.components.forEach((c, i) => {
    const at = `/fiscal/components/${i}`;
    const name = c.label;
    const nameEn = c.labelEn ?? c.id;
    const annual = c.kind === 'annual';
    c.amount.forEach((band, b) => {
      const ages = c.amount.length > 1 ? `（${band.from}–${band.to}岁）` : '';
      const agesEn = c.amount.length > 1 ? ` (ages ${band.from}–${band.to})` : '';
      // A band holds one value, or one for each sex.
      const fields: [string, number | undefined, string, string][] =
        band.value !== undefined
          ? [['value', band.value, '', '']]
          : [
              ['female', band.female, '，女', ', women'],
              ['male', band.male, '，男', ', men'],
            ];
      for (const [field, v, zh, en] of fields)
        if (v !== undefined)
          specs.push({
            pointer: `${at}/amount/${b}/${field}`,
            label: `${name}：单位成本${ages}${zh}`,
            labelEn: `${nameEn}: unit cost${agesEn}${en}`,
            unit: annual ? '元/人·年' : '元/人',
            min: 0,
            max: Math.max(200_000, 4 * v),
            step: v >= 1000 ? 100 : 1,
            group: 'fiscal',
            fiscal: { component: i, field: 'amount', key: `${band.from}-${band.to}${zh ? `-${field}` : ''}` },
          });
    });
    specs.push({
      pointer: `${at}/takeUp`,
      label: `${name}：享受比例`,
      labelEn: `${nameEn}: take-up`,
      unit: '比例',
      min: 0,
      max: 1,
      step: 0.001,
      group: 'fiscal',
      fiscal: { component: i, field: 'takeUp' },
    });
    // A component with its own service path: each year of the path is an input (equalisation by a date).
    if (c.serviceLevel !== undefined && typeof c.serviceLevel === 'object')
      for (const year of Object.keys(c.serviceLevel))
        specs.push({
          pointer: `${at}/serviceLevel/${year}`,
          label: `${name}：未落户常住人口服务水平（${year}年）`,
          labelEn: `${nameEn}: service level for non-registered residents (${year})`,
          unit: '比例',
          min: 0,
          max: 1,
          step: 0.05,
          group: 'fiscal',
          fiscal: { component: i, field: 'serviceLevel', key: year },
        });
    else if (typeof c.serviceLevel === 'number')
      specs.push({
        pointer: `${at}/serviceLevel`,
        label: `${name}：未落户常住人口服务水平`,
        labelEn: `${nameEn}: service level for non-registered residents`,
        unit: '比例',
        min: 0,
        max: 1,
        step: 0.05,
        group: 'fiscal',
        fiscal: { component: i, field: 'serviceLevel' },
      });
    for (const [payer, [zh, en]] of Object.entries(PAYER_NAMES))
      specs.push({
        pointer: `${at}/payers/${payer}`,
        label: `${name}：${zh}承担比例`,
        labelEn: `${nameEn}: share paid by ${en}`,
        unit: '比例',
        min: 0,
        max: 1,
        step: 0.01,
        group: 'fiscal',
        fiscal: { component: i, field: 'payer', key: payer },
      });
  });
  return specs;
}

export function fiscalLevers(): Spec[] {
  const specs: Spec[] = [];
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
    {
      pointer: '/fiscal/land/reclaim/exitShare',
      label: '增减挂钩：本地农村落户者自愿退出宅基地比例',
      labelEn: 'Local rural settlers who give up their homestead',
      unit: '比例',
      min: 0,
      max: 1,
      step: 0.01,
      group: 'fiscal',
    },
    {
      pointer: '/fiscal/land/reclaim/m2PerPerson',
      label: '增减挂钩：每人退出宅基地复垦面积',
      labelEn: 'Homestead land reclaimed per person who gives it up',
      unit: '平方米/人',
      min: 0,
      max: 300,
      step: 1,
      group: 'fiscal',
    },
  );
  return specs;
}
