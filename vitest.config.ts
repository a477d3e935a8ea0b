import { defineConfig } from 'vitest/config';

/** Unit tests (Node). Browser tests have their own config: vitest.browser.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
