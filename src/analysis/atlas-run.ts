/**
 * The atlas runs (issue 18): every runnable prefecture from a base year, one row each; and the ten-year
 * test, every prefecture from its 2010 census to 2020 against its 2020 census, beside two naive forecasts
 * (the 2010 value carried forward; the province's 2010–2020 change applied to the city).
 */
import type { DataLoader } from '../scenario/resolve';
import { setAt } from '../scenario/pointer';
import { runScenario } from '../scenario/run';
import { ValidationError } from '../scenario/issues';
import {
  atlasScenario,
  runnable,
  type AtlasBase,
  type AtlasData,
  type AtlasParts,
  type AtlasPrefecture,
} from './atlas-scenario';

export interface AtlasRow {
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly sizeClass: string;
  readonly year: number;
  readonly residentPop: number;
  readonly residentUrbanRate: number;
  readonly hukouUrbanRate: number;
  readonly gapPoints: number;
  /** Settlers from the base year to `year`, per 1,000 residents of the base year. */
  readonly settlersPer1000: number;
  /** Citizenisation cost per settler to `year` (yuan of the base year), where the scenario has costs. */
  readonly costPerSettler: number | null;
}

export interface AtlasFailure {
  readonly code: string;
  readonly name: string;
  readonly message: string;
}

/** The parts plus the nation's rise of the hukou rate 2010 → 2020, from the atlas's own units. */
export function atlasParts(data: AtlasData, parts: Omit<AtlasParts, 'hukouRise'>): AtlasParts {
  let res = 0;
  let nonAg = 0;
  for (const p of data.prefectures)
    if (p.y2010?.nonAgShare != null) {
      res += p.y2010.resident;
      nonAg += p.y2010.resident * p.y2010.nonAgShare;
    }
  // 45.4 %: the 2020 hukou urbanisation rate (7th census communiqué no. 7, MPS data).
  return { ...parts, hukouRise: res > 0 ? 0.454 / (nonAg / res) : 1 };
}

/** The files the atlas reads (the page's workers fetch them first). */
export const ATLAS_FILES = [
  'data/atlas/prefectures.json',
  'scenarios/cities/china.json',
  'scenarios/cities/china-2020.json',
  'scenarios/packages/china-2014.json',
  'scenarios/packages/china-now.json',
] as const;

/** The nation's calibrated completion speeds (scenarios/china-2015.json, china-now.json), read by the caller. */
export interface AtlasSpeeds {
  readonly speed2010: number;
  readonly speed2020: number;
}

/**
 * Edits of the nation's current preset (china-now) that the atlas carries: its willingness (the completion
 * speed of its large-city zone included) and its megacities' points rule. The rest of that preset (its
 * zones by size, its targets) has no counterpart in a prefecture's two zones.
 */
export const atlasEditable = (pointer: string): boolean =>
  pointer.startsWith('/willingness/') || pointer.startsWith('/policy/zones/megacity/channels/0/');

/** The atlas's data and parts through a data loader (Node or the page's workers), with the nation's edits. */
export function atlasInputs(
  load: DataLoader,
  speeds: AtlasSpeeds,
  edits: readonly { readonly pointer: string; readonly value: unknown }[] = [],
): { data: AtlasData; parts: AtlasParts } {
  const get = (f: string) => {
    const v = load(f);
    if (v === undefined) throw new Error(`${f}: not loaded`);
    return v as never;
  };
  const data = get(ATLAS_FILES[0]) as AtlasData;
  let rulesNow = get(ATLAS_FILES[4]) as Record<string, unknown>;
  // The nation's zones by city size: a speed edited for one applies to the atlas's units of that size.
  const speedByZone2020: Record<string, number> = {};
  for (const e of edits.filter((x) => atlasEditable(x.pointer))) {
    const zone = /^\/willingness\/speed\/(\w+)$/.exec(e.pointer)?.[1];
    if (zone) speedByZone2020[zone] = Number(e.value);
    else rulesNow = setAt(rulesNow, e.pointer, e.value);
  }
  const parts = atlasParts(data, {
    nation: get(ATLAS_FILES[1]),
    nation2020: get(ATLAS_FILES[2]),
    rules2014: get(ATLAS_FILES[3]),
    rulesNow,
    ...speeds,
    speedByZone2020,
  });
  return { data, parts };
}

