/**
 * What the one-page brief says besides figures and charts, picked without rendering: the conclusion, the
 * changed levers, the main assumptions, the sources and the bureaus responsible. Pure, so it is tested in Node.
 */
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { Lever } from '../../scenario/levers';
import type { ScenarioDoc } from '../../state/doc';
import type { Lang } from '../charts/types';
import { shortSource } from '../charts/source';
import { hundredMillionYuan, metricValue, percent, points } from '../format';
import { metricDef } from '../../scenario/metrics';
import { pick } from '../i18n';
import type { ProjectionResult } from '../../scenario/result';
import { publishedOutcome, type PublishedPoint, type TargetResult } from '../../scenario/targets';

/** Groups whose settings are behavioural assumptions rather than policy: they lead the assumptions list. */
const ASSUMPTION_GROUPS: readonly Lever['group'][] = ['willingness', 'migration', 'demography'];
/** The brief has one page: this many assumptions, the rest counted and left to the scenario file. */
export const MAX_ASSUMPTIONS = 5;
const MAX_SOURCES = 4;

export interface BriefLine {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

const num = (x: number, step: number) => {
  const digits = Math.max(0, Math.min(4, Math.ceil(-Math.log10(step || 1))));
  return x.toFixed(digits);
};
/** A lever's value as officials read it: shares as percentages, switches as yes/no, others with their unit. */
function leverValue(l: Lever, value: number, lang: Lang): string {
  if (l.toggle) return value ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
  if (l.unit === '比例' || l.unit === '0–1') return `${num(100 * value, l.step * 100)}%`;
  if (l.unit === '比例/年') return `${num(100 * value, l.step * 100)}%${lang === 'en' ? ' a year' : '/年'}`;
  return `${num(value, l.step)} ${l.unit}`;
}

/** The source text recorded for a pointer: its own entry, or the nearest parent's. */
export function sourceOf(sources: Readonly<Record<string, string>>, pointer: string): string | undefined {
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) if (sources[p] !== undefined) return sources[p];
  return undefined;
}

export const isAssumption = (source: string | undefined): boolean => !!source && /^assumption/i.test(source.trim());

/** The levers the user changed from the preset, with the preset's value and the new one. */
export function changedLevers(view: ViewData, doc: ScenarioDoc, lang: Lang): BriefLine[] {
  return view.levers
    .filter((l) => doc.edits[l.pointer] !== undefined)
    .map((l) => {
      const from = view.sourceValues[l.pointer] ?? l.value;
      return {
        label: pick(lang, l.label, l.labelEn),
        value: `${leverValue(l, from, lang)} → ${leverValue(l, l.value, lang)}`,
      };
    });
}

/**
 * The main assumptions: behavioural levers (willingness, migration, demography) whose value the scenario
 * marks as an assumption, with the value used in this run (at most {@link MAX_ASSUMPTIONS}), and how many
 * inputs of the scenario in all are labelled assumptions.
 */
export function mainAssumptions(view: ViewData, lang: Lang): { lines: BriefLine[]; total: number } {
  const all = view.levers.filter(
    (l) => ASSUMPTION_GROUPS.includes(l.group) && isAssumption(sourceOf(view.sources, l.pointer)),
  );
  const total = Object.values(view.sources).filter(isAssumption).length;
  const lines = all
    .slice(0, MAX_ASSUMPTIONS)
    .map((l) => ({ label: pick(lang, l.label, l.labelEn), value: leverValue(l, l.value, lang) }));
  return { lines, total };
}

/** The publications behind the base year and the observed points, shortest form, without repeats. */
export function mainSources(meta: ScenarioMeta, view: ViewData, lang: Lang): string[] {
  const d = meta.document;
  const doc = `${d.issuedBy ?? ''}《${d.title}》${d.number ? `（${d.number}）` : ''}${d.date ? ` ${d.date}` : ''}`;
  const out = [lang === 'en' ? `Policy: ${doc}` : `政策文件：${doc}`];
  const seen = new Set<string>();
  const add = (label: string, source: string | undefined) => {
    if (!source || isAssumption(source)) return;
    const s = shortSource(source, lang);
    if (seen.has(s) || out.length >= MAX_SOURCES) return;
    seen.add(s);
    out.push(`${label}${s}`);
  };
  for (const p of ['/base/residentPop', '/base/urbanResidentPop', '/base/hukouPop', '/base/urbanHukouPop'])
    add(lang === 'en' ? 'Base year: ' : '基年数据：', sourceOf(view.sources, p));
  for (const o of view.observed) add(lang === 'en' ? 'Observed: ' : '观测值：', o.source);
  return out;
}

