/** Labels the charts share, in Chinese and English, and small text helpers. */
import type { Named } from '../../runner/view-data';
import type { Series } from '../../scenario/result';
import { metricDef } from '../../scenario/metrics';
import type { ChartContext, Lang } from './types';
import { fmt, scaled, type Unit } from './units';

// The fixed groups' names live below the UI (the results CSV of src/runner uses them too).
export {
  ORIGIN_LABELS,
  PAYER_LABELS,
  POOLED_LOCAL_LABEL,
  REGISTRATION_IN_LABELS,
  REGISTRATION_OUT_LABELS,
  STATE_LABELS,
} from '../../scenario/result-labels';

export const by = (lang: Lang, zh: string, en: string): string => (lang === 'en' ? en : zh);

/** A scenario-named thing (channel, zone, component) in the chosen language; unknown ids show as themselves. */
export const nameOf = (lang: Lang, list: readonly Named[], id: string): string => {
  const n = list.find((x) => x.id === id);
  return n ? (lang === 'en' ? n.labelEn || n.label : n.label) : id;
};

export const YEAR = { zh: '年份', en: 'Year' } as const;
export const TOTAL = { zh: '合计', en: 'Total' } as const;

/** A metric's name in the chosen language (the registry, src/scenario/metrics.ts); an unknown one shows as itself. */
export const metricLabel = (metric: string, lang: Lang): string => {
  const m = metricDef(metric);
  return m ? by(lang, m.zh, m.en) : metric;
};

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
