import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FAN_SERIES,
  PERCENTILES,
  prepareUncertainty,
  runUncertaintySync,
  sampleOverrides,
  summarize,
  uncertaintyBatchRunner,
  type UncertaintyResult,
} from '../../src/analysis/uncertainty';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { runScenario } from '../../src/scenario/run';
import { ValidationError } from '../../src/scenario/issues';
import { getAt } from '../../src/scenario/pointer';

const load = nodeDataLoader();
const preset = (name: string) =>
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${name}.json`), 'utf8')) as Record<string, unknown>;
const raw = preset('changzhou-2016');

/** The default scenario with another `uncertainty` block (or none), its sources kept consistent. */
function withBlock(parameters?: unknown[]): Record<string, unknown> {
  const { uncertainty: _, sources, ...rest } = raw;
  const kept = Object.fromEntries(
    Object.entries(sources as Record<string, string>).filter(([k]) => !k.startsWith('/uncertainty')),
  );
  return parameters ? { ...rest, uncertainty: { parameters }, sources: kept } : { ...rest, sources: kept };
}

describe('runUncertaintySync on the default scenario (40 runs)', () => {
  let result: UncertaintyResult;
  let progress = 0;
  beforeAll(() => {
    result = runUncertaintySync(raw, load, [], 40, 1, () => progress++);
  });

  it('gives ordered percentiles for every series and year', () => {
    expect(result).toMatchObject({ runs: 40, completed: 40, requested: 40, seed: 1 });
    expect(result.years[0]).toBe(2015);
    expect(Object.keys(result.percentiles.p50)).toEqual([...FAN_SERIES, 'totalCost']);
    for (const name of Object.keys(result.percentiles.p50))
      result.years.forEach((_, y) => {
        const band = PERCENTILES.map((p) => result.percentiles[`p${p}`][name][y]);
        if (band[0] === null) {
          // Only a flow in the base year has no value.
          expect(y, name).toBe(0);
          expect(band.every((v) => v === null)).toBe(true);
        } else
          for (let k = 1; k < band.length; k++) expect(band[k]!, `${name} ${y}`).toBeGreaterThanOrEqual(band[k - 1]!);
      });
    // The parameters really vary the runs: a band with width.
    const y2020 = result.years.indexOf(2020);
    expect(result.percentiles.p95.gapPoints[y2020]!).toBeGreaterThan(result.percentiles.p5.gapPoints[y2020]!);
    expect(progress).toBe(40);
  });

  it('gives each target a probability in [0, 1]', () => {
    expect(Object.keys(result.targetProbability)).toEqual(['resident-rate-2020', 'gap-2020']);
    for (const p of Object.values(result.targetProbability)) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('reports the parameters it drew', () => {
    expect(result.parameters.map((p) => p.pointer)).toContain('/migration/inflow/persons');
    expect(result.parameters.every((p) => p.mode === 'set' || p.mode === 'scale')).toBe(true);
  });

  it('is reproducible: the same seed gives the same JSON, another seed another', () => {
    expect(JSON.stringify(runUncertaintySync(raw, load, [], 40, 1))).toBe(JSON.stringify(result));
    expect(JSON.stringify(runUncertaintySync(raw, load, [], 40, 2))).not.toBe(JSON.stringify(result));
  });
});

describe('prepareUncertainty', () => {
  it('says so when the scenario gives no distributions', () => {
    const bare = withBlock();
    const prep = prepareUncertainty(bare, load);
    expect(prep.issues).toEqual([
      { path: '/uncertainty', message: expect.stringMatching(/no parameter distributions/) },
    ]);
    expect(() => runUncertaintySync(bare, load, [], 2, 1)).toThrow(ValidationError);
  });

  it('reports a parameter pointer that cannot be moved, at the parameter', () => {
    const bad = withBlock([{ pointer: '/migration/nope', dist: { type: 'uniform', min: 0, max: 1 } }]);
    expect(prepareUncertainty(bad, load).issues).toEqual([
      { path: '/uncertainty/parameters/0/pointer', message: '/migration/nope names nothing in the scenario' },
    ]);
  });

  it('throws the scenario’s own problems, as a single run would', () => {
    expect(() => prepareUncertainty({ ...raw, until: 'soon' }, load)).toThrow(ValidationError);
  });

  it('starts from the user’s overrides: a scaled parameter scales the overridden value', () => {
    const prep = prepareUncertainty(raw, load, [{ pointer: '/demography/fertility/tfr', value: 2 }]);
    const i = prep.params.findIndex((p) => p.pointer === '/demography/fertility/tfr');
    expect(prep.params[i].mode).toBe('scale');
    const o = sampleOverrides(prep.doc, prep.params, 3, 0)[i];
    const dist = prep.params[i].dist as { min: number; max: number };
    expect(o.pointer).toBe('/demography/fertility/tfr');
    expect(o.value).toBeGreaterThanOrEqual(2 * dist.min);
    expect(o.value).toBeLessThanOrEqual(2 * dist.max);
  });
});

describe('sampleOverrides and summarize', () => {
  const prep = prepareUncertainty(raw, load);

  it('draws every parameter within its distribution, the same for the same run', () => {
    const a = sampleOverrides(prep.doc, prep.params, 11, 4);
    expect(a.map((o) => o.pointer)).toEqual(prep.params.map((p) => p.pointer));
    expect(sampleOverrides(prep.doc, prep.params, 11, 4)).toEqual(a);
    expect(sampleOverrides(prep.doc, prep.params, 11, 5)).not.toEqual(a);
    const inflow = a.find((o) => o.pointer === '/migration/inflow/persons')!.value as number;
    expect(inflow).toBeGreaterThanOrEqual(110000);
    expect(inflow).toBeLessThanOrEqual(200000);
    // A scaled zone map keeps its keys, each value scaled by the same factor.
    const base = a.find((o) => o.pointer === '/willingness/base')!.value as { UN: Record<string, number> };
    const was = getAt(prep.doc, '/willingness/base') as { UN: Record<string, number> };
    expect(base.UN.core / was.UN.core).toBeCloseTo(base.UN.town / was.UN.town, 12);
  });

  it('reduces a run to its fan series and targets, NaN where a flow has no base year', () => {
    const { result } = runScenario(prep.doc, load, sampleOverrides(prep.doc, prep.params, 1, 0));
    const s = summarize(0, result);
    expect(Object.keys(s.values)).toEqual([...FAN_SERIES, 'totalCost']);
    expect(s.values.settlers[0]).toBeNaN();
    expect(s.values.residentUrbanRate[5]).toBe(result.series.residentUrbanRate[5]);
    expect(s.met).toEqual(Object.fromEntries(result.targets.map((t) => [t.id, t.met])));
  });

  it('names the run and the block when a draw leaves the scenario invalid', () => {
    const wild = withBlock([{ pointer: '/policy/channelOverlap', dist: { type: 'normal', mean: 0.5, sd: 10 } }]);
    expect(() => runUncertaintySync(wild, load, [], 5, 1)).toThrow(/\/policy\/channelOverlap: .*Monte Carlo run \d/);
  });
});

describe('uncertaintyBatchRunner', () => {
  it('plans, reports problems as data, and runs batches as the single-thread analysis does', () => {
    const runner = uncertaintyBatchRunner(load);
    const planned = runner.plan(raw);
    expect(planned.ok && planned.plan.targets).toEqual(['resident-rate-2020', 'gap-2020']);
    expect(runner.plan({ ...raw, until: 'soon' })).toMatchObject({ ok: false, issues: [{ path: '/until' }] });
    const prep = prepareUncertainty(raw, load);
    const [s] = runner.runBatch(raw, [], 9, [3]);
    const { result } = runScenario(prep.doc, load, sampleOverrides(prep.doc, prep.params, 9, 3));
    expect(s).toEqual(summarize(3, result));
  });
});
