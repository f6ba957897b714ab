import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telemetryBatchSchema, type TelemetryBatch } from '../../src/telemetry/event-schemas.js';
import { capturedRequests, collector, launchChromium, modulePage, openPage, pageErrors, setVisibility, startServer, type TestServer } from './harness.js';

const validate = new Ajv2020({ strict: true }).compile(telemetryBatchSchema);

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.route('/collect', collector());
  server.route('/otlp', collector());
  server.route('/feedback', collector());
  // Both formats on one page: every event goes out twice.
  server.page(
    '/form.html',
    modulePage(
      `const { otlpFormat } = await import('/dist/otlp.js');
       O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 600000, batchSize: 500 });
       O.createTelemetry({ endpoint: '/otlp', flushIntervalMs: 600000, batchSize: 500, format: otlpFormat({ resource: { 'service.name': 'test' } }) });
       window.ready = true;`,
      '<form id="f"></form>',
    ),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// --- random definitions and the citizen's values --------------------------------------------

const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng'];
const middle = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh', 'Thanh'];
const given = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Khoa', 'Lan', 'Nhung'];
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Values of the kinds a form holds: names, personal IDs, phones, e-mails, dates, addresses, free text. */
const value = fc.oneof(
  fc.tuple(fc.constantFrom(...family), fc.constantFrom(...middle), fc.constantFrom(...given)).map((p) => p.join(' ')),
  digits(12),
  fc.tuple(fc.constantFrom('09', '03', '+84 9'), digits(2), digits(3), digits(3)).map(([a, b, c, d]) => `${a}${b} ${c} ${d}`),
  fc.tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.stringMatching(/^[a-z]{2,8}$/)).map(([u, d]) => `${u}.${d}@example.vn`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1930, max: 2024 })).map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('Lê Lợi', 'Trần Phú', 'Điện Biên Phủ'), fc.constantFrom('Phường Hồng Bàng', 'Xã An Lão')).map(([n, s, w]) => `${n} ${s}, ${w}`),
  fc.stringMatching(/^[a-zà-ỹ ]{3,20}$/).filter((s) => /\s/.test(s.trim()) || /[à-ỹ]/.test(s)),
);

const field = fc.record({
  id: fc.stringMatching(/^[a-z]{2,10}$/),
  type: fc.constantFrom('text', 'email', 'phone', 'personal-id', 'date', 'address', 'textarea'),
  prefilled: fc.boolean(),
  outcome: fc.constantFrom('kept', 'edited', 'cleared'),
  value,
});

const definition = fc
  .record({
    fields: fc.uniqueArray(field, { minLength: 1, maxLength: 12, selector: (f) => f.id }),
    repeated: fc.array(value, { maxLength: 3 }),
  })
  .map((d) => ({ ...d, fields: d.fields.map((f, i) => ({ ...f, id: `${f.id}${i}` })) }));

/** The text of every value as it could appear in a JSON body. */
const needles = (values: string[]) => values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]);

describe('no field value in telemetry', () => {
  it('never puts a value the citizen holds into any request, JSON or OTLP, and every batch fits its schema', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(definition, async (def) => {
        runs++;
        const page = await openPage(browser);
        try {
          await page.goto(server.url('/form.html'));
          await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
          await page.evaluate((d) => {
            const O = (window as unknown as { O: { trackForm(o: object): unknown; rate(score: number): boolean } }).O;
            type Tracker = {
              track(n: string, p: object): void;
              prefillApplied(): void;
              edited(): void;
              submitAttempted(): void;
              submitFailed(r: string, e?: object): void;
              confirmed(o?: object): void;
            };
            const form = document.getElementById('f')!;
            for (const f of d.fields) {
              const input = document.createElement(f.type === 'textarea' ? 'textarea' : 'input');
              input.name = f.id;
              input.value = f.value;
              form.append(input);
            }
            const tracker = O.trackForm({ procedure: { code: '1.004616', version: '2025.1' } }) as Tracker;
            tracker.track('prefill:resolved', {
              latencyMs: 800,
              sources: { population: { status: 'ok', latencyMs: 700, attributes: d.fields.filter((f) => f.prefilled).length } },
              fields: { filled: d.fields.filter((f) => f.prefilled).length },
            });
            tracker.prefillApplied();
            for (const f of d.fields) {
              tracker.edited();
              if (f.prefilled) tracker.track(`field:${f.outcome}`, { field: f.id, source: 'population', locked: false });
              // A careless binding puts values where ids go: all of it must stay in the page.
              tracker.track('field:edited', { field: f.value });
              tracker.track('lock:disputed', { field: f.id, source: f.value });
              tracker.track('component:reused', { component: f.value, source: 'results' });
            }
            d.repeated.forEach((v, i) => {
              tracker.track('field:kept', { field: `members[${i}].fullName` });
              tracker.track('field:cleared', { field: `members[${i}].fullName`, [v]: v });
            });
            tracker.submitAttempted();
            tracker.submitFailed('invalid', Object.fromEntries(d.fields.flatMap((f) => [[f.id, 1], [f.value, 2]])));
            tracker.submitAttempted();
            tracker.confirmed({ dossierRef: d.fields[0]!.value });
            O.rate(4);
          }, def);
          await setVisibility(page, 'hidden');
          const requests = (await capturedRequests(page)).filter((r) => r.url.endsWith('/collect') || r.url.endsWith('/otlp'));
          expect(requests.map((r) => r.url.split('/').pop()).sort()).toEqual(['collect', 'otlp']);
          const bodies = requests.map((r) => r.body).join('\n');
          for (const needle of needles([...def.fields.map((f) => f.value), ...def.repeated]))
            if (bodies.includes(needle)) throw new Error(`a value reached the wire: ${needle}`);
          const json = JSON.parse(requests.find((r) => r.url.endsWith('/collect'))!.body) as TelemetryBatch;
          if (!validate(json)) throw new Error(`batch does not fit its schema: ${JSON.stringify(validate.errors)}`);
          // The honest events all went: opened, resolved, one outcome per prefilled field, attempts, failure, confirmation, rating.
          const names = json.events.map((e) => e.name);
          expect(names.filter((n) => n.startsWith('field:')).length).toBe(def.fields.filter((f) => f.prefilled).length + def.repeated.length);
          expect(names).toEqual(expect.arrayContaining(['form:opened', 'prefill:resolved', 'submit:failed', 'submit:confirmed', 'satisfaction:rated']));
          const otlp = JSON.parse(requests.find((r) => r.url.endsWith('/otlp'))!.body);
          expect(otlp.resourceLogs[0].scopeLogs[0].logRecords).toHaveLength(json.events.length);
          expect(pageErrors(page)).toEqual([]);
        } finally {
          await page.context().close();
        }
      }),
      { numRuns: 12 },
    );
    expect(runs).toBeGreaterThanOrEqual(12);
  });
});
