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
    { regex: '(^|/)(ui|state|workers)(/|$)', message: 'src/analysis must not import src/ui, src/state or workers.' },
  ],
};

/** The state layer holds documents, runs and jobs; the interface reads it, never the other way round. */
const STATE_IMPORTS = {
  patterns: [{ regex: '(^|/)ui(/|$)', message: 'src/state must not import src/ui (the layers point one way).' }],
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/'] },
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
);
