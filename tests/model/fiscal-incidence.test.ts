/**
 * Who and when a cost falls on (fiscal.ts): infrastructure follows the urban population's net growth by
 * migration, not registrations; a waiting period delays a cost; what stays with the area of origin is not
 * the city's; each component may have its own service level; a fund of fixed size replaces the rates.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYERS } from '../../src/model/fiscal';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runResolved } from '../../src/scenario/run';
import { applyOverrides, loadScenario } from '../../src/scenario/load';
import { getAt, setAt } from '../../src/scenario/pointer';
import type { Scenario } from '../../src/scenario/schema';

const load = nodeDataLoader();
const preset = loadScenario(
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8')),
  load,
);
const run = (s: Scenario) => {
  const r = runResolved(s);
  return { f: r.result.fiscal!, series: r.result.series, n: r.output.steps + 1 };
};
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
const payers = (p: Partial<Record<string, number>>) => ({
  central: 0,
  provincial: 0,
  municipal: 0,
  county: 0,
  employer: 0,
  individual: 0,
  ...p,
});
const component = (extra: Record<string, unknown>) => ({
  id: 'x',
  label: 'x',
  kind: 'oneOff',
  amount: [{ from: 0, to: 100, value: 10_000 }],
  takeUp: 1,
  realGrowth: 0,
  payers: payers({ municipal: 1 }),
  ...extra,
});
const only = (s: Scenario, ...components: Record<string, unknown>[]) =>
  setAt(s, '/fiscal/components', components) as Scenario;
/** No one arrives in the towns (no rural → urban moves, inflow, returns or reclassification): growth is births over deaths and conversions of registration. */
function closedCity(s: Scenario): Scenario {
  let c = setAt(s, '/migration/ruralToUrban/intensity', 0);
  c = setAt(c, '/migration/inflow/persons', 0);
  c = setAt(c, '/migration/reclassification/rate', 0);
  c = setAt(c, '/migration/away/returnUrban', 0);
  c = setAt(c, '/migration/away/returnRural', 0);
  return c as Scenario;
}

describe('infrastructure follows new urban residents, not registrations', () => {
  const infra = component({ id: 'infrastructure', appliesTo: 'newUrbanResidents' });

  it('a resident converting in place adds no infrastructure cost, however many settle', () => {
    for (const speed of [0, 0.18, 0.9]) {
      let s = closedCity(only(preset, infra));
      for (const z of ['core', 'county', 'town']) s = setAt(s, `/willingness/speed/${z}`, speed) as Scenario;
      const { f, series, n } = run(s);
      if (speed > 0) expect(series.settlers[3]!).toBeGreaterThan(0);
      for (let i = 1; i < n; i++) {
        // Departures of migrants can only shrink the towns here: no net arrivals, no cost.
        expect(f.newUrbanResidents[i]).toBe(0);
        expect(f.costByComponent.infrastructure[i]).toBe(0);
      }
    }
  });

  it('a net new urban resident costs the amount once, and the settler cost does not include it', () => {
    const open = only(preset, infra);
    const { f, series, n } = run(open);
    let some = 0;
    for (let i = 1; i < n; i++) {
      expect(close(f.costByComponent.infrastructure[i]!, 10_000 * f.newUrbanResidents[i]!)).toBe(true);
      expect(f.costByGroup.newUrbanResidents[i]).toBe(f.costByComponent.infrastructure[i]);
      expect(f.costByGroup.settlers[i]).toBe(0);
      some += f.newUrbanResidents[i]!;
    }
    expect(some).toBeGreaterThan(0);
    // Net growth by migration: never more than the arrivals of the year.
    for (let i = 1; i < n; i++)
      expect(f.newUrbanResidents[i]!).toBeLessThanOrEqual(
        series.incomingMigrants[i]! + series.ruralToUrban[i]! + series.returned[i]! + 1e-6,
      );
    // One more arrival a year (a larger inflow) costs more.
    const more = run(
      setAt(open, '/migration/inflow/persons', 2 * (getAt(open, '/migration/inflow/persons') as number)) as Scenario,
    );
    expect(more.f.costByComponent.infrastructure[3]!).toBeGreaterThan(f.costByComponent.infrastructure[3]!);
    expect(f.perSettler.lifetimePV).toBe(0);
  });

  it('runs an annual cost on every net addition since the base year', () => {
    const yearly = run(only(preset, { ...infra, kind: 'annual' }));
    let since = 0;
    for (let i = 1; i < yearly.n; i++) {
      since += yearly.f.newUrbanResidents[i]!;
      expect(close(yearly.f.costByComponent.infrastructure[i]!, 10_000 * since)).toBe(true);
    }
  });

  it('refuses a waiting period for new urban residents, naming the field', () => {
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
    const bad = (patch: Record<string, unknown>) => {
      try {
        loadScenario(raw, load, [
          { pointer: '/fiscal/components', value: [component({ appliesTo: 'newUrbanResidents', ...patch })] },
        ]);
      } catch (e) {
        return (e as { issues: { path: string; message: string }[] }).issues;
      }
      return [];
    };
    expect(bad({ afterYears: 3 })[0].path).toBe('/fiscal/components/0/afterYears');
  });
});

