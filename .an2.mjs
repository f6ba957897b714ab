import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
const swaps = (extra={}) => ({ name: 'x', setup(b) {
  b.onResolve({ filter: /\/load-ui\.js$/ }, () => ({ path: fileURLToPath(new URL('src/iife/load-ui-script.ts', import.meta.url)) }));
  b.onResolve({ filter: /^ky$/ }, () => ({ path: fileURLToPath(new URL('src/iife/ky-lite.ts', import.meta.url)) }));
  for (const [re, code] of Object.entries(extra)) b.onResolve({ filter: new RegExp(re) }, (a) => ({ path: a.path, namespace: 'stub' }));
  b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: extra[Object.keys(extra).find(k => new RegExp(k).test(a.path))], loader: 'ts' }));
}});
async function size(entry, extra) {
  const r = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, write: false, format: 'iife', globalName: 'Oncefill', platform: 'browser', target: ['chrome93','safari15.4','firefox92'], define: { __ONCEFILL_VERSION__: '"0.1.0"' }, charset: process.env.CS || 'ascii', plugins: [swaps(extra)], logLevel: 'silent' });
  return gzipSync(r.outputFiles[0].text, { level: 9 }).length;
}
const full = await size(`export * from './src/iife/index.ts';`);
console.log('full', full);
const variants = {
  'no autoInit (stub)': { 'auto-init\\.js$': 'export const autoInit = () => 0;' },
  'no bind-form': { 'bind-form\\.js$': 'export const bindForm = () => 0; export const BINDING_KEY = Symbol();' },
  'no en strings': { 'bind-strings\\.js$': `export const BIND_STRINGS = { vi: ${JSON.stringify({sources:{population:'CSDL quốc gia về dân cư',results:'Kho dữ liệu kết quả thủ tục hành chính',personal:'Kho dữ liệu điện tử của bạn',business:'CSDL quốc gia về đăng ký doanh nghiệp'},from:'Lấy từ {source}',updated:', cập nhật {date}',locked:'. Đã xác thực, không cần sửa.',wrong:'Thông tin này sai?',conflict:'Các nguồn ghi khác nhau ({count}): chọn giá trị đúng',disputed:'. Bạn đã báo thông tin này sai.',loading:'Đang lấy thông tin Nhà nước đã có về bạn…',failed:'Chưa lấy được thông tin từ {source}. Bạn vẫn có thể tự nhập.',reused:'Không cần nộp: đã có {title} trong kho dữ liệu.',dismiss:'Đóng thông báo'})} }; BIND_STRINGS.en = BIND_STRINGS.vi; export const fill = (t, v) => t.replace(/\\{(\\w+)\\}/g, (m, k) => v[k] ?? m);` },
  'no rating prompt': { 'bind-rating-prompt\\.js$': 'export const bindRatingPrompt = () => 0;' },
  'no telemetry client': { 'create-telemetry\\.js$': 'export const createTelemetry = () => 0;' },
  'no guard': { 'guard-procedure\\.js$': 'export const guardProcedure = (x) => x;' },
};
for (const [name, extra] of Object.entries(variants)) console.log(name.padEnd(22), full - await size(`export * from './src/iife/index.ts';`, extra));
