/**
 * Goal seek over several levers (issue 16): the setting of the chosen levers, within their ranges and on
 * their grids of steps, that meets every chosen target at least cost (a metric summed to the last target
 * year, by default the city and counties' cumulative net burden) or with the least change from the
 * setting as it is. When no setting found meets them all, the answer is the setting that comes closest
 * (least summed shortfall, each target's shortfall in a unit of its kind) and says by how much each misses.
 *
 * The search is a compass (pattern) search on the levers' grids, ordered lexicographically: first the
 * shortfall, then the objective, then the change. It starts from the setting as it is and from the corner
 * where every lever sits at the end of its range that helps the targets most, and at the finest step also
 * tries moving two levers at once (trading one lever against another along a target's edge is what a
 * one-lever-at-a-time search misses). It finds a local optimum: the model's response to most levers is
 * monotone, so a setting that meets the targets is found when the helpful corner meets them. The answer
 * is always a setting that was run, so `--set` with its overrides reproduces it.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { listLevers } from '../scenario/levers';
import type { Override } from '../scenario/load';
import { METRICS, type MetricId } from '../scenario/metrics';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { TargetResult } from '../scenario/targets';
import {
  leverOverride,
  leverValueZh,
  makeProbe,
  metricAt,
  roundTo,
  stepDecimals,
  timelineYears,
  type Progress,
} from './probe';

/** What the search may minimise once the targets are met: a metric in the last target year, or the change. */
export const OPTIMIZE_OBJECTIVES = [
  'municipalNetCumulative',
  'totalCostCumulative',
  'gapPoints',
  'nonRegisteredUrban',
  'change',
] as const;
export type OptimizeObjective = (typeof OPTIMIZE_OBJECTIVES)[number];

/** More levers than this make the search's runs too many for an interactive answer. */
export const OPTIMIZE_MAX_LEVERS = 8;

export interface OptimizeOptions {
  /** JSON Pointers of levers (as `--list-levers` gives them). */
  readonly levers: readonly string[];
  /** Ids of targets of the scenario. */
  readonly targets: readonly string[];
  /** Default: the cumulative net burden when the scenario has a fiscal part, else the change. */
  readonly minimize?: OptimizeObjective;
  /** Upper bound on model runs (default 600). */
  readonly maxEvaluations?: number;
}

export interface OptimizeLever {
  readonly pointer: string;
  readonly label: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The setting as it is, and the setting found. */
  readonly from: number;
  readonly to: number;
  readonly toggle: boolean;
}

export interface OptimizeTarget {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly metric: TargetResult['metric'];
  readonly year: number;
  readonly comparator: '>=' | '<=';
  readonly target: number;
  /** At the setting found, and at the setting as it is. */
  readonly value: number | null;
  readonly met: boolean;
  readonly shortfall: number | null;
  readonly currentValue: number | null;
  readonly currentMet: boolean;
}

export interface OptimizeResult {
  /** Every chosen target is met at `setting`. */
  readonly met: boolean;
  /** The setting found, lever by lever (a yes/no lever as 0 or 1). */
  readonly setting: Readonly<Record<string, number>>;
  /** `setting` as overrides, to feed back with `--set`. */
  readonly overrides: readonly Override[];
  readonly objective: {
    readonly metric: OptimizeObjective;
    /** The year a metric objective is read in (the last chosen target's year). */
    readonly year: number;
    readonly value: number | null;
    readonly current: number | null;
  };
  readonly targets: readonly OptimizeTarget[];
  readonly levers: readonly OptimizeLever[];
  /** Summed shortfall of the targets at the setting found (0 when met), each in its kind's unit. */
  readonly shortfall: number;
  readonly evaluations: number;
  readonly message: string;
  readonly messageZh: string;
}

interface Lever extends Omit<OptimizeLever, 'from' | 'to'> {
  readonly current: number;
  /**
   * The settings the search may take: min + k·step up to max, and the setting as it is (it may sit off the
   * grid, and "no change" must be one of the answers); `n` is the last index.
   */
  readonly grid: readonly number[];
  readonly n: number;
}

