/**
 * The scenario format, version 1, as a zod schema: the single source of the
 * TypeScript types, of validation (every problem with its JSON path), and of
 * the published JSON Schema (`scenarios/scenario.schema.json`).
 *
 * Conventions:
 * - Rates and shares are fractions 0–1; populations are persons.
 * - A *path* is a number (constant) or `{ "2015": x, "2020": y }`: linear
 *   between the given years, constant outside them.
 * - A table may be given inline or as `{ "$data": "data/file.json#/pointer" }`.
 * - `sources` maps JSON Pointers of this file to where the value comes from
 *   ("assumption: …" for assumptions), so values stay plain numbers that the
 *   command line's `--set` and the dashboard's levers can change.
 */
import { z } from 'zod';

// No code generation at run time: the app's Content-Security-Policy forbids eval in workers too.
z.config({ jitless: true });

export const SCENARIO_VERSION = 1;
/** Largest scenario or data file accepted, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const finite = (what = 'a number') => z.number({ error: `must be ${what}` });
const share = finite('a share between 0 and 1').min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');
const nonNeg = finite().min(0, 'must be ≥ 0');
const yearInt = z
  .int({ error: 'must be a whole year' })
  .min(1949, 'must be 1949 or later')
  .max(2100, 'must be 2100 or earlier');
const id = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, starting with a letter');

/** A value that may change by year. */
const pathOf = (v: z.ZodNumber) =>
  z.union([v, z.record(z.string().regex(/^\d{4}$/, 'year keys must be four digits'), v)], {
    error: 'must be a number or an object of {"year": number}',
  });
export const PathShare = pathOf(share);
export const PathNonNeg = pathOf(nonNeg);

export const DataRef = z.strictObject({
  $data: z
    .string()
    .regex(/^data\/[\w./-]+\.json(#\/.*)?$/, 'must be "data/<file>.json" optionally followed by "#/json/pointer"'),
});

/** A population or rate table by sex over age groups (the last group open). */
export const AgeSexTable = z
  .strictObject({
    ageStarts: z.array(z.int().min(0).max(100)).min(1),
    female: z.array(nonNeg),
    male: z.array(nonNeg),
    source: z.string().optional(),
    year: z.int().optional(),
    unit: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.ageStarts[0] !== 0) ctx.addIssue({ code: 'custom', path: ['ageStarts', 0], message: 'must start at age 0' });
    for (let i = 1; i < t.ageStarts.length; i++) {
      if (t.ageStarts[i] <= t.ageStarts[i - 1])
        ctx.addIssue({ code: 'custom', path: ['ageStarts', i], message: 'ages must increase' });
    }
    for (const sex of ['female', 'male'] as const) {
      if (t[sex].length !== t.ageStarts.length)
        ctx.addIssue({
          code: 'custom',
          path: [sex],
          message: `has ${t[sex].length} values but ageStarts has ${t.ageStarts.length}`,
        });
    }
  });
export const TableOrRef = z.union([DataRef, AgeSexTable], { error: 'must be a table or a {"$data": …} reference' });

/** Single-year death rates mx by sex (ages 0 … 100+). */
export const MortalityTable = z.strictObject({
  ageStarts: z.array(z.int()).length(101, 'must list 101 single ages 0 … 100'),
  mx: z.strictObject({ female: z.array(nonNeg).length(101), male: z.array(nonNeg).length(101) }),
  source: z.string().optional(),
  method: z.string().optional(),
  period: z.string().optional(),
});
export const FertilityTable = z.strictObject({
  ageStarts: z.array(z.int()).length(101, 'must list 101 single ages 0 … 100'),
  asfr: z.array(nonNeg).length(101),
  source: z.string().optional(),
  method: z.string().optional(),
  period: z.string().optional(),
});

/** Values over age bands, inclusive; ages not covered get 0. */
export const AgeBands = z
  .array(
    z.strictObject({
      from: z.int().min(0).max(100),
      to: z.int().min(0).max(100),
      value: finite().optional(),
      female: finite().optional(),
      male: finite().optional(),
    }),
  )
  .min(1)
  .superRefine((bands, ctx) => {
    bands.forEach((b, i) => {
      if (b.to < b.from) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'must be ≥ from' });
      const hasValue = b.value !== undefined;
      const hasSex = b.female !== undefined && b.male !== undefined;
      if (hasValue === hasSex)
        ctx.addIssue({ code: 'custom', path: [i], message: 'give either "value" or both "female" and "male"' });
      if (i > 0 && b.from <= bands[i - 1].to)
        ctx.addIssue({ code: 'custom', path: [i, 'from'], message: 'bands must not overlap and must increase' });
    });
  });
