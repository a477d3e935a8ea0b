/** Target metrics: the fiscal ones sum the projected years up to the target year; they need a fiscal part. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { runScenario } from '../../src/scenario/run';
import { resolveIncludes } from '../../src/scenario/include';
import { ValidationError } from '../../src/scenario/issues';
import { publishedOutcome, type TargetResult } from '../../src/scenario/targets';

const load = nodeDataLoader();
const netTarget = (value: number) => ({
  pointer: '/targets/1',
  value: {
    id: 'net-2020',
    label: '2020年前累计市级净负担',
    metric: 'municipalNetCumulative',
    year: 2020,
    comparator: '<=',
    value,
  },
});

describe('fiscal targets', () => {
  it('municipalNetCumulative is the sum of the municipal net burden over 2016–2020', () => {
    const { result } = runScenario(DEFAULT_SCENARIO, load, [netTarget(0)]);
    const t = result.targets.find((x) => x.id === 'net-2020')!;
    const i = result.years.indexOf(2020);
    const sum = result.fiscal!.municipalNet.slice(1, i + 1).reduce((a: number, x) => a + (x ?? 0), 0);
    expect(t.value).toBeCloseTo(sum, 0);
    expect(t.value).toBeCloseTo(result.fiscal!.cumulativeToTargetYears['2020'].municipalNet, 0);
    expect(t.met).toBe(false);
    expect(t.shortfall).toBeCloseTo(t.value!, 0);
  });

  it('totalCostCumulative likewise, and a target above it is met', () => {
    const { result } = runScenario(DEFAULT_SCENARIO, load, [
      { ...netTarget(1e12), value: { ...netTarget(1e12).value, metric: 'totalCostCumulative' } },
    ]);
    const t = result.targets.find((x) => x.id === 'net-2020')!;
    expect(t.value).toBeCloseTo(result.fiscal!.cumulativeToTargetYears['2020'].totalCost, 0);
    expect(t.met).toBe(true);
    // Met from the first projected year on, not in the base year (when nothing had been spent yet).
    expect(t.firstYearMet).toBe(2016);
  });

  it('is refused, naming the field, in a scenario without a fiscal part', () => {
    const { fiscal: _, include: _i, ...bare } = resolveIncludes(DEFAULT_SCENARIO, load).doc as Record<string, unknown>;
    try {
      runScenario(bare, load, [netTarget(0)]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toContainEqual({
        path: '/targets/1/metric',
        message: "municipalNetCumulative needs the scenario's fiscal part",
      });
    }
  });
});

describe('publishedOutcome', () => {
  const target = (metric: TargetResult['metric'], comparator: '>=' | '<=', value: number): TargetResult => ({
    id: 't',
    label: 't',
    metric,
    year: 2020,
    comparator,
    target: value,
    value: null,
    met: false,
    firstYearMet: null,
    shortfall: null,
  });
  it('checks a target against the published figure of its year', () => {
    const o = publishedOutcome(target('residentUrbanRate', '>=', 0.72), [
      { metric: 'residentUrbanRate', year: 2019, value: 0.7, source: 'a' },
      { metric: 'residentUrbanRate', year: 2020, value: 0.7707, source: 'census 2020' },
    ]);
    expect(o).toEqual({ value: 0.7707, met: true, shortfall: 0, source: 'census 2020', derived: false });
    const missed = publishedOutcome(target('hukouUrbanRate', '>=', 0.45), [
      { metric: 'hukouUrbanRate', year: 2020, value: 0.44, source: 'register' },
    ])!;
    expect(missed.met).toBe(false);
    expect(missed.shortfall).toBeCloseTo(0.01, 12);
  });
  it('works out the gap from the two published rates, and says so', () => {
    const o = publishedOutcome(target('gapPoints', '<=', 5), [
      { metric: 'residentUrbanRate', year: 2020, value: 0.6389, source: 'census' },
      { metric: 'hukouUrbanRate', year: 2020, value: 0.454, source: 'register' },
    ])!;
    expect(o.value).toBeCloseTo(18.49, 9);
    expect(o.met).toBe(false);
    expect(o.shortfall).toBeCloseTo(13.49, 9);
    expect(o.derived).toBe(true);
    expect(o.source).toBe('census; register');
  });
  it('leaves out a figure under another hukou definition than the projection’s', () => {
    const obs = [
      {
        metric: 'hukouUrbanRate',
        year: 2020,
        value: 0.33,
        source: 'non-agricultural',
        definition: 'nonAgricultural' as const,
      },
      { metric: 'hukouUrbanRate', year: 2020, value: 0.46, source: 'address', definition: 'address' as const },
    ];
    expect(publishedOutcome(target('hukouUrbanRate', '>=', 0.45), obs, 'address')!.value).toBe(0.46);
    expect(publishedOutcome(target('hukouUrbanRate', '>=', 0.45), obs, 'nonAgricultural')!.value).toBe(0.33);
    expect(publishedOutcome(target('hukouUrbanRate', '>=', 0.45), obs.slice(0, 1), 'address')).toBeNull();
  });
  it('gives nothing where nothing was published', () => {
    expect(
      publishedOutcome(target('gapPoints', '<=', 5), [{ metric: 'residentUrbanRate', year: 2020, value: 0.77 }]),
    ).toBeNull();
    expect(publishedOutcome(target('residentUrbanRate', '>=', 0.72), [])).toBeNull();
  });
});