/** What one shortfall unit is, by kind: a percentage point, a point of the gap, 1% of a count or a sum. */
function shortfallUnit(metric: TargetResult['metric'], target: number): number {
  switch (METRICS[metric].kind) {
    case 'rate':
      return 0.01;
    case 'points':
      return 1;
    default:
      return Math.max(1, Math.abs(target)) * 0.01;
  }
}

/** The objective's value of a run: a metric in `year`, or null where the run lacks it (no fiscal part). */
function objectiveOf(r: ProjectionResult, metric: Exclude<OptimizeObjective, 'change'>, year: number): number | null {
  if (metric === 'municipalNetCumulative') {
    const i = r.years.indexOf(year);
    if (!r.fiscal || i < 0) return null;
    let t = 0;
    for (let j = 1; j <= i; j++) t += r.fiscal.municipalNet[j] ?? 0;
    return t;
  }
  return metricAt(r, metric, year);
}

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

function checkOptions(
  o: OptimizeOptions,
  levers: ReturnType<typeof listLevers>,
  targets: readonly TargetResult[],
  fiscal: boolean,
): Issue[] {
  const issues: Issue[] = [];
  if (!o.levers.length) issues.push({ path: '--optimize', message: 'give at least one lever (see --list-levers)' });
  if (o.levers.length > OPTIMIZE_MAX_LEVERS)
    issues.push({ path: '--optimize', message: `at most ${OPTIMIZE_MAX_LEVERS} levers, got ${o.levers.length}` });
  const seen = new Set<string>();
  for (const p of o.levers) {
    if (seen.has(p)) issues.push({ path: '--optimize', message: `${p} is named twice` });
    seen.add(p);
    if (!levers.some((l) => l.pointer === p))
      issues.push({ path: '--optimize', message: `${p} names no lever of this scenario (see --list-levers)` });
  }
  if (!o.targets.length) issues.push({ path: '--targets', message: 'give at least one target id' });
  for (const id of o.targets) {
    const t = targets.find((x) => x.id === id);
    if (!t)
      issues.push({
        path: '--targets',
        message: `${id} names no target of the scenario (its targets: ${targets.map((x) => x.id).join(', ') || 'none'})`,
      });
    else if (t.value === null)
      issues.push({ path: '--targets', message: `${id} is in ${t.year}, outside the projection` });
  }
  if (o.minimize !== undefined && !(OPTIMIZE_OBJECTIVES as readonly string[]).includes(o.minimize))
    issues.push({
      path: '--minimize',
      message: `must be one of ${OPTIMIZE_OBJECTIVES.join(', ')}, got "${String(o.minimize)}"`,
    });
  if ((o.minimize === 'municipalNetCumulative' || o.minimize === 'totalCostCumulative') && !fiscal)
    issues.push({ path: '--minimize', message: `${o.minimize} needs the scenario's fiscal part` });
  if (o.maxEvaluations !== undefined && !(Number.isInteger(o.maxEvaluations) && o.maxEvaluations >= 1))
    issues.push({ path: '--optimize', message: 'maxEvaluations must be a whole number ≥ 1' });
  return issues;
}

interface Point {
  readonly k: readonly number[];
  readonly result: ProjectionResult;
  /** Summed shortfall, objective (null-safe: +∞ when missing), change (share of the ranges moved). */
  readonly shortfall: number;
  readonly objective: number;
  readonly change: number;
}

/** Lexicographic: less shortfall, then a lower objective, then less change. */
function better(a: Point, b: Point): boolean {
  const tol = 1e-9;
  if (a.shortfall < b.shortfall - tol) return true;
  if (a.shortfall > b.shortfall + tol) return false;
  const ot = 1e-9 * Math.max(1, Math.abs(b.objective));
  if (a.objective < b.objective - ot) return true;
  if (a.objective > b.objective + ot) return false;
  return a.change < b.change - 1e-12;
}

