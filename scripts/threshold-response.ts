/**
 * Threshold response (issue 11): for each preset, each main threshold lever
 * (years of insurance or residence, points thresholds) swept over its whole
 * range → the 2020 and 2025 gap and the settlers of the lever's zone from
 * the first projected year to 2025, as a Markdown table on stdout.
 *
 *   npx tsx scripts/threshold-response.ts              # every preset in scenarios/
 *   npx tsx scripts/threshold-response.ts changzhou-2016 guangzhou
 *
 * With `--independent` a second table repeats the insurance levers with
 * independent insured years (insuranceStay = insuranceCoverage, the model
 * before persistence), for comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeDataLoader, PROJECT_ROOT } from '../src/runner/node-loader';
import { runScenario } from '../src/scenario/run';
import { listLevers } from '../src/scenario/levers';
import { loadScenario, type Override } from '../src/scenario/load';
import { getAt } from '../src/scenario/pointer';
import type { DataLoader } from '../src/scenario/resolve';
import type { Scenario } from '../src/scenario/schema';

/** The last year the response reports; runs stop there. */
export const UNTIL = 2025;
const MAX_POINTS = 9;

export type ThresholdKind = 'insurance' | 'residence' | 'points';

export interface ThresholdLever {
  readonly pointer: string;
  readonly label: string;
  readonly kind: ThresholdKind;
  /** The zone whose channel the lever belongs to. */
  readonly zone: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The preset's own setting. */
  readonly value: number;
}

export interface ResponsePoint {
  readonly setting: number;
  readonly gap2020: number | null;
  readonly gap2025: number | null;
  /** Settlers in the lever's zone, summed from the first projected year to {@link UNTIL}. */
  readonly settlers: number;
}

