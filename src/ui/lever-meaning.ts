/**
 * What each kind of lever means, in a sentence an official can act on. Keyed by the shape of the
 * lever's JSON Pointer (channel conditions are recognised by the field they set).
 */
import type { Lang } from './charts/types';

const MEANINGS: readonly [RegExp, string, string][] = [
  [
    /\/conditions\/\d+\/years$/,
    '申请人须满足的年限（居住或缴纳社保），以在本城镇层级连续居住年数精确计算。调低即放宽门槛。',
    'Years the applicant must have (residence or insurance), tested on completed years in this urban tier. Lower = easier.',
  ],
  [
    /\/conditions\/\d+\/threshold$/,
    '积分落户的分数线：积分达到此线者方可申请，受年度指标约束。',
    'Points needed to apply for points-based settlement, within the annual quota.',
  ],
  [/\/conditions\/\d+\/max$/, '可申请落户的最高年龄。', 'Oldest age at which one may apply.'],
  [
    /\/rentedCounts$/,
    '是否承认合法租赁住房为“合法稳定住所”。',
    'Whether legally rented housing counts as legal stable housing.',
  ],
  [
    /\/quota$/,
    '本渠道每年可落户的最多人数（含随迁家属）。',
    'Most people this channel admits in a year, dependants included.',
  ],
  [
    /^\/policy\/channelOverlap$/,
    '同一人满足多个渠道条件的相关程度：0 = 相互独立，1 = 满足一个即大多满足其他。',
    'How far meeting one channel goes with meeting another: 0 independent, 1 fully overlapping.',
  ],
  [
    /^\/willingness\/base\//,
    '符合条件者中愿意落户的比例（基准意愿），随服务水平、土地权益保留和激励变化。',
    'Share of eligible people who want to register (baseline), moved by services, land rights and incentives.',
  ],
  [
    /^\/willingness\/speed\//,
    '有意愿且符合条件者每年实际办结落户的比例，反映办理效率。',
    'Share of willing, eligible people whose registration is completed each year: administrative speed.',
  ],
  [
    /^\/willingness\/serviceLevel$/,
    '居住证持有人享有的基本公共服务相对户籍人口的水平（0–1）；越高，落户的吸引力越低，财政支出越高。',
    'Basic public services for residence-permit holders relative to registered residents (0–1): higher lowers the pull of registering and raises cost.',
  ],
  [
    /^\/willingness\/landRightsKept$/,
    '落户后保留农村土地承包经营权、宅基地使用权和集体收益分配权的程度（0–1）。',
    'How far settlers keep their rural land rights (0–1).',
  ],
  [
    /^\/willingness\/incentive$/,
    '其他落户激励相对基准的倍数。',
    'Other settlement incentives, relative to the baseline.',
  ],
  [
    /^\/willingness\/familyFollow$/,
    '随迁子女和老人跟随落户的系数（相对劳动年龄人口的落户率）。',
    'How readily accompanying children and elderly settle, relative to working-age adults.',
  ],
  [
    /^\/migration\/ruralToUrban\/intensity$/,
    '本地农村人口进城的年迁移率（峰值年龄）。',
    'Annual rate at which local rural residents move to town (at the peak age).',
  ],
  [
    /^\/migration\/inflow\/persons$/,
    '每年流入的外来人口（人）。',
    'Migrants arriving from elsewhere each year (persons).',
  ],
  [
    /^\/migration\/reclassification\/rate$/,
    '每年因村改居、就地城镇化转为城镇的农村常住人口比例。',
    'Share of rural residents whose place becomes urban each year (村改居).',
  ],
  [
    /^\/migration\/departure\/initial$/,
    '外来人口到达后第一年的离开率。',
    'Share of new migrants who leave in their first year.',
  ],
  [
    /^\/migration\/departure\/longRun$/,
    '长期居住的外来人口每年的离开率。',
    'Yearly leaving rate of long-staying migrants.',
  ],
  [
    /^\/demography\/fertility\/tfr$/,
    '总和生育率（每名妇女一生平均生育子女数）。',
    'Total fertility rate (children per woman).',
  ],
  [
    /^\/demography\/mortality\/improvement$/,
    '各年龄死亡率每年下降的比例。',
    'Yearly decline of death rates at every age.',
  ],
  [
    /^\/fiscal\/components\/\d+\/takeUp$/,
    '符合条件者实际享受该项公共服务的比例。',
    'Share of those entitled who take the service up.',
  ],
  [
    /^\/fiscal\/transfers\/reward\//,
    '上级财政对每名新落户人口的奖励（元/人），农业转移人口市民化奖励资金。',
    'Reward from higher government per new settler (元/person), the citizenisation reward fund.',
  ],
  [
    /^\/fiscal\/transfers\/generalLinkage\/weight$/,
    '一般性转移支付按常住人口测算时，未落户常住人口计入的权重（0 = 只按户籍，1 = 完全按常住）。',
    'Weight of non-registered residents when general transfers are computed (0 registered only, 1 all residents).',
  ],
  [
    /^\/fiscal\/transfers\/generalLinkage\/perCapita$/,
    '一般性转移支付的人均测算标准（元/人·年）。',
    'Per-capita standard of general transfers (元 per person per year).',
  ],
  [
    /^\/fiscal\/transfers\/investmentSubsidy$/,
    '中央预算内投资对吸纳落户较多城镇的建设补助，按每名新落户人口计。',
    'Construction-investment subsidy per new settler for towns that take many settlers.',
  ],
  [
    /^\/registration\/family\/open$/,
    '户籍居民的配偶、未成年子女和老年父母投靠落户的开放程度：1 = 按国家规定全部放开，0 = 关闭。',
    'How far spouses, minor children and elderly parents of registered residents may register with them: 1 open as the national rules, 0 closed.',
  ],
  [
    /^\/registration\/transfer\/personsPerYear$/,
    '已持外地城镇户口者每年迁入本市户籍的人数（工作调动、人才引进），直接进入城镇户籍。',
    'People already holding an urban registration elsewhere who move it here each year (job transfers, talent).',
  ],
  [
    /^\/registration\/away\/longRun$/,
    '户籍在本市、长期在外居住者每年把户口迁往居住地的比例（外出多年后的水平；农村户口按相对系数打折）。',
    'Share a year of registered people long away who move their registration where they live (rural registrations at a relative rate).',
  ],
  [/^\/fiscal\/discountRate$/, '计算终身成本现值所用的年贴现率。', 'Annual discount rate of the lifetime cost.'],
  [
    /^\/fiscal\/land\/reclaim\/exitShare$/,
    '进城落户的本地农村人口中，自愿有偿退出宅基地、经整理复垦计入城乡建设用地增减挂钩的比例（文件规定不得以退出作为落户条件）。',
    'Share of local rural settlers who give up their homestead voluntarily, reclaimed and offset against new urban land (增减挂钩); the documents forbid making it a condition of settling.',
  ],
  [
    /^\/fiscal\/land\/reclaim\/m2PerPerson$/,
    '每名退出者腾出的宅基地面积（仅宅基地，不含村庄道路等），复垦后抵减新增城镇建设用地。',
    'Homestead land freed per person who gives it up (the homestead only), reclaimed and offset against new urban land.',
  ],
  [
    /^\/fiscal\/land\/currentPerPersonM2$/,
    '现状人均城镇建设用地：决定每名落户者安排新增用地的档次（2016年人地挂钩实施意见：不超过100平方米的按人均100平方米，超过的递减；超大、特大城市中心城区原则上不新增）。',
    'Current urban construction land per person: it sets the band of new land per settler (2016 rule: 100 m² where it is at most 100 m², less above; none in the central districts of super-large and mega cities).',
  ],
  [
    /^\/fiscal\/land\//,
    '城镇建设用地增加规模与吸纳落户人数挂钩（人地挂钩）的标准。',
    'Standard linking new urban construction land to the number of settlers (人地挂钩).',
  ],
];

export function leverMeaning(pointer: string, lang: Lang): string | null {
  const m = MEANINGS.find(([re]) => re.test(pointer));
  return m ? (lang === 'en' ? m[2] : m[1]) : null;
}
