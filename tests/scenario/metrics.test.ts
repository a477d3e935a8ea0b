/**
 * The one registry of metrics (src/scenario/metrics.ts): the schema's lists come from it, and every place
 * that names or formats a metric reads its kind, so a metric's unit is the same on every screen and in both
 * languages (the tornado once said "pp" where the scorecard said "percentage points").
 */
import { describe, expect, it } from 'vitest';
import {
  METRICS,
  OBSERVATION_METRICS,
  SENSITIVITY_METRICS,
  TARGET_METRICS,
  metricDef,
} from '../../src/scenario/metrics';
import { ObservationMetric } from '../../src/scenario/schema-analysis';
import { Target } from '../../src/scenario/schema';
import { metricUnit } from '../../src/ui/charts/backtest';
import { metricUnitOf } from '../../src/ui/charts/units';
import { metricLabel } from '../../src/ui/charts/words';
import { metricValue } from '../../src/ui/format';

const SUFFIX = { rate: /%$/, points: /个百分点$/, persons: /万人$/, yuan: /亿元$/ } as const;

describe('the metric registry', () => {
  it('is where the schema takes its target and observation metrics from', () => {
    expect(Target.shape.metric.options).toEqual([...TARGET_METRICS]);
    expect(ObservationMetric.options).toEqual([...OBSERVATION_METRICS]);
    for (const id of [...TARGET_METRICS, ...OBSERVATION_METRICS, ...SENSITIVITY_METRICS])
      expect(metricDef(id), id).toBeDefined();
    expect(metricDef('totalCost')).toBeUndefined(); // one quantity, one id: totalCostCumulative
    expect(metricDef('__proto__')).toBeUndefined();
  });

  it('gives every metric one name and one unit per language, wherever it is shown', () => {
    for (const [id, m] of Object.entries(METRICS)) {
      expect(metricLabel(id, 'zh')).toBe(m.zh);
      expect(metricLabel(id, 'en')).toBe(m.en);
      expect(metricValue(id, 1234567, 'zh')).toMatch(SUFFIX[m.kind]);
      // The back-test's and the tornado's unit are the same unit.
      for (const lang of ['zh', 'en'] as const) expect(metricUnit(id, lang).label).toBe(metricUnitOf(id, lang).label);
    }
    expect(metricUnitOf('gapPoints', 'en').label).toBe('percentage points');
    expect(metricUnit('residentUrbanRate', 'en').errorLabel).toBe('percentage points');
  });
});
