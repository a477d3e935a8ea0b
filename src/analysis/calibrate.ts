/**
 * Calibration (MODEL.md §9): fit chosen unknowns (migration intensity, inflow, willingness, reclassification)
 * to the scenario's observed series by bounded least squares.
 *
 * Residuals are scale-normalised so that metrics of different units add up: populations as relative errors
 * (fitted − observed) / observed, rates as differences of fractions, the gap as points / 100. A rate is itself
 * a ratio of populations: an error of 0.01 in u = U/P is, to first order, a relative error of 0.01/u in U (1.4 %
 * at u = 0.7), so one point of a rate and one per cent of a population weigh about alike, which matches how
 * far published bulletins and censuses disagree on each. Relative rather than absolute errors for
 * populations also keep a city of 1 million and one of 10 million on the same footing.
 *
 * The minimiser is Levenberg–Marquardt with forward differences, each unknown mapped to [0, 1] over its bounds
 * and every step projected back into them. A least-squares problem with a handful of unknowns is what it is
 * made for: it converges in a few Jacobians (n + 1 runs each), where Nelder–Mead needs many more runs, and it
 * is deterministic. Observations of the base year are left out (the base year reproduces the published totals
 * by construction), and so are hukou observations under another definition than the projection's in their
 * year (MODEL.md §2).
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { loadScenario, type Override } from '../scenario/load';
import { getAt, setAt } from '../scenario/pointer';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import { ObservationMetric, type CalibrationSpec } from '../scenario/schema';
import { analysisBase, checkParameters, parameterOverride } from './apply';
import { exclusion, residualScale, type ObservationMetricName, type Point } from './calibrate-points';
import { makeProbe, metricAt, timelineYears, type Progress } from './probe';
import { solve } from './linear-solve';

export type { ObservationMetricName } from './calibrate-points';
export type CalibrationParameter = CalibrationSpec['parameters'][number];

export interface CalibrateOptions {
  /** The unknowns (default: the scenario's `calibration.parameters`). */
  readonly parameters?: readonly CalibrationParameter[];
  /** Observed metrics to fit (default: `calibration.metrics`, else every observed metric). */
  readonly metrics?: readonly ObservationMetricName[];
  /** Upper limit on model runs (default 200). */
  readonly maxEvaluations?: number;
  /**
   * Fewer usable observations than unknowns: `refuse` (default) throws; `minimum-change` fits what the
   * observations determine and leaves the rest as near their starting values as the fit allows.
   */
  readonly underdetermined?: 'refuse' | 'minimum-change';
}

/**
 * Weight of the pull towards the start, per unknown in its unit interval, when the observations do not
 * determine every unknown. Small against any residual the data can show (a relative error of 1e-3 costs
 * 1e-6; a whole-range move 1e-8), so it only chooses among fits the data cannot tell apart: the one that
 * changes the assumptions least (Tikhonov regularisation with a vanishing weight, the minimum-norm solution).
 */
const MIN_CHANGE_WEIGHT = 1e-4;

export interface FittedPoint {
  readonly year: number;
  readonly observed: number;
  /** The calibrated projection's value (null outside the projection). */
  readonly fitted: number | null;
  readonly definition?: 'address' | 'nonAgricultural';
  readonly used: boolean;
  readonly reason?: string;
  readonly source: string;
}

export interface CalibrationResult {
  /** Fitted value of each unknown: the value at its pointer (`set`) or the factor applied to it (`scale`). */
  readonly parameters: Record<string, number>;
  /** The unknowns as fitted: pointer, mode, bounds, labels. */
  readonly unknowns: CalibrationParameter[];
  /** Where the fit started: the scenario's values (`set`) or a factor of 1 (`scale`), within bounds. */
  readonly start: Record<string, number>;
  /** Unknowns that ended on a bound: the data push past it, so the bound (an assumption) decides the value. */
  readonly atBound: string[];
  /** Root mean square of the normalised residuals at the fit and at the start (see the module comment). */
  readonly rmse: number;
  readonly rmseStart: number;
  /** Root mean square residual of each fitted metric in its own unit (fractions, points, persons). */
  readonly rmseByMetric: Record<string, number>;
  readonly residuals: string;
  /** Every observation of the scenario, with the fitted value and whether (or why not) it was used. */
  readonly fitted: Record<string, FittedPoint[]>;
  readonly observations: number;
  readonly metrics: ObservationMetricName[];
  readonly evaluations: number;
  readonly converged: boolean;
  /** The fitted values as overrides on the scenario as given (with the user's overrides): feed back with `--set`. */
  readonly overrides: Override[];
  readonly notes: string[];
}

