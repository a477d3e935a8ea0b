/**
 * One-at-a-time sensitivity (MODEL.md §9), the data of a tornado chart: each lever moved to the low and then
 * the high end of its range, and each uncertain parameter to the ends of its distribution, everything else
 * held at the user's settings; the metric in the chosen year at each end, sorted by the size of the swing.
 */
import { ValidationError, type Issue } from '../scenario/issues';
import { listLevers, type Lever } from '../scenario/levers';
import type { Override } from '../scenario/load';
import { getAt } from '../scenario/pointer';
import type { DataLoader } from '../scenario/resolve';
import type { UncertainParameterSpec } from '../scenario/schema';
import { METRICS, SENSITIVITY_METRICS, type MetricKind } from '../scenario/metrics';
import { checkParameters, parameterOverride } from './apply';
import { leverOverride, makeProbe, metricAt, timelineYears, type Progress } from './probe';

export { SENSITIVITY_METRICS } from '../scenario/metrics';
export type SensitivityMetric = (typeof SENSITIVITY_METRICS)[number];

export interface SensitivityOptions {
  readonly year: number;
  readonly metric: SensitivityMetric;
  /**
   * Pointers of the levers and uncertain parameters to move (default: every lever, fiscal levers only for
   * `totalCostCumulative`, and every uncertain parameter).
   */
  readonly items?: readonly string[];
}

export interface SensitivityItem {
  readonly pointer: string;
  readonly label: string;
  readonly labelEn: string;
  /** A lever (moved over its range) or an uncertain parameter (moved over its distribution). */
  readonly kind: 'lever' | 'uncertainty';
  /** For uncertain parameters: `set` (low/high are values) or `scale` (low/high are factors). */
  readonly mode?: 'set' | 'scale';
  readonly unit?: string;
  /** The setting in the scenario as run (a factor of 1 for a scaled parameter). */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly valueAtLow: number | null;
  readonly valueAtHigh: number | null;
  /** valueAtHigh − valueAtLow, in the metric's unit (signed: negative when raising the setting lowers it). */
  readonly swing: number;
  /** The overrides of the two ends, to feed back with `--set`. */
  readonly overrideLow: Override;
  readonly overrideHigh: Override;
  /** Why a run failed (its values are then null and its swing 0). */
  readonly error?: string;
}

export interface SensitivityResult {
  readonly year: number;
  readonly metric: SensitivityMetric;
  /** The metric at the user's settings. */
  readonly base: number;
  readonly unit: string;
  readonly note?: string;
  readonly items: SensitivityItem[];
  readonly evaluations: number;
}

/** The result's own units (the page scales them for display by the metric's kind, src/scenario/metrics.ts). */
const UNITS: Record<MetricKind, string> = {
  points: 'percentage points',
  rate: 'fraction',
  persons: 'persons',
  yuan: 'CNY (base-year prices)',
};

/** The ends an uncertain parameter is moved to: its bounds, or mean ± 2 sd within any bounds of a normal. */
export function distributionEnds(d: UncertainParameterSpec['dist']): [number, number] {
  if (d.type !== 'normal') return [d.min, d.max];
  return [Math.max(d.mean - 2 * d.sd, d.min ?? -Infinity), Math.min(d.mean + 2 * d.sd, d.max ?? Infinity)];
}

interface Candidate {
  readonly item: Omit<SensitivityItem, 'valueAtLow' | 'valueAtHigh' | 'swing' | 'error'>;
}

