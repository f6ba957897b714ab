/**
 * Where the one-tag embed's bytes go: builds `src/iife/index.ts` as the build does (same swaps,
 * target and minification, from tsup.config.ts; then the `var Oncefill` wrapper and terser with
 * the build's options), then per source file the bytes esbuild's minifier gives it (its
 * metafile) and its marginal min+gzip cost in the shipped form: how much smaller the gzip gets
 * when that file's code is blanked out of terser's output (from the composed source map).
 * Marginal costs overlap, so they do not add up to the total; they rank where a cut pays. The
 * total is a little under the built file's, which also carries the two SRI hashes.
 *
 *   npm run bench -- embed          # or: npx tsx bench/embed-size.bench.ts [rows]
 *   npx tsx bench/embed-size.bench.ts lines [file-filter] [rows]
 *
 * `lines` ranks source lines instead of files, each with the bytes its code costs after gzip
 * (the same blanking, per line) and its text: where a cut pays, down to the statement.
 */
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';
import { minify } from 'terser';
import { BROWSER_TARGET, EMBED_TERSER, embedSwaps } from '../tsup.config.js';

const root = new URL('../', import.meta.url).pathname;
const byLine = process.argv[2] === 'lines';
const rows = Number((byLine ? process.argv[4] : process.argv[2]) ?? 30);
const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

const result = await build({
  entryPoints: [`${root}src/iife/index.ts`],
  outfile: `${root}dist/embed-size.js`,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: BROWSER_TARGET,
  define: { __ONCEFILL_VERSION__: '"0.0.0"' },
  plugins: [embedSwaps],
  sourcemap: 'external',
  metafile: true,
  write: false,
  logLevel: 'silent',
});

const esm = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
const esmMap = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { mappings: string };
// The wrapper `scripts/after-build.ts` adds (one line before the module), then terser as the build runs it.
const exported = /export\{([^}]*)\};\n$/.exec(esm)!;
const members = exported[1]!.split(',').map((pair) => pair.split(' as ').reverse().join(':'));
const wrapped = `var Oncefill=(()=>{"use strict";\n${esm.slice(0, exported.index)}return{${members.join(',')}}})();\n`;
const shipped = await minify(wrapped, { ...EMBED_TERSER, sourceMap: { content: { ...esmMap, mappings: `;${esmMap.mappings}` } as never, includeSources: true } });
const code = shipped.code!;
const map = JSON.parse(shipped.map as string) as { sources: string[]; mappings: string };
const lines = code.split('\n');
// Which source each output character comes from (a segment runs to the next one).
const owner = lines.map((line) => new Int32Array(line.length).fill(-1));
// By file: the source index; by line: source index × 100,000 + line.
decode(map.mappings).forEach((segments, li) => {
  segments.forEach((segment, i) => {
    if (segment.length > 2) owner[li]!.fill(byLine ? segment[1]! * 100_000 + segment[2]! : segment[1]!, segment[0], segments[i + 1]?.[0] ?? lines[li]!.length);
  });
});
const total = gzip(code);
const without = (key: number) => lines.map((line, li) => [...line].filter((_, c) => owner[li]![c] !== key).join('')).join('\n');

if (byLine) {
  const filter = process.argv[3] ?? '';
  const keys = new Set<number>();
  for (const o of owner) for (const key of o) if (key >= 0) keys.add(key);
  const ranked: Array<[cost: number, where: string, text: string]> = [];
  for (const key of keys) {
    const source = map.sources[Math.floor(key / 100_000)]!;
    if (!source.includes(filter)) continue;
    const text = (map as { sourcesContent?: string[] }).sourcesContent?.[Math.floor(key / 100_000)]?.split('\n')[key % 100_000]?.trim() ?? '';
    ranked.push([total - gzip(without(key)), `${source.replace(/^(\.\.\/)+/, '')}:${(key % 100_000) + 1}`, text]);
  }
  ranked.sort((a, b) => b[0] - a[0]);
  console.log('gzip  line');
  for (const [cost, where, text] of ranked.slice(0, rows)) console.log(`${String(cost).padStart(4)}  ${where}  ${text.slice(0, 100)}`);
  console.log(`${String(total).padStart(4)}  total min+gzip -9`);
  process.exit(0);
}
const marginal = new Map<string, number>();
map.sources.forEach((source, si) => marginal.set(source.replace(/^(\.\.\/)+/, ''), total - gzip(without(si))));

const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
console.log('esbuild min  marginal gzip  file');
for (const [file, { bytesInOutput }] of Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, rows))
  console.log(`${String(bytesInOutput).padStart(11)}  ${String(marginal.get(file) ?? '?').padStart(13)}  ${file}`);
console.log(`${String(esm.length).padStart(11)}  ${String(total).padStart(13)}  total (esbuild min; after terser ${code.length} B, min+gzip -9)`);
