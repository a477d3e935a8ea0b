// @vitest-environment jsdom
/**
 * The land chart's axis (issue 20): one step for new and reclaimed land, taken from the larger, so that a
 * city with reclaimed land and little or no new land gets a handful of ticks, not dozens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { replyTo } from '../../src/runner/reply';
import type { Override } from '../../src/scenario/load';
import { landChart } from '../../src/ui/charts/land';
import type { ChartContext } from '../../src/ui/charts/types';

const ctxOf = (id: string, overrides: Override[]): ChartContext => {
  const raw = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'scenarios', `${id}.json`), 'utf8'));
  const reply = replyTo(raw, nodeDataLoader(), overrides);
  if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
  return { result: reply.result, view: reply.view, meta: reply.meta, lang: 'zh', year: 2020 };
};
/** The y axis's tick labels of a drawn chart. */
const yTicks = (svg: Element) =>
  [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent ?? '');

describe('the land chart’s axis', () => {
  it('gets a handful of ticks for a city with reclaimed land and (almost) no new land', () => {
    // 锦州 with every local rural settler giving up 300 m²: new land near zero, reclaimed land real.
    const heavy: Override[] = [
      { pointer: '/fiscal/land/reclaim/exitShare', value: 1 },
      { pointer: '/fiscal/land/reclaim/m2PerPerson', value: 300 },
    ];
    for (const [id, overrides] of [
      ['jinzhou-2017', heavy],
      ['liaoyuan', [...heavy, { pointer: '/willingness/speed/core', value: 0.3 }]],
      ['changzhou-2016', []],
    ] as const) {
      const ticks = yTicks(landChart.render(ctxOf(id, [...overrides]), 640));
      expect(ticks.length, `${id}: ${ticks.join(' ')}`).toBeGreaterThanOrEqual(2);
      expect(ticks.length, `${id}: ${ticks.join(' ')}`).toBeLessThanOrEqual(12);
    }
  });
});
