/**
 * The preset the app opens with, bundled at build time. Kept apart from the data loader so the main
 * thread ships the scenario (a few kB) but not the data tables, which only the worker needs.
 */
import changzhou2016 from '../../scenarios/changzhou-2016.json';

/** Raw (unvalidated) JSON of `scenarios/changzhou-2016.json`; the worker validates it. */
export const DEFAULT_SCENARIO: unknown = changzhou2016;
