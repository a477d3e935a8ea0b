/**
 * Calibrates each preset's behavioural unknowns on data up to its base year, so that no parameter follows
 * observations after it (the back-test then tests a real forecast):
 * - fertility: one constant TFR that gives the last published birth figure before the base year;
 * - migration: the published trends of the resident population and the urbanisation rate up to the base
 *   year (src/analysis/prebase.ts), carried three years from the base-year start, fitted by the calibration
 *   analysis (bounded Levenberg–Marquardt) with the rural → urban intensity, the inflow and, in shrinking
 *   cities, one factor on the locals' leaving and return rates;
 * - the register: the trend of the registered population fitted with the settlement speed (one factor on
 *   every zone's); where the speed ends on a bound, it stays there and a free door takes the rest (people
 *   living away moving their registration out, or transfers in);
 * - the nation (one register, no pre-base trend of the hukou rate under one definition): reclassification
 *   takes its share of urban growth from 王桂新 (2014) and the speed the pace the 2014 plan set.
 *
 *   npx tsx scripts/calibrate-prebase.ts            print the fit of every preset
 *   npx tsx scripts/calibrate-prebase.ts --write    also write the values and their sources into the presets
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scaleNumbers } from '../src/analysis/apply';
import { calibrate, type CalibrationParameter } from '../src/analysis/calibrate';
import { prebaseTarget } from '../src/analysis/prebase';
import { nodeDataLoader, PROJECT_ROOT } from '../src/runner/node-loader';
import { runResolved } from '../src/scenario/run';
import { loadScenario, type Override } from '../src/scenario/load';
import { valueAt } from '../src/scenario/path';
import { getAt, setAt } from '../src/scenario/pointer';
import type { PathSpec, Scenario } from '../src/scenario/schema';

const load = nodeDataLoader();

/** The last published birth figure before (or at) the base year that a constant TFR must give. */
type BirthTarget =
  | { readonly series: 'births' | 'hukouBirths'; readonly value: number; readonly source: string }
  | { readonly series: 'crudeBirthRate'; readonly perMille: number; readonly source: string };

interface Plan {
  readonly preset: string;
  readonly city: string;
  readonly unknowns: CalibrationParameter[];
  readonly register: boolean;
  readonly births: BirthTarget;
}

const INTENSITY: CalibrationParameter = { pointer: '/migration/ruralToUrban/intensity', min: 0.002, max: 0.3 };
const inflow = (max: number): CalibrationParameter => ({ pointer: '/migration/inflow/persons', min: 0, max });
/** Locals leaving and returning, one factor on the rates of the city file (their ratios are kept). */
const AWAY: CalibrationParameter = { pointer: '/migration/away', mode: 'scale', min: 0.05, max: 4 };
const TRANSFER: CalibrationParameter = { pointer: '/registration/transfer/personsPerYear', min: 0, max: 400_000 };
const AWAY_OUT: CalibrationParameter = { pointer: '/registration/away/longRun', min: 0, max: 0.5 };
/** The stated assumption for the hazard of moving a registration away after long years away. */
const AWAY_OUT_ASSUMED = 0.02;
/** One factor on every zone's completion speed of settlement. */
const SPEED: CalibrationParameter = { pointer: '/willingness/speed', mode: 'scale', min: 0.05, max: 4 };

/** The 0-year-olds the 2020 census counted (born in the twelve months before 2020-11-01): the base year's births. */
const infants2020 = (city: string, value: number): BirthTarget => ({
  series: 'births',
  value,
  source: `the ${value.toLocaleString('en')} children aged 0 counted by the 2020 census (data/cities/${city}.json#/ageSex2020; born in the twelve months before 2020-11-01, infant deaths aside), the last birth count before the base year's end`,
});
const census2010 = (city: string, perMille: number): BirthTarget => ({
  series: 'crudeBirthRate',
  perMille,
  source: `the 2010 census birth rate ${perMille}‰ (data/cities/${city}.json#/census2010/vitalRates)`,
});

