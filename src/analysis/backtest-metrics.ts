/**
 * One metric of a back-test (src/analysis/backtest.ts): which observations are compared, the model's and
 * the naive forecasts' values at the hidden years, and the errors and skill. Pure: it reads a run, it
 * does not make one.
 *
 * Each metric keeps ONE statistical series: the vintage (and, for hukou figures, the registration
 * definition) of its last visible observation. A bulletin series revised after a census, or a hukou rate
 * counted under the old non-agricultural definition, moves by more than any model error; mixing them
 * would score the revision, not the forecast (MODEL.md §2).
 */
import type { Series } from '../scenario/result';
import { ObservationMetric, type Scenario } from '../scenario/schema';
import { DEFINITION_METRICS } from './evaluate';
import {
  byYear,
  meanAbsoluteError,
  naiveLast,
  skillScore,
  trendLine,
  type Trend,
  type YearValue,
} from './forecast-skill';

export type Definition = 'address' | 'nonAgricultural';
export type Observation = Extract<Scenario['observed'], unknown[]>[number];

/** What a metric's scoring reads of the back-test's run. */
export interface RunView {
  readonly years: readonly number[];
  readonly series: Readonly<Record<string, unknown>>;
  readonly hukouDefinition: readonly Definition[];
}

export interface BacktestMetric {
  /** Hidden years compared (after the origin, within the projection, same vintage and definition). */
  readonly years: number[];
  readonly observed: number[];
  readonly model: number[];
  readonly naiveLast: (number | null)[];
  readonly naiveTrend: (number | null)[];
  /** Mean absolute errors in the metric's unit (fractions for rates, points for the gap, persons). */
  readonly maeModel: number | null;
  readonly maeNaiveLast: number | null;
  readonly maeNaiveTrend: number | null;
  readonly skill: number | null;
  /** The visible observations the naive forecasts are made from. */
  readonly visible: { readonly years: number[]; readonly observed: number[] };
  /** The naive trend's straight line: the years it goes through, slope per year, value at the origin. */
  readonly trend: Trend | null;
  /** The vintage kept (null: not stated), and for hukou metrics the definition kept. */
  readonly vintage: string | null;
  readonly definition?: Definition;
  readonly note?: string;
}

/** Metrics always reported (with a note when not observed); other observed metrics join them. */
export const CORE_METRICS: readonly string[] = [
  'residentUrbanRate',
  'hukouUrbanRate',
  'gapPoints',
  'residentPop',
  'hukouPop',
];

/** The metrics a back-test reports, in the schema's order. */
export function metricsToReport(observed: readonly Observation[]): string[] {
  const seen = new Set<string>([...CORE_METRICS, ...observed.map((o) => o.metric)]);
  return ObservationMetric.options.filter((m) => seen.has(m));
}

/**
 * The observations with the gap added for every year that has both rates but no observed gap, as the
 * evaluation derives it (src/analysis/evaluate.ts), under the hukou rate's definition.
 */
export function withDerivedGap(observed: readonly Observation[]): Observation[] {
  const derived: Observation[] = [];
  for (const r of observed.filter((o) => o.metric === 'residentUrbanRate')) {
    const h = observed.find((o) => o.metric === 'hukouUrbanRate' && o.year === r.year);
    if (!h || observed.some((o) => o.metric === 'gapPoints' && o.year === r.year)) continue;
    if (derived.some((d) => d.year === r.year)) continue;
    // A gap of two series is one series only if both are: their vintages together name it.
    const vintage = r.vintage === h.vintage ? r.vintage : `${r.vintage ?? '—'} / ${h.vintage ?? '—'}`;
    derived.push({
      metric: 'gapPoints',
      year: r.year,
      value: Number((100 * (r.value - h.value)).toPrecision(12)),
      source: `derived: 100 × (residentUrbanRate − hukouUrbanRate); ${r.source}; ${h.source}`,
      ...(h.definition ? { definition: h.definition } : {}),
      ...(vintage !== undefined ? { vintage } : {}),
    });
  }
  return [...observed, ...derived];
}

const clean = (x: number): number => Number(x.toPrecision(12));
const cleanOrNull = (x: number | null): number | null => (x === null ? null : clean(x));

