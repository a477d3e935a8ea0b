/**
 * A goal-seek target set up on the spot: the year the form shows is the year sought (it once sought 2020
 * while the form showed 2022, on 锦州, whose base year is 2017).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CustomTargetForm, defaultCustomYear, withCustomTarget } from '../../../src/ui/analysis/CustomTarget';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the custom target’s year', () => {
  const custom = { metric: 'gapPoints', year: null, comparator: '<=' as const, value: 5 };
  for (const years of [range(2016, 2035), range(2018, 2035), range(2022, 2035)])
    it(`is the same in the form and in the seek (years ${years[0]}–)`, () => {
      const html = renderToStaticMarkup(
        createElement(CustomTargetForm, { value: custom, years, lang: 'zh', fiscal: true, onChange: () => {} }),
      );
      const shown = Number(/data-custom-year=""[^>]*>[\s\S]*?<option value="(\d+)" selected=""/.exec(html)?.[1]);
      const sought = withCustomTarget([], custom, years).value.at(-1)!.year;
      expect(sought).toBe(defaultCustomYear(years));
      expect(shown).toBe(sought);
    });
  it('is 2020 where 2020 is projected, else the fifth year offered', () => {
    expect(defaultCustomYear(range(2018, 2035))).toBe(2020);
    expect(defaultCustomYear(range(2022, 2035))).toBe(2026);
  });
});
