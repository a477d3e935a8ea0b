/**
 * The JSON result of INTERFACES.md from a projection's typed arrays.
 * Rates are fractions 0–1, the gap is in percentage points, people are
 * persons; NaN (flows of the base year) becomes null.
 */
import type { DecompositionResult } from '../model/decomposition';
import { PAYERS, type FiscalOutput } from '../model/fiscal';
import { SERIES, type ProjectionOutput } from '../model/output';
import { IN_REASONS, OUT_REASONS } from '../model/registration';
import { landStandard } from './compile-fiscal';
import type { PathSpec, Scenario, TargetSpec } from './schema';
import { evaluateTargets, type TargetResult } from './targets';

export type Series = (number | null)[];

export interface ProjectionResult {
  scenario: { id: string; name: string; baseYear: number; until: number; version: number };
  years: number[];
  series: Record<string, Series> & {
    settlersByChannel: Record<string, Series>;
    settlersByOrigin: { localRural: Series; elsewhere: Series };
    /** `elsewhere` split by the registration held there: rural (农业转移人口) or urban. */
    settlersByOriginDetail: { localRural: Series; ruralElsewhere: Series; urbanElsewhere: Series };
    registrationInByReason: Record<(typeof IN_REASONS)[number], Series>;
    registrationOutByReason: Record<(typeof OUT_REASONS)[number], Series>;
    settlersByZone: Record<string, Series>;
    channelDemand: Record<string, Series>;
    /**
     * The year's cut-off score (分数线) of each points quota ranked by score: keyed by the channel id of a
     * city-wide quota, `<channel>@<zone>` for a zone's own; the document's minimum where the quota does not
     * bind; null in the base year.
     */
    quotaCutoff: Record<string, Series>;
    nonRegisteredByZone: Record<string, Series>;
  };
  /** Hukou definition in force in each year (MODEL.md §2): evaluations must not compare across it unawares. */
  hukouDefinition: ('address' | 'nonAgricultural')[];
  targets: TargetResult[];
  /** MODEL.md §7; present when the scenario has a `fiscal` part. Amounts in base-year yuan (元). */
  fiscal?: FiscalResult;
  /** Construction land (人地挂钩 and 增减挂钩), with the fiscal part: see {@link LandResult}. */
  land?: LandResult;
  decomposition: {
    residual: DecompositionResult['residual'];
    states: DecompositionResult['totals'];
    warnings: readonly string[];
  };
}

export interface FiscalResult {
  currency: 'CNY';
  priceYear: number;
  costByComponent: Record<string, Series>;
  costByPayer: Record<(typeof PAYERS)[number], Series>;
  /** The document pools the city's and the counties' budgets (市县两级). */
  localPooled: boolean;
  /**
   * How rewards are paid: the share of a year's reward paid in the year of settlement and each later year
   * (退坡), and the years a fund of fixed size replaces the per-settler rates (null: none).
   */
  rewardRule: { taper: number[]; fundYears: [number, number] | null };
  totalCost: Series;
  /**
   * Cost of settlers (package + one-offs), of non-registered residents (package × service level) and of
   * new urban residents (one-offs for the urban population's net growth by migration).
   */
  costByGroup: { settlers: Series; nonRegistered: Series; newUrbanResidents: Series };
  /** Net growth of the urban population by migration (persons; 0 where it shrinks). */
  newUrbanResidents: Series;
  /** Share of the training component's group ever trained (`trainingCoverage`), where the scenario has one. */
  trainingCoverage?: Series;
  /** Sums from the first projected year to each year (NaN in the base year): cost, transfers, municipal net. */
  cumulative: { totalCost: Series; transfers: Series; municipalNet: Series };
  transfers: { reward: Series; generalLinkage: Series; investmentSubsidy: Series; total: Series };
  municipalNet: Series;
  perSettler: { annual: Series; transfer: Series; lifetimePV: number | null };
  settledStock: Series;
  byZone: Record<string, { cost: Series; transfers: Series; net: Series }>;
  landM2PerSettler: number;
  landHa: Series;
  landHaCumulative: Series;
  /** Sums from the first projected year to each target year. */
  cumulativeToTargetYears: Record<
    string,
    { totalCost: number; transfers: number; municipalNet: number; landHa: number; landNetHa: number }
  >;
}

/**
 * Construction land: new urban land for the settlers who are net additions to the urban population (at the
 * standard per settler of the 2016 rule), rural construction land reclaimed from local rural settlers'
 * homesteads (增减挂钩), and the net change in total construction land (ha a year; cumulative from the
 * first projected year).
 */
