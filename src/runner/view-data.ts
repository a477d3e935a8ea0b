/**
 * What the interface needs besides the JSON result: names of zones, channels and cost components, the
 * observations, the levers with their current values, and the population by registration state for
 * the pyramid. Built in the worker next to the result; the pyramid travels as a transferred buffer.
 */
import { STATE_NAMES } from '../model/output';
import { listLevers, type Lever } from '../scenario/levers';
import type { DataLoader } from '../scenario/resolve';
import type { Scenario } from '../scenario/schema';
import type { RunOutcome } from '../scenario/run';

export interface Named {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  /** A zone nobody lives in nor moves to (e.g. 辽源 has no county-level city): its levers are not shown. */
  readonly empty?: boolean;
}

export interface ObservedPoint {
  readonly metric: string;
  readonly year: number;
  readonly value: number;
  readonly source: string;
  readonly definition?: 'address' | 'nonAgricultural';
}

/** One row of a document's task-division table (data/tasks/docNNN.json). */
export interface TaskRow {
  readonly no: number;
  readonly label: string;
  readonly title: string | null;
  readonly text: string;
  readonly lead: readonly string[];
  readonly partners: readonly string[];
  /** Lever pointers the task governs (targets included). */
  readonly levers: readonly string[];
  readonly leverNote?: string;
}

export interface TaskTable {
  readonly file: string;
  readonly document: { readonly number: string | null; readonly title: string };
  readonly tasks: readonly TaskRow[];
}

export interface Milestone {
  readonly year: number;
  readonly kind: 'evaluation' | 'deadline';
  readonly label: string;
  readonly labelEn?: string;
  readonly clause?: string;
}

/** Policy changes after the reform year, from the scenario's timeline. */
export interface TimelineEntry {
  readonly year: number;
  readonly label?: string;
  readonly changes: readonly { readonly pointer: string; readonly value: unknown }[];
}

export interface ViewData {
  readonly zones: readonly Named[];
  /** Channels by id (the keys of `settlersByChannel`); a channel offered in several zones appears once. */
  readonly channels: readonly Named[];
  readonly components: readonly Named[];
  /** What the finance panel says of each cost component, in the order of `components`. */
  readonly fiscalComponents: readonly FiscalComponentInfo[];
  /** Names of scenario parts a task may point at (a zone's channel, a cost component), by JSON pointer. */
  readonly parts: Readonly<Record<string, Named>>;
  readonly observed: readonly ObservedPoint[];
  /** The levers with their values in this run (the user's edits applied). */
  readonly levers: readonly Lever[];
  /** Each lever's value in the scenario itself, before the user's edits. */
  readonly sourceValues: Readonly<Record<string, number>>;
  /** State names of the pyramid rows (UH, UA, UN, RA, AWU, AWR, RN). */
  readonly states: readonly string[];
  /** Age-sex vectors length (2 × 101). */
  readonly sa: number;
  /** Population by year, state, sex and age: index `(i * states + state) * sa + s * 101 + a`. */
  readonly pyramid: Float64Array;
  /** Where the scenario's numbers come from: `sources` of the scenario (pointer → text). */
  readonly sources: Readonly<Record<string, string>>;
  /** The task-division table of the scenario's document, when the document has one. */
  readonly tasks: TaskTable | null;
  readonly timeline: readonly TimelineEntry[];
  /** The document's dated evaluations and deadlines. */
  readonly milestones: readonly Milestone[];
  /** The scenario's analysis parameters (its `uncertainty` and `calibration` blocks), for the Analyses screen. */
  readonly analysis: {
    readonly uncertainty: readonly AnalysisParameter[];
    readonly calibration: readonly AnalysisParameter[];
  };
}

export interface FiscalComponentInfo {
  readonly id: string;
  readonly kind: 'oneOff' | 'annual';
  readonly appliesTo: 'settlers' | 'newUrbanResidents';
  readonly afterYears: number;
  readonly originShare: number;
  /** The component has its own service level for non-registered residents (else it follows S(t)). */
  readonly ownServiceLevel: boolean;
}

export interface AnalysisParameter {
  readonly pointer: string;
  readonly label: string;
  readonly labelEn: string;
  readonly mode: 'set' | 'scale';
  /** "uniform 0.2–0.4", "triangular 0.8 / 1 / 1.2", "normal 1 ± 0.1 in 0.8–1.2", or the calibration bounds. */
  readonly range: string;
}

/** The task table of a document, found by its seed file's number (shared/seeds/000_… → data/tasks/doc000.json). */
function taskTableOf(s: Scenario, load?: DataLoader): TaskTable | null {
  const m = /(?:^|\/)(\d{3})_[^/]*$/.exec(s.meta.document.seed ?? '');
  if (!m || !load) return null;
  const file = `data/tasks/doc${m[1]}.json`;
  const t = load(file) as { document?: TaskTable['document']; tasks?: TaskRow[] } | undefined;
  if (!t?.tasks || !t.document) return null;
  const tasks = t.tasks.map(({ no, label, title, text, lead, partners, levers, leverNote }) => ({
    no,
    label,
    title,
    text,
    lead,
    partners,
    levers,
    ...(leverNote ? { leverNote } : {}),
  }));
  return { file, document: { number: t.document.number, title: t.document.title }, tasks };
}