/** Throws ValidationError on bad options or a setting the scenario refuses. */
export function optimize(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  options: OptimizeOptions,
  onProgress?: Progress,
): OptimizeResult {
  const probe = makeProbe(raw, load, overrides);
  const s = probe.scenario;
  const all = listLevers(s);
  const issues = checkOptions(options, all, probe.base.targets, !!probe.base.fiscal);
  if (issues.length) throw new ValidationError(issues);
  const minimize: OptimizeObjective = options.minimize ?? (probe.base.fiscal ? 'municipalNetCumulative' : 'change');
  const maxEval = options.maxEvaluations ?? 600;
  const chosen = options.targets.map((id) => probe.base.targets.find((t) => t.id === id)!);
  const year = Math.max(...chosen.map((t) => t.year));
  const levers: Lever[] = options.levers.map((p) => {
    const l = all.find((x) => x.pointer === p)!;
    const steps = Math.max(1, Math.ceil((l.max - l.min) / l.step - 1e-9));
    const decimals = stepDecimals(l.step);
    const grid = Array.from({ length: steps + 1 }, (_, k) =>
      k >= steps ? l.max : roundTo(l.min + k * l.step, decimals),
    );
    if (!grid.includes(l.value) && l.value >= l.min && l.value <= l.max) {
      grid.push(l.value);
      grid.sort((a, b) => a - b);
    }
    return {
      pointer: p,
      label: l.label,
      labelEn: l.labelEn,
      unit: l.unit,
      min: l.min,
      max: l.max,
      step: l.step,
      toggle: l.toggle ?? false,
      current: l.value,
      grid,
      n: grid.length - 1,
    };
  });
  const valueAt = (l: Lever, k: number) => l.grid[k];
  // The grid point of the setting as it is (the nearest one for a setting outside the range).
  const snap = (l: Lever) => {
    const k = l.grid.indexOf(l.current);
    return k >= 0 ? k : l.current < l.min ? 0 : l.n;
  };

  const score = (k: readonly number[], r: ProjectionResult): Point => {
    let shortfall = 0;
    for (const t of chosen) {
      const tr = r.targets.find((x) => x.id === t.id)!;
      if (tr.value === null) shortfall += 1e6;
      else if (!tr.met) shortfall += Math.abs(tr.target - tr.value) / shortfallUnit(tr.metric, tr.target);
    }
    let change = 0;
    levers.forEach((l, j) => (change += Math.abs(valueAt(l, k[j]) - l.current) / (l.max - l.min)));
    const o = minimize === 'change' ? change : objectiveOf(r, minimize, year);
    return { k, result: r, shortfall, objective: o ?? Infinity, change };
  };
  const cache = new Map<string, Point>();
  const evaluate = (k: readonly number[]): Point => {
    const key = k.join(',');
    let p = cache.get(key);
    if (!p) {
      let r: ProjectionResult;
      try {
        r = probe.run(levers.map((l, j) => leverOverride(l.pointer, valueAt(l, k[j]), l.toggle)));
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        const at = levers.map((l, j) => `${l.pointer}=${valueAt(l, k[j])}`).join(', ');
        throw new ValidationError(
          e.issues.map((i) => ({
            path: '--optimize',
            message: `at ${at} the scenario is invalid: ${i.path}: ${i.message}`,
          })),
        );
      }
      p = score(k, r);
      cache.set(key, p);
      onProgress?.(probe.evaluations, maxEval);
    }
    return p;
  };
  const budgetLeft = () => probe.evaluations < maxEval;

  /** Compass search from `start`; at step 1, pairs of levers move together too. */
  const search = (start: Point): Point => {
    let best = start;
    const delta = levers.map((l) => Math.max(1, Math.round(l.n / 4)));
    while (budgetLeft()) {
      let moved = false;
      for (let j = 0; j < levers.length && budgetLeft(); j++)
        for (const sign of [1, -1]) {
          const kj = Math.min(levers[j].n, Math.max(0, best.k[j] + sign * delta[j]));
          if (kj === best.k[j] || !budgetLeft()) continue;
          const p = evaluate(best.k.map((x, i) => (i === j ? kj : x)));
          if (better(p, best)) {
            best = p;
            moved = true;
          }
        }
      if (moved) continue;
      if (delta.some((d) => d > 1)) {
        for (let j = 0; j < delta.length; j++) delta[j] = Math.max(1, Math.floor(delta[j] / 2));
        continue;
      }
      // Finest step, no single lever helps: try two levers at once.
      for (let a = 0; a < levers.length && !moved && budgetLeft(); a++)
        for (let b = a + 1; b < levers.length && !moved && budgetLeft(); b++)
          for (const [sa, sb] of [
            [1, 1],
            [1, -1],
            [-1, 1],
            [-1, -1],
          ]) {
            const ka = best.k[a] + sa;
            const kb = best.k[b] + sb;
            if (ka < 0 || ka > levers[a].n || kb < 0 || kb > levers[b].n || !budgetLeft()) continue;
            const p = evaluate(best.k.map((x, i) => (i === a ? ka : i === b ? kb : x)));
            if (better(p, best)) {
              best = p;
              moved = true;
              break;
            }
          }
      if (!moved) break;
    }
    return best;
  };

  onProgress?.(probe.evaluations, maxEval);
  const start = evaluate(levers.map(snap));
  // Each lever's helpful end, judged with the others as they are: the corner of all helpful ends is the
  // setting most likely to meet the targets when the response is monotone.
  const ends = levers.map((l, j) => {
    const lo = evaluate(start.k.map((x, i) => (i === j ? 0 : x)));
    const hi = evaluate(start.k.map((x, i) => (i === j ? l.n : x)));
    return better(lo, hi) ? 0 : l.n;
  });
  const corner = evaluate(ends);
  let best = search(start);
  if (budgetLeft()) {
    const fromCorner = search(corner);
    if (better(fromCorner, best)) best = fromCorner;
  }
  // A run at a snapped setting may differ from the setting as it is; report the true current values.
  const currentTargets = probe.base.targets;
  const targets: OptimizeTarget[] = chosen.map((t) => {
    const at = best.result.targets.find((x) => x.id === t.id)!;
    const now = currentTargets.find((x) => x.id === t.id)!;
    return {
      id: t.id,
      label: t.label,
      ...(t.labelEn ? { labelEn: t.labelEn } : {}),
      metric: t.metric,
      year: t.year,
      comparator: t.comparator,
      target: t.target,
      value: at.value,
      met: at.met,
      shortfall: at.shortfall,
      currentValue: now.value,
      currentMet: now.met,
    };
  });
  const met = targets.every((t) => t.met);
  const out: OptimizeLever[] = levers.map((l, j) => ({
    pointer: l.pointer,
    label: l.label,
    labelEn: l.labelEn,
    unit: l.unit,
    min: l.min,
    max: l.max,
    step: l.step,
    toggle: l.toggle,
    from: l.current,
    to: valueAt(l, best.k[j]),
  }));
  const setting = Object.fromEntries(out.map((l) => [l.pointer, l.to]));
  const objective = {
    metric: minimize,
    year,
    value: minimize === 'change' ? best.change : Number.isFinite(best.objective) ? best.objective : null,
    current: minimize === 'change' ? 0 : objectiveOf(probe.base, minimize, year),
  };
  const words = describe(out, targets, objective, met, s.timeline.length ? (p) => timelineYears(s, p) : () => []);
  onProgress?.(probe.evaluations, probe.evaluations);
  return {
    met,
    setting,
    overrides: out.map((l) => leverOverride(l.pointer, l.to, l.toggle)),
    objective,
    targets,
    levers: out,
    shortfall: best.shortfall,
    evaluations: probe.evaluations,
    ...words,
  };
}

/** The answer in words, levers named by their labels (never by pointer), in Chinese and English. */
function describe(
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
    `${t.labelEn ?? t.label}: ${show(t.metric, t.value, false)} (target ${t.comparator} ${show(t.metric, t.target, false)}${t.met ? ', met' : `, short by ${show(t.metric, t.shortfall, false)}`})`;
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
    zh.push('在达到目标的设定中取改动最小者。');
    en.push('Among the settings that do, the one with the least change.');
  } else {
    const m = objective.metric;
    zh.push(
      `${objective.year}年${METRICS[m].zh}为${show(m, objective.value, true)}（现有设定下为${show(m, objective.current, true)}），${met ? '为达到目标的设定中最低' : '作为次要准则'}。`,
    );
    en.push(
      `${METRICS[m].en} in ${objective.year}: ${show(m, objective.value, false)} (${show(m, objective.current, false)} as set now)${met ? ', the least among the settings that meet the targets' : ', as the second criterion'}.`,
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
