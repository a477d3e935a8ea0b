/**
 * Back-test (PRODUCT.md "Back-test"; INTERFACES.md `--backtest --origin YEAR`): the forecast the model
 * would have made at an earlier origin, against what was published since, beside two naive forecasts
 * made from the same figures (src/analysis/forecast-skill.ts).
 *
 * Every observation after the origin is hidden: it is removed from the scenario document before anything
 * is fitted, so the calibration (the scenario's own `calibration` block, as the calibration analysis runs
 * it) and the naive forecasts cannot see it, whatever they do. The base year's observations are visible:
 * the projection starts from them. The calibrated scenario is then projected over its whole horizon and
 * each metric scored on the hidden observations of one statistical series (src/analysis/backtest-metrics.ts).
 */
import { runScenario } from '../scenario/run';
import { ValidationError, type Issue } from '../scenario/issues';
import type { Override } from '../scenario/load';
import type { DataLoader } from '../scenario/resolve';
import type { ProjectionResult } from '../scenario/result';
import type { Scenario } from '../scenario/schema';
import {
  metricsToReport,
  scoreMetric,
  withDerivedGap,
  type BacktestMetric,
  type Observation,
} from './backtest-metrics';
import { calibrate } from './calibrate';
import { makeProbe, type Progress } from './probe';

export type { BacktestMetric } from './backtest-metrics';

export interface BacktestOptions {
  /** The last year whose observations are visible. */
  readonly origin: number;
  /** Upper limit on the calibration's model runs (default: the calibration's own, 200). */
  readonly maxEvaluations?: number;
}

/** What was fitted on the visible observations, or why nothing was (the scenario then ran as it is). */
export interface BacktestCalibration {
  readonly fitted: boolean;
  readonly reason?: string;
  /** Why nothing was fitted, for the page's words: no block, nothing visible after the base year, too few. */
  readonly why?: 'no-calibration-block' | 'nothing-visible' | 'not-enough';
  /** Fitted value of each unknown (as in the calibration analysis: a value, or a factor for `scale`). */
  readonly parameters?: Record<string, number>;
  readonly start?: Record<string, number>;
  readonly atBound?: string[];
  readonly rmse?: number;
  readonly rmseStart?: number;
  readonly observations?: number;
  /** The years of the observations the fit used, by metric: none after the origin. */
  readonly used?: Record<string, number[]>;
  readonly evaluations?: number;
  readonly converged?: boolean;
  /** The fitted values as overrides on the scenario as run (feed back with `--set`). */
  readonly overrides?: Override[];
  readonly notes?: string[];
}

export interface BacktestResult {
  readonly origin: number;
  readonly baseYear: number;
  /** Observations up to the origin (visible) and after it (hidden). */
  readonly visible: number;
  readonly hidden: number;
  readonly metrics: Record<string, BacktestMetric>;
  /** The whole projection made from the origin's information, in the shape of the result's own. */
  readonly years: number[];
  readonly series: ProjectionResult['series'];
  readonly hukouDefinition: ProjectionResult['hukouDefinition'];
  readonly calibration: BacktestCalibration;
  readonly notes: string[];
}

/** Problems with the origin for this scenario, as `--origin` / `--backtest` issues. */
export function checkOrigin(s: Scenario, origin: number, observed: readonly Observation[]): Issue[] {
  if (!observed.length)
    return [
      {
        path: '--backtest',
        message: 'the scenario has no observations (its "observed" part is empty): nothing to test against',
      },
    ];
  if (!Number.isInteger(origin)) return [{ path: '--origin', message: `must be a whole year, got ${origin}` }];
  const lastObserved = Math.max(...observed.map((o) => o.year));
  const issues: Issue[] = [];
  if (origin < s.baseYear)
    issues.push({
      path: '--origin',
      message: `must not be before the base year ${s.baseYear} (the projection starts there), got ${origin}`,
    });
  if (origin >= lastObserved)
    issues.push({
      path: '--origin',
      message: `must be before the last observed year ${lastObserved} (nothing after it is hidden to test against), got ${origin}`,
    });
  else if (origin >= s.until)
    issues.push({
      path: '--origin',
      message: `must be before the end of the projection ${s.until} (nothing projected after it to test), got ${origin}`,
    });
  return issues;
}

const notFitted = (why: NonNullable<BacktestCalibration['why']>, reason: string) => ({
  calibration: { fitted: false, why, reason },
  overrides: [] as Override[],
});

/**
 * The scenario's calibration on the visible observations only (`doc` holds no other). Nothing is fitted
 * without a calibration block, or when no visible observation lies after the base year: the base year is
 * reproduced by construction, so it carries no information on the unknowns.
 */
