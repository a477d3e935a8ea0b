/**
 * Source lines: what in a chart is published (the base year, observations with their source) and what
 * the model projects, and the scenario file that holds every input and its source.
 */
import type { ObservedPoint } from '../../runner/view-data';
import { chineseTitle } from './source-titles';
import type { ChartContext, Lang } from './types';

const by = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export const scenarioFile = (ctx: ChartContext): string => `scenarios/${ctx.result.scenario.id}.json`;

/** For stocks and rates: the base year is published, later years projected. */
export function stocksNote(ctx: ChartContext): string {
  const { baseYear: b, until: u } = ctx.result.scenario;
  return by(
    ctx.lang,
    `${b}年（基年）为公布的统计数据与标注的假设；${b + 1}–${u}年为模型预测，不是统计数据。`,
    `${b} (base year): published statistics and labelled assumptions; ${b + 1}–${u}: model projection, not statistics.`,
  );
}

/** For yearly flows, which start in the first projected year. */
export function flowsNote(ctx: ChartContext): string {
  const { baseYear: b, until: u } = ctx.result.scenario;
  return by(
    ctx.lang,
    `${b + 1}–${u}年各年数值均为模型预测，不是统计数据（基年${b}年为公布的存量，无当年流量）。`,
    `Every value ${b + 1}–${u} is a model projection, not a statistic (the base year ${b} holds published stocks, no flows).`,
  );
}

export function fileNote(ctx: ChartContext): string {
  return by(
    ctx.lang,
    `情景文件：${scenarioFile(ctx)}（每项输入的来源或假设理由见其 sources 字段）。`,
    `Scenario file: ${scenarioFile(ctx)} (the source or reasoning of every input is in its sources).`,
  );
}

/**
 * A source as short as it can be while still naming the publication (or, for a bare address, its site);
 * the full text is in the chart's tooltips and table. In Chinese, the publication's Chinese title where the
 * note names one (the notes are English).
 */
export function shortSource(source: string, lang: Lang = 'en'): string {
  const short = shortEnglish(source);
  return lang === 'en' ? short : (chineseTitle(source, short) ?? short);
}

function shortEnglish(source: string): string {
  const t = source
    .replace(/^shared\/data\/README\.md §[\w.]+:\s*/, '')
    .replace(/^derived:\s*/i, '')
    .trim();
  const site = /^https?:\/\/([^/\s]+)/.exec(t);
  if (site) return site[1];
  const name = t.split(/:\s*https?:|\s\(?https?:|;\s|\s—\s|, file |\s@\s|\s\(mirror/)[0].trim();
  // Whole: a source cut off with "…" names nothing (the brief once printed "Statistical Communi…").
  return name;
}

/** Observation sources named in a source line; the rest are counted and left to the table. */
const MAX_SOURCES = 3;

/** "观测值：2016年 …；2017、2018年 …。" — observations grouped by source, and those left off the axis. */
export function observedNote(ctx: ChartContext, shown: readonly ObservedPoint[], omitted: readonly ObservedPoint[]) {
  const { lang } = ctx;
  const groups = new Map<string, Set<number>>();
  for (const o of shown) {
    const k = shortSource(o.source, lang);
    if (!groups.has(k)) groups.set(k, new Set());
    groups.get(k)!.add(o.year);
  }
  // The sources behind most observations first.
  const ranked = [...groups].sort((a, b) => b[1].size - a[1].size);
  const parts = ranked.slice(0, MAX_SOURCES).map(([src, years]) => {
    const ys = [...years].sort((a, b) => a - b);
    return by(lang, `${ys.join('、')}年 ${src}`, `${ys.join(', ')}: ${src}`);
  });
  const more = ranked.length - parts.length;
  const rest = more > 0 ? by(lang, `；另有${more}个来源，见数据表`, `; ${more} more sources in the table`) : '';
  const sentences = parts.length
    ? [
        by(
          lang,
          `观测值（圆点，公布数据）：${parts.join('；')}${rest}。`,
          `Observed (dots, published): ${parts.join('; ')}${rest}.`,
        ),
      ]
    : [];
  if (omitted.length) {
    const ys = [...new Set(omitted.map((o) => o.year))].sort((a, b) => a - b);
    sentences.push(
      by(
        lang,
        `早于基年的观测值（${ys.join('、')}年）未绘出。`,
        `Observations before the base year (${ys.join(', ')}) are not drawn.`,
      ),
    );
  }
  return sentences.join(lang === 'en' ? ' ' : '');
}

/** Sentences of a source line: run together in Chinese, separated by a space in English. */
export const sourceLine = (ctx: ChartContext, ...parts: string[]): string =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(ctx.lang === 'en' ? ' ' : '');

/** For the fiscal charts: prices and where the cost standards come from. */
export function fiscalNote(ctx: ChartContext): string {
  const y = ctx.result.fiscal?.priceYear ?? ctx.result.scenario.baseYear;
  return by(
    ctx.lang,
    `金额按${y}年价格计；各项成本标准、分担比例和转移支付规则为情景文件 fiscal 部分的参数（公布标准或标注的假设）。`,
    `Amounts at ${y} prices; cost standards, shares and transfer rules are the parameters in the scenario's fiscal part (published standards or labelled assumptions).`,
  );
}
