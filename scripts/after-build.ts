/**
 * Steps after tsup: ship the JSON Schema beside the code, write the administrative-unit list
 * for pickers (`dist/vn/units.json`) with the data's upstream notices (`dist/vn/NOTICE`), and
 * pin the embed's stylesheet and on-demand UI by their hashes inside the main file, and print
 * the Subresource Integrity hashes for the README's `<script integrity>` tag. The embed's two
 * scripts go through terser first: the hashes are of the files as shipped.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { EMBED_TERSER } from '../tsup.config.js';
import { unitList } from '../src/vn/units/unit-list.js';

const dist = new URL('../dist/', import.meta.url);

copyFileSync(new URL('../src/schema/procedure.schema.json', import.meta.url), new URL('procedure.schema.json', dist));

// The current 34 provinces and 3,321 communes only: the old→new mapping stays on Node.
mkdirSync(new URL('vn/', dist), { recursive: true });
writeFileSync(new URL('vn/units.json', dist), JSON.stringify(unitList));
writeFileSync(new URL('vn/NOTICE', dist), `${unitList.notice}\n`);

// The embed's stylesheet and on-demand UI: their hashes go into the main file, which pins them.
copyFileSync(new URL('../src/dom/oncefill.css', import.meta.url), new URL('oncefill.css', dist));
/** The hash for the page's `<script integrity>` tag (sha384, as SRI tools print it). */
const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(new URL(file, dist))).digest('base64')}`;
/**
 * The pins inside the main file use sha256: as strong a pin for SRI, and 20 base64 characters
 * shorter each, which gzip cannot shrink (docs/decisions/007-embed-budget.md).
 */
const pin = (file: string) => `sha256-${createHash('sha256').update(readFileSync(new URL(file, dist))).digest('base64')}`;
const main = new URL('oncefill.global.js', dist);
await postMinify('oncefill.ui.js', readFileSync(new URL('oncefill.ui.js', dist), 'utf8'));
let code = await postMinify('oncefill.global.js', wrapEmbed(readFileSync(main, 'utf8')));
for (const [marker, file] of [['ONCEFILL_UI_INTEGRITY', 'oncefill.ui.js'], ['ONCEFILL_CSS_INTEGRITY', 'oncefill.css']] as const) {
  const placeholder = `sha256-${marker.padEnd(44, '_')}`;
  if (!code.includes(placeholder)) throw new Error(`after-build: ${marker} placeholder missing from oncefill.global.js`);
  code = code.replace(placeholder, pin(file));
}
writeFileSync(main, code);
for (const file of ['oncefill.global.js', 'oncefill.ui.js', 'oncefill.css'])
  console.log(`dist/${file.padEnd(20)} ${String(readFileSync(new URL(file, dist)).length).padStart(6)} bytes  ${String(gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length).padStart(5)} gzip  integrity="${sri(file)}"`);

/**
 * The embed's scripts go through terser (options in tsup.config.ts). Names at the top of the
 * file stay (`var Oncefill`); everything inside the wrapper is local and mangled. The source map
 * is composed with esbuild's, so it still points into `src/`. The SRI placeholders are plain
 * strings terser keeps as they are; hashes of the same length replace them afterwards, so the
 * map stays exact.
 */
async function postMinify(file: string, code: string): Promise<string> {
  const mapFile = new URL(`${file}.map`, dist);
  const source = /\n\/\/# sourceMappingURL=\S+\n?$/;
  if (!source.test(code)) throw new Error(`after-build: ${file} does not end in its sourceMappingURL`);
  const result = await minify(
    { [file]: code.replace(source, '\n') },
    { ...EMBED_TERSER, sourceMap: { content: readFileSync(mapFile, 'utf8'), url: `${file}.map`, includeSources: true } },
  );
  writeFileSync(mapFile, result.map as string);
  const out = `${result.code!}\n`;
  writeFileSync(new URL(file, dist), out);
  return out;
}

/**
 * Turns the embed's ES module (`…;export{a as bindForm,…};`) into a classic script defining
 * `var Oncefill`, the members as plain properties. The wrapper takes a line of its own, so the
 * source map only shifts by one line.
 */
function wrapEmbed(module: string): string {
  const exported = /export\{([\w$]+ as [\w$]+(?:,[\w$]+ as [\w$]+)*)\};\n(\/\/# sourceMappingURL=\S+\n?)$/.exec(module);
  if (!exported || /\bimport\b[\s({*]|\bexport\b/.test(module.slice(0, exported.index)))
    throw new Error('after-build: oncefill.global.js is not a single ES module ending in export{…}');
  const members = exported[1]!.split(',').map((pair) => pair.split(' as ').reverse().join(':'));
  const mapFile = new URL('oncefill.global.js.map', dist);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
  return `var Oncefill=(()=>{"use strict";\n${module.slice(0, exported.index)}return{${members.join(',')}}})();\n${exported[2]}`;
}
