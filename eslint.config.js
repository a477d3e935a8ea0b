// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the pure model layers must never import: UI, threading and state libraries, or higher layers. */
const PURE_MODEL_IMPORTS = {
  patterns: [
    {
      regex: '^(react|react-dom|comlink|zustand)(/.*)?$',
      message: 'src/model and src/scenario are pure: no React, comlink or zustand (STYLE.md).',
    },
    {
      regex: '(^|/)(ui|runner|state|workers)(/|$)',
      message: 'src/model and src/scenario must not import higher layers (src/ui, src/state, src/runner, workers).',
    },
  ],
};

/** The analyses run the model (src/runner/run.ts) but stay free of the interface and its libraries. */
const PURE_ANALYSIS_IMPORTS = {
  patterns: [
    {
      regex: '^(react|react-dom|comlink|zustand)(/.*)?$',
      message: 'src/analysis is pure: no React, comlink or zustand.',
    },
    {
      regex: '(^|/)(ui|state|runner|workers)(/|$)',
      message: 'src/analysis must not import src/ui, src/state, src/runner or workers (the layers point one way).',
    },
  ],
};

/** Running the model (threads, workers, loaders) sits below the workers, the state and the interface. */
const RUNNER_IMPORTS = {
  patterns: [
    {
      regex: '(^|/)(ui|state|workers)(/|$)',
      message:
        'src/runner must not import src/ui, src/state or workers (worker APIs are declared in src/runner/worker-api.ts).',
    },
  ],
};

/** The worker entry points use the model, the analyses and the runner; never the page. */
const WORKER_IMPORTS = {
  patterns: [{ regex: '(^|/)(ui|state)(/|$)', message: 'workers must not import src/ui or src/state.' }],
};

/** The command line sits beside the interface: it may read the page's link format, not its stores or views. */
const CLI_IMPORTS = {
  patterns: [
    { regex: '(^|/)ui(/|$)', message: 'src/cli must not import src/ui.' },
    {
      regex: '(^|/)state/(?!(doc|url|lang)$)',
      message: 'src/cli may import only the link format of src/state (doc.ts, url.ts, lang.ts), not its stores.',
    },
  ],
};

/** The state layer holds documents, runs and jobs; the interface reads it, never the other way round. */
const STATE_IMPORTS = {
  patterns: [{ regex: '(^|/)ui(/|$)', message: 'src/state must not import src/ui (the layers point one way).' }],
};

export default defineConfig(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/ui/**/*.{ts,tsx}'], extends: [reactHooks.configs.flat.recommended] },
  {
    files: ['src/model/**/*.ts', 'src/scenario/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_MODEL_IMPORTS] },
  },
  {
    files: ['src/analysis/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_ANALYSIS_IMPORTS] },
  },
  { files: ['src/state/**/*.ts'], rules: { 'no-restricted-imports': ['error', STATE_IMPORTS] } },
  { files: ['src/runner/**/*.ts'], rules: { 'no-restricted-imports': ['error', RUNNER_IMPORTS] } },
  { files: ['workers/**/*.ts'], rules: { 'no-restricted-imports': ['error', WORKER_IMPORTS] } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', CLI_IMPORTS] } },
);