const PLANS: Plan[] = [
  {
    preset: 'changzhou-2016',
    city: 'changzhou',
    unknowns: [INTENSITY, inflow(800_000)],
    register: true,
    births: census2010('changzhou', 6.9),
  },
  {
    preset: 'guangzhou-2015',
    city: 'guangzhou',
    unknowns: [INTENSITY, inflow(4_000_000)],
    register: true,
    births: {
      series: 'hukouBirths',
      value: 150_403,
      source: 'the 150,403 registered births of 2015 (public-security register; data/registration/guangzhou.json)',
    },
  },
  // Document 003's replay, based at the year-end before the document (2018): its values go into the 2018 part.
  {
    preset: 'guangzhou',
    city: 'guangzhou-2018',
    unknowns: [INTENSITY, inflow(4_000_000)],
    register: true,
    births: {
      series: 'hukouBirths',
      value: 170_997,
      source: 'the 170,997 registered births of 2018 (public-security register; data/registration/guangzhou.json)',
    },
  },
  {
    preset: 'liaoyuan',
    city: 'liaoyuan',
    unknowns: [INTENSITY, inflow(100_000), AWAY],
    register: true,
    births: census2010('liaoyuan', 6.19),
  },
  {
    preset: 'jinzhou-2017',
    city: 'jinzhou',
    unknowns: [INTENSITY, inflow(200_000), AWAY],
    register: true,
    births: census2010('jinzhou', 6.1),
  },
  {
    preset: 'doc001-package',
    city: 'meizhou-proxy',
    unknowns: [INTENSITY, inflow(300_000), AWAY],
    register: true,
    births: census2010('proxy-doc001', 13.4),
  },
  // The current presets (base 2020): the same unknowns, fitted on the trends up to 2020; their values go into
  // the 2020 parts (scenarios/cities/<city>-2020.json), so the document presets keep theirs.
  {
    preset: 'changzhou-now',
    city: 'changzhou-2020',
    unknowns: [INTENSITY, inflow(800_000)],
    register: true,
    births: {
      series: 'hukouBirths',
      value: 29_300,
      source: 'the 29,300 registered births of 2020 (hukou birth rate 7.6‰; data/cities/changzhou.json observed)',
    },
  },
  {
    preset: 'guangzhou-now',
    city: 'guangzhou-2020',
    unknowns: [INTENSITY, inflow(4_000_000)],
    register: true,
    births: {
      series: 'hukouBirths',
      value: 148_572,
      source: 'the 148,572 registered births of 2020 (public-security register; data/registration/guangzhou.json)',
    },
  },
  {
    preset: 'liaoyuan-now',
    city: 'liaoyuan-2020',
    unknowns: [INTENSITY, inflow(100_000), AWAY],
    register: true,
    births: {
      series: 'hukouBirths',
      value: 6_301,
      source: 'the 6,301 registered births of 2019, the last published before 2020 (data/registration/liaoyuan.json)',
    },
  },
  {
    preset: 'jinzhou-now',
    city: 'jinzhou-2020',
    unknowns: [INTENSITY, inflow(200_000), AWAY],
    register: true,
    births: infants2020('jinzhou', 11_248),
  },
  {
    preset: 'doc001-now',
    city: 'meizhou-proxy-2020',
    unknowns: [INTENSITY, inflow(300_000), AWAY],
    register: true,
    births: infants2020('proxy-doc001', 44_217),
  },
  {
    preset: 'china-now',
    city: 'china-2020',
    unknowns: [INTENSITY],
    register: false,
    births: {
      series: 'births',
      value: 12_000_000,
      source:
        'the 12 million births of 2020 (census, preliminary: 「初步汇总数据显示,2020年我国出生人口为1200万人」, 宁吉喆 2021-05-11, https://mip.pi1688.com/news/item-53487.html)',
    },
  },
  {
    preset: 'china-2015',
    city: 'china',
    unknowns: [INTENSITY],
    register: false,
    births: {
      series: 'births',
      value: 16_550_000,
      source: 'the 16.55 million births of 2015 (NBS, data/national/china.json#/base2015/vital)',
    },
  },
];

