/**
 * Pre-base targets (src/analysis/prebase.ts): the trend through one vintage of what was published up to the
 * base year, carried from the projection's start; nothing after the base year is read.
 */
import { describe, expect, it } from 'vitest';
import { prebaseTarget } from '../../src/analysis/prebase';

const obs = (year: number, value: number, vintage?: string) => ({
  metric: 'residentPop' as const,
  year,
  value,
  source: 'test',
  ...(vintage ? { vintage } : {}),
});

describe('prebaseTarget', () => {
  it('draws the least-squares line through the last five years of the base-year vintage and carries it from the start', () => {
    const t = prebaseTarget(
      [obs(2012, 100, 'b'), obs(2013, 110, 'b'), obs(2014, 120, 'b'), obs(2015, 130, 'b'), obs(2010, 999, 'census')],
      'residentPop',
      2015,
      131,
    )!;
    expect(t.slope).toBeCloseTo(10, 12);
    expect(t.vintage).toBe('b');
    expect(t.points.map((p) => [p.year, p.value])).toEqual([
      [2016, 141],
      [2017, 151],
      [2018, 161],
    ]);
  });

  it('never reads an observation after the base year', () => {
    const a = prebaseTarget([obs(2013, 100, 'b'), obs(2015, 120, 'b')], 'residentPop', 2015, 120)!;
    const b = prebaseTarget([obs(2013, 100, 'b'), obs(2015, 120, 'b'), obs(2017, 1e9, 'b')], 'residentPop', 2015, 120)!;
    expect(b.points).toEqual(a.points);
  });

  it('puts the start in the base year when that year is not published, and joins a census to its revised series', () => {
    const t = prebaseTarget([obs(2010, 100, 'census'), obs(2012, 110, 'census-revised')], 'residentPop', 2015, 125)!;
    expect(t.basis.map((p) => p.year)).toEqual([2012, 2015]);
    expect(t.slope).toBeCloseTo(5, 12);
    expect(t.note).toBeUndefined();
  });

  it('joins two vintages only when one gives a single year, and says so', () => {
    const t = prebaseTarget([obs(2010, 100, 'census count'), obs(2016, 88, 'register')], 'residentPop', 2016, 88)!;
    expect(t.note).toMatch(/two vintages/);
    expect(t.slope).toBeCloseTo(-2, 12);
  });

  it('gives nothing without a published value up to the base year', () => {
    expect(prebaseTarget([obs(2017, 1, 'b')], 'residentPop', 2015, 1)).toBeNull();
  });
});
