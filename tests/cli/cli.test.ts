import { describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../src/analysis/backtest';
import { runCli, runCliAsync } from '../../src/cli/main';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { resolveIncludes } from '../../src/scenario/include';
import { getAt } from '../../src/scenario/pointer';
import type { ProjectionResult } from '../../src/scenario/result';
import { resultToCsv } from '../../src/runner/result-csv';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PRESET = 'scenarios/changzhou-2016.json';
const run = (...argv: string[]) => runCli(argv, PROJECT_ROOT);
const json = (...argv: string[]) => {
  const out = run(...argv);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as ProjectionResult;
};
const sumAt = (groups: Record<string, (number | null)[]>, i: number) =>
  Object.values(groups).reduce((t, s) => t + (s[i] ?? 0), 0);

describe('npm run sim: the JSON result', () => {
  const r = json(PRESET);

  it('prints the yearly series and the 2020 targets', () => {
    expect(r.years[0]).toBe(2015);
    expect(r.years.at(-1)).toBe(2035);
    expect(r.series.residentUrbanRate[0]).toBeCloseTo(3_291_000 / 4_701_400, 9);
    expect(r.targets.map((t) => [t.id, t.year])).toEqual([
      ['resident-rate-2020', 2020],
      ['gap-2020', 2020],
    ]);
    for (const t of r.targets) {
      expect(typeof t.value).toBe('number');
      expect(typeof t.met).toBe('boolean');
    }
  });

  it('keeps every identity of INTERFACES.md in every year', () => {
    const s = r.series;
    for (let i = 1; i < r.years.length; i++) {
      const lhs = s.residentPop[i]!;
      const rhs = s.residentPop[i - 1]! + s.births[i]! - s.deaths[i]! + s.residentInflow[i]! - s.residentOutflow[i]!;
      expect(Math.abs(lhs - rhs) / lhs).toBeLessThan(1e-9);
      const settlers = s.settlers[i]!;
      expect(settlers).toBeGreaterThan(0);
      for (const part of [s.settlersByChannel, s.settlersByOrigin, s.settlersByZone] as Record<
        string,
        (number | null)[]
      >[])
        expect(Math.abs(sumAt(part, i) - settlers) / settlers).toBeLessThan(1e-9);
      expect(s.gapPoints[i]).toBeCloseTo(100 * (s.residentUrbanRate[i]! - s.hukouUrbanRate[i]!), 9);
      for (const rate of [s.residentUrbanRate[i]!, s.hukouUrbanRate[i]!]) expect(rate >= 0 && rate <= 1).toBe(true);
    }
    // Flows of the base year are unknown.
    expect(s.births[0]).toBeNull();
    expect(s.settlers[0]).toBeNull();
  });

  it('prints the fiscal section with its identities, per settler and per zone', () => {
    const f = r.fiscal!;
    expect(f.currency).toBe('CNY');
    expect(f.priceYear).toBe(2015);
    for (let i = 1; i < r.years.length; i++) {
      const payers = Object.values(f.costByPayer).reduce((t, p) => t + p[i]!, 0);
      const components = Object.values(f.costByComponent).reduce((t, p) => t + p[i]!, 0);
      expect(Math.abs(payers - f.totalCost[i]!) / f.totalCost[i]!).toBeLessThan(1e-9);
      expect(Math.abs(components - f.totalCost[i]!) / f.totalCost[i]!).toBeLessThan(1e-9);
      expect(f.perSettler.annual[i]).toBeGreaterThan(0);
      expect(f.perSettler.transfer[i]).toBeGreaterThan(0);
    }
    expect(Object.keys(f.byZone)).toEqual(['core', 'county', 'town']);
    expect(f.perSettler.lifetimePV).toBeGreaterThan(f.perSettler.annual[1]!);
    expect(f.cumulativeToTargetYears['2020'].landHa).toBeGreaterThan(0);
  });

  it('reproduces the base year’s published totals through the decomposition', () => {
    const res = r.decomposition.residual;
    expect(Math.abs(res.residentPop)).toBeLessThan(1e-6);
    expect(Math.abs(res.hukouPop)).toBeLessThan(1e-6);
    expect(Math.abs(res.residentUrbanRatePoints)).toBeLessThan(1e-9);
    expect(r.series.residentPop[0]).toBeCloseTo(4_701_400, 3);
    expect(r.series.hukouPop[0]).toBeCloseTo(3_708_500, 3);
  });
});

describe('npm run sim: options', () => {
  it('--format csv is for people: BOM, Chinese headers with units, a unit row, one row per year, rounded', () => {
    const out = run(PRESET, '--format', 'csv');
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('\ufeff年份,')).toBe(true);
    const lines = out.stdout.slice(1).trim().split('\n');
    expect(lines).toHaveLength(2 + 21);
    const header = lines[0].split(',');
    for (const h of ['常住人口城镇化率（%）', '两率差距（百分点）', '落户人数（人）', '市民化成本·市级承担（亿元）'])
      expect(header).toContain(h);
    expect(header.some((h) => h.startsWith('落户人数·人才落户'))).toBe(true);
    expect(lines[1].startsWith('单位,')).toBe(true);
    expect(lines[2].startsWith('2015,')).toBe(true);
    const rate = header.indexOf('常住人口城镇化率（%）');
    expect(lines[2].split(',')[rate]).toBe('70.00');
    expect(out.stdout).not.toMatch(/\.\d{5,}/);
    const en = run(PRESET, '--format', 'csv', '--lang', 'en');
    expect(en.stdout.split('\n')[0]).toContain('Resident urbanisation rate (%)');
  });

  it('--format csv-raw is the machine form: nested keys joined by ".", exactly resultToCsv', () => {
    const out = run(PRESET, '--format', 'csv-raw');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(resultToCsv(json(PRESET)));
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + 21);
    const header = lines[0].split(',');
    expect(header[0]).toBe('"year"');
    expect(header).toContain('"settlersByChannel.talent"');
    expect(header).toContain('"settlersByOrigin.elsewhere"');
    expect(header).toContain('"fiscal.costByPayer.municipal"');
    expect(header).toContain('"fiscal.landHa"');
    expect(lines[1].startsWith('2015,')).toBe(true);
    expect(lines.slice(1).every((l) => l.split(',').length === header.length)).toBe(true);
  });

  it('--until shortens the horizon', () => {
    const r = json(PRESET, '--until', '2025');
    expect(r.years.at(-1)).toBe(2025);
    expect(r.series.residentPop).toHaveLength(11);
    const short = json(PRESET, '--until', '2018');
    expect(short.targets[0]).toMatchObject({ id: 'resident-rate-2020', value: null, met: false, shortfall: null });
  });

  it('--set changes a lever before the run (closing the central city stops its settlement)', () => {
    const base = json(PRESET);
    const r = json(PRESET, '--set', '/willingness/speed/core=0', '--set', '/policy/channelOverlap=0.2');
    expect(r.series.settlersByZone.core.slice(1).every((x) => x === 0)).toBe(true);
    expect(base.series.settlersByZone.core[1]).toBeGreaterThan(0);
    expect(r.series.settlers[5]!).toBeLessThan(base.series.settlers[5]!);
  });

  it('--list-levers prints every lever with its metadata, each pointing at its value', () => {
    const out = run(PRESET, '--list-levers');
    expect(out.code).toBe(0);
    const levers = JSON.parse(out.stdout) as { pointer: string; value: number; min: number; max: number }[];
    const file = JSON.parse(readFileSync(resolve(PROJECT_ROOT, PRESET), 'utf8')) as unknown;
    const scenario = resolveIncludes(file, nodeDataLoader()).doc;
    expect(levers.length).toBeGreaterThan(15);
    for (const l of levers) {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['pointer', 'label', 'unit', 'min', 'max', 'step', 'value', 'group']),
      );
      const v = getAt(scenario, l.pointer);
      expect(typeof v === 'boolean' ? Number(v) : v).toBe(l.value);
      expect(l.value).toBeGreaterThanOrEqual(l.min);
      expect(l.value).toBeLessThanOrEqual(l.max);
    }
    expect(levers.map((l) => l.pointer)).toContain('/policy/zones/core/channels/0/conditions/2/years');
  });
});

