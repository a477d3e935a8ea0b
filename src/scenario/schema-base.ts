/**
 * The building blocks of the scenario schema (schema.ts): numbers, shares, year paths, age bands, tables
 * and data references, each with the message a user reads when a value breaks it.
 */
import { z } from 'zod';

// No code generation at run time: the app's Content-Security-Policy forbids eval in workers too.
z.config({ jitless: true });

/**
 * Any number of the format: finite, and within ±1e15 (more than every published count or amount, far
 * below where arithmetic overflows to Infinity or NaN).
 */
export const finite = (what = 'a number') =>
  z
    .number({ error: `must be ${what}` })
    .min(-1e15, 'must be ≥ −1e15')
    .max(1e15, 'must be ≤ 1e15');
export const share = finite('a share between 0 and 1').min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');
export const nonNeg = finite().min(0, 'must be ≥ 0');
export const yearInt = z
  .int({ error: 'must be a whole year' })
  .min(1949, 'must be 1949 or later')
  .max(2100, 'must be 2100 or earlier');
export const id = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, starting with a letter');

/** A value that may change by year. */
export const pathOf = (v: z.ZodNumber) =>
  z.union(
    [
      v,
      z
        .record(z.string().regex(/^\d{4}$/, 'year keys must be four digits'), v)
        // An empty path has no value in any year: every series would be NaN.
        .refine((o) => Object.keys(o).length > 0, { message: 'needs at least one year (e.g. {"2020": 0.5})' }),
    ],
    { error: 'must be a number or an object of {"year": number}' },
  );
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
    // A table of nobody has no shape: scaled to the residents it would leave whole states empty.
    if ([...t.female, ...t.male].every((x) => x === 0))
      ctx.addIssue({ code: 'custom', path: [], message: 'holds nobody (every value is 0): give the age-sex numbers' });
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
export const ShareBands = AgeBands.superRefine((bands, ctx) => {
  bands.forEach((b, i) => {
    for (const k of ['value', 'female', 'male'] as const) {
      const v = b[k];
      if (v !== undefined && (v < 0 || v > 1))
        ctx.addIssue({ code: 'custom', path: [i, k], message: 'must be between 0 and 1' });
    }
  });
});

/** Bands of amounts that cannot be negative (a fiscal cost per person: −9,558 yuan made a negative cost). */
export const NonNegBands = AgeBands.superRefine((bands, ctx) => {
  bands.forEach((b, i) => {
    for (const k of ['value', 'female', 'male'] as const) {
      const v = b[k];
      if (v !== undefined && v < 0) ctx.addIssue({ code: 'custom', path: [i, k], message: 'must be ≥ 0' });
    }
  });
});

export const ZoneMap = <T extends z.ZodType>(v: T) => z.record(id, v);

/** A JSON Pointer into the scenario. */
export const pointerString = z.string().regex(/^\//, 'must be a JSON Pointer starting with "/"');

/**
 * Counts past which a list is refused. A file under the size limit could otherwise hold 80,000 timeline
 * entries (a run never finished) or thousands of channels; these keep any accepted scenario to well under a
 * second of validation and run (measured in the README), while each is ten times what a document needs
 * (the presets have at most 7 channels per zone, 4 conditions per channel and a handful of timeline entries).
 */
export const LIMITS = {
  timelineEntries: 2000,
  timelineChanges: 4000,
  channels: 64,
  conditions: 32,
  targets: 1000,
} as const;
