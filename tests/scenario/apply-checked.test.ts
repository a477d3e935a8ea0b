/**
 * Overrides applied to a validated scenario part by part give the run the full way gives (merge, parse,
 * check, resolve): for the Monte Carlo draws of every preset and for every lever of 常州 at both ends of
 * its range; a value the schema refuses, or a pointer that names nothing, sends the caller the full way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisBase, scaleNumbers } from '../../src/analysis/apply';
import { prepareUncertainty, runOne, sampleOverrides } from '../../src/analysis/uncertainty';
import { getAt } from '../../src/scenario/pointer';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { applyChecked, schemaAt } from '../../src/scenario/apply-checked';
import { listLevers } from '../../src/scenario/levers';
import { loadScenario } from '../../src/scenario/load';
import { leverOverride } from '../../src/analysis/probe';
import { runResolved, runScenario } from '../../src/scenario/run';

const load = nodeDataLoader();
const preset = (id: string) =>
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${id}.json`), 'utf8')) as unknown;

describe('applyChecked', () => {
  it('gives every preset’s Monte Carlo draws the results of the full way', () => {
    let fast = 0;
    for (const id of ['changzhou-2016', 'china-2015', 'guangzhou', 'jinzhou-2017', 'liaoyuan', 'doc001-package']) {
      const prep = prepareUncertainty(preset(id), load);
      for (let i = 0; i < 4; i++) {
        const o = sampleOverrides(prep.doc, prep.params, 7, i);
        const drawn = applyChecked(prep.scenario, o);
        if (!drawn) continue;
        fast++;
        expect(runResolved(drawn).result, `${id} draw ${i}`).toEqual(runScenario(prep.doc, load, o).result);
      }
    }
    // The presets' parameters all take the short way.
    expect(fast).toBe(24);
  }, 60_000);

  it('gives every lever of 常州 at both ends of its range the run of the full way', () => {
    const raw = preset('changzhou-2016');
    const s = loadScenario(raw, load);
    let checked = 0;
    for (const l of listLevers(s)) {
      for (const x of [l.min, l.max]) {
        const o = [leverOverride(l.pointer, x, l.toggle)];
        const set = applyChecked(s, o);
        let full: unknown;
        try {
          full = runScenario(raw, load, o).result;
        } catch {
          // The full way refuses it: the short way must not run it either.
          expect(set, `${l.pointer}=${x}`).toBeNull();
          continue;
        }
        // Only payer shares (which the full way rebalances) are left to the full way.
        if (!set) {
          expect(l.pointer, `${l.pointer}=${x}`).toMatch(/\/payers\//);
          continue;
        }
        checked++;
        expect(runResolved(set).result, `${l.pointer}=${x}`).toEqual(full);
      }
    }
    expect(checked).toBeGreaterThan(140);
  }, 120_000);

  it('leaves to the full way what it cannot check part by part', () => {
    const s = loadScenario(preset('changzhou-2016'), load);
    // A share above 1: the schema of the part refuses it.
    expect(applyChecked(s, [{ pointer: '/willingness/speed/core', value: 1.5 }])).toBeNull();
    // A pointer that names nothing, and payer shares (rebalanced the full way).
    expect(applyChecked(s, [{ pointer: '/willingness/nothing', value: 1 }])).toBeNull();
    expect(applyChecked(s, [{ pointer: '/fiscal/components/0/payers/central', value: 0.5 }])).toBeNull();
    // A part holding a `$data` table reference (a scale parameter over /demography/fertility copies it):
    // only the full way resolves it. It once reached the model unresolved and crashed the run.
    const raw = preset('changzhou-2016');
    const doc = analysisBase(raw, load);
    const scaled = { pointer: '/demography/fertility', value: scaleNumbers(getAt(doc, '/demography/fertility'), 1.1) };
    expect(applyChecked(s, [scaled])).toBeNull();
    // A pointer into a resolved table names nothing in the file: the full way says so.
    expect(applyChecked(s, [{ pointer: '/demography/fertility/asfr/source', value: 'x' }])).toBeNull();
    // And a Monte Carlo with such a parameter runs (the full way) as it did.
    const base = doc as { uncertainty: { parameters: unknown[] } };
    const withParam = {
      ...base,
      uncertainty: {
        ...base.uncertainty,
        parameters: [
          ...base.uncertainty.parameters,
          { pointer: '/demography/fertility', mode: 'scale', dist: { type: 'uniform', min: 0.9, max: 1.1 } },
        ],
      },
    };
    const prep = prepareUncertainty(withParam, load);
    expect(prep.issues).toEqual([]);
    const one = runOne(prep, load, 1, 0).values;
    expect(Object.values(one).length).toBeGreaterThan(0);
    expect(Object.values(one).every((a) => Array.from(a).slice(1).every(Number.isFinite))).toBe(true);
    expect(schemaAt('/willingness/speed/core')).not.toBeNull();
    expect(schemaAt('/no/such/field')).toBeNull();
  });
});