export interface LandResult {
  /** m² of new urban land per counted settler (the band of the current land per person, adjusted). */
  m2PerSettler: number;
  /** Zones that get no new land (central districts of super-large and mega cities). */
  noLandZones: string[];
  reclaim: { m2PerPerson: number; exitShare: number } | null;
  /** Settlers counted for new land: agricultural transfer settlers, at most the zone's growth by migration. */
  settlers: Series;
  newUrbanHa: Series;
  reclaimedHa: Series;
  netHa: Series;
  netHaCumulative: Series;
}

function landResult(s: Scenario, f: FiscalOutput): LandResult {
  const land = s.fiscal!.land;
  return {
    m2PerSettler: landStandard(land),
    noLandZones: [...land.noLandZones],
    reclaim: land.reclaim ? { ...land.reclaim } : null,
    settlers: toSeries(f.landSettlers),
    newUrbanHa: toSeries(f.landHa),
    reclaimedHa: toSeries(f.landReclaimedHa),
    netHa: toSeries(f.landNetHa),
    netHaCumulative: toSeries(f.landNetHaCumulative),
  };
}

/** Rounds to 6 significant digits beyond the integer part: stable text output, well inside model precision. */
const clean = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(12)) : null);
const toSeries = (a: ArrayLike<number>, from = 0, n = a.length): Series => {
  const out: Series = new Array(n);
  for (let i = 0; i < n; i++) out[i] = clean(a[from + i]);
  return out;
};

export function cumulative(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  let t = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i])) t += a[i];
    out[i] = i === 0 ? 0 : t;
  }
  return out;
}

/**
 * Sums over the projected years. The base year has no sum of the projection's flows: NaN, so that a
 * "≤" target is never counted as first met in the base year merely because nothing has been spent yet.
 */
function sumsFromFirstYear(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  out[0] = NaN;
  for (let i = 1, t = 0; i < a.length; i++) out[i] = t += Number.isFinite(a[i]) ? a[i] : 0;
  return out;
}

export function metricSeries(
  out: ProjectionOutput,
  metric: TargetSpec['metric'],
  fiscal: FiscalOutput | null = null,
): ArrayLike<number> {
  if (metric === 'settlersCumulative') return cumulative(out.series.settlers);
  if (metric === 'totalCostCumulative' || metric === 'municipalNetCumulative') {
    // Without a fiscal part such a target is refused by the checks; NaN keeps it unmet here regardless.
    if (!fiscal) return new Float64Array(out.steps + 1).fill(NaN);
    return sumsFromFirstYear(metric === 'totalCostCumulative' ? fiscal.totalCost : fiscal.municipalNet);
  }
  if (metric === 'trainingCoverage') return fiscal?.trainingCoverage ?? new Float64Array(out.steps + 1).fill(NaN);
  return out.series[metric];
}

/** The first and last projected year a fund of fixed size pays the reward, or null. */
function fundYears(fund: PathSpec | undefined, years: readonly number[]): [number, number] | null {
  if (fund === undefined) return null;
  if (typeof fund === 'number') return [years[1] ?? years[0], years[years.length - 1]];
  const ys = Object.keys(fund).map(Number);
  const from = Math.max(Math.min(...ys), years[1] ?? years[0]);
  const to = Math.min(Math.max(...ys), years[years.length - 1]);
  return from <= to ? [from, to] : null;
}

