/** The optimiser's answer in words (src/analysis/optimize.ts), in Chinese and English. */
import { METRICS, type MetricId } from '../scenario/metrics';
import type { OptimizeLever, OptimizeResult, OptimizeTarget } from './optimize-types';
import { leverValueZh } from './probe';

/** A value of a metric for messages, in the unit officials read (rates in %, money in 亿元). */
function show(metric: MetricId, v: number | null, zh: boolean): string {
  if (v === null) return zh ? '无值' : 'no value';
  switch (METRICS[metric].kind) {
    case 'rate':
      return `${(v * 100).toFixed(2)}%`;
    case 'points':
      return zh ? `${v.toFixed(2)}个百分点` : `${v.toFixed(2)} points`;
    case 'yuan':
      return zh ? `${(v / 1e8).toFixed(2)}亿元` : `CNY ${(v / 1e6).toFixed(1)} million`;
    case 'persons':
      return zh ? `${(v / 1e4).toFixed(2)}万人` : `${Math.round(v).toLocaleString('en')} persons`;
  }
}

/** The answer in words, levers named by their labels (never by pointer), in Chinese and English. */
export function describeOptimum(
  levers: readonly OptimizeLever[],
  targets: readonly OptimizeTarget[],
  objective: OptimizeResult['objective'],
  met: boolean,
  timeline: (pointer: string) => number[],
): { message: string; messageZh: string } {
  const val = (l: OptimizeLever, x: number, zh: boolean) =>
    zh ? leverValueZh(x, l.unit, l.toggle) : l.toggle ? (x >= 0.5 ? 'on' : 'off') : String(x);
  const moved = levers.filter((l) => l.to !== l.from);
  const settingZh = moved.length
    ? moved.map((l) => `${l.label}由${val(l, l.from, true)}调为${val(l, l.to, true)}`).join('，')
    : '保持所选杠杆现有设定';
  const settingEn = moved.length
    ? moved.map((l) => `${l.labelEn} from ${val(l, l.from, false)} to ${val(l, l.to, false)}`).join('; ')
    : 'keep the chosen levers as they are';
  const tZh = (t: OptimizeTarget) =>
    `${t.label}：${show(t.metric, t.value, true)}（目标${t.comparator === '<=' ? '不高于' : '不低于'}${show(t.metric, t.target, true)}${t.met ? '，达到' : `，差${show(t.metric, t.shortfall, true)}`}）`;
  const tEn = (t: OptimizeTarget) =>
    `${t.labelEn ?? t.label}: ${show(t.metric, t.value, false)} (target ${t.comparator === '<=' ? 'at most' : 'at least'} ${show(t.metric, t.target, false)}${t.met ? ', met' : `, short by ${show(t.metric, t.shortfall, false)}`})`;
  const zh: string[] = [];
  const en: string[] = [];
  if (met) {
    zh.push(`所选目标全部可以达到：${settingZh}。`);
    en.push(`Every chosen target can be met: ${settingEn}.`);
  } else {
    zh.push(`在所选杠杆的范围内未找到同时达到全部目标的设定；最接近的设定为：${settingZh}。`);
    en.push(
      `No setting of the chosen levers within their ranges was found to meet every target; the closest: ${settingEn}.`,
    );
  }
  zh.push(targets.map(tZh).join('；') + '。');
  en.push(targets.map(tEn).join('; ') + '.');
  if (objective.metric === 'change') {
    zh.push(met ? '在达到目标的设定中取改动最小者。' : '差距相同的设定中取改动最小者。');
    en.push(
      met
        ? 'Among the settings that do, the one with the least change.'
        : 'Among settings as close, the one with the least change.',
    );
  } else {
    const m = objective.metric;
    zh.push(
      `${objective.year}年${METRICS[m].zh}为${show(m, objective.value, true)}（现有设定下为${show(m, objective.current, true)}），${met ? '为所找到的达标设定中最低' : '作为次要准则'}。`,
    );
    en.push(
      `${METRICS[m].en} in ${objective.year}: ${show(m, objective.value, false)} (${show(m, objective.current, false)} as set now)${met ? ', the least among the settings found that meet the targets' : ', as the second criterion'}.`,
    );
  }
  const later = moved.filter((l) => timeline(l.pointer).length);
  if (later.length) {
    zh.push(`注意：政策时间表在以后年份另行设定${later.map((l) => l.label).join('、')}，所求设定仅在此之前有效。`);
    en.push(
      `Note: the timeline sets ${later.map((l) => l.labelEn).join(', ')} from later years; the setting found holds only before that.`,
    );
  }
  return { message: en.join(' '), messageZh: zh.join('') };
}
