/**
 * Calibration recovers parameters from data the model itself generated: the default scenario run with the
 * rural-to-urban intensity and the inflow scaled by known factors gives the "observations"; the fit starts
 * from 1 and must find the factors again. The data are noise-free and two unknowns are well identified
 * (the inflow sets the resident population, the intensity then the urban rate), so the only limit on the
 * recovery is the stopping rule: 1e-3 of a factor (0.1 %) is loose for it (the fit lands within 1e-8) and
 * still far tighter than any difference between assumptions that matters.
 */
import { describe, expect, it } from 'vitest';
import { analysisBase, parameterOverride } from '../../src/analysis/apply';
import { calibrate, calibratedScenario, type CalibrationParameter } from '../../src/analysis/calibrate';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { DEFAULT_SCENARIO } from '../fixtures/default-scenario';
import { runScenario } from '../../src/scenario/run';
import { ValidationError } from '../../src/scenario/issues';
import { loadScenario } from '../../src/scenario/load';
import { getAt } from '../../src/scenario/pointer';

const load = nodeDataLoader();
const INTENSITY = '/migration/ruralToUrban/intensity';
const INFLOW = '/migration/inflow/persons';
const params: CalibrationParameter[] = [
  { pointer: INTENSITY, mode: 'scale', label: '乡城迁移强度系数', min: 0.5, max: 2 },
  { pointer: INFLOW, mode: 'scale', label: '外来人口流入系数', min: 0.5, max: 2 },
];
const TRUTH = [1.15, 0.9];

/** The default scenario merged, without parts, with `observed` and `calibration` of the test's own. */
function synthetic(): Record<string, unknown> {
  const { include: _i, ...doc } = analysisBase(DEFAULT_SCENARIO, load) as Record<string, unknown> & {
    sources: Record<string, string>;
  };
  const truth = runScenario(
    doc,
    load,
    params.map((p, j) => parameterOverride(doc, p, TRUTH[j])),
  ).result;
  const observed = [];
  for (const metric of ['residentPop', 'residentUrbanRate', 'hukouPop'] as const)
    for (const year of [2015, 2016, 2017, 2018, 2020])
      observed.push({
        metric,
        year,
        value: truth.series[metric][truth.years.indexOf(year)]!,
        source: 'test: model run',
      });
  // A hukou rate under the old definition, which the projection (address definition) cannot be compared with.
  observed.push({ metric: 'hukouUrbanRate', year: 2018, value: 0.4, source: 'test', definition: 'nonAgricultural' });
  observed.push({ metric: 'residentPop', year: 2010, value: 4.5e6, source: 'test: before the base year' });
  return {
    ...doc,
    sources: Object.fromEntries(Object.entries(doc.sources).filter(([k]) => !k.startsWith('/calibration'))),
    observed,
    calibration: { parameters: params },
  };
}

