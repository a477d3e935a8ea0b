import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYERS } from '../../src/model/fiscal';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runResolved } from '../../src/scenario/run';
import { landStandard } from '../../src/scenario/compile-fiscal';
import { loadScenario } from '../../src/scenario/load';
import { setAt } from '../../src/scenario/pointer';
import type { Scenario } from '../../src/scenario/schema';

const preset = loadScenario(
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')),
  nodeDataLoader(),
);
const fiscalOf = (s: Scenario) => {
  const r = runResolved(s);
  return { r, f: r.result.fiscal!, out: r.fiscal!, n: r.output.steps + 1 };
};
/** Equal to 1e-9 relative: the JSON result keeps 12 significant digits. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('fiscal accounts', () => {
  const { f, r, n } = fiscalOf(preset);

  it('adds up every year: components, payers, settlers + non-registered, zones', () => {
    for (let i = 1; i < n; i++) {
      const total = f.totalCost[i]!;
      expect(total).toBeGreaterThan(0);
      const parts = [
        Object.values(f.costByComponent).reduce((t, s) => t + s[i]!, 0),
        PAYERS.reduce((t, p) => t + f.costByPayer[p][i]!, 0),
        f.costByGroup.settlers[i]! + f.costByGroup.nonRegistered[i]! + f.costByGroup.newUrbanResidents[i]!,
        Object.values(f.byZone).reduce((t, z) => t + z.cost[i]!, 0),
      ];
      for (const p of parts) expect(close(p, total), `${p} vs ${total} in year ${i}`).toBe(true);
      const tr = f.transfers;
      expect(close(tr.reward[i]! + tr.generalLinkage[i]! + tr.investmentSubsidy[i]!, tr.total[i]!)).toBe(true);
      expect(
        close(
          Object.values(f.byZone).reduce((t, z) => t + z.transfers[i]!, 0),
          tr.total[i]!,
        ),
      ).toBe(true);
      expect(close(f.municipalNet[i]!, f.costByPayer.municipal[i]! + f.costByPayer.county[i]! - tr.total[i]!)).toBe(
        true,
      );
    }
    expect(f.totalCost[0]).toBeNull();
  });

  it('costs each new settler the one-offs due at settlement and the first year of the package', () => {
    const flat = (id: string, kind: string, value: number) => ({
      id,
      label: id,
      kind,
      amount: [{ from: 0, to: 100, value }],
      takeUp: 1,
      realGrowth: 0,
      payers: { central: 0, provincial: 0, municipal: 1, county: 0, employer: 0, individual: 0 },
    });
    const s = setAt(preset, '/fiscal/components', [
      flat('once', 'oneOff', 7000),
      flat('yearly', 'annual', 1000),
      { ...flat('later', 'oneOff', 50_000), afterYears: 2 },
      { ...flat('infra', 'oneOff', 90_000), appliesTo: 'newUrbanResidents' },
    ]);
    const own = fiscalOf(s);
    expect(r.result.series.settlers[1]!).toBeGreaterThan(0);
    for (let i = 1; i < n; i++) expect(own.f.perSettler.annual[i]!).toBeCloseTo(8000, 6);
  });

  it('gives land = settlers × the standard, none in excluded zones', () => {
    expect(landStandard(preset.fiscal!.land)).toBe(80);
    const s = r.result.series;
    // Land follows the agricultural transfer settlers: not those holding an urban registration elsewhere.
    const o = s.settlersByOriginDetail;
    expect(o.urbanElsewhere[1]!).toBeGreaterThan(0);
    for (let i = 1; i < n; i++)
      expect(f.landHa[i]!).toBeCloseTo(((o.localRural[i]! + o.ruralElsewhere[i]!) * 80) / 10_000, 6);
    const noCore = fiscalOf(
      setAt(setAt(preset, '/fiscal/land/noLandZones', ['core']), '/registration/urbanElsewhereShare', 0),
    );
    const sz = noCore.r.result.series.settlersByZone;
    for (let i = 1; i < n; i++)
      expect(noCore.f.landHa[i]!).toBeCloseTo(((sz.county[i]! + sz.town[i]!) * 80) / 10_000, 6);
    expect(f.landHaCumulative.at(-1)!).toBeCloseTo(
      f.landHa.slice(1).reduce<number>((t, x) => t + (x ?? 0), 0),
      6,
    );
  });
});

describe('fiscal responses', () => {
  it('no settlers → no settler costs, rewards, subsidies or land', () => {
    let s = preset;
    for (const z of ['core', 'county', 'town']) s = setAt(s, `/willingness/speed/${z}`, 0);
    s = setAt(s, '/fiscal/transfers/investmentSubsidy', 5000);
    const { f, n } = fiscalOf(s);
    for (let i = 1; i < n; i++) {
      expect(f.costByGroup.settlers[i]).toBe(0);
      expect(f.transfers.reward[i]).toBe(0);
      expect(f.transfers.investmentSubsidy[i]).toBe(0);
      expect(f.landHa[i]).toBe(0);
      expect(f.perSettler.annual[i]).toBeNull();
      expect(f.costByGroup.nonRegistered[i]!).toBeGreaterThan(0);
    }
  });

  it('transfers and the municipal net burden are linear in the reward per settler; costs do not move', () => {
    const scaled = (k: number) => {
      let s = preset;
      for (const o of ['sameCity', 'inProvince', 'otherProvince'] as const)
        s = setAt(s, `/fiscal/transfers/reward/${o}`, preset.fiscal!.transfers.reward[o] * k);
      return fiscalOf(s).f;
    };
    const [f0, f1, f2] = [scaled(0), scaled(1), scaled(2)];
    for (let i = 1; i < f1.totalCost.length; i++) {
      expect(f0.transfers.reward[i]).toBe(0);
      expect(close(f2.transfers.reward[i]!, 2 * f1.transfers.reward[i]!)).toBe(true);
      expect(close(f0.municipalNet[i]! - f1.municipalNet[i]!, f1.transfers.reward[i]!)).toBe(true);
      expect(close(f2.municipalNet[i]! - f1.municipalNet[i]!, f1.municipalNet[i]! - f0.municipalNet[i]!)).toBe(true);
      expect(f2.totalCost[i]).toBe(f0.totalCost[i]);
    }
  });

  it('follows the timeline: a better residence-permit service from 2016 costs more for the non-registered', () => {
    // Components on S(t) only (the preset's education and medical insurance follow their own 2020 path).
    const onS = setAt(
      preset,
      '/fiscal/components',
      preset.fiscal!.components.map(({ serviceLevel: _s, ...c }) => c),
    );
    const raised = setAt(onS, '/timeline', [{ year: 2016, set: { '/willingness/serviceLevel': 1 } }]);
    const a = fiscalOf(onS).f;
    const b = fiscalOf(raised).f;
    // Per non-registered resident the package × S rises from S = 0.4 to 1.
    const perHead = (f: typeof a, r: ReturnType<typeof fiscalOf>['r']) =>
      f.costByGroup.nonRegistered[5]! / r.result.series.nonRegisteredUrban[5]!;
    expect(perHead(b, fiscalOf(raised).r) / perHead(a, fiscalOf(onS).r)).toBeGreaterThan(2);
  });

  it('general linkage rewards settling people registered elsewhere while w < 1, and is neutral at w = 1', () => {
    const withW = (w: number, speed: number) => {
      let s = setAt(preset, '/fiscal/transfers/generalLinkage/weight', w);
      for (const z of ['core', 'county', 'town']) s = setAt(s, `/willingness/speed/${z}`, speed);
      const { f, r } = fiscalOf(s);
      return { g: f.transfers.generalLinkage[10]!, un: r.result.series.stockUN[10]! };
    };
    expect(withW(0, 0.36).g).toBeGreaterThan(withW(0, 0.18).g);
    expect(withW(0, 0).g).toBe(0);
    // At w = 1 every person registered elsewhere counts, settled or not: the transfer is per-capita × (settled + UN).
    const one = withW(1, 0);
    expect(close(one.g, 500 * one.un)).toBe(true);
  });

  it('tapers each cohort’s reward: 100 %, then the taper shares, then nothing', () => {
    let s = setAt(preset, '/fiscal/transfers/reward/taper', [1, 0.5]);
    s = setAt(s, '/fiscal/transfers/generalLinkage/weight', 0);
    const { f, r } = fiscalOf(s);
    // Rewards follow the agricultural transfer settlers: local rural, and rural elsewhere.
    const g = r.result.series.settlersByOriginDetail;
    const rate = (i: number) => g.localRural[i]! * 1000 + g.ruralElsewhere[i]! * (0.539 * 2000 + 0.461 * 1500);
    expect(close(f.transfers.reward[1]!, rate(1))).toBe(true);
    expect(close(f.transfers.reward[3]!, rate(3) + 0.5 * rate(2))).toBe(true);
    expect(close(f.transfers.reward[4]!, rate(4) + 0.5 * rate(3))).toBe(true);
  });

  it('computes the lifetime present value as by hand (no mortality: a geometric sum over 200 years)', () => {
    let s = setAt(preset, '/demography/mortality/urbanMultiplier', 0);
    const A = 1000;
    const oneOff = 7000;
    s = setAt(s, '/fiscal/components', [
      {
        id: 'a',
        label: 'a',
        kind: 'annual',
        amount: [{ from: 0, to: 100, value: A }],
        takeUp: 1,
        realGrowth: 0.01,
        payers: { central: 1, provincial: 0, municipal: 0, county: 0, employer: 0, individual: 0 },
      },
      {
        id: 'b',
        label: 'b',
        kind: 'oneOff',
        amount: [{ from: 0, to: 100, value: oneOff }],
        takeUp: 1,
        realGrowth: 0,
        payers: { central: 0, provincial: 0, municipal: 1, county: 0, employer: 0, individual: 0 },
      },
    ]);
    s = setAt(s, '/fiscal/discountRate', 0.05);
    const q = 1.01 / 1.05;
    // At the first projected year's prices: the annual amount has grown one year; the one-off (g = 0) has not.
    const expected = oneOff + (A * 1.01 * (1 - q ** 200)) / (1 - q);
    expect(fiscalOf(s).f.perSettler.lifetimePV!).toBeCloseTo(expected, 4);
  });
});
