import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  define: { __ONCEFILL_VERSION__: JSON.stringify(pkg.version) },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        // The one-tag embed talks to the gateway through ky-lite instead of ky: the sources'
        // own tests must pass over it too.
        extends: true,
        test: { name: 'embed-ky', include: ['src/sources/*.test.ts'] },
        resolve: { alias: [{ find: /^ky$/, replacement: fileURLToPath(new URL('src/iife/ky-lite.ts', import.meta.url)) }] },
      },
    ],
  },
});