describe('costs left with the area of origin', () => {
  const pension = component({
    id: 'pension',
    kind: 'annual',
    amount: [{ from: 60, to: 100, value: 1500 }],
    payers: payers({ municipal: 0.5, county: 0.5 }),
  });
  it('are not charged to the city: its share moves to the origin, the total stays', () => {
    const base = run(only(preset, pension));
    const kept = run(only(preset, { ...pension, originShare: 1 }));
    for (let i = 1; i < base.n; i++) {
      expect(base.f.costByPayer.origin[i]).toBe(0);
      expect(close(kept.f.totalCost[i]!, base.f.totalCost[i]!)).toBe(true);
      const local = (f: typeof base.f) => f.costByPayer.municipal[i]! + f.costByPayer.county[i]!;
      expect(close(local(base.f) - local(kept.f), kept.f.costByPayer.origin[i]!)).toBe(true);
      expect(close(kept.f.municipalNet[i]!, base.f.municipalNet[i]! - kept.f.costByPayer.origin[i]!)).toBe(true);
      expect(
        close(
          PAYERS.reduce((t, p) => t + kept.f.costByPayer[p][i]!, 0),
          kept.f.totalCost[i]!,
        ),
      ).toBe(true);
    }
    expect(kept.f.costByPayer.origin[5]!).toBeGreaterThan(0);
  });
  it('only for settlers registered elsewhere: a city of local settlers alone keeps the whole cost', () => {
    const local = setAt(only(preset, { ...pension, originShare: 1 }), '/migration/inflow/persons', 0) as Scenario;
    let s = local;
    // No one registered elsewhere can settle: every zone's UN willingness 0.
    for (const z of ['core', 'county', 'town']) s = setAt(s, `/willingness/base/UN/${z}`, 0) as Scenario;
    const { f, series, n } = run(s);
    let settled = 0;
    for (let i = 1; i < n; i++) {
      settled += series.settlersByOrigin.localRural[i]!;
      expect(series.settlersByOrigin.elsewhere[i]).toBe(0);
      expect(f.costByPayer.origin[i]).toBe(0);
    }
    expect(settled).toBeGreaterThan(0);
  });
});

describe('a waiting period after settlement', () => {
  const housing = (afterYears: number) => component({ id: 'housing', afterYears });
  it('pays a one-off d years later, to the survivors still in the city', () => {
    const now = run(only(preset, housing(0)));
    const later = run(only(preset, housing(3)));
    expect(later.f.totalCost[1]).toBe(0);
    expect(later.f.totalCost[3]).toBe(0);
    for (let i = 4; i < now.n; i++) {
      const due = later.f.totalCost[i]!;
      const settledThen = now.f.totalCost[i - 3]!;
      expect(due).toBeGreaterThan(0.9 * settledThen);
      expect(due).toBeLessThanOrEqual(settledThen * (1 + 1e-12));
    }
    // Nothing of it in the year of settlement, and less over a lifetime (discounted, some gone).
    expect(later.f.perSettler.annual[2]).toBe(0);
    expect(later.f.perSettler.lifetimePV!).toBeLessThan(now.f.perSettler.lifetimePV!);
  });
  it('starts an annual cost d years after settlement', () => {
    const annual = (afterYears: number) => component({ id: 'rent', kind: 'annual', afterYears });
    const now = run(only(setAt(preset, '/willingness/serviceLevel', 0) as Scenario, annual(0)));
    const later = run(only(setAt(preset, '/willingness/serviceLevel', 0) as Scenario, annual(2)));
    expect(later.f.totalCost[1]).toBe(0);
    expect(later.f.totalCost[2]).toBeCloseTo(0, 6);
    // From year 3 the settlers of year 1 (aged two years) are due: less than all settled so far.
    expect(later.f.totalCost[3]!).toBeGreaterThan(0);
    expect(later.f.totalCost[3]!).toBeLessThan(now.f.totalCost[3]!);
    expect(close(later.f.totalCost[3]!, now.f.totalCost[1]! * (later.f.totalCost[3]! / now.f.totalCost[1]!))).toBe(
      true,
    );
  });
});

