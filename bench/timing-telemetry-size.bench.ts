/**
 * What timing and telemetry cost the one-tag embed: an esbuild IIFE of their browser names
 * (minified, the embed's target), gzip -9, plus the minified bytes each source file adds
 * (from esbuild's metafile). Reads the sources, so no build is needed.
 *
 *   npm run bench -- size          # or: npx tsx bench/timing-telemetry-size.bench.ts
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url).pathname;

/** What the embed and the form binding import from `src/timing` and `src/telemetry`. */
const entry = `
export { markLogin } from './src/timing/mark-login.ts';
export { markLogout } from './src/timing/mark-logout.ts';
export { confirmSubmission } from './src/timing/confirm-submission.ts';
export { onTimeToSubmit } from './src/timing/on-time-to-submit.ts';
export { createTelemetry } from './src/telemetry/create-telemetry.ts';
export { trackForm } from './src/telemetry/track-form.ts';
export { telemetryHub } from './src/telemetry/telemetry-hub.ts';
`;

const result = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome93', 'safari15.4', 'firefox92'],
  define: { __ONCEFILL_VERSION__: '"x"' },
  write: false,
  metafile: true,
  logLevel: 'silent',
});

const text = result.outputFiles[0]!.text;
const output = Object.values(result.metafile.outputs)[0]!;
const rows = Object.entries(output.inputs)
  .map(([file, { bytesInOutput }]) => [file, bytesInOutput] as const)
  .sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(`${String(bytes).padStart(7)}  ${file}`);
console.log(`${String(text.length).padStart(7)}  minified total`);
console.log(`${String(gzipSync(text, { level: 9 }).length).padStart(7)}  min+gzip -9 total`);