export interface BureauLine {
  readonly bureau: string;
  /** Task numbers it leads (from the document's task table) or levers it is responsible for. */
  readonly items: readonly string[];
}

/**
 * Who is responsible: lead bureaus of the document's task table with the tasks they lead; without a task
 * table, the bureaus named on the levers with the levers they answer for.
 */
export function bureaus(view: ViewData, lang: Lang): BureauLine[] {
  const map = new Map<string, string[]>();
  const push = (b: string, item: string) => {
    const k = b.trim();
    if (!k) return;
    const list = map.get(k) ?? [];
    if (!list.includes(item)) list.push(item);
    map.set(k, list);
  };
  if (view.tasks) {
    for (const task of view.tasks.tasks) for (const b of task.lead) push(b, task.label);
  } else {
    for (const l of view.levers)
      for (const b of (l.bureau ?? '').split(/[、,，]/)) push(b, pick(lang, l.label, l.labelEn));
  }
  return [...map.entries()]
    .map(([bureau, items]) => ({ bureau, items }))
    .sort((a, b) => b.items.length - a.items.length || a.bureau.localeCompare(b.bureau, 'zh-CN'));
}

/**
 * The brief's one-sentence conclusion, generated from the run: each target met or missed and by how much,
 * then what citizenisation costs and what the city and counties bear over the document's period (to its
 * first target year, or 2020). Without targets it says the projection's headline instead.
 */
export function conclusion(result: ProjectionResult, lang: Lang, observed: readonly PublishedPoint[] = []): string {
  const en = lang === 'en';
  // A rate falls short in percentage points, not per cent.
  const shortBy = (t: TargetResult, shortfall: number | null) =>
    metricDef(t.metric)?.kind === 'rate' && shortfall !== null
      ? points(shortfall * 100, lang)
      : metricValue(t.metric, shortfall, lang);
  // What happened, where the year's figure was published (under the projection's hukou definition).
  const happened = (t: TargetResult) => {
    const o = publishedOutcome(t, observed, result.hukouDefinition[result.years.indexOf(t.year)]);
    if (!o) return '';
    const v = metricValue(t.metric, o.value, lang);
    if (en) return `; published ${v}, ${o.met ? 'met' : `missed by ${shortBy(t, o.shortfall)}`}`;
    return `；公布 ${v}，${o.met ? '已达到' : `未达到，差 ${shortBy(t, o.shortfall)}`}`;
  };
  const parts = result.targets.map((t) => {
    const name = pick(lang, t.label, t.labelEn);
    if (t.value === null) return en ? `${name}: beyond the projection` : `${name}：超出预测期`;
    const value = metricValue(t.metric, t.value, lang);
    if (t.met) return en ? `${name}: met (${value}${happened(t)})` : `${name}：可实现（预测 ${value}${happened(t)}）`;
    const gap = shortBy(t, t.shortfall);
    return en
      ? `${name}: missed by ${gap} (${value}${happened(t)})`
      : `${name}：未能实现，差 ${gap}（预测 ${value}${happened(t)}）`;
  });
  const year = result.targets[0]?.year ?? 2020;
  const sums = result.fiscal?.cumulativeToTargetYears[String(year)];
  const base = result.scenario.baseYear;
  const money = sums
    ? en
      ? `Citizenisation costs ${hundredMillionYuan(sums.totalCost, lang)} over ${base + 1}–${year}, of which the city and counties bear ${hundredMillionYuan(sums.municipalNet, lang)} net.`
      : `${base + 1}–${year}年市民化成本累计 ${hundredMillionYuan(sums.totalCost, lang)}，市县两级净负担 ${hundredMillionYuan(sums.municipalNet, lang)}。`
    : '';
  if (!parts.length) {
    const i = result.years.indexOf(year);
    const r = result.series.residentUrbanRate[i];
    const h = result.series.hukouUrbanRate[i];
    const headline = en
      ? `The document sets no numeric target; in ${year} the projection gives ${percent(r)} resident and ${percent(h)} hukou urbanisation.`
      : `文件未设数值目标；预测${year}年常住人口城镇化率 ${percent(r)}、户籍人口城镇化率 ${percent(h)}。`;
    return money ? `${headline}${en ? ' ' : ''}${money}` : headline;
  }
  const targets = en ? `In this scenario, by ${year}: ${parts.join('; ')}.` : `按本情景：${parts.join('；')}。`;
  return money ? `${targets}${en ? ' ' : ''}${money}` : targets;
}
