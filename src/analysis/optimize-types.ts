/** What goal seek over several levers (optimize.ts) takes and answers, and the check of its options. */
import type { Issue } from '../scenario/issues';
import type { Lever, listLevers } from '../scenario/levers';
import type { Override } from '../scenario/load';
import type { TargetResult } from '../scenario/targets';

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
  /** Upper bound on model runs (default 600; at least 2 × levers + 3: the start, the ends, the corner). */
  readonly maxEvaluations?: number;
}

/** A lever of the search: what `--list-levers` says of it, and its two settings. */
export interface OptimizeLever extends Pick<Lever, 'pointer' | 'label' | 'labelEn' | 'unit' | 'min' | 'max' | 'step'> {
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

export function checkOptions(
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