describe('calibrate', () => {
  const raw = synthetic();
  const t0 = performance.now();
  const fit = calibrate(raw, load, []);
  const seconds = (performance.now() - t0) / 1000;

  it('recovers the parameters that generated the data, from a start of 1', () => {
    expect(fit.start).toEqual({ [INTENSITY]: 1, [INFLOW]: 1 });
    expect(fit.parameters[INTENSITY]).toBeCloseTo(TRUTH[0], 3);
    expect(fit.parameters[INFLOW]).toBeCloseTo(TRUTH[1], 3);
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toEqual([]);
    expect(fit.evaluations).toBeLessThan(40);
    expect(seconds).toBeLessThan(10);
  });

  it('reduces the fit error to nothing', () => {
    expect(fit.rmseStart).toBeGreaterThan(1e-3);
    expect(fit.rmse).toBeLessThan(fit.rmseStart / 1000);
  });

  it('fits only observations after the base year, within the projection, under the same definition', () => {
    expect(fit.observations).toBe(12);
    const hukouRate = fit.fitted.hukouUrbanRate[0];
    expect(hukouRate).toMatchObject({ year: 2018, used: false, definition: 'nonAgricultural' });
    expect(hukouRate.reason).toMatch(/nonAgricultural definition.*address definition/);
    const base = fit.fitted.residentPop.find((p) => p.year === 2015)!;
    expect(base).toMatchObject({ used: false });
    expect(base.reason).toMatch(/base year/);
    expect(fit.fitted.residentPop.find((p) => p.year === 2010)).toMatchObject({ used: false, fitted: null });
    expect(fit.notes.join(' ')).toMatch(/base year \(2015\) are not fitted/);
    for (const p of fit.fitted.residentUrbanRate.filter((q) => q.used)) expect(p.fitted).toBeCloseTo(p.observed, 8);
  });

  it('gives the fitted values as overrides that reproduce the fit', () => {
    const doc = analysisBase(raw, load);
    expect(fit.overrides.map((o) => o.pointer)).toEqual([INTENSITY, INFLOW]);
    expect(fit.overrides[0].value).toBeCloseTo((getAt(doc, INTENSITY) as number) * TRUTH[0], 6);
    const r = runScenario(raw, load, fit.overrides).result;
    const i = r.years.indexOf(2020);
    expect(r.series.residentPop[i]).toBeCloseTo(fit.fitted.residentPop.find((p) => p.year === 2020)!.observed, 0);
  });

  it('writes a self-contained calibrated scenario that validates, runs and names its sources', () => {
    const out = calibratedScenario(raw, load, [], fit, '2026-01-02') as Record<string, unknown> & {
      sources: Record<string, string>;
    };
    expect(out.include).toBeUndefined();
    const s = loadScenario(out, load);
    expect(getAt(s, INFLOW)).toBeCloseTo(fit.overrides[1].value as number, 6);
    for (const p of [INTENSITY, INFLOW]) {
      expect(out.sources[p]).toMatch(/^calibrated: least squares to 12 observations \(residentPop 2016–2018, 2020/);
      expect(out.sources[p]).toMatch(/rmse .* on 2026-01-02/);
    }
    const r = runScenario(out, load).result;
    expect(r.series.residentUrbanRate[r.years.indexOf(2017)]).toBeCloseTo(
      fit.fitted.residentUrbanRate.find((p) => p.year === 2017)!.observed,
      8,
    );
  });

  it('fits the preset’s own calibration block to its published observations', () => {
    const real = calibrate(DEFAULT_SCENARIO, load, [], { maxEvaluations: 40 });
    const block = (analysisBase(DEFAULT_SCENARIO, load) as { calibration: { parameters: CalibrationParameter[] } })
      .calibration.parameters;
    expect(Object.keys(real.parameters)).toEqual(block.map((p) => p.pointer));
    block.forEach((p) => {
      expect(real.parameters[p.pointer]).toBeGreaterThanOrEqual(p.min);
      expect(real.parameters[p.pointer]).toBeLessThanOrEqual(p.max);
    });
    expect(real.rmse).toBeLessThanOrEqual(real.rmseStart);
    expect(real.evaluations).toBeLessThanOrEqual(40);
  });

  it('reports bad input as issues naming the field', () => {
    const paths = (r: unknown, o: Parameters<typeof calibrate>[3] = {}) => {
      try {
        calibrate(r, load, [], o);
      } catch (e) {
        return (e as ValidationError).issues.map((i) => i.path);
      }
      return [];
    };
    const { calibration: _c, ...none } = raw;
    expect(paths(none)).toEqual(['--calibrate']);
    expect(paths(raw, { parameters: [{ pointer: '/migration/nope', min: 0, max: 1 }] })).toEqual([
      '--calibrate parameters/0/pointer',
    ]);
    expect(
      paths(raw, { parameters: [{ pointer: INFLOW, mode: 'scale', min: 0.5, max: 2 }], metrics: ['gapPoints'] }),
    ).toEqual(['--calibrate']);
    expect(() => calibrate(none, load, [])).toThrow(ValidationError);
  });

  describe('fewer observations than unknowns', () => {
    // One observation (the resident population of 2018) for two unknowns that both move it: the data fix one
    // combination, and the minimum-change rule fixes the rest. Without the option the fit is refused.
    const one = {
      ...raw,
      observed: (raw.observed as { metric: string; year: number }[]).filter(
        (o) => o.metric === 'residentPop' && o.year === 2018,
      ),
    };
    it('is refused by default, naming the count', () => {
      expect(() => calibrate(one, load, [])).toThrow(/1 usable observation\(s\) for 2 unknown/);
    });
    const fitOne = calibrate(one, load, [], { underdetermined: 'minimum-change' });
    it('fits the one observation exactly, and says how', () => {
      expect(fitOne.observations).toBe(1);
      expect(fitOne.rmseStart).toBeGreaterThan(1e-3);
      expect(fitOne.rmse).toBeLessThan(1e-6);
      expect(fitOne.notes.join(' ')).toMatch(/1 usable observation\(s\) for 2 unknowns/);
    });
    it('leaves the unknown the observation hardly sees near its start', () => {
      // The inflow sets the resident total; the intensity only moves people between rural and urban.
      expect(Math.abs(fitOne.parameters[INFLOW] - 1)).toBeGreaterThan(0.05);
      expect(Math.abs(fitOne.parameters[INTENSITY] - 1)).toBeLessThan(0.1 * Math.abs(fitOne.parameters[INFLOW] - 1));
    });
    it('adds no pull when the observations are enough', () => {
      expect(calibrate(raw, load, [], { underdetermined: 'minimum-change' }).parameters).toEqual(fit.parameters);
    });
  });
});