/** The presets: every scenarios/*.json but the JSON Schema, by id (file name without .json). */
export function presetIds(): string[] {
  return readdirSync(resolve(PROJECT_ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function readPreset(id: string): unknown {
  return JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${id}.json`), 'utf8')) as unknown;
}

/** The threshold levers of a scenario: `/years` of insurance and residence conditions, points thresholds. */
export function thresholdLevers(s: Scenario): ThresholdLever[] {
  const out: ThresholdLever[] = [];
  for (const l of listLevers(s)) {
    const m = /^\/policy\/zones\/([^/]+)\/channels\/\d+\/conditions\/\d+\/(years|threshold)$/.exec(l.pointer);
    if (!m) continue;
    const cond = getAt(s, l.pointer.slice(0, l.pointer.lastIndexOf('/'))) as { type?: string } | undefined;
    const kind = cond?.type;
    const fits =
      (m[2] === 'years' && (kind === 'insurance' || kind === 'residence')) ||
      (m[2] === 'threshold' && kind === 'points');
    if (!fits) continue;
    out.push({
      pointer: l.pointer,
      label: l.label,
      kind: kind as ThresholdKind,
      zone: m[1],
      min: l.min,
      max: l.max,
      step: l.step,
      value: l.value,
    });
  }
  return out;
}

/**
 * Settings from min to max by a multiple of the lever's step: at most {@link MAX_POINTS} evenly spaced,
 * always both ends, plus the preset's own setting.
 */
export function sweepSettings(l: Pick<ThresholdLever, 'min' | 'max' | 'step' | 'value'>): number[] {
  const steps = Math.round((l.max - l.min) / l.step);
  const stride = Math.max(1, Math.ceil(steps / (MAX_POINTS - 1)));
  const set = new Set<number>();
  for (let k = 0; k <= steps; k += stride) set.add(l.min + k * l.step);
  set.add(l.max);
  if (l.value >= l.min && l.value <= l.max) set.add(l.value);
  return [...set].sort((a, b) => a - b);
}

/** Runs the preset with the lever at `setting` (and any further overrides) to {@link UNTIL}. */
export function responseAt(
  raw: unknown,
  load: DataLoader,
  lever: ThresholdLever,
  setting: number,
  extra: readonly Override[] = [],
): ResponsePoint {
  const { result } = runScenario(raw, load, [
    { pointer: '/until', value: UNTIL },
    ...extra,
    { pointer: lever.pointer, value: setting },
  ]);
  const at = (y: number) => result.years.indexOf(y);
  const gap = (y: number) => (at(y) >= 0 ? (result.series.gapPoints[at(y)] ?? null) : null);
  const zone = result.series.settlersByZone[lever.zone] ?? [];
  let settlers = 0;
  for (let k = 1; k < result.years.length; k++) if (result.years[k] <= UNTIL) settlers += zone[k] ?? 0;
  return { setting, gap2020: gap(2020), gap2025: gap(2025), settlers };
}

/** Independent insured years in both groups: the stay set to each group's coverage. */
export function independentYears(s: Scenario): Override[] {
  return (['UA', 'UN'] as const).map((g) => ({
    pointer: `/population/${g}/insuranceStay`,
    value: s.population[g].insuranceCoverage,
  }));
}

const fmt = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));
const persons = (x: number) => Math.round(x).toLocaleString('en-US');

interface Swept {
  readonly preset: string;
  readonly firstYear: number;
  readonly lever: ThresholdLever;
  readonly points: readonly ResponsePoint[];
}

/** Sweeps every lever of the given kinds in the given presets. */
export function sweepPresets(
  ids: readonly string[],
  kinds: readonly ThresholdKind[],
  extraOf: (s: Scenario) => Override[] = () => [],
): Swept[] {
  const out: Swept[] = [];
  for (const preset of ids) {
    const raw = readPreset(preset);
    const load = nodeDataLoader();
    const s = loadScenario(raw, load);
    const extra = extraOf(s);
    for (const lever of thresholdLevers(s).filter((l) => kinds.includes(l.kind)))
      out.push({
        preset,
        firstYear: s.baseYear + 1,
        lever,
        points: sweepSettings(lever).map((v) => responseAt(raw, load, lever, v, extra)),
      });
  }
  return out;
}

const leverCell = (l: ThresholdLever) => `${l.label} \`${l.pointer}\``;

function summary(rows: readonly Swept[]): string[] {
  const lines = [
    '| preset | lever | zone | range | gap 2020: lowest → preset → highest setting | settlers: lowest → preset → highest setting |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const lo = r.points[0];
    const hi = r.points[r.points.length - 1];
    const at = r.points.find((p) => p.setting === r.lever.value) ?? lo;
    lines.push(
      `| ${r.preset} | ${leverCell(r.lever)} | ${r.lever.zone} | ${lo.setting}–${hi.setting} (preset ${r.lever.value}) | ` +
        `${fmt(lo.gap2020, 2)} → ${fmt(at.gap2020, 2)} → ${fmt(hi.gap2020, 2)} | ` +
        `${persons(lo.settlers)} → ${persons(at.settlers)} → ${persons(hi.settlers)} |`,
    );
  }
  return lines;
}

function detail(rows: readonly Swept[]): string[] {
  const lines = [
    `| preset | lever | zone | setting | gap 2020 (points) | gap 2025 (points) | settlers in zone, first projected year–${UNTIL} |`,
    '|---|---|---|---:|---:|---:|---:|',
  ];
  for (const r of rows)
    for (const p of r.points) {
      const mark = p.setting === r.lever.value ? ' (preset)' : '';
      lines.push(
        `| ${r.preset} (${r.firstYear}–) | ${leverCell(r.lever)} | ${r.lever.zone} | ${p.setting}${mark} | ${fmt(p.gap2020, 2)} | ${fmt(p.gap2025, 2)} | ${persons(p.settlers)} |`,
      );
    }
  return lines;
}

function main(argv: readonly string[]): void {
  const independent = argv.includes('--independent');
  const asked = argv.filter((a) => !a.startsWith('--'));
  const ids = asked.length ? asked : presetIds();
  const rows = sweepPresets(ids, ['insurance', 'residence', 'points']);
  const out = [
    '## Threshold response',
    '',
    `Each threshold lever of each preset swept over its range (\`npx tsx scripts/threshold-response.ts${independent ? ' --independent' : ''}\`),`,
    'the other inputs as the preset sets them. Gaps in percentage points; settlers are those of the zone the lever’s',
    `channel belongs to, summed from the first projected year to ${UNTIL}. Insured years persist (MODEL.md §4: covered`,
    'stays covered with `insuranceStay`, 0.675–0.7 in the presets).',
    '',
    '### Summary',
    '',
    ...summary(rows),
    '',
    '### Every setting',
    '',
    ...detail(rows),
  ];
  if (independent) {
    const ind = sweepPresets(ids, ['insurance'], independentYears);
    out.push(
      '',
      '### For comparison: independent insured years (insuranceStay = insuranceCoverage, the first version)',
      '',
      ...summary(ind),
    );
  }
  console.log(out.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
