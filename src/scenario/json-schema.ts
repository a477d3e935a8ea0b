/** The scenario format as a JSON Schema (draft 2020-12), for editors and other tools. */
import { z } from 'zod';
import { Scenario, SCENARIO_VERSION } from './schema';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const out = {
    $id: `https://hukou-sim.local/scenario.v${SCENARIO_VERSION}.schema.json`,
    title: `Hukou-reform simulator scenario, version ${SCENARIO_VERSION}`,
    description:
      'Generated from src/scenario/schema.ts by `npm run schema`. Cross-field rules (zone maps naming exactly the zones, shares adding to 1, thresholds within the duration dimension, pointers that resolve) are checked by the program, not by this schema.',
    ...schema,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
