import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
const plugin = { name: 'x', setup(b) { b.onResolve({ filter: /\/load-ui\.js$/ }, () => ({ path: fileURLToPath(new URL('src/iife/load-ui-script.ts', import.meta.url)) })); } };
const r = await build({ entryPoints: ['src/iife/index.ts'], bundle: true, minify: true, write: false, format: 'iife', globalName: 'Oncefill', platform: 'browser', target: ['chrome93','safari15.4','firefox92'], define: { __ONCEFILL_VERSION__: '"0.1.0"' }, metafile: true, plugins: [plugin] });
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput);
let by = {};
for (const [f, i] of rows) { const k = f.replace(/^src\//,'').split('/').slice(0, f.includes('node_modules')?2:1).join('/'); by[k]=(by[k]||0)+i.bytesInOutput; }
console.log(by);
for (const [f,i] of rows.slice(0,40)) console.log(String(i.bytesInOutput).padStart(7), f);
console.log('total gz', gzipSync(r.outputFiles[0].text,{level:9}).length);
