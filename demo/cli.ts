/**
 * `npm run demo`: builds the package first only when `dist/` is missing (saying so), then
 * starts the demo portal on 127.0.0.1 (`PORT`, default 8080, 0 for any free port; `ONCEFILL_GATEWAY_URL` for a
 * real gateway) and stops cleanly on Ctrl-C or SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parsePort } from './port.js';

// Checked before any build, so a mistyped PORT costs no wait.
const port = parsePort(process.env.PORT);
if (port === undefined) {
  console.error('PORT must be a port number in decimal digits, 0–65535 (0: any free port; unset or empty: 8080)');
  process.exit(2);
}
const root = new URL('../', import.meta.url).pathname;
if (!existsSync(`${root}dist/oncefill.global.js`) || !existsSync(`${root}examples/vue-portal/dist`)) {
  console.log('The demo needs the built package (dist/) and examples: running npm run build first (once)…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('npm run build failed (see above): fix that, then run npm run demo again.');
    process.exit(built.status || 1);
  }
}
// Imported only now: it loads the built package, which the build above may just have made.
const { startDemo } = await import('./start-demo.js');
const gateway = process.env.ONCEFILL_GATEWAY_URL ? { gatewayUrl: process.env.ONCEFILL_GATEWAY_URL } : {};
const demo = await startDemo({ port, ...gateway, quiet: true }).catch((error: unknown) => {
  // The one start failure an operator can fix at once: say how, not Node's stack.
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  console.error(`port ${port} is in use: set PORT=… or stop the other server`);
  process.exit(1);
});
console.log(`oncefill demo: ${demo.url}  (log in, open a procedure; report at ${demo.url}report; Ctrl-C stops)`);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void demo.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
