/**
 * The atlas's scenarios and runs (src/analysis/atlas-*.ts): a prefecture's scenario holds its census totals, two zones
 * and the national rules of its size class; a run gives one row; the ten-year test's naive forecasts and
 * skill on numbers worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { atlasInputs, hindcast, runPrefecture, runPrefectureYears } from '../../src/analysis/atlas-run';
import { atlasScenario, type AtlasData, type AtlasPrefecture } from '../../src/analysis/atlas-scenario';
import { readAtlas } from '../../src/cli/atlas';
import { nodeDataLoader } from '../../src/runner/node-loader';
import { loadScenario } from '../../src/scenario/load';

const { data, parts } = readAtlas();
const load = nodeDataLoader();
const unit = (name: string) => data.prefectures.find((p) => p.name === name)!;

describe('a prefecture as a scenario', () => {
  it('starts from its census and applies the rules of its size class in the 城区, open rules in the towns', () => {
    const cz = unit('常州市');
    const s = loadScenario(atlasScenario(cz, 2020, parts), load);
    expect(s.baseYear).toBe(2020);
    expect(s.base.residentPop).toBe(5278121);
    expect(s.base.urbanResidentPop).toBe(4067856);
    expect(s.zones.map((z) => z.id)).toEqual(['core', 'town']);
    // 3,088,169 城区 residents of 4,067,856 urban.
    expect(s.base.urbanZoneShares.core).toBeCloseTo(3088169 / 4067856, 6);
    // A type-I large city (300–500万) in 2020: stable job and home, no insurance years.
    expect(s.policy.zones.core.channels.map((c) => c.id)).toEqual(['job-housing', 'family']);
    expect(s.policy.zones.town.channels.map((c) => c.id)).toEqual(['housing', 'job', 'family']);
    // The 2014 rules for the 2010 base: large cities ask for five insured years.
    const s10 = loadScenario(atlasScenario(cz, 2010, parts), load);
    expect(s10.baseYear).toBe(2010);
    expect(s10.base.residentPop).toBe(cz.y2010!.resident);
    const insurance = s10.policy.zones.core.channels[0].conditions.find((c) => c.type === 'insurance');
    expect(insurance).toMatchObject({ years: 5 });
    // A megacity keeps points.
    const gz = loadScenario(atlasScenario(unit('广州市'), 2020, parts), load);
    expect(gz.policy.zones.core.channels[0].conditions[0].type).toBe('points');
  });

  it('refuses a unit the censuses give too little for, naming it', () => {
    const hk = data.prefectures.find((p) => p.code === '810000')!;
    expect(() => atlasScenario(hk, 2020, parts)).toThrow(/香港特别行政区 \(810000\)/);
  });

  it('gives one row per run: the last year’s rates, settlers per 1,000 and cost per settler', () => {
    const r = runPrefecture(unit('辽源市'), 2020, parts, load);
    expect(r.year).toBe(2035);
    expect(r.residentUrbanRate).toBeGreaterThan(0.5);
    expect(r.residentUrbanRate).toBeLessThan(1);
    expect(r.gapPoints).toBeCloseTo(100 * (r.residentUrbanRate - r.hukouUrbanRate), 9);
    expect(r.settlersPer1000).toBeGreaterThan(0);
    expect(r.costPerSettler).toBeGreaterThan(0);
  });
});

describe('the nation’s edits carried into the atlas', () => {
  it('applies a zone’s edited completion speed to the units of that size, and only to them', () => {
    const speeds = { speed2010: parts.speed2010, speed2020: parts.speed2020 };
    const rate = (edits: { pointer: string; value: unknown }[], name: string) => {
      const { parts: p } = atlasInputs(load, speeds, edits);
      return runPrefectureYears(unit(name), 2020, p, load, [2030])[0].hukouUrbanRate;
    };
    const edit = [{ pointer: '/willingness/speed/megacity', value: 0.9 }];
    // 上海 is a megacity: its 城区 takes the megacity speed; 常州 (type-I large) does not.
    expect(rate(edit, '上海市')).toBeGreaterThan(rate([], '上海市'));
    expect(rate(edit, '常州市')).toBe(rate([], '常州市'));
    expect(rate([{ pointer: '/willingness/speed/large', value: 0.9 }], '常州市')).toBeGreaterThan(rate([], '常州市'));
  });
});

describe('the atlas at the ends of its levers and its timeline', () => {
  it('settles nobody at speed 0 and keeps every rate a share at speed 1, to 2100', () => {
    const speeds = { speed2010: parts.speed2010, speed2020: parts.speed2020 };
    const all = (v: number) =>
      ['megacity', 'large', 'medium', 'small'].map((z) => ({ pointer: `/willingness/speed/${z}`, value: v }));
    const none = runPrefectureYears(unit('常州市'), 2020, atlasInputs(load, speeds, all(0)).parts, load, [2035])[0];
    expect(none.settlersPer1000).toBe(0);
    for (const name of ['广州市', '辽源市', '北京市']) {
      const [r] = runPrefectureYears(unit(name), 2020, atlasInputs(load, speeds, all(1)).parts, load, [2100]);
      for (const x of [r.residentUrbanRate, r.hukouUrbanRate]) {
        expect(x, name).toBeGreaterThanOrEqual(0);
        expect(x, name).toBeLessThanOrEqual(1);
      }
      expect(r.residentPop, name).toBeGreaterThan(0);
    }
  });
});

describe('the ten-year test', () => {
  // Two invented units of one province: the province's change is theirs together.
  const base = unit('常州市');
  const twin = (code: string, r10: number, u10: number, r20: number, u20: number): AtlasPrefecture => ({
    ...base,
    code,
    name: code,
    y2010: { ...base.y2010!, resident: r10, urban: u10 },
    y2020: { ...base.y2020!, resident: r20, urban: u20 },
  });
  const small: AtlasData = {
    ageStarts: data.ageStarts,
    prefectures: [
      twin('900100', 4_000_000, 2_000_000, 4_400_000, 2_640_000),
      twin('900200', 1_000_000, 300_000, 1_100_000, 440_000),
    ],
  };
  const h = hindcast(small, parts, load);

  it('carries 2010 forward, and applies the province’s change, by hand', () => {
    const a = h.cities.find((c) => c.code === '900100')!;
    expect(a.naiveLast).toEqual({ residentPop: 4_000_000, residentUrbanRate: 0.5 });
    // Province: 5.0 → 5.5 million (×1.1); urban share 2.3/5.0 = 46 % → 3.08/5.5 = 56 %: +10 points.
    expect(a.naiveProvince.residentPop).toBeCloseTo(4_400_000, 3);
    expect(a.naiveProvince.residentUrbanRate).toBeCloseTo(0.6, 9);
    expect(a.observed).toEqual({ residentPop: 4_400_000, residentUrbanRate: 0.6 });
  });

  it('scores the model against both, in points and per cent', () => {
    const rate = h.stats.find((s) => s.metric === 'residentUrbanRate')!;
    // The province's change is exact for both units here: no model can beat it.
    expect(rate.naiveProvince.median).toBeCloseTo(0, 9);
    expect(rate.naiveLast.median).toBeCloseTo((10 + 10) / 2, 9);
    const errs = h.cities.map((c) => 100 * Math.abs(c.model.residentUrbanRate - c.observed.residentUrbanRate));
    expect(rate.skillVsLast).toBeCloseTo(1 - (errs[0] + errs[1]) / 2 / 10, 9);
    expect(rate.worst).toHaveLength(2);
    expect(rate.worst[0].reason).toMatch(/urban share \+\d/);
  });
});
