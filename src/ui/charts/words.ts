/** Labels the charts share, in Chinese and English, and small text helpers. */
import type { Named } from '../../runner/view-data';
import type { Series } from '../../scenario/result';
import { metricDef } from '../../scenario/metrics';
import type { ChartContext, Lang } from './types';
import { fmt, scaled, type Unit } from './units';

export const by = (lang: Lang, zh: string, en: string): string => (lang === 'en' ? en : zh);

/** A scenario-named thing (channel, zone, component) in the chosen language; unknown ids show as themselves. */
export const nameOf = (lang: Lang, list: readonly Named[], id: string): string => {
  const n = list.find((x) => x.id === id);
  return n ? (lang === 'en' ? n.labelEn || n.label : n.label) : id;
};

export const YEAR = { zh: '年份', en: 'Year' } as const;
export const TOTAL = { zh: '合计', en: 'Total' } as const;

export const STATE_LABELS = {
  UH: { zh: '城镇户籍', en: 'Urban, registered (UH)' },
  UA: { zh: '本地农村户籍城镇常住', en: 'Urban, local rural-registered (UA)' },
  UN: { zh: '外来人口（城镇）', en: 'Urban, registered elsewhere (UN)' },
  RA: { zh: '农村常住', en: 'Rural, local (RA)' },
  RN: { zh: '外来人口（乡村）', en: 'Rural, registered elsewhere (RN)' },
} as const;

export const ORIGIN_LABELS = {
  localRural: { zh: '本地农业转移人口', en: 'Local rural-registered' },
  elsewhere: { zh: '外来人口', en: 'Registered elsewhere' },
  ruralElsewhere: { zh: '外来农业转移人口', en: 'Rural-registered elsewhere' },
  urbanElsewhere: { zh: '外地城镇户籍人口', en: 'Urban-registered elsewhere' },
} as const;

/** The register's doors, in the result's order of reasons (registration.ts). */
export const REGISTRATION_IN_LABELS = {
  settlement: { zh: '迁入·落户渠道', en: 'In: settlement channels' },
  student: { zh: '迁入·升学', en: 'In: college entrants' },
  family: { zh: '迁入·投靠亲属', en: 'In: family reunion' },
  transfer: { zh: '迁入·调动与人才', en: 'In: transfers and talent' },
  other: { zh: '迁入·其他', en: 'In: other' },
} as const;
export const REGISTRATION_OUT_LABELS = {
  away: { zh: '迁出·外出人员迁走', en: 'Out: people living away' },
  student: { zh: '迁出·毕业离开', en: 'Out: graduates leaving' },
  other: { zh: '迁出·其他', en: 'Out: other' },
} as const;

/** A metric's name in the chosen language (the registry, src/scenario/metrics.ts); an unknown one shows as itself. */
export const metricLabel = (metric: string, lang: Lang): string => {
  const m = metricDef(metric);
  return m ? by(lang, m.zh, m.en) : metric;
};

export const PAYER_LABELS = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
  employer: { zh: '企业', en: 'Employers' },
  individual: { zh: '个人', en: 'Individuals' },
  origin: { zh: '户籍迁出地', en: 'Area of origin' },
} as const;

/** The city's and the counties' budgets shown as one, where the document pools them (市县两级). */
export const POOLED_LOCAL_LABEL = { zh: '市县两级', en: 'City and counties (pooled)' } as const;

/** First and last value of a series, for screen readers: "常住人口城镇化率：2015年 70.0%，2035年 80.1%". */
export function describeSeries(ctx: ChartContext, name: string, s: Series, unit: Unit, digits = 1): string {
  const { years } = ctx.result;
  const idx = s.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
  if (idx.length === 0) return name;
  const at = (i: number) => `${fmt(scaled(s[i], unit) ?? 0, digits)}${unit.label === '%' ? '%' : ` ${unit.label}`}`;
  const [first, last] = [idx[0], idx[idx.length - 1]];
  return ctx.lang === 'en'
    ? `${name}: ${years[first]} ${at(first)}, ${years[last]} ${at(last)}`
    : `${name}：${years[first]}年 ${at(first)}，${years[last]}年 ${at(last)}`;
}