const ShareBands = AgeBands.superRefine((bands, ctx) => {
  bands.forEach((b, i) => {
    for (const k of ['value', 'female', 'male'] as const) {
      const v = b[k];
      if (v !== undefined && (v < 0 || v > 1))
        ctx.addIssue({ code: 'custom', path: [i, k], message: 'must be between 0 and 1' });
    }
  });
});

/** A stay probability below this cannot keep the coverage as the stationary share (q would exceed 1). */
const minInsuranceStay = (coverage: number) => (coverage <= 0.5 ? 0 : (2 * coverage - 1) / coverage);

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
    error: 'must have a "type" of open, residence, insurance, employment, housing, property, education, age or points',
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
  conditions: z.array(Condition).min(1, 'needs at least one condition (use {"type":"open"} for none)'),
  /** Annual quota in persons; absent or null for none. */
  quota: z.union([PathNonNeg, z.null()]).optional(),
});

const ZoneMap = <T extends z.ZodType>(v: T) => z.record(id, v);

export const Target = z.strictObject({
  id,
  label: z.string(),
  labelEn: z.string().optional(),
  metric: z.enum([
    'residentUrbanRate',
    'hukouUrbanRate',
    'gapPoints',
    'residentPop',
    'hukouPop',
    'urbanResidentPop',
    'settlersCumulative',
    'nonRegisteredUrban',
    // Fiscal (need the scenario's fiscal part): sums over the projected years up to the target year, in
    // base-year yuan — e.g. "the city's net burden of citizenisation by 2020 at most 0".
    'totalCostCumulative',
    'municipalNetCumulative',
  ]),
  year: yearInt,
  comparator: z.enum(['>=', '<=']),
  value: finite(),
  clause: z.string().optional(),
  source: z.string().optional(),
});

export const ObservationMetric = z.enum([
  'residentUrbanRate',
  'hukouUrbanRate',
  'gapPoints',
  'residentPop',
  'hukouPop',
  'urbanResidentPop',
  'urbanHukouPop',
  // The register's own flows (户籍迁入 / 迁出, births and deaths of registered people), persons per year.
  'registrationIn',
  'registrationOut',
  'hukouBirths',
  'hukouDeaths',
]);

export const Observation = z.strictObject({
  metric: ObservationMetric,
  year: yearInt,
  value: finite(),
  source: z.string().min(1, 'every observation needs its source'),
  definition: z.enum(['address', 'nonAgricultural']).optional(),
  /**
   * The statistical vintage of the series this value belongs to (e.g. "bulletin", "census-revised",
   * "public-security register"): one vintage per metric in a fit or a back-test, never mixed unawares.
   */
  vintage: z.string().optional(),
  confidence: z.string().optional(),
  note: z.string().optional(),
});
export const Observations = z.array(Observation);

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

export const FiscalComponent = z.strictObject({
  id,
  label: z.string().min(1),
  labelEn: z.string().optional(),
  /** One-off per new settler, or annual per person. */
  kind: z.enum(['oneOff', 'annual']),
  /** Base-year yuan per person (per year if annual), by age band; ages outside every band cost nothing. */
  amount: AgeBands,
  /** Share of the people concerned who take the service up (e.g. minimum-living allowance). */
  takeUp: share,
  realGrowth: finite().min(-0.1).max(0.2),
  payers: PayerShares,
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
    }),
    generalLinkage: z.strictObject({ weight: PathShare, perCapita: nonNeg }),
    investmentSubsidy: nonNeg,
  }),
  allocation: z.enum(['settlers', 'population']),
  land: z.strictObject({
    /** Current urban construction land per urban resident, m². */
    currentPerPersonM2: nonNeg,
    /** m² per settler by band of current land per person, bands ordered by `upTo` (null = no upper bound). */
    bands: z.array(z.strictObject({ upTo: z.union([nonNeg, z.null()]), m2: nonNeg })).min(1),
    /** Provincial adjustment of the standard, −10 % … +10 %. */
    provincialAdjustment: finite().min(-0.1).max(0.1),
    /** Zones that get no new land for settlers (central districts of super-large and mega cities). */
    noLandZones: z.array(id),
  }),
});
export type FiscalSpec = z.infer<typeof Fiscal>;

