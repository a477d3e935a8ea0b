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
import { ValidationError } from '../scenario/issues';
import { listLevers } from '../scenario/levers';
import type { Override } from '../scenario/load';
import { METRICS } from '../scenario/metrics';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { TargetResult } from '../scenario/targets';
import { describeOptimum } from './optimize-words';
import { leverOverride, makeProbe, metricAt, roundTo, stepDecimals, timelineYears, type Progress } from './probe';

import {
  checkOptions,
  type OptimizeLever,
  type OptimizeObjective,
  type OptimizeOptions,
  type OptimizeResult,
  type OptimizeTarget,
} from './optimize-types';

export * from './optimize-types';

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
  // The start, each lever's two ends and the corner are always run: the budget is at least that.
  const maxEval = Math.max(options.maxEvaluations ?? 600, 2 * options.levers.length + 3);
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
  const words = describeOptimum(
    out,
    targets,
    objective,
    met,
    s.timeline.length ? (p) => timelineYears(s, p) : () => [],
  );
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
