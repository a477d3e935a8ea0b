import { defineConfig } from 'vitest/config';

/**
 * Browser tests: headless Chromium (playwright-core) against the production build served by
 * `vite preview`. They do not build: `npm test` runs `npm run build` first.
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
