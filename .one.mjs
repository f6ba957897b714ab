import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['src/dom/bind-form.ts'], bundle: true, minify: true, write: false, format: 'esm', target: ['chrome93'], logLevel: 'silent', plugins: [{name:'ext', setup(b){ b.onResolve({filter:/^\.\.\//}, a => ({path: a.path, external: true})); }}] });
const t = r.outputFiles[0].text; console.log(t.length, gzipSync(t,{level:9}).length); console.log(t);