const pointerString = z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"');

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

/**
 * The register's doors besides policy settlement (MODEL.md §3 "Registration flows"). Every rate is per year.
 * Without this part the register only gains by settlement and births and loses by deaths.
 */
export const Registration = z.strictObject({
  /** College entrants from elsewhere who take a collective registration here; some graduates leave again. */
  student: z.strictObject({
    entrantsPerYear: PathNonNeg,
    /** Share of graduates who stay with their registration (the rest move it out on graduating). */
    stayShare: PathShare,
    yearsOfStudy: z.int().min(1).max(8),
    /** Zones of the colleges. */
    zoneShares: ZoneMap(share),
  }),
  /** 投靠: spouses, minor children and elderly parents joining registered urban residents. */
  family: z.strictObject({
    /** Move-ins per registered urban resident (UH) per year when family reunion is fully open. */
    rate: PathShare,
    /** How far the package opens family reunion: 1 as the documents (投靠 admitted), 0 closed. */
    open: PathShare,
    /** Relative age-sex profile of the movers. */
    profile: AgeBands,
  }),
  /** People who already hold an urban registration elsewhere: job transfers, talent, urban-to-urban moves. */
  transfer: z.strictObject({ personsPerYear: PathNonNeg, zoneShares: ZoneMap(share) }),
  /** Other move-ins (e.g. marriage into a village, discharged servicemen), a share to a rural registration. */
  other: z.strictObject({ personsPerYear: PathNonNeg, ruralShare: PathShare }),
  /** Registered people living away who move their registration where they live: hazard by completed years away. */
  away: z.strictObject({
    initial: share,
    longRun: share,
    halfLifeYears: nonNeg,
    /**
     * The hazard of a rural registration relative to an urban one (default 1): a rural registration carries
     * land contract, homestead and collective rights that people keep when they live elsewhere.
     */
    ruralRelative: share.optional(),
  }),
  /** Registered residents who leave with their registration (enlistment, emigration, work), per person. */
  otherOut: z.strictObject({ rate: PathShare }),
  /** Of the residents registered elsewhere (UN), the share whose registration there is urban. */
  urbanElsewhereShare: share,
});
export type RegistrationSpec = z.infer<typeof Registration>;

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  /** Parts merged under this file's own fields (see include.ts). */
  include: z.array(z.string()).optional(),
  version: z.literal(SCENARIO_VERSION, {
    error: `must be ${SCENARIO_VERSION} (this program reads scenario version ${SCENARIO_VERSION})`,
  }),
  id,
  name: z.string().min(1),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  meta: z.strictObject({
    city: z.string(),
    cityEn: z.string().optional(),
    province: z.string().optional(),
    document: z.strictObject({
      number: z.string().optional(),
      title: z.string(),
      issuedBy: z.string().optional(),
      date: z.string().optional(),
      seed: z.string().optional(),
    }),
    notes: z.array(z.string()).optional(),
  }),
  baseYear: yearInt,
  until: yearInt,
  durations: z.int().min(2).max(40),
  zones: z
    .array(
      z.strictObject({
        id,
        name: z.string(),
        nameEn: z.string().optional(),
        districts: z.array(z.string()).optional(),
      }),
    )
    .min(1)
    .max(8),
  base: z.strictObject({
    residentPop: nonNeg,
    urbanResidentPop: nonNeg,
    hukouPop: nonNeg,
    urbanHukouPop: nonNeg,
    nonLocalResidents: z.union([nonNeg, z.null()]),
    /**
     * Of the residents registered elsewhere, those living in villages (rural residents); default 0. An
     * extension of MODEL.md §2 for cities whose published rates need it (Guangzhou).
     */
    nonLocalRuralResidents: nonNeg.optional(),
    ageStructure: TableOrRef,
    /** Rural residents by age and sex, when known (e.g. from a bring-your-own import). */
    ruralAgeStructure: TableOrRef.optional(),
    referenceSingleAge: TableOrRef,
    migrantProfile: TableOrRef,
    awayShareOfHukou: share,
    awayUrbanShare: share,
    urbanZoneShares: ZoneMap(share),
    nonLocalZoneShares: ZoneMap(share),
    durationMeanYears: z.strictObject({ UA: nonNeg, UN: nonNeg }),
    /** Mean completed years away of the registered people living away (default 5: see the `registration` part). */
    awayDurationMeanYears: nonNeg.optional(),
  }),
  hukouDefinition: z.strictObject({
    definition: z.enum(['address', 'nonAgricultural']),
    /** Year from which the address definition applies (统一城乡户口登记). */
    switchYear: z.union([yearInt, z.null()]),
  }),
  demography: z.strictObject({
    mortality: z.strictObject({
      mx: z.union([DataRef, MortalityTable]),
      /** Annual fractional decline of every mx (mortality improvement). */
      improvement: pathOf(finite().min(-0.1).max(0.1)),
      referenceYear: yearInt,
      urbanMultiplier: PathNonNeg,
      ruralMultiplier: PathNonNeg,
      awayMultiplier: PathNonNeg,
    }),
    fertility: z.strictObject({
      asfr: z.union([DataRef, FertilityTable]),
      tfr: pathOf(finite().min(0).max(10)),
      multipliers: z.strictObject({ UH: nonNeg, UA: nonNeg, UN: nonNeg, RA: nonNeg, AW: nonNeg }),
    }),
    /** Boys per 100 girls. */
    sexRatioAtBirth: pathOf(finite().min(80).max(150)),
  }),
  migration: z.strictObject({
    schedule: z.strictObject({
      a1: nonNeg,
      alpha1: nonNeg,
      a2: nonNeg,
      mu2: nonNeg,
      alpha2: nonNeg,
      lambda2: nonNeg,
      c: nonNeg,
    }),
    ruralToUrban: z.strictObject({ intensity: PathShare, attraction: ZoneMap(share) }),
    reclassification: z.strictObject({ rate: PathShare, registeredShare: PathShare, zoneShares: ZoneMap(share) }),
    inflow: z.strictObject({
      persons: PathNonNeg,
      profile: TableOrRef,
      zoneShares: ZoneMap(share),
      /** Share of incoming migrants who live in villages (rural residents registered elsewhere); default 0. */
      ruralShare: PathShare.optional(),
    }),
    departure: z.strictObject({ initial: share, longRun: share, halfLifeYears: nonNeg }),
    away: z.strictObject({
      leaveUrban: PathShare,
      leaveRural: PathShare,
      returnUrban: PathShare,
      returnRural: PathShare,
    }),
  }),
  registration: Registration.optional(),
  population: z.strictObject({ UA: GroupAttributes, UN: GroupAttributes }),
  policy: z.strictObject({
    zones: ZoneMap(z.strictObject({ channels: z.array(Channel) })),
    channelOverlap: share,
  }),
  willingness: z.strictObject({
    base: z.strictObject({ UA: ZoneMap(share), UN: ZoneMap(share) }),
    ageProfile: AgeBands,
    landRightsKept: PathShare,
    landElasticity: finite(),
    serviceLevel: PathShare,
    serviceSubstitution: share,
    incentive: PathNonNeg,
    incentiveElasticity: finite(),
    speed: ZoneMap(PathShare),
    familyFollow: PathShare,
  }),
  /** Lever changes in given years: JSON Pointer → new value, from that year on. */
  timeline: z.array(
    z.strictObject({
      year: yearInt,
      label: z.string().optional(),
      set: z.record(z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"'), z.unknown()),
    }),
  ),
  /** Fiscal and land linkage (MODEL.md §7); without it the result has no `fiscal` section. */
  fiscal: Fiscal.optional(),
  targets: z.array(Target),
  observed: z.union([DataRef, Observations], { error: 'must be a list of observations or a {"$data": …} reference' }),
  /** Distributions of uncertain parameters, for `--runs` and the uncertainty analysis. */
  uncertainty: z.strictObject({ parameters: z.array(UncertainParameter).min(1) }).optional(),
  /** Unknowns to fit to `observed` with `--calibrate`. */
  calibration: Calibration.optional(),
  sources: z.record(z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"'), z.string().min(1)),
});

export type Scenario = z.infer<typeof Scenario>;
export type UncertainParameterSpec = z.infer<typeof UncertainParameter>;
export type CalibrationSpec = z.infer<typeof Calibration>;
export type ParameterMode = z.infer<typeof ParameterMode>;
export type Channel = z.infer<typeof Channel>;
export type ConditionSpec = z.infer<typeof Condition>;
export type AgeBandsSpec = z.infer<typeof AgeBands>;
export type AgeSexTableSpec = z.infer<typeof AgeSexTable>;
export type GroupAttributesSpec = z.infer<typeof GroupAttributes>;
export type PathSpec = number | Record<string, number>;
export type TargetSpec = z.infer<typeof Target>;