/** One prefecture's rows for several years (the map's year choice), from one run. */
export function runPrefectureYears(
  p: AtlasPrefecture,
  base: AtlasBase,
  parts: AtlasParts,
  load: DataLoader,
  years: readonly number[],
): AtlasRow[] {
  const { result } = runScenario(atlasScenario(p, base, parts, Math.max(...years)), load);
  const s = result.series;
  const cost = result.fiscal?.totalCost ?? null;
  let settled = 0;
  let spent = 0;
  const rows: AtlasRow[] = [];
  result.years.forEach((y, i) => {
    settled += s.settlers[i] ?? 0;
    spent += cost?.[i] ?? 0;
    if (!years.includes(y)) return;
    rows.push({
      code: p.code,
      name: p.name,
      province: p.province,
      sizeClass: p.sizeClass ?? 'small',
      year: y,
      residentPop: s.residentPop[i] ?? NaN,
      residentUrbanRate: s.residentUrbanRate[i] ?? NaN,
      hukouUrbanRate: s.hukouUrbanRate[i] ?? NaN,
      gapPoints: s.gapPoints[i] ?? NaN,
      settlersPer1000: (1000 * settled) / (s.residentPop[0] ?? NaN),
      costPerSettler: cost && settled > 0 ? spent / settled : null,
    });
  });
  return rows;
}

/** Runs one prefecture; the row of `year` (the last projected year by default). */
export function runPrefecture(
  p: AtlasPrefecture,
  base: AtlasBase,
  parts: AtlasParts,
  load: DataLoader,
  until?: number,
): AtlasRow {
  return runPrefectureYears(p, base, parts, load, [until ?? (base === 2010 ? 2020 : 2035)])[0];
}

export interface AtlasRun {
  readonly base: AtlasBase;
  readonly rows: AtlasRow[];
  readonly failures: AtlasFailure[];
  /** Units the censuses give too little for (no urban population of 2020, no 2010 count). */
  readonly skipped: { code: string; name: string }[];
}

export function runAtlas(
  data: AtlasData,
  parts: AtlasParts,
  base: AtlasBase,
  load: DataLoader,
  until?: number,
  onProgress?: (done: number, total: number) => void,
): AtlasRun {
  const todo = data.prefectures.filter((p) => runnable(p, base));
  const rows: AtlasRow[] = [];
  const failures: AtlasFailure[] = [];
  todo.forEach((p, i) => {
    try {
      rows.push(runPrefecture(p, base, parts, load, until));
    } catch (e) {
      const message =
        e instanceof ValidationError ? e.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : (e as Error).message;
      failures.push({ code: p.code, name: p.name, message });
    }
    onProgress?.(i + 1, todo.length);
  });
  const skipped = data.prefectures.filter((p) => !runnable(p, base)).map((p) => ({ code: p.code, name: p.name }));
  return { base, rows, failures, skipped };
}

export interface HindcastCity {
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly observed: { readonly residentPop: number; readonly residentUrbanRate: number };
  readonly model: { readonly residentPop: number; readonly residentUrbanRate: number };
  readonly naiveLast: { readonly residentPop: number; readonly residentUrbanRate: number };
  readonly naiveProvince: { readonly residentPop: number; readonly residentUrbanRate: number };
}

export interface HindcastStats {
  readonly metric: 'residentUrbanRate' | 'residentPop';
  /** Absolute errors: points for the rate, per cent of the observed value for residents. */
  readonly model: { readonly median: number; readonly p90: number };
  readonly naiveLast: { readonly median: number; readonly p90: number };
  readonly naiveProvince: { readonly median: number; readonly p90: number };
  /** 1 − mean error of the model ÷ mean error of each naive forecast. */
  readonly skillVsLast: number;
  readonly skillVsProvince: number;
  readonly worst: { code: string; name: string; error: number; observed: number; model: number; reason: string }[];
}

