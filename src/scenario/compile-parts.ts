/** Pieces of the compiler (compile.ts): a group's attributes, a condition, a zone map, as the model reads them. */
import type { Condition, GroupAttributes } from '../model/eligibility';
import { bandsToAges, bandsToVector } from './age-bands';
import type { ConditionSpec, GroupAttributesSpec, Scenario } from './schema';

/** A registration group's attributes as the eligibility code reads them (sex × age vectors). */
export function groupAttributes(spec: GroupAttributesSpec): GroupAttributes {
  return {
    insuranceCoverage: spec.insuranceCoverage,
    // Absent: independent years (p = π), the behaviour before insurance persistence.
    insuranceStay: spec.insuranceStay ?? spec.insuranceCoverage,
    employment: bandsToVector(spec.employment),
    ownershipLongRun: bandsToVector(spec.ownership.longRun),
    ownershipAtArrival: spec.ownership.atArrival,
    ownershipHalfLife: spec.ownership.halfLifeYears,
    legalRent: bandsToVector(spec.legalRent),
    educationAtLeast: [
      bandsToVector(spec.education.secondary),
      bandsToVector(spec.education.college),
      bandsToVector(spec.education.bachelor),
      bandsToVector(spec.education.postgraduate),
    ],
    attributes: Object.fromEntries(
      Object.entries(spec.attributes ?? {}).map(([name, a]) => [name, bandsToVector(a.shares)]),
    ),
  };
}

/** A condition of the scenario as the eligibility code reads it (points tables by single age). */
export function toCondition(c: ConditionSpec): Condition {
  if (c.type === 'attribute') return { type: 'attribute', name: c.name, share: c.share ?? 1 };
  if (c.type === 'insurance') return { type: 'insurance', years: c.years, counting: c.counting ?? 'cumulative' };
  if (c.type !== 'points') return c;
  const e = c.education;
  return {
    type: 'points',
    threshold: c.threshold,
    base: c.base,
    education: [e.none, e.secondary, e.college, e.bachelor, e.postgraduate],
    perResidenceYear: c.perResidenceYear,
    maxResidenceYears: c.maxResidenceYears,
    perInsuranceYear: c.perInsuranceYear,
    maxInsuranceYears: c.maxInsuranceYears,
    agePoints: bandsToAges(c.agePoints),
  };
}

/** A zone map as a vector over the scenario's zones, normalised to sum to 1 (all zero stays zero). */
export const zoneVector = (m: Record<string, number>, zoneIds: readonly string[]) => {
  const v = Float64Array.from(zoneIds.map((z) => m[z] ?? 0));
  const t = v.reduce((a, b) => a + b, 0);
  if (t > 0) for (let i = 0; i < v.length; i++) v[i] /= t;
  return v;
};

/**
 * A hazard by completed years d that moves from `initial` to `longRun`, half of the way after
 * `halfLifeYears` (departures of migrants; people long away moving their registration out).
 */
export function hazardAt(h: { initial: number; longRun: number; halfLifeYears: number }, d: number): number {
  const decay = h.halfLifeYears > 0 ? Math.pow(0.5, d / h.halfLifeYears) : 0;
  return h.longRun + (h.initial - h.longRun) * decay;
}

/**
 * Age tables in persons that do not add up to the total they are scaled to: they give the shape only, so
 * the run goes on, but a user should hear that the two disagree (a table of another year or place).
 */
export function tableWarnings(b: Scenario['base']): string[] {
  const out: string[] = [];
  for (const [name, t, total, totalName] of [
    ['/base/ageStructure', b.ageStructure, b.residentPop, 'residentPop'],
    ['/base/ruralAgeStructure', b.ruralAgeStructure, b.residentPop - b.urbanResidentPop, 'the rural residents'],
  ] as const) {
    if (!t || '$data' in t || (t.unit !== undefined && t.unit !== 'persons')) continue;
    const sum = [...t.female, ...t.male].reduce((x, y) => x + y, 0);
    if (total > 0 && Math.abs(sum / total - 1) > 0.05)
      out.push(
        `the age table ${name} holds ${Math.round(sum).toLocaleString('en-US')} people against ${totalName} ` +
          `${Math.round(total).toLocaleString('en-US')} (${sum > total ? '+' : ''}${Math.round((sum / total - 1) * 100)} %): ` +
          'it gives the age shape only; check that both are for the same population and year',
      );
  }
  return out;
}
