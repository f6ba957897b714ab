/**
 * Filling 300 fields in Chromium (budget ≤ 16 ms and ≤ 3× baseline), against the built package.
 *
 * A form of 300 text inputs, each a field prefilled from the population source (four text
 * attributes in turn, so merging and coercion do real work). The source is a stub whose answer
 * is held until `release()`: the clock starts when the answer is released and stops at the end
 * of the next frame (a task queued from `requestAnimationFrame`, i.e. after style, layout and
 * paint of the filled form). With oncefill: `bindForm` resolves, merges, coerces, writes each
 * value with the events a page expects, marks each field (data attribute and accessible
 * description) and keeps the envelope current. Baseline: the page assigns the same 300 values
 * and dispatches `input` and `change` itself in the same window.
 * Needs `npm run build` first.
 */
import { launchChromium, openPage, startServer } from '../test/e2e/harness.js';

const FIELDS = 300;
const ROUNDS = 9;
const ATTRIBUTES = ['fullName', 'otherName', 'idCardIssuePlace', 'residenceFileNumber'];

const definition = {
  format: 1,
  code: '1.004616',
  version: '2026.1',
  status: 'draft',
  title: { vi: 'Đo thời gian điền', en: 'Fill benchmark' },
  agency: { vi: 'Sở Y tế', en: 'Department of Health' },
  applicant: 'citizen',
  source: { document: 'Đo đạc (không phải biểu mẫu thật)', tag: 'P' },
  fields: Array.from({ length: FIELDS }, (_, i) => ({
    id: `f${i}`,
    type: 'text',
    label: { vi: `Trường ${i}`, en: `Field ${i}` },
    prefill: { from: [{ source: 'population', attribute: ATTRIBUTES[i % ATTRIBUTES.length] }] },
    status: 'draft',
    source: { document: 'Đo đạc', tag: 'P' },
  })),
};

const answer = {
  protocol: 1,
  source: 'population',
  fingerprint: 'bench',
  attributes: {
    fullName: { value: { family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, verification: 'verified', lastUpdated: '2025-07-01' },
    otherName: { value: 'Lan Anh', verification: 'verified', lastUpdated: '2025-07-01' },
    idCardIssuePlace: { value: 'Bộ Công an', verification: 'verified', lastUpdated: '2025-07-01' },
    residenceFileNumber: { value: 'HS-000123', verification: 'verified', lastUpdated: '2025-07-01' },
  },
};

const inputs = Array.from({ length: FIELDS }, (_, i) => `<p><label for="f${i}">Trường ${i}</label> <input id="f${i}" name="f${i}"></p>`).join('');
const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>fill bench</title></head><body><form id="f">${inputs}</form>
<script type="module">
import { parseProcedure } from '/dist/index.js';
import { bindForm } from '/dist/dom.js';
const definition = ${JSON.stringify(definition)};
const answer = ${JSON.stringify(answer)};
const endOfNextFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
window.run = async (withOncefill) => {
  const form = document.getElementById('f');
  if (withOncefill) {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const sources = { population: { id: 'population', query: () => held } };
    const binding = bindForm(form, { procedure: parseProcedure(definition), sources });
    await endOfNextFrame();
    const start = performance.now();
    release(structuredClone(answer));
    await binding.ready;
    const script = performance.now() - start;
    await endOfNextFrame();
    const ms = performance.now() - start;
    return { ms, script, filled: binding.report().filled.length };
  }
  const values = ['Nguyễn Thị Lan', 'Lan Anh', 'Bộ Công an', 'HS-000123'];
  await endOfNextFrame();
  const start = performance.now();
  let i = 0;
  for (const input of form.elements) {
    input.value = values[i++ % values.length];
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const script = performance.now() - start;
  await endOfNextFrame();
  return { ms: performance.now() - start, script, filled: i };
};
window.ready = true;
</script></body></html>`;

const browser = await launchChromium();
const server = await startServer();
server.page('/fill.html', page);

async function measure(withOncefill: boolean): Promise<{ ms: number; script: number; filled: number }> {
  const tab = await openPage(browser);
  await tab.goto(server.url('/fill.html'));
  await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  const result = await tab.evaluate((w) => (window as unknown as { run(w: boolean): Promise<{ ms: number; script: number; filled: number }> }).run(w), withOncefill);
  await tab.context().close();
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseline: number[] = [];
const oncefill: number[] = [];
const baselineScript: number[] = [];
const oncefillScript: number[] = [];
let filled = 0;
await measure(false);
await measure(true);
for (let round = 0; round < ROUNDS; round++) {
  const base = await measure(false);
  baseline.push(base.ms);
  baselineScript.push(base.script);
  const run = await measure(true);
  oncefill.push(run.ms);
  oncefillScript.push(run.script);
  filled = run.filled;
}
await browser.close();
await server.close();

if (filled !== FIELDS) throw new Error(`oncefill filled ${filled} of ${FIELDS} fields: the benchmark measured something else`);
const b = median(baseline);
const o = median(oncefill);
console.log(`fields ${FIELDS}, median of ${ROUNDS} fresh pages (release of the answer → end of the next frame)`);
console.log('| | baseline (assign + input/change) | bindForm (resolve, fill, mark, envelope) | ratio |');
console.log('|---|---:|---:|---:|');
console.log(`| to the end of the next frame, ms | ${b.toFixed(2)} | ${o.toFixed(2)} | ${(o / b).toFixed(2)}× |`);
const bs = median(baselineScript);
const os = median(oncefillScript);
console.log(`| of which script before the frame, ms | ${bs.toFixed(2)} | ${os.toFixed(2)} | ${(os / bs).toFixed(2)}× |`);
console.log(`budget: ≤ 16 ms and ≤ 3× baseline → ${o <= 16 && o / b <= 3 ? 'within' : 'OVER'}`);