describe('a service level per component', () => {
  it('equalises one item by a date while the others keep S(t)', () => {
    const edu = component({ id: 'edu', kind: 'annual', amount: [{ from: 6, to: 14, value: 10_000 }] });
    const med = component({ id: 'med', kind: 'annual', amount: [{ from: 0, to: 100, value: 500 }] });
    const base = run(only(preset, edu, med));
    const equal = run(only(preset, { ...edu, serviceLevel: { '2016': 0.4, '2020': 1 } }, med));
    expect(equal.f.costByComponent.med).toEqual(base.f.costByComponent.med);
    expect(equal.f.costByComponent.edu[5]!).toBeGreaterThan(base.f.costByComponent.edu[5]!);
    expect(close(equal.f.costByComponent.edu[1]!, base.f.costByComponent.edu[1]!)).toBe(true);
  });
});

describe('a reward fund of fixed size', () => {
  it('is the reward of each year its path spans, whatever the settlers; the rates apply outside', () => {
    const s = setAt(preset, '/fiscal/transfers/reward/fund', { '2016': 1e10, '2020': 3e10 }) as Scenario;
    const { f } = run(s);
    const rates = run(preset).f;
    expect(f.transfers.reward[1]).toBe(1e10);
    expect(f.transfers.reward[3]).toBe(2e10);
    expect(f.transfers.reward[5]).toBe(3e10);
    expect(f.transfers.reward[6]).toBe(rates.transfers.reward[6]);
    expect(rates.transfers.reward[6]!).toBeGreaterThan(0);
  });
});

describe('a payer share set alone', () => {
  it('takes its part from the other payers in proportion; the shares still add to 1', () => {
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
    const s = loadScenario(raw, load, [{ pointer: '/fiscal/components/0/payers/municipal', value: 0.8 }]);
    const p = s.fiscal!.components[0].payers;
    expect(p.municipal).toBe(0.8);
    expect(p.county).toBeCloseTo(0.2, 12);
    const sum = Object.values(p).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    // Two shares set in turn: the latest holds; the earlier one gives way in proportion with the rest.
    const doc = applyOverrides(
      { fiscal: { components: [{ payers: { central: 0.2, municipal: 0.4, county: 0.4 } }] } },
      [
        { pointer: '/fiscal/components/0/payers/central', value: 0.5 },
        { pointer: '/fiscal/components/0/payers/municipal', value: 0.3 },
      ],
    ) as { fiscal: { components: { payers: Record<string, number> }[] } };
    const q = doc.fiscal.components[0].payers;
    expect(q.municipal).toBe(0.3);
    // After central 0.5: municipal 0.4 and county 0.4 → 0.25 each of the remaining 0.5; then municipal 0.3
    // leaves 0.7 for central and county in their proportion 0.5 : 0.25.
    expect(q.central).toBeCloseTo((0.7 * 0.5) / 0.75, 12);
    expect(q.county).toBeCloseTo((0.7 * 0.25) / 0.75, 12);
  });
});

describe('training coverage (辽源 clause 四、(十壹)2)', () => {
  it('is the share ever trained: 1 − (1 − base)(1 − take-up)^t, by hand', () => {
    const s = setAt(
      only(preset, component({ id: 'training', kind: 'annual', takeUp: 0.2, trainingBase: 0.3 })),
      '/targets',
      [{ id: 't', label: 't', metric: 'trainingCoverage', year: 2020, comparator: '>=', value: 0.95 }],
    ) as Scenario;
    const r = runResolved(s).result;
    const c = r.fiscal!.trainingCoverage!;
    for (let t = 0; t < c.length; t++) expect(c[t]!).toBeCloseTo(1 - 0.7 * 0.8 ** t, 12);
    const target = r.targets[0];
    expect(target.value).toBeCloseTo(1 - 0.7 * 0.8 ** 5, 12);
    expect(target.met).toBe(false);
  });
  it('as a target, needs a training component, and says so', () => {
    const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json'), 'utf8'));
    expect(() =>
      loadScenario(raw, load, [
        {
          pointer: '/targets/0',
          value: { id: 't', label: 't', metric: 'trainingCoverage', year: 2020, comparator: '>=', value: 0.95 },
        },
      ]),
    ).toThrow(/trainingCoverage needs a fiscal component with "trainingBase"/);
  });
});