/** 王桂新 (2014): of urban growth 1991–2010, migration 15.24 points, reclassification 15.24/1.80. */
const RECLASS_SHARE = 1 / 1.8 / (1 + 1 / 1.8);
/** The 2014 plan: about 100 million to settle in towns by 2020 (2014–2020, seven years). */
const PLAN_PACE = 100_000_000 / 7;

const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : x.toPrecision(4));
const firstYear = (s: Scenario, overrides: readonly Override[]) => {
  let d = s;
  for (const o of overrides) d = setAt(d, o.pointer, o.value);
  return runResolved({ ...d, until: s.baseYear + 1 }).result.series;
};

/** Bisection on a monotone increasing response: the x in [lo, hi] at which f(x) = target. */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

interface Outcome {
  /** City-file pointer → value. */
  readonly city: Record<string, { value: unknown; source: string }>;
  /** Preset-file pointer → value. */
  readonly preset: Record<string, { value: unknown; source: string }>;
}

function calibratePlan(plan: Plan): Outcome {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${plan.preset}.json`), 'utf8'));
  const s = loadScenario(raw, load);
  const out: Outcome = { city: {}, preset: {} };
  const fixed: Override[] = [];

  // 1. Fertility.
  const b = plan.births;
  const births = (tfr: number) => {
    const r = firstYear(s, [...fixed, { pointer: '/demography/fertility/tfr', value: tfr }]);
    if (b.series === 'crudeBirthRate') return (1000 * r.births[1]!) / r.residentPop[0]!;
    return r[b.series][1]!;
  };
  const tfr = Number(bisect(births, b.series === 'crudeBirthRate' ? b.perMille : b.value, 0.3, 4).toPrecision(3));
  fixed.push({ pointer: '/demography/fertility/tfr', value: tfr });
  out.city['/demography/fertility/tfr'] = {
    value: tfr,
    source: `calibrated on data up to the base year (scripts/calibrate-prebase.ts): the constant TFR whose first projected year gives ${b.source}; no change assumed after the base year (a level, not a path guessed ahead). Range ±0.3.`,
  };

  // 2. Migration and the register, to the pre-base trends.
  const start = firstYear(s, fixed);
  const observed = Array.isArray(s.observed) ? s.observed : [];
  const metrics: ('residentPop' | 'residentUrbanRate' | 'hukouPop')[] = ['residentPop', 'residentUrbanRate'];
  if (plan.register) metrics.push('hukouPop');
  const ts = metrics
    .map((m) => prebaseTarget(observed, m, s.baseYear, start[m][0]!))
    .filter((t): t is NonNullable<typeof t> => t !== null);
  // A year path fitted becomes a constant, its base-year value (a shape over later years would be a guess);
  // so do the paths under a scaled block.
  const flat = (x: unknown): unknown =>
    typeof x === 'number'
      ? x
      : Object.keys(x as object).every((k) => /^\d{4}$/.test(k))
        ? valueAt(x as PathSpec, s.baseYear)
        : Object.fromEntries(Object.entries(x as object).map(([k, v]) => [k, flat(v)]));
  const flattened = new Map<string, unknown>();
  for (const p of plan.unknowns)
    if (typeof getAt(s, p.pointer) === 'object') {
      flattened.set(p.pointer, flat(getAt(s, p.pointer)));
      fixed.push({ pointer: p.pointer, value: flattened.get(p.pointer) });
    }
  // The register's minor doors start from their stated assumptions; the fit says which the data need.
  if (plan.register)
    fixed.push({ pointer: TRANSFER.pointer, value: 0 }, { pointer: AWAY_OUT.pointer, value: AWAY_OUT_ASSUMED });
  const observedOverride = { pointer: '/observed', value: ts.flatMap((t) => t.points) };
  const fit = (extra: CalibrationParameter[], more: Override[] = []) =>
    calibrate(raw, load, [observedOverride, ...fixed, ...more], {
      parameters: [...plan.unknowns, ...extra],
      metrics: ts.map((t) => t.metric),
      maxEvaluations: 300,
    });

  let r = fit(plan.register ? [SPEED] : []);
  let speedFactor = plan.register ? r.parameters[SPEED.pointer] : 1;
  let door: CalibrationParameter | null = null;
  if (plan.register && r.atBound.includes(SPEED.pointer)) {
    // Speed and a door would trade off on the one total: the speed stays at its bound, the door is fitted.
    door = speedFactor <= SPEED.min * 1.0001 ? AWAY_OUT : TRANSFER;
    r = fit([door], [{ pointer: SPEED.pointer, value: scaleNumbers(getAt(s, SPEED.pointer), speedFactor) }]);
  }
  let reclass: number | null = null;
  if (plan.city.startsWith('china')) {
    // Reclassification's share of the urbanward flows, intensity refitted to the trend each time.
    reclass = valueAt(s.migration.reclassification.rate, s.baseYear);
    for (let i = 0; i < 6; i++) {
      const f = firstYear(s, [
        ...fixed,
        ...r.overrides,
        { pointer: '/migration/reclassification/rate', value: reclass },
      ]);
      const share = f.reclassified[1]! / (f.reclassified[1]! + f.ruralToUrban[1]!);
      reclass = Number(((reclass * RECLASS_SHARE) / share).toPrecision(3));
      r = fit([], [{ pointer: '/migration/reclassification/rate', value: reclass }]);
    }
    const overrides = [...fixed, ...r.overrides, { pointer: '/migration/reclassification/rate', value: reclass }];
    const speedMap = getAt(s, SPEED.pointer);
    speedFactor = bisect(
      (k) => {
        const f = firstYear(s, [...overrides, { pointer: SPEED.pointer, value: scaleNumbers(speedMap, k) }]);
        return f.settlers[1]! + f.reclassified[1]!;
      },
      PLAN_PACE,
      0.01,
      5,
    );
  }

  const trendText = ts
    .map(
      (t) =>
        `${t.metric} ${fmt(t.slope)} a year through ${t.basis.map((p) => `${p.year} ${fmt(p.value)}`).join(', ')} (vintage ${t.vintage ?? 'not stated'}${t.note ? `; ${t.note}` : ''})`,
    )
    .join('; ');
  const how = `calibrated on data up to the base year ${s.baseYear} (scripts/calibrate-prebase.ts) with ${Object.keys(r.parameters).join(', ')}${plan.register ? ` and the settlement speed` : ''}: the pre-base trends carried three years from the base-year start — ${trendText}; RMSE ${r.rmse.toPrecision(3)}${r.atBound.length ? `; ended on a bound: ${r.atBound.join(', ')}` : ''}`;

  for (const [pointer, v] of Object.entries(r.parameters)) {
    if (pointer === SPEED.pointer) continue; // a package value: written into the preset below
    const p = [...plan.unknowns, TRANSFER, AWAY_OUT].find((q) => q.pointer === pointer)!;
    if ((p.mode ?? 'set') === 'scale') {
      out.city[pointer] = {
        value: roundDeep(scaleNumbers(flattened.get(pointer) ?? getAt(s, pointer), v), 4),
        source: `${how}. One factor (${v.toPrecision(4)}) on the leaving and return rates; their ratios are the earlier assumption's.`,
      };
    } else out.city[pointer] = { value: Number(v.toPrecision(pointer.endsWith('intensity') ? 4 : 6)), source: how };
  }
  if (plan.register) {
    for (const d of [TRANSFER, AWAY_OUT])
      if (d !== door)
        out.city[d.pointer] = {
          value: d === TRANSFER ? 0 : AWAY_OUT_ASSUMED,
          source:
            d === TRANSFER
              ? 'assumption: no transfers of urban registrations from elsewhere beyond what the calibrated settlement and doors give (no count was found); the pre-base calibration (scripts/calibrate-prebase.ts) did not need this door.'
              : 'assumption: 2 % a year of those long away move their registration where they live (no count was found; the shrinking presets calibrate 2–5 %); the pre-base calibration (scripts/calibrate-prebase.ts) did not need this door.',
        };
    const speed = scaleNumbers(getAt(s, SPEED.pointer), speedFactor);
    out.preset[SPEED.pointer] = {
      value: roundDeep(speed),
      source: `calibrated on data up to the base year (scripts/calibrate-prebase.ts): the package's completion speed × ${speedFactor.toPrecision(3)}, so that settlement and the register's other doors continue the registered population's pre-base trend (${trendText.split('; ').find((x) => x.startsWith('hukouPop')) ?? ''})${r.atBound.includes(SPEED.pointer) || door ? '; the factor ended on its bound, so a free door took the rest' : ''}. Range in the uncertainty block.`,
    };
  }
  if (reclass !== null) {
    out.city['/migration/reclassification/rate'] = {
      value: reclass,
      source: `calibrated on data up to the base year (scripts/calibrate-prebase.ts): reclassification takes ${(100 * RECLASS_SHARE).toFixed(0)} % of the urbanward flows (rural → urban migrants and reclassified people) in the first projected year, as in 1991–2010, when administrative reclassification added 15.24/1.80 = 8.5 points and migration 15.24 points of urbanisation (王桂新, 中国人口科学 2014(2): 3–16, abstract: http://vip.suzhouinfo.cn/Qikan/Article/Detail?id=49145004), with the intensity refitted to the resident rate's pre-base trend each time.`,
    };
    out.preset[SPEED.pointer] = {
      value: roundDeep(scaleNumbers(getAt(s, SPEED.pointer), speedFactor)),
      source: `calibrated on a source from before the base year (scripts/calibrate-prebase.ts): the speed at which settlers and the reclassified with an urban registration number 100 million ÷ 7 = 14.3 million in the first projected year, the pace of the 2014 plan (国家新型城镇化规划（2014—2020年）: 促进约1亿农业转移人口和其他常住人口在城镇落户, shared/data/README.md §1b), since the national hukou rate has no pre-base trend under one definition (2014 non-agricultural 35.9 %, 2015 by address 39.9 %). The plan's settlers target (settlers-2020, 2016–2020 only) is not met by construction: it counts settlers alone over five years.`,
    };
  }
  console.log(
    `\n${plan.preset}: TFR ${tfr}, ${JSON.stringify(r.parameters)}, speed ×${speedFactor.toPrecision(3)}${reclass !== null ? `, reclass ${reclass}` : ''}\n  ${how}`,
  );
  return out;
}

function roundDeep(x: unknown, digits = 3): unknown {
  if (typeof x === 'number') return Number(x.toPrecision(digits));
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundDeep(v, digits)]));
  return x;
}

function writeInto(file: string, entries: Outcome['city']): void {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  for (const [pointer, { value, source }] of Object.entries(entries)) {
    const keys = pointer.split('/').slice(1);
    let o = doc;
    for (const k of keys.slice(0, -1)) o = o[k] ??= {};
    o[keys[keys.length - 1]] = value;
    doc.sources[pointer] = source;
  }
  writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const plan of PLANS.filter((p) => !only.length || only.includes(p.preset))) {
  const o = calibratePlan(plan);
  if (process.argv.includes('--write')) {
    writeInto(resolve(PROJECT_ROOT, 'scenarios', 'cities', `${plan.city}.json`), o.city);
    writeInto(resolve(PROJECT_ROOT, 'scenarios', `${plan.preset}.json`), o.preset);
  }
}
if (process.argv.includes('--write')) console.log('\nwritten; now: npx prettier --write scenarios');
