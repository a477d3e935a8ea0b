/**
 * Writes the published JSON Schema of the scenario format,
 * `scenarios/scenario.schema.json`, from the zod schema (the single source).
 * `npm run schema`; a test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/runner/node-loader';
import { scenarioJsonSchema } from '../src/scenario/json-schema';

const file = resolve(PROJECT_ROOT, 'scenarios/scenario.schema.json');
writeFileSync(file, scenarioJsonSchema());
console.log(`wrote ${file}`);