function fitVisible(
  doc: Record<string, unknown>,
  s: Scenario,
  visible: readonly Observation[],
  origin: number,
  load: DataLoader,
  maxEvaluations: number | undefined,
  onProgress: Progress | undefined,
): { calibration: BacktestCalibration; overrides: Override[] } {
  if (!s.calibration)
    return notFitted(
      'no-calibration-block',
      'the scenario has no "calibration" block: nothing to fit; the scenario runs as it is',
    );
  const metrics = new Set<string>(s.calibration.metrics ?? visible.map((o) => o.metric));
  const after = visible.filter((o) => o.year > s.baseYear && o.year <= s.until && metrics.has(o.metric));
  if (!after.length)
    return notFitted(
      'nothing-visible',
      `no observation after the base year ${s.baseYear} is visible at the origin ${origin}: nothing to calibrate on; the scenario runs as it is`,
    );
  let c;
  try {
    c = calibrate(
      doc,
      load,
      [],
      { underdetermined: 'minimum-change', ...(maxEvaluations ? { maxEvaluations } : {}) },
      onProgress,
    );
  } catch (e) {
    // No usable observation left after the definition rule: say so, run as is.
    if (e instanceof ValidationError && e.issues.every((i) => i.path === '--calibrate'))
      return notFitted(
        'not-enough',
        `not calibrated: ${e.issues.map((i) => i.message).join('; ')}; the scenario runs as it is`,
      );
    throw e;
  }
  const used = Object.fromEntries(
    Object.entries(c.fitted)
      .map(([m, ps]) => [m, ps.filter((p) => p.used).map((p) => p.year)] as const)
      .filter(([, ys]) => ys.length),
  );
  return {
    calibration: {
      fitted: true,
      parameters: c.parameters,
      start: c.start,
      atBound: c.atBound,
      rmse: c.rmse,
      rmseStart: c.rmseStart,
      observations: c.observations,
      used,
      evaluations: c.evaluations,
      converged: c.converged,
      overrides: c.overrides,
      notes: c.notes,
    },
    overrides: c.overrides,
  };
}

/** Back-test of the scenario `raw` with the user's `overrides`. Throws ValidationError on bad input. */
export function backtest(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  options: BacktestOptions,
  onProgress?: Progress,
): BacktestResult {
  const { origin } = options;
  const probe = makeProbe(raw, load, overrides);
  const s = probe.scenario;
  const observed: Observation[] = Array.isArray(s.observed) ? s.observed : [];
  const issues = checkOrigin(s, origin, observed);
  if (issues.length) throw new ValidationError(issues);

  const visible = observed.filter((o) => o.year <= origin);
  // From here on the hidden observations exist only in `observed`, which nothing fitted ever reads.
  const doc = { ...probe.doc, observed: visible };
  const fit = fitVisible(doc, s, visible, origin, load, options.maxEvaluations, onProgress);
  const run = fit.overrides.length ? runScenario(doc, load, fit.overrides).result : probe.base;
  const done = (fit.calibration.evaluations ?? 0) + 1;
  onProgress?.(done, done);

  const all = withDerivedGap(observed);
  // The base year's values the projection starts from (published totals; null for flows).
  const start = (m: string) => (probe.base.series[m] as (number | null)[] | undefined)?.[0] ?? null;
  const metrics = Object.fromEntries(
    metricsToReport(observed).map((m) => [
      m,
      scoreMetric(
        m,
        all.filter((o) => o.metric === m),
        origin,
        run,
        start(m),
      ),
    ]),
  );
  const hidden = observed.length - visible.length;
  return {
    origin,
    baseYear: s.baseYear,
    visible: visible.length,
    hidden,
    metrics,
    years: run.years,
    series: run.series,
    hukouDefinition: run.hukouDefinition,
    calibration: fit.calibration,
    notes: [
      `The ${hidden} observation(s) after ${origin} are hidden: the calibration and the naive forecasts see only the ${visible.length} up to the origin, the base year ${s.baseYear} included.`,
      'Naive forecasts: (a) the last visible value carried forward; (b) the least-squares line through the visible values of the five years up to the origin (the last two visible values when fewer).',
      'Skill = 1 − MAE(model) ÷ min(MAE(naive last), MAE(naive trend)): 1 exact, 0 no better than the better naive forecast, below 0 worse.',
    ],
  };
}

/** "residentPop 0.42, hukouUrbanRate −0.10": the skills that exist, for a one-line report. */
export function skillLine(b: BacktestResult): string {
  const parts = Object.entries(b.metrics)
    .filter(([, m]) => m.skill !== null)
    .map(([k, m]) => `${k} ${m.skill!.toFixed(2)}`);
  return parts.length ? parts.join(', ') : 'no skill defined (see each metric’s note)';
}
