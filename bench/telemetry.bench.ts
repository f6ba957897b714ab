/**
 * Telemetry work per input event (budget 0.05 ms), in Chromium against the built package.
 *
 * A form of 60 inputs receives 20,000 `input` events. Baseline: the form's own listener does
 * what a page does anyway. With oncefill: the same, plus what the form binding calls on every
 * input (`tracker.edited()` and `tracker.track('field:edited', { field })`) and the timing
 * layer's own activity listener. The difference, per event, is oncefill's cost.
 * Needs `npm run build` first.
 */
import { launchChromium, modulePage, openPage, startServer } from '../test/e2e/harness.js';

const EVENTS = 20_000;
const ROUNDS = 7;

const browser = await launchChromium();
const server = await startServer();
server.route('/collect', (_req, res) => void res.writeHead(204).end());
const inputs = Array.from({ length: 60 }, (_, i) => `<input name="field${i}">`).join('');
server.page(
  '/bench.html',
  modulePage(
    `window.run = (withOncefill, n) => {
       const form = document.getElementById('f');
       const fields = [...form.elements];
       let tracker;
       if (withOncefill) {
         O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 600000 });
         tracker = O.trackForm({ procedure: { code: '1.004616', version: '2025.1' } });
       }
       let seen = 0;
       form.addEventListener('input', (event) => {
         seen++;
         if (tracker) {
           tracker.edited();
           tracker.track('field:edited', { field: event.target.name });
         }
       });
       const event = new Event('input', { bubbles: true });
       const start = performance.now();
       for (let i = 0; i < n; i++) fields[i % fields.length].dispatchEvent(event);
       return { ms: performance.now() - start, seen };
     };
     window.ready = true;`,
    `<form id="f">${inputs}</form>`,
  ),
);

async function measure(withOncefill: boolean): Promise<number> {
  const page = await openPage(browser);
  await page.goto(server.url('/bench.html'));
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(([w, n]) => (window as unknown as { run(w: boolean, n: number): unknown }).run(w as boolean, n as number), [withOncefill, 2000]);
  const result = await page.evaluate(
    ([w, n]) => (window as unknown as { run(w: boolean, n: number): { ms: number; seen: number } }).run(w as boolean, n as number),
    [withOncefill, EVENTS],
  );
  await page.context().close();
  return result.ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base: number[] = [];
const withIt: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  base.push(await measure(false));
  withIt.push(await measure(true));
}
await browser.close();
await server.close();

const perEvent = (median(withIt) - median(base)) / EVENTS;
console.log(`input events per round     ${EVENTS}`);
console.log(`baseline (median of ${ROUNDS})     ${median(base).toFixed(1)} ms  (${((median(base) / EVENTS) * 1000).toFixed(2)} µs/event)`);
console.log(`with oncefill (median)     ${median(withIt).toFixed(1)} ms  (${((median(withIt) / EVENTS) * 1000).toFixed(2)} µs/event)`);
console.log(`telemetry work per input   ${(perEvent * 1000).toFixed(2)} µs  (budget 50 µs = 0.05 ms) ${perEvent <= 0.05 ? 'within budget' : 'OVER BUDGET'}`);