/** The definition in force in `year` as the run has it (before or after the run: its first or last year). */
function definitionAt(run: RunView, year: number): Definition {
  const i = Math.min(Math.max(year - run.years[0], 0), run.years.length - 1);
  return run.hukouDefinition[i];
}

const latest = (os: readonly Observation[]) =>
  os.reduce<Observation | null>((a, o) => (!a || o.year >= a.year ? o : a), null);
const earliest = (os: readonly Observation[]) =>
  os.reduce<Observation | null>((a, o) => (!a || o.year < a.year ? o : a), null);

/** The one series a metric is scored on, and what was left out of it. */
interface Choice {
  readonly vintage: string | null;
  readonly definition?: Definition;
  /** Whether an observation belongs to the series. */
  readonly keep: (o: Observation) => boolean;
  /** The base year's starting value, when it joins the visible values (no base-year observation). */
  readonly base: YearValue | null;
  readonly notes: string[];
}

/**
 * The series of `all` to score: the vintage and definition of the last visible observation. The
 * projection starts from the base year's published totals (`start`); when the metric has no observation
 * in the base year, that value stands for it (visible, as the base-year observation would be), so that
 * the naive forecasts start from what the model starts from. It has no vintage of its own: it joins the
 * series of its definition.
 */
function chooseSeries(metric: string, all: readonly Observation[], origin: number, run: RunView, start: number | null) {
  const hasDefinition = DEFINITION_METRICS.has(metric);
  // An unstated definition is taken as the projection's in that year, as the evaluation does.
  const definitionOf = (o: { year: number; definition?: Definition }) =>
    hasDefinition ? (o.definition ?? definitionAt(run, o.year)) : undefined;
  const vintageOf = (o: Observation) => o.vintage ?? null;
  const baseYear = run.years[0];
  const visible = all.filter((o) => o.year <= origin);
  const hidden = all.filter((o) => o.year > origin);
  // The series to test is one that goes on after the origin: the last visible observation's, unless that
  // series stops at the origin (a census count, say) and another visible series continues (the bulletins).
  const sameSeries = (a: Observation, b: Observation) =>
    vintageOf(a) === vintageOf(b) && definitionOf(a) === definitionOf(b);
  const lastVisible = latest(visible.filter((v) => hidden.some((h) => sameSeries(v, h)))) ?? latest(visible);
  const baseValue = start !== null && !all.some((o) => o.year === baseYear) ? start : null;
  let ref: Observation | null;
  let from: string;
  let definition: Definition | undefined;
  if (lastVisible && (baseValue === null || lastVisible.year > baseYear)) {
    ref = lastVisible;
    definition = definitionOf(ref);
    from = `the last visible observation (${ref.year})`;
  } else if (baseValue !== null) {
    definition = definitionOf({ year: baseYear });
    // The series to test is the one the hidden values belong to.
    ref =
      earliest(hidden.filter((o) => definitionOf(o) === definition)) ??
      latest(visible.filter((o) => definitionOf(o) === definition));
    from = ref
      ? `the observation of ${ref.year} (the series the base-year value ${baseYear} the projection starts from joins)`
      : `the base-year value the projection starts from (${baseYear})`;
  } else {
    // Nothing visible: the hidden series that starts first still gives the model's error.
    ref = earliest(hidden);
    if (!ref) return null;
    definition = definitionOf(ref);
    from = `the first hidden observation (${ref.year}); nothing is visible`;
  }
  const vintage = ref ? vintageOf(ref) : null;
  const notes = [
    `vintage ${vintage === null ? '(not stated)' : `"${vintage}"`}${definition ? `, ${definition} definition` : ''}: that of ${from}`,
  ];
  const otherVintage = all.filter((o) => vintageOf(o) !== vintage).length;
  const otherDefinition = all.filter((o) => vintageOf(o) === vintage && definitionOf(o) !== definition).length;
  if (otherVintage)
    notes.push(`${otherVintage} observation(s) of another vintage left out: one statistical series per metric`);
  if (otherDefinition)
    notes.push(
      `${otherDefinition} observation(s) under another hukou definition left out: never compared across the definition break (MODEL.md §2)`,
    );
  const base =
    baseValue !== null && definitionOf({ year: baseYear }) === definition ? { year: baseYear, value: baseValue } : null;
  if (base) notes.push(`no observation of the base year: its published total (the projection's start) is visible`);
  const choice: Choice = {
    vintage,
    ...(definition ? { definition } : {}),
    keep: (o) => vintageOf(o) === vintage && definitionOf(o) === definition,
    base,
    notes,
  };
  return choice;
}