function fiscalResult(s: Scenario, out: ProjectionOutput, f: FiscalOutput, years: number[]): FiscalResult {
  const n = out.steps + 1;
  const spec = s.fiscal!;
  const byIndex = (keys: readonly string[], arr: Float64Array) =>
    Object.fromEntries(keys.map((k, j) => [k, toSeries(arr, j * n, n)]));
  const sumTo = (a: Float64Array, i: number) => {
    let t = 0;
    for (let j = 1; j <= i; j++) t += a[j];
    return clean(t) ?? 0;
  };
  const cumulativeToTargetYears: FiscalResult['cumulativeToTargetYears'] = {};
  for (const y of new Set(s.targets.map((t) => t.year))) {
    const i = years.indexOf(y);
    if (i > 0)
      cumulativeToTargetYears[String(y)] = {
        totalCost: sumTo(f.totalCost, i),
        transfers: sumTo(f.transfersTotal, i),
        municipalNet: sumTo(f.municipalNet, i),
        landHa: sumTo(f.landHa, i),
        landNetHa: sumTo(f.landNetHa, i),
      };
  }
  const zoneNet = new Float64Array(f.zoneCost.length);
  for (let j = 0; j < zoneNet.length; j++) zoneNet[j] = f.zoneCost[j] - f.zoneTransfers[j];
  return {
    currency: 'CNY',
    priceYear: spec.priceYear,
    costByComponent: byIndex(
      spec.components.map((c) => c.id),
      f.costByComponent,
    ),
    costByPayer: byIndex(PAYERS, f.costByPayer) as FiscalResult['costByPayer'],
    localPooled: spec.localPooled ?? false,
    rewardRule: { taper: [...spec.transfers.reward.taper], fundYears: fundYears(spec.transfers.reward.fund, years) },
    totalCost: toSeries(f.totalCost),
    costByGroup: {
      settlers: toSeries(f.costSettlers),
      nonRegistered: toSeries(f.costNonRegistered),
      newUrbanResidents: toSeries(f.costNewUrban),
    },
    newUrbanResidents: toSeries(f.newUrbanResidents),
    ...(f.trainingCoverage ? { trainingCoverage: toSeries(f.trainingCoverage) } : {}),
    cumulative: {
      totalCost: toSeries(sumsFromFirstYear(f.totalCost)),
      transfers: toSeries(sumsFromFirstYear(f.transfersTotal)),
      municipalNet: toSeries(sumsFromFirstYear(f.municipalNet)),
    },
    transfers: {
      reward: toSeries(f.reward),
      generalLinkage: toSeries(f.generalLinkage),
      investmentSubsidy: toSeries(f.investmentSubsidy),
      total: toSeries(f.transfersTotal),
    },
    municipalNet: toSeries(f.municipalNet),
    perSettler: {
      annual: toSeries(f.perSettlerAnnual),
      transfer: toSeries(f.transferPerSettler),
      lifetimePV: clean(f.lifetimePV),
    },
    settledStock: toSeries(f.settledStock),
    byZone: Object.fromEntries(
      out.zoneIds.map((z, j) => [
        z,
        {
          cost: toSeries(f.zoneCost, j * n, n),
          transfers: toSeries(f.zoneTransfers, j * n, n),
          net: toSeries(zoneNet, j * n, n),
        },
      ]),
    ),
    landM2PerSettler: landStandard(spec.land),
    landHa: toSeries(f.landHa),
    landHaCumulative: toSeries(f.landHaCumulative),
    cumulativeToTargetYears,
  };
}

export function buildResult(
  s: Scenario,
  out: ProjectionOutput,
  decomposition: DecompositionResult,
  definitionByYear: readonly ('address' | 'nonAgricultural')[],
  fiscal: FiscalOutput | null = null,
): ProjectionResult {
  const n = out.steps + 1;
  const years = Array.from({ length: n }, (_, i) => out.baseYear + i);
  const series: Record<string, unknown> = {};
  for (const name of SERIES) series[name] = toSeries(out.series[name]);
  const byKey = (keys: readonly string[], arr: Float64Array) =>
    Object.fromEntries(keys.map((k, j) => [k, toSeries(arr, j * n, n)]));
  series.settlersByChannel = byKey(out.channelIds, out.settlersByChannel);
  series.channelDemand = byKey(out.channelIds, out.channelDemand);
  series.quotaCutoff = byKey(out.cutoffKeys, out.quotaCutoff);
  series.settlersByOrigin = {
    localRural: toSeries(out.settlersByOrigin, 0, n),
    elsewhere: toSeries(out.settlersByOrigin, n, n),
  };
  series.settlersByOriginDetail = byKey(['localRural', 'ruralElsewhere', 'urbanElsewhere'], out.settlersByOriginDetail);
  series.registrationInByReason = byKey(IN_REASONS, out.registrationInByReason);
  series.registrationOutByReason = byKey(OUT_REASONS, out.registrationOutByReason);
  series.settlersByZone = byKey(out.zoneIds, out.settlersByZone);
  const nonReg = new Float64Array(out.zoneIds.length * n);
  for (let j = 0; j < nonReg.length; j++) nonReg[j] = out.zoneUA[j] + out.zoneUN[j];
  series.nonRegisteredByZone = byKey(out.zoneIds, nonReg);

  const baseDef =
    s.hukouDefinition.definition === 'address' ||
    (s.hukouDefinition.switchYear !== null && s.baseYear >= s.hukouDefinition.switchYear)
      ? 'address'
      : 'nonAgricultural';
  return {
    scenario: { id: s.id, name: s.name, baseYear: s.baseYear, until: s.until, version: s.version },
    years,
    series: series as ProjectionResult['series'],
    hukouDefinition: [baseDef, ...definitionByYear],
    targets: evaluateTargets(s.targets, years, (m) => metricSeries(out, m, fiscal)),
    ...(fiscal && s.fiscal ? { fiscal: fiscalResult(s, out, fiscal, years), land: landResult(s, fiscal) } : {}),
    decomposition: {
      residual: decomposition.residual,
      states: decomposition.totals,
      warnings: decomposition.warnings,
    },
  };
}
