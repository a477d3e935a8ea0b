/** The fiscal and land part of the scenario schema (MODEL.md §7). */
import { z } from 'zod';
import { finite, id, nonNeg, NonNegBands, PathNonNeg, PathShare, share, yearInt } from './schema-base';

const PayerShares = z
  .strictObject({
    central: share,
    provincial: share,
    municipal: share,
    county: share,
    employer: share,
    individual: share,
  })
  .refine((p) => Math.abs(Object.values(p).reduce((a, b) => a + b, 0) - 1) < 1e-6, {
    message: 'payer shares must add up to 1',
  });

export const FiscalComponent = z
  .strictObject({
    id,
    label: z.string().min(1),
    labelEn: z.string().optional(),
    /** One-off per new settler, or annual per person. */
    kind: z.enum(['oneOff', 'annual']),
    /** Base-year yuan per person (per year if annual), by age band; ages outside every band cost nothing. */
    amount: NonNegBands,
    /** Share of the people concerned who take the service up (e.g. minimum-living allowance). */
    takeUp: share,
    realGrowth: finite().min(-0.1).max(0.2),
    payers: PayerShares,
    /**
     * Who it is for: each settler (default), or each net new urban resident (urban infrastructure: people
     * converting their registration in place need none); an annual cost then runs for every net addition
     * since the base year.
     */
    appliesTo: z.enum(['settlers', 'newUrbanResidents']).optional(),
    /** Years after settlement before it applies (e.g. housing support after the years a document requires). */
    afterYears: z
      .int({ error: 'must be a whole number of years' })
      .min(0, 'must be ≥ 0')
      .max(30, 'must be ≤ 30')
      .optional(),
    /** The component's own residence-permit service level for non-registered residents (default: willingness.serviceLevel). */
    serviceLevel: PathShare.optional(),
    /** Share of the cost of settlers registered elsewhere that stays with their area of origin (e.g. pensions). */
    originShare: share.optional(),
    /**
     * A training component: the share of its group already trained in the base year. The take-up then
     * reaches the untrained each year, giving the target metric `trainingCoverage`.
     */
    trainingBase: share.optional(),
  })
  .refine((c) => c.appliesTo !== 'newUrbanResidents' || !c.afterYears, {
    message: 'a cost for new urban residents has no waiting period after settlement (afterYears must be 0)',
    path: ['afterYears'],
  });

export const Fiscal = z.strictObject({
  /** The price year of every amount (the base year). */
  priceYear: yearInt,
  discountRate: finite().min(0).max(0.3),
  components: z.array(FiscalComponent).min(1),
  transfers: z.strictObject({
    reward: z.strictObject({
      sameCity: nonNeg,
      inProvince: nonNeg,
      otherProvince: nonNeg,
      otherProvinceShare: share,
      taper: z.array(share).min(1).max(40),
      /**
       * A fund of fixed annual size (元, by year), paid out whole in place of the per-settler rates (the central
       * fund) in the years its path spans; outside them the rates apply.
       */
      fund: PathNonNeg.optional(),
    }),
    generalLinkage: z.strictObject({ weight: PathShare, perCapita: nonNeg }),
    investmentSubsidy: nonNeg,
  }),
  allocation: z.enum(['settlers', 'population']),
  /** The document pools the city's and the counties' budgets (市县两级): shown as one payer. */
  localPooled: z.boolean().optional(),
  land: z.strictObject({
    /** Current urban construction land per urban resident, m². */
    currentPerPersonM2: nonNeg,
    /** m² per settler by band of current land per person, bands ordered by `upTo` (null = no upper bound). */
    bands: z.array(z.strictObject({ upTo: z.union([nonNeg, z.null()]), m2: nonNeg })).min(1),
    /** Provincial adjustment of the standard, −10 % … +10 %. */
    provincialAdjustment: finite().min(-0.1).max(0.1),
    /** Zones that get no new land for settlers (central districts of super-large and mega cities). */
    noLandZones: z.array(id),
    /**
     * 城乡建设用地增减挂钩: the rural construction land freed when a local rural settler gives up a homestead
     * (m² per person), and the share of local rural settlers who do (voluntary: 自愿有偿退出).
     */
    reclaim: z
      .strictObject({
        m2PerPerson: nonNeg,
        exitShare: share,
      })
      .optional(),
  }),
});
export type FiscalSpec = z.infer<typeof Fiscal>;
