/** The fiscal part of a scenario compiled to the numeric {@link FiscalInput}. */
import { PAYERS, SHARE_PAYERS, type FiscalInput } from '../model/fiscal';
import { bandsToVector } from './age-bands';
import { scenarioInYear } from './compile';
import { valueAt } from './path';
import type { FiscalSpec, PathSpec, Scenario } from './schema';

/** m² of new construction land per settler under the 2016 rule: the band of the current land per person, adjusted. */
export function landStandard(land: FiscalSpec['land']): number {
  const band =
    land.bands.find((b) => b.upTo === null || land.currentPerPersonM2 <= b.upTo) ?? land.bands[land.bands.length - 1];
  return band.m2 * (1 + land.provincialAdjustment);
}

/**
 * A fund's size in a year: within the years its path names (interpolated between them), else NaN, so that
 * the per-settler rates apply where no amount is published; a plain number applies in every year.
 */
function fundAt(fund: PathSpec, year: number): number {
  if (typeof fund === 'number') return fund;
  const ys = Object.keys(fund).map(Number);
  return year >= Math.min(...ys) && year <= Math.max(...ys) ? valueAt(fund, year) : NaN;
}

export function compileFiscal(s: Scenario, fiscal: FiscalSpec): FiscalInput {
  const years = Array.from({ length: s.until - s.baseYear + 1 }, (_, i) => s.baseYear + i);
  const standard = landStandard(fiscal.land);
  const t = fiscal.transfers;
  return {
    components: fiscal.components.map((c) => {
      const perPerson = bandsToVector(c.amount);
      for (let j = 0; j < perPerson.length; j++) perPerson[j] *= c.takeUp;
      return {
        id: c.id,
        kind: c.kind,
        perPerson,
        realGrowth: c.realGrowth,
        payers: Float64Array.from(
          PAYERS.map((p) => ((SHARE_PAYERS as readonly string[]).includes(p) ? c.payers[p as 'central'] : 0)),
        ),
        appliesTo: c.appliesTo ?? 'settlers',
        afterYears: c.afterYears ?? 0,
        serviceLevel: c.serviceLevel ? Float64Array.from(years.map((y) => valueAt(c.serviceLevel!, y))) : null,
        originShare: c.originShare ?? 0,
        takeUp: c.takeUp,
        trainingBase: c.trainingBase ?? null,
      };
    }),
    // Year paths as the timeline leaves them in each year (the projection reads them the same way).
    serviceLevel: Float64Array.from(years.map((y) => valueAt(scenarioInYear(s, y).willingness.serviceLevel, y))),
    discountRate: fiscal.discountRate,
    reward: { ...t.reward },
    generalWeight: Float64Array.from(years.map((y) => valueAt(t.generalLinkage.weight, y))),
    generalPerCapita: t.generalLinkage.perCapita,
    investmentSubsidy: t.investmentSubsidy,
    rewardFund: t.reward.fund === undefined ? null : Float64Array.from(years.map((y) => fundAt(t.reward.fund!, y))),
    allocation: fiscal.allocation,
    landPerSettler: Float64Array.from(s.zones.map((z) => (fiscal.land.noLandZones.includes(z.id) ? 0 : standard))),
    landReclaim: fiscal.land.reclaim ?? null,
  };
}
