/**
 * The entry of the prebuilt command line (`npm run build:cli` bundles it into `dist-cli/bin/`): the same
 * program as `src/cli/main.ts`, without compiling TypeScript at every start.
 */
import { runMain } from './main';

await runMain(process.argv.slice(2));
