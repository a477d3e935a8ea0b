/**
 * Goal seek (MODEL.md §9): the loosest or tightest setting of one lever that still meets a target in its
 * year, by bisection on the lever's grid of steps, assuming the target's metric responds monotonically to the
 * lever. The ends of the range and the current setting are run first; when no end meets the target, or those
 * three runs are not in order, there is no boundary to bisect for and the answer says so, naming the best
 * setting seen. The answer is always a setting that was run and met the target, so `--set pointer=value`
 * reproduces it.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { listLevers } from '../scenario/levers';
import type { Override } from '../scenario/load';
import { METRICS } from '../scenario/metrics';
import { getAt } from '../scenario/pointer';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { TargetResult } from '../scenario/targets';
import { leverOverride, leverValueZh, makeProbe, roundTo, stepDecimals, timelineYears, type Progress } from './probe';

export interface GoalSeekOptions {
  /** JSON Pointer of the lever: any numeric lever of `--list-levers`, or any number given `min` and `max`. */
  readonly lever: string;
  /** Id of a target of the scenario. */
  readonly target: string;
  /**
   * Resolution of the answer in the lever's unit: bisection stops when the boundary is bracketed this
   * closely. Default (and lower limit) the lever's step, so whole-year levers answer in whole years.
   */
  readonly tolerance?: number;
  /** Range to search (default the lever's range); required for a pointer that is not a lever. */
  readonly min?: number;
  readonly max?: number;
  /** Grid step for a pointer that is not a lever (default a round number near 1/1000 of the range). */
  readonly step?: number;
}

export interface GoalSeekSetting {
  readonly value: number;
  /** The target's metric in the target year at this setting. */
  readonly metricValue: number | null;
  readonly met: boolean;
}

export interface GoalSeekResult {
  readonly lever: string;
  readonly target: string;
  /** The boundary setting that still meets the target (on the grid of steps), or null when none was found. */
  readonly value: number | null;
  readonly achieved: boolean;
  readonly message: string;
  readonly messageZh: string;
  /** The metric at `value`, or at the best setting seen when not achieved. */
  readonly metricValue: number | null;
  /** Model runs, the run at the current setting included. */
  readonly evaluations: number;
  /** The target holds for settings at most / at least `value` (when a boundary was found). */
  readonly direction?: 'atMost' | 'atLeast';
  /** `value` as an override, to feed back with `--set`. */
  readonly override: Override | null;
  readonly metric: TargetResult['metric'];
  readonly year: number;
  readonly comparator: '>=' | '<=';
  readonly targetValue: number;
  readonly range: { readonly min: number; readonly max: number; readonly step: number };
  readonly current: GoalSeekSetting;
  /** The best setting seen when the target is not achieved. */
  readonly best?: GoalSeekSetting;
  /** False when the runs contradict a monotone response (an answer found despite it carries a warning). */
  readonly monotone: boolean;
}

interface LeverSpec {
  readonly pointer: string;
  readonly label: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly current: number;
  readonly toggle: boolean;
}

/** A round step (1, 2 or 5 × 10^k) near 1/1000 of a range, for numbers that are not levers. */
function niceStep(range: number): number {
  const raw = range / 1000;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * 0.999)!;
}

function leverSpec(probe: ReturnType<typeof makeProbe>, o: GoalSeekOptions, issues: Issue[]): LeverSpec | null {
  const at = '--goal-seek';
  const lever = listLevers(probe.scenario).find((l) => l.pointer === o.lever);
  for (const k of ['min', 'max', 'step', 'tolerance'] as const) {
    const v = o[k];
    if (v !== undefined && !Number.isFinite(v)) issues.push({ path: at, message: `${k} must be a number` });
  }
  if (o.step !== undefined && !(o.step > 0)) issues.push({ path: at, message: 'step must be > 0' });
  if (o.tolerance !== undefined && !(o.tolerance > 0)) issues.push({ path: at, message: 'tolerance must be > 0' });
  if (!lever) {
    const v = getAt(probe.doc, o.lever);
    if (typeof v !== 'number') {
      issues.push({
        path: at,
        message:
          v === undefined
            ? `${o.lever} names no lever (see --list-levers)`
            : `${o.lever} names no lever and holds no single number to seek on`,
      });
      return null;
    }
    if (o.min === undefined || o.max === undefined) {
      issues.push({
        path: at,
        message: `${o.lever} is not a lever (see --list-levers): give min and max to seek on it`,
      });
      return null;
    }
  }
  const min = o.min ?? lever!.min;
  const max = o.max ?? lever!.max;
  if (!(min < max)) issues.push({ path: at, message: `the range must have min < max (got ${min} and ${max})` });
  if (issues.length) return null;
  const current = lever ? lever.value : (getAt(probe.doc, o.lever) as number);
  return {
    pointer: o.lever,
    label: lever?.label ?? o.lever,
    labelEn: lever?.labelEn ?? o.lever,
    unit: lever?.unit ?? '',
    min,
    max,
    step: lever?.step ?? o.step ?? niceStep(max - min),
    current,
    toggle: lever?.toggle ?? false,
  };
}

