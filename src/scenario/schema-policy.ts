/**
 * The settlement part of the scenario schema: the population's attributes that eligibility reads, the
 * conditions of a channel and the channel itself (schema.ts assembles the format).
 */
import { z } from 'zod';
import { minInsuranceStay } from '../model/insurance';
import { AgeBands, finite, id, LIMITS, nonNeg, PathNonNeg, share, ShareBands } from './schema-base';

export const GroupAttributes = z
  .strictObject({
    /** Share of the years lived here covered by social insurance (π, the stationary share of the chain). */
    insuranceCoverage: share,
    /**
     * P(covered next year | covered this year), p (MODEL.md §4): insured years as a two-state chain with
     * stationary share π; the uncovered start being covered with q = π(1 − p)/(1 − π). Absent: p = π,
     * independent years (the first version, which overstates eligibility when coverage persists).
     * Must be ≥ (2π − 1)/π.
     */
    insuranceStay: share.optional(),
    employment: ShareBands,
    ownership: z.strictObject({
      longRun: ShareBands,
      atArrival: share,
      halfLifeYears: nonNeg,
    }),
    legalRent: ShareBands,
    education: z.strictObject({
      secondary: ShareBands,
      college: ShareBands,
      bachelor: ShareBands,
      postgraduate: ShareBands,
    }),
    /**
     * Other attributes a channel may require (a skill certificate, veterans, investors and tax-payers, a
     * registered relative …): the share of the group holding each, by age; named by id, used by conditions
     * of type "attribute".
     */
    attributes: z
      .record(id, z.strictObject({ label: z.string().min(1), labelEn: z.string().optional(), shares: ShareBands }))
      .optional(),
  })
  .superRefine((g, ctx) => {
    const c = g.insuranceCoverage;
    const min = minInsuranceStay(c);
    // A small tolerance: (2π − 1)/π is not exact in floating point (0.8 → 0.7500000000000001).
    if (g.insuranceStay !== undefined && g.insuranceStay < min - 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['insuranceStay'],
        message: `with coverage ${c} it must be ≥ ${Math.ceil(min * 1e4 - 1e-6) / 1e4} (else the uncovered would have to start more than surely: q = π(1 − p)/(1 − π) > 1)`,
      });
  });

const EducationLevel = z.enum(['secondary', 'college', 'bachelor', 'postgraduate'], {
  error: 'must be one of secondary (中专/高中), college (大专), bachelor (本科), postgraduate (研究生)',
});

export const Condition = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('open') }),
    z.strictObject({ type: z.literal('residence'), years: z.int().min(0).max(40) }),
    z.strictObject({
      type: z.literal('insurance'),
      years: z.int().min(0).max(40),
      /** 累计 (cumulative, the default): all covered years lived here; 连续 (continuous): the current unbroken run. */
      counting: z
        .enum(['cumulative', 'continuous'], {
          error: 'must be cumulative (累计, any covered years) or continuous (连续, the current unbroken run)',
        })
        .optional(),
    }),
    z.strictObject({ type: z.literal('employment') }),
    z.strictObject({ type: z.literal('housing'), rentedCounts: z.boolean() }),
    z.strictObject({ type: z.literal('property'), areaShare: share }),
    z.strictObject({ type: z.literal('education'), level: EducationLevel }),
    z.strictObject({ type: z.literal('age'), min: z.int().min(0).max(100), max: z.int().min(0).max(100) }),
    /**
     * Holding a population attribute (population.<group>.attributes.<name>); `share` of the holders meet
     * the clause's own level (e.g. the certificate grade it asks for), 1 by default.
     */
    z.strictObject({ type: z.literal('attribute'), name: id, share: share.optional() }),
    z.strictObject({
      type: z.literal('points'),
      threshold: finite(),
      base: finite(),
      education: z.strictObject({
        none: finite(),
        secondary: finite(),
        college: finite(),
        bachelor: finite(),
        postgraduate: finite(),
      }),
      perResidenceYear: finite(),
      maxResidenceYears: z.int().min(0).max(40),
      perInsuranceYear: finite(),
      maxInsuranceYears: z.int().min(0).max(40),
      agePoints: AgeBands,
    }),
  ],
  {
    error:
      'must have a "type" of open, residence, insurance, employment, housing, property, education, age, attribute or points',
  },
);

export const Channel = z.strictObject({
  id,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** The clause of the source document, e.g. "第(三)条". */
  clause: z.string().optional(),
  /** The bureau responsible (lead first). */
  bureau: z.string().optional(),
  conditions: z
    .array(Condition)
    .min(1, 'needs at least one condition (use {"type":"open"} for none)')
    .max(LIMITS.conditions, `at most ${LIMITS.conditions} conditions per channel`),
  /** Whether the document opens the channel (default true): a switch in the lever panel where given. */
  enabled: z.boolean().optional(),
  /** Annual quota in persons; absent or null for none. */
  quota: z.union([PathNonNeg, z.null()]).optional(),
  /**
   * Whom the quota counts: everyone settling through the channel (default), or the applicants only, their
   * dependants (children under 18, people 60+) following outside it.
   */
  quotaCounts: z.enum(['everyone', 'applicants'], { error: 'must be everyone or applicants' }).optional(),
  /**
   * How a binding quota chooses among the eligible: by score, highest first (积分排名; the default for a
   * channel with a points condition), or all alike (proportional; the only way without points).
   */
  quotaOrder: z.enum(['score', 'proportional'], { error: 'must be score or proportional' }).optional(),
});
