/** What the brief says besides figures: changed levers, assumptions, sources and bureaus. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../fixtures/default-scenario';
import { nodeDataLoader } from '../../../src/runner/node-loader';
import { replyTo } from '../../../src/runner/reply';
import { presetDoc } from '../../../src/state/doc';
import {
  bureaus,
  changedLevers,
  conclusion,
  isAssumption,
  MAX_ASSUMPTIONS,
  mainAssumptions,
  mainSources,
  sourceOf,
} from '../../../src/ui/brief/brief-content';

const INSURANCE = '/policy/zones/core/channels/0/conditions/2/years';
const load = nodeDataLoader();
const run = (overrides: { pointer: string; value: unknown }[] = []) => {
  const r = replyTo(DEFAULT_SCENARIO, load, overrides);
  if (!r.ok) throw new Error('the default scenario must run');
  return r;
};

describe('brief content', () => {
  const base = run();

  it('finds a source at the pointer or its nearest parent', () => {
    const sources = { '/a': 'A', '/a/b/c': 'C' };
    expect(sourceOf(sources, '/a/b/c')).toBe('C');
    expect(sourceOf(sources, '/a/b/d/0')).toBe('A');
    expect(sourceOf(sources, '/x')).toBeUndefined();
    expect(isAssumption('assumption: 3%')).toBe(true);
    expect(isAssumption('Statistical Communique 2015')).toBe(false);
  });

  it('lists no changed lever for the preset, and the edited one with its old and new value', () => {
    expect(changedLevers(base.view, presetDoc('changzhou-2016'), 'zh')).toEqual([]);
    const edited = run([{ pointer: INSURANCE, value: 0 }]);
    const doc = { ...presetDoc('changzhou-2016'), edits: { [INSURANCE]: 0 } };
    const lines = changedLevers(edited.view, doc, 'zh');
    expect(lines).toHaveLength(1);
    expect(lines[0].value).toBe('2 年 → 0 年');
  });

  it('names behavioural assumptions only, at most six, shares as percentages', () => {
    const a = mainAssumptions(base.view, 'zh');
    expect(a.lines.length).toBeGreaterThan(0);
    expect(a.lines.length).toBeLessThanOrEqual(MAX_ASSUMPTIONS);
    for (const l of a.lines) expect(l.value).not.toMatch(/比例$/);
    expect(a.lines.some((l) => /%$/.test(l.value))).toBe(true);
    expect(a.total).toBe(Object.values(base.view.sources).filter(isAssumption).length);
  });

  it('cites the document first and never an assumption as a source', () => {
    const s = mainSources(base.meta, base.view, 'zh');
    expect(s[0]).toContain('常政办发〔2016〕66号');
    expect(s.length).toBeGreaterThan(1);
    for (const line of s) expect(line).not.toMatch(/assumption/i);
  });

  it('ranks lead bureaus by the tasks they lead (document 000: the public security bureau first)', () => {
    const b = bureaus(base.view, 'zh');
    expect(b[0].bureau).toBe('市公安局');
    const count = base.view.tasks!.tasks.filter((t) => t.lead.includes('市公安局')).length;
    expect(b[0].items).toHaveLength(count);
  });

  it('falls back to the bureaus named on the levers when the document has no task table', () => {
    const b = bureaus({ ...base.view, tasks: null }, 'zh');
    expect(b.length).toBeGreaterThan(0);
    for (const line of b) expect(line.items.length).toBeGreaterThan(0);
  });

  it('concludes with what happened beside each target whose figure was published', () => {
    const zh = conclusion(base.result, 'zh', base.view.observed);
    // 常州's 2020 resident rate: 77.1% by the 2020 census; no 2020 hukou rate was published.
    expect(zh).toMatch(/2020年常住人口城镇化率达到72%：可实现（预测 \d+\.\d%；公布 77\.1%，已达到）/);
    expect(zh).toMatch(/缩小到5个百分点：未能实现，差 \d+\.\d 个百分点（预测 [\d.]+ 个百分点）/);
    expect(conclusion(base.result, 'en', base.view.observed)).toMatch(/published 77\.1%, met/);
    // Without the published figures, only the projection.
    expect(conclusion(base.result, 'zh')).not.toContain('公布');
  });
});