/** A value of a target's metric with the precision a search reports, in the unit of the metric's kind. */
function fmt(metric: TargetResult['metric'], v: number | null, zh: boolean): string {
  if (v === null) return zh ? '无值' : 'no value';
  switch (METRICS[metric].kind) {
    case 'rate':
      return `${(v * 100).toFixed(3)}%`;
    case 'points':
      return zh ? `${v.toFixed(3)}个百分点` : `${v.toFixed(3)} percentage points`;
    case 'yuan':
      return zh ? `${(v / 1e8).toFixed(3)}亿元` : `CNY ${(v / 1e6).toFixed(1)} million`;
    case 'persons':
      return zh ? `${Math.round(v).toLocaleString('zh-CN')}人` : `${Math.round(v).toLocaleString('en')} persons`;
  }
}

/** Goal seek on the scenario `raw` with the user's `overrides`. Throws ValidationError on bad input. */
export function goalSeek(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  options: GoalSeekOptions,
  onProgress?: Progress,
): GoalSeekResult {
  const probe = makeProbe(raw, load, overrides);
  const issues: Issue[] = [];
  const s = probe.scenario;
  const t = probe.base.targets.find((x) => x.id === options.target);
  if (!t)
    issues.push({
      path: '--target',
      message: `${options.target} names no target of the scenario (its targets: ${s.targets.map((x) => x.id).join(', ') || 'none'})`,
    });
  else if (t.value === null)
    issues.push({
      path: '--target',
      message: `${t.id} is in ${t.year}, outside the projection ${s.baseYear}–${s.until}`,
    });
  const lever = leverSpec(probe, options, issues);
  if (issues.length || !t || !lever) throw new ValidationError(issues);

  // The grid: min + k·res, the last point clamped to max; res is a whole number of steps.
  const res = lever.step * Math.max(1, Math.floor((options.tolerance ?? 0) / lever.step + 1e-9));
  const decimals = stepDecimals(lever.step);
  const n = Math.max(1, Math.ceil((lever.max - lever.min) / res - 1e-9));
  const xAt = (k: number) => (k >= n ? lever.max : roundTo(lever.min + k * res, decimals));

  const total = 3 + Math.ceil(Math.log2(n + 1));
  const seen = new Map<number, GoalSeekSetting>();
  const settingOf = (x: number, r: ProjectionResult): GoalSeekSetting => {
    const tr = r.targets.find((y) => y.id === t.id)!;
    return { value: x, metricValue: tr.value, met: tr.met };
  };
  const at = (x: number): GoalSeekSetting => {
    let v = seen.get(x);
    if (!v) {
      let r: ProjectionResult;
      try {
        r = probe.run([leverOverride(lever.pointer, x, lever.toggle)]);
      } catch (e) {
        // A setting in the range the scenario's own checks refuse: say which, so the range can be narrowed.
        if (!(e instanceof ValidationError)) throw e;
        throw new ValidationError(
          e.issues.map((i) => ({
            path: '--goal-seek',
            message: `at ${x} the scenario is invalid: ${i.path}: ${i.message}`,
          })),
        );
      }
      v = settingOf(x, r);
      seen.set(x, v);
      onProgress?.(probe.evaluations, total);
    }
    return v;
  };
  const current = settingOf(lever.current, probe.base);
  seen.set(lever.current, current);
  onProgress?.(probe.evaluations, total);
  const lo = at(xAt(0));
  const hi = at(xAt(n));

  const f = (v: GoalSeekSetting) => v.metricValue ?? NaN;
  const slack = 1e-9 * Math.max(1, Math.abs(f(lo)), Math.abs(f(hi)));
  const between = (v: number, a: number, b: number) => v >= Math.min(a, b) - slack && v <= Math.max(a, b) + slack;
  // How far each setting is from failing the target (positive when met).
  const margin = (v: GoalSeekSetting) => (t.comparator === '<=' ? t.target - f(v) : f(v) - t.target);
  const flat = Math.abs(f(lo) - f(hi)) <= slack;
  let monotone = between(f(current), f(lo), f(hi)) || lever.current < lever.min || lever.current > lever.max;

  // A lever is named by its label (the pointer is in the result's `lever`); a bare number by its pointer.
  const name = { en: lever.labelEn, zh: lever.label };
  const goal = {
    en: `${t.id}: ${t.metric} ${t.comparator} ${fmt(t.metric, t.target, false)} in ${t.year}`,
    zh: `「${t.label}」（${t.year}年${t.comparator === '<=' ? '不高于' : '不低于'}${fmt(t.metric, t.target, true)}）`,
  };
  // A yes/no lever reads as on/off; other settings carry their unit in Chinese (the units are Chinese).
  const show = (x: number) => (lever.toggle ? (x >= 0.5 ? 'on (1)' : 'off (0)') : String(x));
  const showZh = (x: number) => (lever.toggle ? (x >= 0.5 ? '是（1）' : '否（0）') : leverValueZh(x, lever.unit));
  const common = {
    lever: lever.pointer,
    target: t.id,
    metric: t.metric,
    year: t.year,
    comparator: t.comparator,
    targetValue: t.target,
    range: { min: lever.min, max: lever.max, step: res },
    current,
  };

  const unreachable = (why: { en: string; zh: string }): GoalSeekResult => {
    const all = [...seen.values()].filter((v) => v.metricValue !== null);
    const best = all.reduce((a, b) => (margin(b) > margin(a) ? b : a));
    return {
      ...common,
      value: null,
      achieved: false,
      message:
        `${why.en} Within ${lever.min}–${lever.max}, the best setting of ${name.en} is ${show(best.value)}, ` +
        `giving ${fmt(t.metric, best.metricValue, false)} against the target (${goal.en}).`,
      messageZh:
        `${why.zh}在${lever.min}–${leverValueZh(lever.max, lever.unit)}范围内，${name.zh}的最优设定为${showZh(best.value)}，` +
        `得到${fmt(t.metric, best.metricValue, true)}；目标为${goal.zh}。`,
      metricValue: best.metricValue,
      evaluations: probe.evaluations,
      override: null,
      best,
      monotone,
    };
  };

  if (flat && !lo.met)
    return unreachable({
      en: `${name.en} does not move ${t.metric} in ${t.year}; no setting meets the target.`,
      zh: `${name.zh}不影响${t.year}年的该指标，任何设定都达不到目标。`,
    });
  if (!lo.met && !hi.met)
    return unreachable({
      en: `Neither end of the range meets the target, so no setting does (the response is taken as monotone).`,
      zh: `该参数范围两端均未达到目标，因此任何设定都达不到（按单调响应）。`,
    });
  if (!monotone)
    return unreachable({
      en: `The response is not monotone: the current setting ${show(lever.current)} gives ${fmt(t.metric, current.metricValue, false)}, outside the values at the ends of the range (${fmt(t.metric, lo.metricValue, false)} and ${fmt(t.metric, hi.metricValue, false)}), so bisection cannot bound the setting.`,
      zh: `响应不单调：当前设定${showZh(lever.current)}得到${fmt(t.metric, current.metricValue, true)}，不在范围两端的结果（${fmt(t.metric, lo.metricValue, true)}、${fmt(t.metric, hi.metricValue, true)}）之间，无法用二分法确定边界。`,
    });

  // The meeting index a and the failing index b; with both ends meeting, the boundary is the end nearer to failing.
  let a: number;
  let b: number | null;
  if (lo.met && hi.met) {
    a = flat || margin(lo) <= margin(hi) ? 0 : n;
    b = null;
  } else {
    a = lo.met ? 0 : n;
    b = lo.met ? n : 0;
    while (Math.abs(b - a) > 1) {
      const m = Math.round((a + b) / 2);
      const va = at(xAt(a));
      const vb = at(xAt(b));
      const vm = at(xAt(m));
      if (!between(f(vm), f(va), f(vb))) monotone = false;
      if (vm.met) a = m;
      else b = m;
    }
  }
  const found = at(xAt(a));
  // The returned setting was itself run; this guards the invariant that it meets the target.
  if (!found.met) throw new Error(`goal seek: ${found.value} was expected to meet ${t.id}`);
  const direction: 'atMost' | 'atLeast' | undefined = flat
    ? undefined
    : (b === null ? a === n : a < b)
      ? 'atMost'
      : 'atLeast';
  const currentMeets = current.met;
  const side = {
    en: direction === 'atMost' ? 'at most' : 'at least',
    zh: direction === 'atMost' ? '不高于' : '不低于',
  };
  const en: string[] = [];
  const zh: string[] = [];
  if (flat) {
    en.push(`${name.en} does not move ${t.metric} in ${t.year}; every setting meets ${goal.en}.`);
    zh.push(`${name.zh}不影响${t.year}年的该指标，任何设定都达到目标${goal.zh}。`);
  } else if (b === null) {
    en.push(
      `Every setting of ${name.en} in ${lever.min}–${lever.max} meets ${goal.en}; the setting nearest to missing it is ${show(found.value)}, giving ${fmt(t.metric, found.metricValue, false)}.`,
    );
    zh.push(
      `${name.zh}在${lever.min}–${leverValueZh(lever.max, lever.unit)}范围内的任何设定都达到目标${goal.zh}；最接近未达标的设定为${showZh(found.value)}，得到${fmt(t.metric, found.metricValue, true)}。`,
    );
  } else if (lever.toggle) {
    en.push(
      `${name.en} ${show(found.value)} meets ${goal.en} (${fmt(t.metric, found.metricValue, false)}); ${show(xAt(b))} misses it (${fmt(t.metric, at(xAt(b)).metricValue, false)}).`,
    );
    zh.push(
      `${name.zh}为${showZh(found.value)}时达到目标${goal.zh}（${fmt(t.metric, found.metricValue, true)}）；为${showZh(xAt(b))}时未达到（${fmt(t.metric, at(xAt(b)).metricValue, true)}）。`,
    );
  } else {
    en.push(
      `${name.en} ${side.en} ${found.value} meets ${goal.en}: ${fmt(t.metric, found.metricValue, false)} at ${found.value}; ${xAt(b)} misses it (${fmt(t.metric, at(xAt(b)).metricValue, false)}).`,
    );
    zh.push(
      `${name.zh}${side.zh}${showZh(found.value)}时达到目标${goal.zh}：设为${showZh(found.value)}时为${fmt(t.metric, found.metricValue, true)}；设为${showZh(xAt(b))}时未达到（${fmt(t.metric, at(xAt(b)).metricValue, true)}）。`,
    );
  }
  if (currentMeets) {
    en.push(
      `The current setting ${show(lever.current)} already meets it (${fmt(t.metric, current.metricValue, false)}).`,
    );
    zh.push(`当前设定${showZh(lever.current)}已达到目标（${fmt(t.metric, current.metricValue, true)}）。`);
  } else {
    en.push(`The current setting ${show(lever.current)} misses it (${fmt(t.metric, current.metricValue, false)}).`);
    zh.push(`当前设定${showZh(lever.current)}未达到目标（${fmt(t.metric, current.metricValue, true)}）。`);
  }
  const later = timelineYears(s, lever.pointer);
  if (later.length) {
    en.push(`Note: the timeline sets this lever from ${later.join(', ')}; the setting found holds only before that.`);
    zh.push(`注意：政策时间表自${later.join('、')}年起另行设定该参数，所求设定仅在此之前有效。`);
  }
  if (!monotone) {
    en.push('Warning: some runs were out of order, so the response is not monotone and other boundaries may exist.');
    zh.push('注意：部分运行结果不单调，可能存在其他边界。');
  }
  onProgress?.(probe.evaluations, probe.evaluations);
  return {
    ...common,
    value: found.value,
    achieved: true,
    message: en.join(' '),
    messageZh: zh.join(''),
    metricValue: found.metricValue,
    evaluations: probe.evaluations,
    ...(direction ? { direction } : {}),
    override: leverOverride(lever.pointer, found.value, lever.toggle),
    monotone,
  };
}