export interface Hindcast {
  readonly cities: HindcastCity[];
  readonly stats: HindcastStats[];
  readonly failures: AtlasFailure[];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const k = (s.length - 1) * q;
  const lo = Math.floor(k);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (k - lo);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Why a city's 2020 is far from its forecast: what changed that the model's national rates do not know. */
function reason(c: HindcastCity, metric: HindcastStats['metric']): string {
  const growth = c.observed.residentPop / c.naiveLast.residentPop - 1;
  const modelGrowth = c.model.residentPop / c.naiveLast.residentPop - 1;
  const urbanRise = 100 * (c.observed.residentUrbanRate - c.naiveLast.residentUrbanRate);
  const modelRise = 100 * (c.model.residentUrbanRate - c.naiveLast.residentUrbanRate);
  if (metric === 'residentPop')
    return `residents ${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)} % in 2010–2020 (model ${modelGrowth >= 0 ? '+' : ''}${(100 * modelGrowth).toFixed(1)} %): migration between prefectures, which the national rates do not carry`;
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
  return `urban share ${signed(urbanRise)} points in 2010–2020 (model ${signed(modelRise)}): ${
    urbanRise > modelRise ? 'faster' : 'slower'
  } than the nation's rural → urban rates give${Math.abs(growth) > 0.1 ? `; residents ${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(0)} %` : ''}`;
}

/** The ten-year test: every prefecture from its 2010 census base to 2020. */
export function hindcast(data: AtlasData, parts: AtlasParts, load: DataLoader): Hindcast {
  const run = runAtlas(data, parts, 2010, load, 2020);
  const byCode = new Map(data.prefectures.map((p) => [p.code, p]));
  // The province's 2010–2020 change, from its own units in the city table.
  const prov = new Map<string, { r10: number; u10: number; r20: number; u20: number }>();
  for (const p of data.prefectures) {
    if (!p.y2010 || !p.y2020) continue;
    const t = prov.get(p.provinceCode) ?? { r10: 0, u10: 0, r20: 0, u20: 0 };
    t.r10 += p.y2010.resident;
    t.u10 += p.y2010.urban;
    t.r20 += p.y2020.resident;
    t.u20 += p.y2020.urban;
    prov.set(p.provinceCode, t);
  }
  const cities: HindcastCity[] = run.rows.map((r) => {
    const p = byCode.get(r.code)!;
    const t = prov.get(p.provinceCode)!;
    const rate10 = p.y2010!.urban / p.y2010!.resident;
    return {
      code: r.code,
      name: r.name,
      province: r.province,
      observed: { residentPop: p.y2020!.resident, residentUrbanRate: p.y2020!.urban / p.y2020!.resident },
      model: { residentPop: r.residentPop, residentUrbanRate: r.residentUrbanRate },
      naiveLast: { residentPop: p.y2010!.resident, residentUrbanRate: rate10 },
      naiveProvince: {
        residentPop: p.y2010!.resident * (t.r20 / t.r10),
        residentUrbanRate: Math.min(1, rate10 + (t.u20 / t.r20 - t.u10 / t.r10)),
      },
    };
  });
  const stats: HindcastStats[] = (['residentUrbanRate', 'residentPop'] as const).map((metric) => {
    const err = (c: HindcastCity, f: 'model' | 'naiveLast' | 'naiveProvince') =>
      metric === 'residentUrbanRate'
        ? 100 * Math.abs(c[f].residentUrbanRate - c.observed.residentUrbanRate)
        : (100 * Math.abs(c[f].residentPop - c.observed.residentPop)) / c.observed.residentPop;
    const e = {
      model: cities.map((c) => err(c, 'model')),
      last: cities.map((c) => err(c, 'naiveLast')),
      prov: cities.map((c) => err(c, 'naiveProvince')),
    };
    const worst = cities
      .map((c, i) => ({ c, error: e.model[i] }))
      .sort((a, b) => b.error - a.error)
      .slice(0, 10)
      .map(({ c, error }) => ({
        code: c.code,
        name: c.name,
        error,
        observed: c.observed[metric],
        model: c.model[metric],
        reason: reason(c, metric),
      }));
    return {
      metric,
      model: { median: quantile(e.model, 0.5), p90: quantile(e.model, 0.9) },
      naiveLast: { median: quantile(e.last, 0.5), p90: quantile(e.last, 0.9) },
      naiveProvince: { median: quantile(e.prov, 0.5), p90: quantile(e.prov, 0.9) },
      skillVsLast: 1 - mean(e.model) / mean(e.last),
      skillVsProvince: 1 - mean(e.model) / mean(e.prov),
      worst,
    };
  });
  return { cities, stats, failures: run.failures };
}
