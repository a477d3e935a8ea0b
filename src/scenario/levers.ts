/**
 * The levers a scenario offers: the same metadata for the dashboard and for
 * `npm run sim -- <file> --list-levers`. A lever is a JSON Pointer to a
 * number in the scenario, with a label, unit and range. Year paths are listed
 * year by year only for quotas and the population-size control (the documents
 * set those by year); other paths change through the timeline. The lists:
 * levers-settlement.ts, levers-general.ts, levers-fiscal.ts.
 */
import { fiscalInputs, fiscalLevers } from './levers-fiscal';
import { generalLevers } from './levers-general';
import { settlementLevers } from './levers-settlement';
import { getAt } from './pointer';
import type { Scenario } from './schema';

export type { Lever, LeverGroup, Spec } from './levers-types';
import type { Lever, Spec } from './levers-types';

export function listLevers(s: Scenario): Lever[] {
  const specs: Spec[] = [...settlementLevers(s), ...generalLevers()];
  if (s.fiscal) specs.push(...fiscalLevers(), ...fiscalInputs(s.fiscal));

  const out: Lever[] = [];
  for (const sp of specs) {
    const v = getAt(s, sp.pointer);
    if (typeof v === 'number') out.push({ ...sp, value: v });
    else if (typeof v === 'boolean') out.push({ ...sp, value: v ? 1 : 0 });
  }
  return out;
}