/**
 * Scores one metric: `all` are its observations (every year), `origin` the last visible year, `start` the
 * value the projection starts from in the base year (null for a flow, which has none).
 */
export function scoreMetric(
  metric: string,
  all: readonly Observation[],
  origin: number,
  run: RunView,
  start: number | null = null,
): BacktestMetric {
  const choice = chooseSeries(metric, all, origin, run, start);
  if (!choice) return notObserved();
  const { vintage, definition, notes } = choice;
  const hasDefinition = DEFINITION_METRICS.has(metric);
  const hidden = all.filter((o) => o.year > origin);
  const visible = all.filter((o) => o.year <= origin);
  const series = run.series[metric] as Series | undefined;
  const last = run.years[run.years.length - 1];
  const tested: YearValue[] = [];
  const modelByYear = new Map<number, number>();
  let beyond = 0;
  let incomparable = 0;
  let noModel = 0;
  for (const o of hidden.filter(choice.keep)) {
    const i = run.years.indexOf(o.year);
    const m = i < 0 ? null : (series?.[i] ?? null);
    if (o.year > last) beyond++;
    // Kept observations share the series' definition; the projection's may differ in their year.
    else if (hasDefinition && definition !== run.hukouDefinition[i]) incomparable++;
    else if (m === null) noModel++;
    else {
      tested.push({ year: o.year, value: o.value });
      modelByYear.set(o.year, m);
    }
  }
  if (beyond) notes.push(`${beyond} hidden observation(s) after the end of the projection (${last})`);
  if (incomparable)
    notes.push(
      `${incomparable} hidden observation(s) under another definition than the projection's in their year: not compared`,
    );
  if (noModel) notes.push(`${noModel} hidden observation(s) for which the model gives no value`);

  const kept = visible.filter(choice.keep).map((o) => ({ year: o.year, value: o.value }));
  const basis = byYear(choice.base ? [...kept, choice.base] : kept);
  const truth = byYear(tested);
  const last0 = naiveLast(basis);
  const trend = trendLine(basis, origin);
  const years = truth.map((p) => p.year);
  const observed = truth.map((p) => p.value);
  const model = years.map((y) => modelByYear.get(y)!);
  const nl = years.map(() => last0);
  const nt = years.map((y) => (trend ? trend.valueAtOrigin + trend.slope * (y - origin) : null));
  const maeModel = meanAbsoluteError(model, observed);
  const maeNaiveLast = meanAbsoluteError(nl, observed);
  const maeNaiveTrend = meanAbsoluteError(nt, observed);
  const s = skillScore(maeModel, maeNaiveLast, maeNaiveTrend);
  if (basis.length === 1) notes.push(`one visible value (${basis[0].year}): the naive trend is the last value`);
  if (s.why) notes.push(`skill undefined: ${s.why}`);
  return {
    years,
    observed,
    model,
    naiveLast: nl.map(cleanOrNull),
    naiveTrend: nt.map(cleanOrNull),
    maeModel: cleanOrNull(maeModel),
    maeNaiveLast: cleanOrNull(maeNaiveLast),
    maeNaiveTrend: cleanOrNull(maeNaiveTrend),
    skill: cleanOrNull(s.skill),
    visible: { years: basis.map((p) => p.year), observed: basis.map((p) => p.value) },
    trend: trend && { ...trend, slope: clean(trend.slope), valueAtOrigin: clean(trend.valueAtOrigin) },
    vintage,
    ...(definition ? { definition } : {}),
    note: notes.join('; '),
  };
}

/** A metric the scenario does not observe: reported, so that its absence is visible too. */
function notObserved(): BacktestMetric {
  return {
    years: [],
    observed: [],
    model: [],
    naiveLast: [],
    naiveTrend: [],
    maeModel: null,
    maeNaiveLast: null,
    maeNaiveTrend: null,
    skill: null,
    visible: { years: [], observed: [] },
    trend: null,
    vintage: null,
    note: 'not observed in the scenario: nothing to test',
  };
}