const sumSq = (r: readonly number[]) => r.reduce((a, x) => a + x * x, 0);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Calibration of the scenario `raw` with the user's `overrides`. Throws ValidationError on bad input. */
export function calibrate(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  options: CalibrateOptions = {},
  onProgress?: Progress,
): CalibrationResult {
  const probe = makeProbe(raw, load, overrides);
  const s = probe.scenario;
  const issues: Issue[] = [];
  const fromScenario = !options.parameters;
  const params = options.parameters ?? s.calibration?.parameters ?? [];
  const at = fromScenario ? '/calibration/parameters' : '--calibrate parameters';
  if (!params.length)
    issues.push({
      path: '--calibrate',
      message: 'nothing to fit: the scenario has no "calibration" block and no parameters were given',
    });
  issues.push(...checkParameters(probe.doc, params, at));
  params.forEach((p, i) => {
    if (!(p.min < p.max)) issues.push({ path: `${at}/${i}`, message: `min (${p.min}) must be below max (${p.max})` });
    if (params.findIndex((q) => q.pointer === p.pointer) !== i)
      issues.push({ path: `${at}/${i}/pointer`, message: `${p.pointer} is fitted twice` });
  });
  const observed = Array.isArray(s.observed) ? s.observed : [];
  const allMetrics = [...new Set(observed.map((o) => o.metric))];
  const metrics = [...(options.metrics ?? s.calibration?.metrics ?? allMetrics)];
  metrics.forEach((m, i) => {
    if (!ObservationMetric.options.includes(m))
      issues.push({ path: `--calibrate metrics/${i}`, message: `${m} is not an observed metric` });
  });
  const maxEvaluations = options.maxEvaluations ?? 200;
  if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= 2))
    issues.push({ path: '--calibrate', message: `maxEvaluations must be a whole number ≥ 2 (got ${maxEvaluations})` });
  if (issues.length) throw new ValidationError(issues);

  const metricSet = new Set<string>(metrics);
  const reasons = observed.map((o) => exclusion(o, s, probe.base, metricSet));
  const points: Point[] = observed
    .filter((_, i) => reasons[i] === null)
    .map((o) => ({ metric: o.metric, year: o.year, value: o.value, scale: residualScale(o.metric, o.value) }));
  const minChange = points.length > 0 && points.length < params.length && options.underdetermined === 'minimum-change';
  if (points.length < params.length && !minChange)
    throw new ValidationError([
      {
        path: '--calibrate',
        message: `${points.length} usable observation(s) for ${params.length} unknown(s): need at least as many observations (see "fitted" reasons: base year, definition, horizon)`,
      },
    ]);

  // Unknowns in [0, 1] over their bounds: one scale for the finite differences and the damping.
  const toX = (u: readonly number[]) => u.map((v, j) => params[j].min + v * (params[j].max - params[j].min));
  const overridesAt = (u: readonly number[]) => toX(u).map((x, j) => parameterOverride(probe.doc, params[j], x));
  const startX = params.map((p) => {
    const v = (p.mode ?? 'set') === 'scale' ? 1 : (getAt(probe.doc, p.pointer) as number);
    return Math.min(p.max, Math.max(p.min, v));
  });
  const residualsOf = (r: ProjectionResult) =>
    points.map((p) => ((metricAt(r, p.metric, p.year) ?? NaN) - p.value) / p.scale);
  const uStart = startX.map((x, j) => (x - params[j].min) / (params[j].max - params[j].min));
  // The pull towards the start rides along as extra residuals, so the minimiser and its Jacobian need no change.
  const withPrior = (res: number[], u: readonly number[]) =>
    minChange ? [...res, ...u.map((v, j) => MIN_CHANGE_WEIGHT * (v - uStart[j]))] : res;
  const dataSumSq = (res: readonly number[]) => sumSq(res.slice(0, points.length));
  let lastResult: ProjectionResult = probe.base;
  const evaluate = (u: readonly number[]): number[] | null => {
    try {
      const r = probe.run(overridesAt(u));
      onProgress?.(probe.evaluations, maxEvaluations);
      const res = withPrior(residualsOf(r), u);
      if (res.some((x) => !Number.isFinite(x))) return null;
      lastResult = r;
      return res;
    } catch (e) {
      // A trial the scenario's checks refuse counts as a failed step; the fit carries on from where it was.
      if (e instanceof ValidationError) return null;
      throw e;
    }
  };

  let u = [...uStart];
  const r0 = evaluate(u);
  if (!r0)
    throw new ValidationError([{ path: '--calibrate', message: 'the scenario does not run at the starting values' }]);
  let r = r0;
  let best = lastResult;
  let f = sumSq(r);
  const fStart = dataSumSq(r);
  let lambda = 1e-3;
  let converged = false;
  // Forward-difference step in the unit interval: wide enough to step over the model's 12-digit rounding
  // and small kinks (quotas), small enough for the local slope.
  const h = 1e-3;
  const n = params.length;
  outer: while (probe.evaluations + n + 1 <= maxEvaluations) {
    if (f <= 1e-24 * points.length) {
      converged = true;
      break;
    }
    const jac: number[][] = r.map(() => new Array<number>(n).fill(0));
    for (let j = 0; j < n; j++) {
      const d = u[j] + h <= 1 ? h : -h;
      const uj = u.map((v, k) => (k === j ? v + d : v));
      const rj = evaluate(uj);
      if (rj) for (let i = 0; i < r.length; i++) jac[i][j] = (rj[i] - r[i]) / d;
    }
    const jtj = Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) => jac.reduce((t, row) => t + row[a] * row[b], 0)),
    );
    const g = Array.from({ length: n }, (_, a) => jac.reduce((t, row, i) => t + row[a] * r[i], 0));
    // Unknowns on a bound that the gradient pushes further out stay there; the step is solved for the rest
    // (an active set), so a clipped component does not distort the others.
    const free = u.map((v, j) => !((v <= 0 && g[j] > 0) || (v >= 1 && g[j] < 0)));
    const idx = free.flatMap((ok, j) => (ok ? [j] : []));
    if (!idx.length) {
      converged = true;
      break;
    }
    const maxDiag = Math.max(...idx.map((a) => jtj[a][a]), 1e-30);
    for (;;) {
      if (probe.evaluations >= maxEvaluations) break outer;
      const damped = idx.map((a) =>
        idx.map((b) => (a === b ? jtj[a][a] + lambda * Math.max(jtj[a][a], 1e-9 * maxDiag) : jtj[a][b])),
      );
      const sub = solve(
        damped,
        idx.map((a) => -g[a]),
      );
      const step = new Array<number>(n).fill(0);
      idx.forEach((a, k) => (step[a] = Number.isFinite(sub[k]) ? sub[k] : 0));
      const next = u.map((v, j) => clamp01(v + step[j]));
      const moved = Math.max(...next.map((v, j) => Math.abs(v - u[j])));
      if (moved < 1e-9) {
        // Projected onto the bounds the step vanishes: a minimum on the boundary (or a flat direction).
        converged = true;
        break outer;
      }
      const rn = evaluate(next);
      const fn = rn ? sumSq(rn) : Infinity;
      if (fn < f) {
        const gain = (f - fn) / f;
        u = next;
        r = rn!;
        f = fn;
        best = lastResult;
        lambda = Math.max(lambda / 3, 1e-9);
        // A relative gain of 1e-6 moves the rmse by 5e-7 of itself: far below the data's precision.
        if (gain < 1e-6 || moved < 1e-7) {
          converged = true;
          break outer;
        }
        break;
      }
      lambda *= 4;
      if (lambda > 1e8) {
        // No step downhill at any damping: a minimum to the resolution of the finite differences.
        converged = true;
        break outer;
      }
    }
  }

  const x = toX(u);
  const fitted: Record<string, FittedPoint[]> = {};
  observed.forEach((o, i) => {
    (fitted[o.metric] ??= []).push({
      year: o.year,
      observed: o.value,
      fitted: metricAt(best, o.metric, o.year),
      ...(o.definition ? { definition: o.definition } : {}),
      used: reasons[i] === null,
      ...(reasons[i] ? { reason: reasons[i]! } : {}),
      source: o.source,
    });
  });
  for (const list of Object.values(fitted)) list.sort((a, b) => a.year - b.year);
  const rmseByMetric: Record<string, number> = {};
  for (const m of metrics) {
    const ps = points.filter((p) => p.metric === m);
    if (ps.length)
      rmseByMetric[m] = Math.sqrt(
        ps.reduce((t, p) => t + ((metricAt(best, m, p.year) ?? NaN) - p.value) ** 2, 0) / ps.length,
      );
  }
  const notes = [
    `Observations of the base year (${s.baseYear}) are not fitted: the base year reproduces the published totals by construction.`,
  ];
  if (reasons.some((x) => x?.includes('definition')))
    notes.push(
      'Hukou observations under another registration definition than the projection are not fitted (MODEL.md §2).',
    );
  const atBound = params.filter((_, j) => u[j] <= 1e-6 || u[j] >= 1 - 1e-6).map((p) => p.pointer);
  if (minChange)
    notes.push(
      `${points.length} usable observation(s) for ${params.length} unknowns: the observations fix what they can; the other directions stay as near the starting values as the fit allows (the least change to the assumptions).`,
    );
  if (atBound.length) notes.push(`On a bound (the bound, an assumption, decides the value): ${atBound.join(', ')}.`);
  for (const p of params) {
    const ys = timelineYears(s, p.pointer);
    if (ys.length)
      notes.push(`The timeline sets ${p.pointer} from ${ys.join(', ')}: the fit moves only its value before that.`);
  }
  if (!converged) notes.push(`Stopped after ${probe.evaluations} runs (maxEvaluations) before converging.`);
  onProgress?.(probe.evaluations, probe.evaluations);
  return {
    parameters: Object.fromEntries(params.map((p, j) => [p.pointer, x[j]])),
    unknowns: params.map((p) => ({ ...p })),
    start: Object.fromEntries(params.map((p, j) => [p.pointer, startX[j]])),
    atBound,
    rmse: Math.sqrt(dataSumSq(r) / points.length),
    rmseStart: Math.sqrt(fStart / points.length),
    rmseByMetric,
    residuals:
      'normalised: relative error for populations, difference of fractions for rates, points / 100 for the gap',
    fitted,
    observations: points.length,
    metrics,
    evaluations: probe.evaluations,
    converged,
    overrides: overridesAt(u),
    notes,
  };
}