/** Sensitivity on the scenario `raw` with the user's `overrides`. Throws ValidationError on bad input. */
export function sensitivity(
  raw: unknown,
  load: DataLoader,
  overrides: readonly Override[],
  options: SensitivityOptions,
  onProgress?: Progress,
): SensitivityResult {
  const probe = makeProbe(raw, load, overrides);
  const s = probe.scenario;
  const issues: Issue[] = [];
  const { year, metric } = options;
  if (!SENSITIVITY_METRICS.includes(metric))
    issues.push({ path: '--metric', message: `must be one of ${SENSITIVITY_METRICS.join(', ')} (got "${metric}")` });
  if (!Number.isInteger(year) || year < s.baseYear || year > s.until)
    issues.push({
      path: '--year',
      message: `must be a year of the projection, ${s.baseYear}–${s.until} (got ${year})`,
    });
  if (metric === 'totalCostCumulative' && !s.fiscal)
    issues.push({
      path: '--metric',
      message: 'totalCostCumulative needs the scenario\'s "fiscal" part, which it does not have',
    });

  const uncertain = s.uncertainty?.parameters ?? [];
  issues.push(...checkParameters(probe.doc, uncertain, '/uncertainty/parameters'));
  const levers = listLevers(s);
  const wanted = options.items ? new Set(options.items) : null;
  options.items?.forEach((p, i) => {
    if (!levers.some((l) => l.pointer === p) && !uncertain.some((u) => u.pointer === p))
      issues.push({ path: `--items/${i}`, message: `${p} names no lever (see --list-levers) or uncertain parameter` });
  });
  if (issues.length) throw new ValidationError(issues);

  const candidates: Candidate[] = [];
  const fromLever = (l: Lever): Candidate => ({
    item: {
      pointer: l.pointer,
      label: l.label,
      labelEn: l.labelEn,
      kind: 'lever',
      unit: l.unit,
      value: l.value,
      // A yes/no lever has only its two settings, off and on.
      low: l.toggle ? 0 : l.min,
      high: l.toggle ? 1 : l.max,
      overrideLow: leverOverride(l.pointer, l.toggle ? 0 : l.min, l.toggle),
      overrideHigh: leverOverride(l.pointer, l.toggle ? 1 : l.max, l.toggle),
    },
  });
  for (const l of levers) {
    // Fiscal linkage is computed after the projection and never feeds back into it (MODEL.md §7), so fiscal
    // levers cannot move a population metric; they are left out unless asked for.
    if (wanted ? wanted.has(l.pointer) : l.group !== 'fiscal' || metric === 'totalCostCumulative')
      candidates.push(fromLever(l));
  }
  for (const u of uncertain) {
    if (wanted && !wanted.has(u.pointer)) continue;
    const [low, high] = distributionEnds(u.dist);
    const mode = u.mode ?? 'set';
    // A lever that is also an uncertain parameter appears once, over its plausible range (the
    // distribution's), under the lever's name: two rows for one input would read as two effects.
    const twin = candidates.findIndex((c) => c.item.pointer === u.pointer);
    const lever = twin >= 0 ? candidates.splice(twin, 1)[0].item : null;
    candidates.push({
      item: {
        pointer: u.pointer,
        label: lever?.label ?? u.label ?? u.pointer,
        labelEn: lever?.labelEn ?? u.labelEn ?? u.label ?? u.pointer,
        kind: 'uncertainty',
        mode,
        value: mode === 'scale' ? 1 : (getAt(probe.doc, u.pointer) as number),
        low,
        high,
        overrideLow: parameterOverride(probe.doc, u, low),
        overrideHigh: parameterOverride(probe.doc, u, high),
      },
    });
  }

  const base = metricAt(probe.base, metric, year)!;
  const total = 1 + 2 * candidates.length;
  onProgress?.(probe.evaluations, total);
  const items: SensitivityItem[] = candidates.map(({ item }) => {
    const ends: (number | null)[] = [];
    let error: string | undefined;
    for (const o of [item.overrideLow, item.overrideHigh]) {
      try {
        ends.push(metricAt(probe.run([o]), metric, year));
      } catch (e) {
        // A range end the scenario's checks refuse (e.g. a share pushed past 1 by a scale) is reported, not fatal.
        if (!(e instanceof ValidationError)) throw e;
        ends.push(null);
        error = e.message;
      }
      onProgress?.(probe.evaluations, total);
    }
    const [valueAtLow, valueAtHigh] = ends;
    const swing = valueAtLow === null || valueAtHigh === null ? 0 : valueAtHigh - valueAtLow;
    return { ...item, valueAtLow, valueAtHigh, swing, ...(error ? { error } : {}) };
  });
  // Largest effect first; failed items last; ties keep the lever order.
  items.sort((a, b) => Number(!!a.error) - Number(!!b.error) || Math.abs(b.swing) - Math.abs(a.swing));

  const notes: string[] = [];
  if (metric === 'totalCostCumulative')
    notes.push(
      `totalCostCumulative is the sum of fiscal.totalCost from ${s.baseYear + 1} to ${year}, in base-year yuan.`,
    );
  if (metric === 'settlersCumulative')
    notes.push(`settlersCumulative counts settlers from ${s.baseYear + 1} to ${year}.`);
  const timed = items.filter((i) => timelineYears(s, i.pointer).length).map((i) => i.pointer);
  if (timed.length)
    notes.push(`The timeline sets ${timed.join(', ')} in later years; those items move only the value before.`);
  if (year === s.baseYear) notes.push('The base year is fixed by construction: no setting moves it.');
  if (!wanted && metric !== 'totalCostCumulative')
    notes.push('Fiscal levers are left out: they do not feed back into the population.');
  return {
    year,
    metric,
    base,
    unit: UNITS[METRICS[metric].kind],
    ...(notes.length ? { note: notes.join(' ') } : {}),
    items,
    evaluations: probe.evaluations,
  };
}
