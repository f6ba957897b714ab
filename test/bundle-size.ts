/**
 * Shared by the bundle tests and `npm run bench`: min+gzip bytes of an esbuild bundle of an
 * import from the built package, measured the way a portal's bundler would see it.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';

export const ROOT = new URL('../', import.meta.url).pathname;

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, { import?: { default: string } } | string> };

/** Resolves `oncefill/…` through the package's own exports map, as an installed copy would. */
const selfReference: Plugin = {
  name: 'oncefill-self-reference',
  setup(b) {
    b.onResolve({ filter: /^oncefill(\/.*)?$/ }, ({ path }) => {
      const target = pkg.exports[`.${path.slice('oncefill'.length)}`];
      const file = typeof target === 'string' ? target : target?.import?.default;
      if (!file) return { errors: [{ text: `"${path}" is not exported by the package` }] };
      return { path: `${ROOT}${file.slice(2)}` };
    });
  },
};

/** Bundles `code` (which imports from `oncefill…`) for the browser floor; returns its text. */
export async function bundle(code: string, platform: 'browser' | 'node' = 'browser'): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform,
    target: ['chrome93', 'safari15.4', 'firefox92'],
    plugins: [selfReference],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export const gzipBytes = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;

/** Text that would need `unsafe-eval` under a strict CSP. */
export const EVAL_PATTERN = /\beval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(/;
