/**
 * Builds the framework examples against the built package (`dist/`, so run after tsup):
 *
 * - `examples/react-portal/dist/react-19/` and `…/react-18/`: the same React pages bundled with
 *   React 19 (the root dev dependency) and with React 18 (the linked `react-18/` kit), in
 *   React's development mode so StrictMode runs every effect twice, as it does for a portal
 *   team at work.
 * - `examples/vue-portal/dist/`: Vue 3 single-file components compiled here, at build time, to
 *   render functions, so the page runs on Vue's runtime-only build: no template compiler, no
 *   `new Function`, fit for a portal's strict CSP.
 *
 * Each output folder holds its HTML pages, `portal.css` and the bundles; `oncefill demo`
 * serves them.
 */
import { build, type Plugin } from 'esbuild';
import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { compileScript, parse } from 'vue/compiler-sfc';
import { BROWSER_TARGET } from '../tsup.config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const REACT = join(ROOT, 'examples/react-portal');
const VUE = join(ROOT, 'examples/vue-portal');

/** `oncefill`, `oncefill/react`, `oncefill/dom`, `oncefill/vn` and its unit list → the built files, as an installed package would resolve. */
const builtPackage: Plugin = {
  name: 'oncefill-dist',
  setup(b) {
    const entries: Record<string, string> = { oncefill: 'index.js', 'oncefill/react': 'react.js', 'oncefill/dom': 'dom.js', 'oncefill/vn': 'vn/index.js', 'oncefill/vn/units.json': 'vn/units.json' };
    b.onResolve({ filter: /^oncefill(\/[a-z]+)*(\.json)?$/ }, (args) => {
      const file = entries[args.path];
      return file ? { path: join(ROOT, 'dist', file) } : { errors: [{ text: `${args.path} is not used by the examples` }] };
    });
  },
};

/** Every `react` / `react-dom` import (ours, react-hook-form's, react-dom's own) → the React 18 kit. */
function react18(): Plugin {
  // Found as the installed dependency (its real folder), so a checkout whose node_modules is
  // linked from another one finds the kit's install too.
  const kit = createRequire(createRequire(import.meta.url).resolve('oncefill-react-18/package.json'));
  // Without the kit's own install, resolution would climb to the root's React 19 and say nothing.
  const found = (kit('react/package.json') as { version: string }).version;
  if (!found.startsWith('18.')) throw new Error(`[examples] the React 18 kit resolves react ${found}: run npm install (it links examples/react-portal/react-18)`);
  return {
    name: 'react-18',
    setup(b) {
      b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => ({ path: kit.resolve(args.path) }));
    },
  };
}

/** `.vue` files: `<script setup>` and its template compiled into one TypeScript module. */
const vueFiles: Plugin = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({ filter: /\.vue$/ }, async (args) => {
      const { descriptor, errors } = parse(await readFile(args.path, 'utf8'), { filename: args.path });
      if (errors.length > 0) return { errors: errors.map((e) => ({ text: String(e) })) };
      const script = compileScript(descriptor, { id: basename(args.path), inlineTemplate: true });
      return { contents: script.content, loader: 'ts', resolveDir: join(args.path, '..') };
    });
  },
};

/** An example's pages, and the stylesheet both example portals share. */
async function copyPages(from: string, to: string): Promise<void> {
  for (const file of await readdir(from)) if (/\.(html|css)$/.test(file)) await copyFile(join(from, file), join(to, file));
  await copyFile(join(ROOT, 'examples/shared/portal.css'), join(to, 'portal.css'));
}

const common = {
  bundle: true,
  format: 'esm' as const,
  splitting: true,
  target: BROWSER_TARGET,
  platform: 'browser' as const,
  sourcemap: true,
  logLevel: 'warning' as const,
  legalComments: 'none' as const,
  // dist's bare imports of its pure chunks: dropped on purpose under the package's `sideEffects`.
  logOverride: { 'ignored-bare-import': 'silent' as const },
};

async function buildReact(variant: 'react-19' | 'react-18'): Promise<void> {
  const outdir = join(REACT, 'dist', variant);
  await mkdir(outdir, { recursive: true });
  await build({
    ...common,
    entryPoints: [join(REACT, 'src/practice.tsx'), join(REACT, 'src/food-safety.tsx'), join(REACT, 'src/bind-form.tsx')],
    outdir,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: variant === 'react-18' ? [builtPackage, react18()] : [builtPackage],
  });
  await copyPages(REACT, outdir);
}

async function buildVue(): Promise<void> {
  const outdir = join(VUE, 'dist');
  await mkdir(outdir, { recursive: true });
  await build({
    ...common,
    entryPoints: [join(VUE, 'src/main.ts')],
    outdir,
    minify: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [builtPackage, vueFiles],
  });
  await copyPages(VUE, outdir);
}

await Promise.all([rm(join(REACT, 'dist'), { recursive: true, force: true }), rm(join(VUE, 'dist'), { recursive: true, force: true })]);
await Promise.all([buildReact('react-19'), buildReact('react-18'), buildVue()]);
console.log('examples built: examples/react-portal/dist/{react-19,react-18}, examples/vue-portal/dist');