/** Nobody in the zone at the base year, and no migrant ever sent there. */
function zoneIsEmpty(s: Scenario, zid: string): boolean {
  const at = (m: unknown) => {
    const v = (m as Record<string, unknown> | undefined)?.[zid];
    return typeof v === 'number' ? v : v && typeof v === 'object' ? Math.max(...Object.values(v).map(Number)) : 0;
  };
  return (
    at(s.base.urbanZoneShares) === 0 &&
    at(s.base.nonLocalZoneShares) === 0 &&
    at(s.migration.ruralToUrban.attraction) === 0 &&
    at(s.migration.inflow.zoneShares) === 0
  );
}

export function buildViewData(
  outcome: RunOutcome,
  load?: DataLoader,
  overridden: Readonly<Record<string, number>> = {},
): ViewData {
  const levers = listLevers(outcome.scenario);
  const s: Scenario = outcome.scenario;
  const channels = new Map<string, Named>();
  for (const zp of Object.values(s.policy.zones))
    for (const ch of zp.channels)
      if (!channels.has(ch.id)) channels.set(ch.id, { id: ch.id, label: ch.label, labelEn: ch.labelEn ?? ch.id });
  const observed = Array.isArray(s.observed)
    ? (s.observed as ObservedPoint[]).map(({ metric, year, value, source, definition }) => ({
        metric,
        year,
        value,
        source,
        ...(definition ? { definition } : {}),
      }))
    : [];
  const zones = s.zones.map((z) => ({
    id: z.id,
    label: z.name,
    labelEn: z.nameEn ?? z.id,
    ...(zoneIsEmpty(s, z.id) ? { empty: true } : {}),
  }));
  const components = (s.fiscal?.components ?? []).map((c) => ({
    id: c.id,
    label: c.label,
    labelEn: c.labelEn ?? c.id,
  }));
  const fiscalComponents = (s.fiscal?.components ?? []).map((c) => ({
    id: c.id,
    kind: c.kind,
    appliesTo: c.appliesTo ?? 'settlers',
    afterYears: c.afterYears ?? 0,
    originShare: c.originShare ?? 0,
    ownServiceLevel: c.serviceLevel !== undefined,
  }));
  const parts: Record<string, Named> = {};
  for (const [zid, zp] of Object.entries(s.policy.zones)) {
    const zone = zones.find((z) => z.id === zid);
    zp.channels.forEach((ch, i) => {
      parts[`/policy/zones/${zid}/channels/${i}`] = {
        id: ch.id,
        label: `${zone?.label ?? zid}·${ch.label}`,
        labelEn: `${zone?.labelEn ?? zid} · ${ch.labelEn ?? ch.id}`,
      };
    });
  }
  components.forEach((c, i) => (parts[`/fiscal/components/${i}`] = c));
  return {
    zones,
    channels: [...channels.values()],
    components,
    fiscalComponents,
    parts,
    observed,
    levers,
    sourceValues: Object.fromEntries(levers.map((l) => [l.pointer, overridden[l.pointer] ?? l.value])),
    states: [...STATE_NAMES],
    sa: 202,
    pyramid: outcome.output.pyramid,
    sources: (s.sources ?? {}) as Record<string, string>,
    tasks: taskTableOf(s, load),
    milestones: (s.milestones ?? []).map((m) => ({ ...m })),
    timeline: (s.timeline ?? []).map((t) => ({
      year: t.year,
      ...(t.label ? { label: t.label } : {}),
      changes: Object.entries(t.set ?? {}).map(([pointer, value]) => ({ pointer, value })),
    })),
    analysis: {
      uncertainty: (s.uncertainty?.parameters ?? []).map((p) => ({
        pointer: p.pointer,
        label: p.label ?? p.pointer,
        labelEn: p.labelEn ?? p.label ?? p.pointer,
        mode: p.mode ?? 'set',
        range:
          p.dist.type === 'uniform'
            ? `uniform ${p.dist.min}–${p.dist.max}`
            : p.dist.type === 'triangular'
              ? `triangular ${p.dist.min} / ${p.dist.mode} / ${p.dist.max}`
              : `normal ${p.dist.mean} ± ${p.dist.sd}${p.dist.min !== undefined || p.dist.max !== undefined ? ` in ${p.dist.min ?? '−∞'}–${p.dist.max ?? '∞'}` : ''}`,
      })),
      calibration: (s.calibration?.parameters ?? []).map((p) => ({
        pointer: p.pointer,
        label: p.label ?? p.pointer,
        labelEn: p.labelEn ?? p.label ?? p.pointer,
        mode: p.mode ?? 'set',
        range: `${p.min}–${p.max}`,
      })),
    },
  };
}
