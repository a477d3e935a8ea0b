/**
 * Settlement channels as the model reads them (compile.ts): eligibility per cell, the quota (a zone's own,
 * or a city-wide pool shared by the channel in every zone), and for a points channel under a quota its
 * ranking grid (points-rank.ts) and where its cut-off is recorded.
 */
import { channelEligibility, type GroupAttributes, type PointsCondition } from '../model/eligibility';
import type { CompiledChannel } from '../model/input';
import { pointsRanking } from '../model/points-rank';
import { toCondition } from './compile-parts';
import { valueAt } from './path';
import type { Scenario } from './schema';

type ChannelSpec = Scenario['policy']['zones'][string]['channels'][number];

/**
 * Eligibility arrays already computed, by their inputs (the conditions, the population's attributes, the
 * durations): a pure function's results, never written to, shared across compiles. A Monte Carlo or an
 * optimiser's run that moves no settlement condition nor attribute (willingness, migration, demography)
 * finds every channel here; it was a fifth of such a run. Bounded: the oldest entries go first.
 */
const eligibilityMemo = new Map<string, Float64Array>();
const MEMO_LIMIT = 256;

function memoEligibility(
  conditions: Parameters<typeof channelEligibility>[0],
  attrs: [GroupAttributes, GroupAttributes],
  attrsKey: string,
  durations: number,
): Float64Array {
  const key = `${durations}|${attrsKey}|${JSON.stringify(conditions)}`;
  let e = eligibilityMemo.get(key);
  if (e) return e;
  e = channelEligibility(conditions, attrs, durations);
  if (eligibilityMemo.size >= MEMO_LIMIT) eligibilityMemo.delete(eligibilityMemo.keys().next().value!);
  eligibilityMemo.set(key, e);
  return e;
}

export function channelCompiler(steps: number, durations: number) {
  const channelIds: string[] = [];
  const cityQuotas: { id: string; quota: Float64Array }[] = [];
  const cutoffKeys: string[] = [];
  const zoneQuotas: { quota: Float64Array; spec: ChannelSpec }[] = [];
  const indexOf = (list: string[], key: string) => {
    const i = list.indexOf(key);
    return i >= 0 ? i : list.push(key) - 1;
  };
  const poolOf = (id: string) => {
    let i = cityQuotas.findIndex((q) => q.id === id);
    // Steps where the pool is not in force are never read (their periods' channels do not join it).
    if (i < 0) i = cityQuotas.push({ id, quota: new Float64Array(steps).fill(NaN) }) - 1;
    return i;
  };

  return {
    channelIds,
    cityQuotas,
    cutoffKeys,

    /** One channel of zone `zid` in the effective scenario `e`. */
    /** `attrsKey` names `attrs` exactly (the population they come from, as JSON). */
    compile(
      e: Scenario,
      zid: string,
      spec: ChannelSpec,
      attrs: [GroupAttributes, GroupAttributes],
      attrsKey: string,
    ): CompiledChannel {
      // A channel the document does not open (or a user switched off) admits nobody; it keeps its place.
      const conditions = spec.enabled === false ? [{ type: 'closed' as const }] : spec.conditions.map(toCondition);
      const pool = e.policy.cityQuotas?.[spec.id] !== undefined ? poolOf(spec.id) : undefined;
      let quota: Float64Array | null = null;
      if (pool !== undefined) quota = cityQuotas[pool].quota;
      else if (spec.quota != null) {
        quota = new Float64Array(steps);
        zoneQuotas.push({ quota, spec });
      }
      const points = conditions.find((c): c is PointsCondition => c.type === 'points');
      const rank =
        quota && points && spec.quotaOrder !== 'proportional'
          ? (pointsRanking(points, attrs, durations) ?? undefined)
          : undefined;
      return {
        id: spec.id,
        channelIndex: indexOf(channelIds, spec.id),
        eligibility: memoEligibility(conditions, attrs, attrsKey, durations),
        quota,
        ...(spec.quotaCounts === 'applicants' ? { quotaApplicantsOnly: true } : {}),
        ...(pool !== undefined ? { cityQuota: pool } : {}),
        ...(rank ? { rank, cutoffIndex: indexOf(cutoffKeys, pool !== undefined ? spec.id : `${spec.id}@${zid}`) } : {}),
      };
    },

    /** The city-wide quotas in force in step k (year y) of the effective scenario `e`. */
    cityQuotasAt(e: Scenario, k: number, y: number): void {
      for (const [id, path] of Object.entries(e.policy.cityQuotas ?? {}))
        cityQuotas[poolOf(id)].quota[k] = valueAt(path, y);
    },

    /** Fills the zones' own quotas, once every period is compiled. */
    fillZoneQuotas(years: readonly number[]): void {
      for (const { quota, spec } of zoneQuotas)
        if (spec.quota != null) for (let k = 0; k < steps; k++) quota[k] = valueAt(spec.quota, years[k]);
    },
  };
}
