import { fileURLToPath } from 'node:url';
import type { MinifyOptions } from 'terser';
import { defineConfig, type Options } from 'tsup';
import pkg from './package.json' with { type: 'json' };

/** The browser floor from DESIGN.md: Chrome/Android WebView 93, Safari/iOS 15.4, Firefox 92. */
export const BROWSER_TARGET = ['chrome93', 'edge93', 'safari15.4', 'ios15.4', 'firefox92'];

const define = { __ONCEFILL_VERSION__: JSON.stringify(pkg.version) };

/** Entries that may run in a browser: built to the browser floor. */
const browserEntries = {
  index: 'src/index.ts',
  dom: 'src/dom/index.ts',
  react: 'src/react/index.ts',
  'vn/index': 'src/vn/index.ts',
  otlp: 'src/telemetry/otlp/index.ts',
};

/** Entries that only run on Node (server, test kit, full unit data). */
const nodeEntries = {
  'vn/units': 'src/vn/units/index.ts',
  server: 'src/server/index.ts',
  testing: 'src/testing/index.ts',
};

/**
 * Swaps keep the embed small (docs/decisions/007-embed-budget.md): it loads its on-demand UI
 * from `oncefill.ui.js` rather than a chunk, talks to the gateway through `ky-lite` (the part of
 * ky the sources use; the sources' tests run over both), and reads phones, personal IDs and tax
 * codes in the form the gateway sends them only (parity with the full readers tested).
 */
export const embedSwaps: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'oncefill-embed-swaps',
  setup(build) {
    const to = (file: string) => () => ({ path: fileURLToPath(new URL(file, import.meta.url)) });
    build.onResolve({ filter: /\/load-ui\.js$/ }, to('src/iife/load-ui-script.ts'));
    build.onResolve({ filter: /^ky$/ }, to('src/iife/ky-lite.ts'));
    build.onResolve({ filter: /\/vn\/normalize-phone\.js$/ }, to('src/iife/wire-phone.ts'));
    build.onResolve({ filter: /\/vn\/(check-tax-code|personal-id-digits)\.js$/ }, to('src/iife/wire-ids.ts'));
  },
};

/**
 * terser after esbuild on the embed's two scripts (`scripts/after-build.ts`; the embed bench uses
 * the same): it mangles and compresses further than esbuild does. Only options that keep
 * semantics: the defaults (no `unsafe*`, `pure_getters` left at `"strict"`), three passes, and
 * ASCII output as esbuild writes it (a legacy page may serve the script in a non-UTF-8 charset).
 * docs/decisions/007-embed-budget.md has the figures and the options measured and not taken.
 */
export const EMBED_TERSER = { ecma: 2020, compress: { passes: 3 }, mangle: true, format: { ascii_only: true } } satisfies MinifyOptions;

const library: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  treeshake: true,
  splitting: true,
  define,
  external: ['react', 'react/jsx-runtime', 'msw', 'msw/node', 'msw/browser'],
};

export default defineConfig([
  { ...library, entry: browserEntries, target: BROWSER_TARGET, platform: 'browser' },
  { ...library, entry: nodeEntries, target: 'node20', platform: 'node' },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    define,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The one-tag embed: everything a legacy page needs, no zod, no OTLP. Built as one ES
    // module that `scripts/after-build.ts` wraps into `var Oncefill=(()=>{…})()`: esbuild's own
    // IIFE adds a CommonJS export shim (getters, `__esModule`) the global does not need.
    entry: { oncefill: 'src/iife/index.ts' },
    format: ['esm'],
    splitting: false,
    // A classic script imports nothing: everything is bundled (ky as ky-lite, below).
    noExternal: [/.*/],
    outExtension: () => ({ js: '.global.js' }),
    target: BROWSER_TARGET,
    platform: 'browser',
    minify: true,
    sourcemap: true,
    define,
    esbuildPlugins: [embedSwaps],
  },
  {
    // What the embed loads on demand: the conflict picker, the dispute dialog, the rating prompt.
    entry: { 'oncefill.ui': 'src/iife/ui.ts' },
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    target: BROWSER_TARGET,
    platform: 'browser',
    minify: true,
    sourcemap: true,
    define,
  },
]);