describe('npm run sim: analyses (MODEL.md §9, INTERFACES.md)', () => {
  const runA = (...argv: string[]) => runCliAsync(argv, PROJECT_ROOT);

  it('--runs N --seed S: percentile bands and target probabilities, the same bytes for the same seed', async () => {
    const a = await runA(PRESET, '--runs', '24', '--seed', '9', '--threads', '1');
    const b = await runA(PRESET, '--runs', '24', '--seed', '9', '--threads', '2');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const u = JSON.parse(a.stdout).uncertainty;
    expect(u.runs).toBe(24);
    expect(u.seed).toBe(9);
    for (const series of Object.keys(u.percentiles.p50))
      u.years.forEach((_: number, i: number) => {
        const q = ['p5', 'p25', 'p50', 'p75', 'p95'].map((k) => u.percentiles[k][series][i]);
        for (let k = 1; k < q.length; k++) if (q[k] !== null) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
      });
    for (const p of Object.values(u.targetProbability) as number[]) expect(p >= 0 && p <= 1).toBe(true);
    const c = await runA(PRESET, '--runs', '24', '--seed', '10', '--threads', '1');
    expect(c.stdout).not.toBe(a.stdout);
  }, 60_000);

  it('--runs in CSV: the bands as "<series> PNN" columns (csv-raw: uncertainty.pNN.<series>), one row per year', async () => {
    const out = await runA(PRESET, '--runs', '10', '--seed', '1', '--threads', '1', '--format', 'csv');
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(21 + 2);
    expect(lines[0].split(',')).toContain('两率差距 P95（百分点）');
    const raw = await runA(PRESET, '--runs', '10', '--seed', '1', '--threads', '1', '--format', 'csv-raw');
    const rawLines = raw.stdout.trim().split('\n');
    expect(rawLines).toHaveLength(21 + 1);
    expect(rawLines[0]).toContain('"uncertainty.p95.gapPoints"');
  }, 60_000);

  it('--goal-seek: an answer fed back with --set meets its target', async () => {
    // The preset's resident-rate target is met at every setting of the insurance lever; ask for a
    // tighter one (74.2% by 2020) by overriding the target, so that the answer is a real boundary.
    const tighter = ['--set', '/targets/0/value=0.742'];
    const out = await runA(
      PRESET,
      ...tighter,
      '--goal-seek',
      '/migration/inflow/persons',
      '--target',
      'resident-rate-2020',
    );
    expect(out.code, out.stderr).toBe(0);
    const g = JSON.parse(out.stdout).goalSeek;
    expect(g.achieved).toBe(true);
    expect(typeof g.value).toBe('number');
    const check = runCli([PRESET, ...tighter, '--set', `/migration/inflow/persons=${g.value}`], PROJECT_ROOT);
    const t = (JSON.parse(check.stdout) as ProjectionResult).targets.find((x) => x.id === 'resident-rate-2020')!;
    expect(t.met).toBe(true);
  }, 60_000);

  it('--goal-seek: the smallest reward per settler that keeps the net burden under a ceiling', async () => {
    const target = JSON.stringify({
      id: 'net-2020',
      label: 'net burden by 2020 at most 55亿',
      metric: 'municipalNetCumulative',
      year: 2020,
      comparator: '<=',
      value: 5.5e9,
    });
    const set = ['--set', `/targets/1=${target}`];
    const out = await runA(PRESET, ...set, '--goal-seek', '/fiscal/transfers/reward/sameCity', '--target', 'net-2020');
    expect(out.code, out.stderr).toBe(0);
    const g = JSON.parse(out.stdout).goalSeek;
    expect(g.achieved).toBe(true);
    expect(g.messageZh).toContain('亿元');
    const check = runCli([PRESET, ...set, '--set', `/fiscal/transfers/reward/sameCity=${g.value}`], PROJECT_ROOT);
    expect((JSON.parse(check.stdout) as ProjectionResult).targets.find((x) => x.id === 'net-2020')!.met).toBe(true);
    // One step less misses it: the answer is the smallest.
    const less = runCli([PRESET, ...set, '--set', `/fiscal/transfers/reward/sameCity=${g.value - 100}`], PROJECT_ROOT);
    expect((JSON.parse(less.stdout) as ProjectionResult).targets.find((x) => x.id === 'net-2020')!.met).toBe(false);
  }, 60_000);

  it('--goal-seek: says so when no setting reaches the target', async () => {
    const out = await runA(
      PRESET,
      '--goal-seek',
      '/policy/zones/core/channels/0/conditions/2/years',
      '--target',
      'gap-2020',
    );
    const g = JSON.parse(out.stdout).goalSeek;
    expect(g.achieved).toBe(false);
    expect(g.value).toBeNull();
    expect(g.message).toMatch(/best setting/);
  }, 60_000);

  describe('--backtest --origin <base year> on every preset', () => {
    const presets = readdirSync(resolve(PROJECT_ROOT, 'scenarios')).filter(
      (f) => f.endsWith('.json') && f !== 'scenario.schema.json',
    );
    it('finds the presets', () => expect(presets.length).toBeGreaterThanOrEqual(6));
    for (const file of presets) {
      it(
        file,
        async () => {
          const path = `scenarios/${file}`;
          const doc = resolveIncludes(JSON.parse(readFileSync(resolve(PROJECT_ROOT, path), 'utf8')), nodeDataLoader())
            .doc as { baseYear: number };
          const out = await runA(path, '--backtest', '--origin', String(doc.baseYear));
          expect(out.code, out.stderr).toBe(0);
          expect(out.stderr).toMatch(/^backtest \(origin \d{4}\): skill /m);
          const r = JSON.parse(out.stdout) as ProjectionResult & { backtest: BacktestResult };
          const b = r.backtest;
          expect(b.origin).toBe(doc.baseYear);
          expect(b.years).toEqual(r.years);
          expect(Object.keys(b.series)).toEqual(Object.keys(r.series));
          expect(Object.keys(b.metrics)).toEqual(
            expect.arrayContaining(['residentUrbanRate', 'hukouUrbanRate', 'gapPoints', 'residentPop', 'hukouPop']),
          );
          // At the base year nothing after it is visible: nothing is fitted, and the result says why.
          expect(b.calibration.fitted).toBe(false);
          expect(b.calibration.reason).toMatch(/nothing to calibrate on/);
          // 常州 has published nothing after 2020 in a series that reaches back to 2020 (only a 2021 resident
          // figure of the census-revised bulletins, whose 2020 value is not published): no skill, each metric says why.
          expect(Object.values(b.metrics).some((m) => m.skill !== null)).toBe(file !== 'changzhou-now.json');
          for (const [name, m] of Object.entries(b.metrics)) {
            expect(
              m.years.every((y) => y > b.origin),
              name,
            ).toBe(true);
            expect(
              [m.observed, m.model, m.naiveLast, m.naiveTrend].map((a) => a.length),
              name,
            ).toEqual(Array(4).fill(m.years.length));
            if (m.skill === null) expect(m.note, name).toMatch(/skill undefined|not observed/);
          }
        },
        60_000,
      );
    }
  });

  it('--backtest in CSV: the back-test projection as 回测·<series> columns', async () => {
    const out = await runA(PRESET, '--backtest', '--origin', '2017', '--format', 'csv');
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(21 + 2);
    expect(lines[0].split(',')).toContain('回测·常住人口（万人）');
    expect(out.stderr).toMatch(/^backtest calibration: rmse /m);
  }, 60_000);

  it('--calibrate --write-calibrated: the fit, and a scenario file that runs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hukou-cal-')), 'calibrated.json');
    const out = await runA(PRESET, '--calibrate', '--write-calibrated', file);
    expect(out.code, out.stderr).toBe(0);
    const c = JSON.parse(out.stdout).calibration;
    expect(c.rmse).toBeLessThanOrEqual(c.rmseStart);
    expect(Object.keys(c.parameters).length).toBeGreaterThan(0);
    const rerun = runCli([file], PROJECT_ROOT);
    expect(rerun.code, rerun.stderr).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.include).toBeUndefined();
    expect(Object.values(written.sources).some((v) => String(v).startsWith('calibrated:'))).toBe(true);
  }, 60_000);
});
