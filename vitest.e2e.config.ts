import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the built package (`npm run build` first). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time.
    fileParallelism: false,
  },
});