/** Years as runs, e.g. "2016–2018, 2020". */
function yearsText(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const y of ys) {
    const last = runs[runs.length - 1];
    if (last && y === last[last.length - 1] + 1) last.push(y);
    else runs.push([y]);
  }
  return runs.flatMap((r) => (r.length > 2 ? [`${r[0]}–${r[r.length - 1]}`] : r.map(String))).join(', ');
}

/**
 * The calibrated scenario as one self-contained JSON document: the parts merged, the user's overrides and the
 * fitted values written in, and a `sources` entry for every fitted pointer saying how it was fitted. Pass the
 * same `raw`, `overrides` as to {@link calibrate}. It validates (throws ValidationError otherwise) and runs.
 */
export function calibratedScenario(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  calibration: CalibrationResult,
  date: string = new Date().toISOString().slice(0, 10),
): unknown {
  const { include: _include, ...merged } = analysisBase(raw, load, overrides) as Record<string, unknown>;
  let doc: Record<string, unknown> = merged;
  for (const o of calibration.overrides) doc = setAt(doc, o.pointer, o.value);
  const sources = { ...(doc.sources as Record<string, string>) };
  for (const o of overrides)
    if (!(o.pointer in calibration.parameters))
      sources[o.pointer] =
        `set by override before calibration${sources[o.pointer] ? ` (was: ${sources[o.pointer]})` : ''}`;
  const used = Object.entries(calibration.fitted).flatMap(([m, ps]) =>
    ps.filter((p) => p.used).map((p) => ({ m, y: p.year })),
  );
  const what = [...new Set(used.map((p) => p.m))]
    .map((m) => `${m} ${yearsText(used.filter((p) => p.m === m).map((p) => p.y))}`)
    .join('; ');
  for (const p of calibration.unknowns) {
    const { pointer } = p;
    const x = calibration.parameters[pointer];
    const how =
      p.mode === 'scale'
        ? `every value scaled by ${x.toPrecision(6)} (bounds ${p.min}–${p.max})`
        : `value ${x.toPrecision(6)} (bounds ${p.min}–${p.max})`;
    const was = sources[pointer];
    // The fitted value replaces everything under the pointer, so sources of its parts no longer apply.
    for (const k of Object.keys(sources)) if (k.startsWith(pointer + '/')) delete sources[k];
    sources[pointer] =
      `calibrated: least squares to ${calibration.observations} observations (${what}), ` +
      `rmse ${calibration.rmse.toPrecision(3)} (from ${calibration.rmseStart.toPrecision(3)}; ${calibration.residuals}), ` +
      `${how}, on ${date}` +
      (was ? `. Before calibration: ${was}` : '');
  }
  doc = { ...doc, sources };
  loadScenario(doc, load);
  return doc;
}
