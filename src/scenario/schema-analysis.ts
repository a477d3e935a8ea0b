/**
 * The analyses' part of the scenario schema (MODEL.md §9): the observed metrics, parameter distributions
 * for Monte Carlo runs and the unknowns of a calibration.
 */
import { z } from 'zod';
import { OBSERVATION_METRICS } from './metrics';
import { finite, pointerString } from './schema-base';

export const ObservationMetric = z.enum(OBSERVATION_METRICS);

/**
 * How an analysis moves a parameter: `set` puts the value at the pointer (which must hold a number);
 * `scale` multiplies every number under the pointer (a year path, a table, a zone map) by the value.
 */
export const ParameterMode = z.enum(['set', 'scale']);

/** A parameter's distribution for Monte Carlo runs (MODEL.md §9); a normal is truncated to its bounds. */
export const Distribution = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('uniform'), min: finite(), max: finite() }),
    z.strictObject({ type: z.literal('triangular'), min: finite(), mode: finite(), max: finite() }),
    z.strictObject({
      type: z.literal('normal'),
      mean: finite(),
      sd: finite().gt(0, 'must be > 0'),
      min: finite().optional(),
      max: finite().optional(),
    }),
  ],
  { error: 'must have type "uniform", "triangular" or "normal"' },
);

export const UncertainParameter = z.strictObject({
  pointer: pointerString,
  mode: ParameterMode.optional(),
  label: z.string().optional(),
  labelEn: z.string().optional(),
  dist: Distribution,
});

/** The unknowns a calibration may fit, each within bounds, and the observations it fits them to. */
export const Calibration = z.strictObject({
  parameters: z
    .array(
      z.strictObject({
        pointer: pointerString,
        mode: ParameterMode.optional(),
        label: z.string().optional(),
        labelEn: z.string().optional(),
        min: finite(),
        max: finite(),
      }),
    )
    .min(1),
  /** Observed metrics to fit (default: every observed metric). */
  metrics: z.array(ObservationMetric).optional(),
});
