import Ajv2020 from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { telemetryBatchSchema, type TelemetryBatch } from '../../src/telemetry/event-schemas.js';
import {
  addedListeners,
  capturedRequests,
  collector,
  launchChromium,
  modulePage,
  openPage,
  pageErrors,
  setVisibility,
  startServer,
  waitFor,
  type TestServer,
} from './harness.js';

const validate = new Ajv2020({ strict: true }).compile(telemetryBatchSchema);

let browser: Browser;
let server: TestServer;
let page: Page;
let status = 204;

/** Bodies the collector received, as batches; each one must fit the published schema. */
const arrived = () =>
  server.requests
    .filter((r) => r.path === '/collect' && r.method === 'POST')
    .map((r) => {
      const batch = JSON.parse(r.body) as TelemetryBatch;
      if (!validate(batch)) throw new Error(`batch does not fit the schema: ${JSON.stringify(validate.errors)}`);
      return batch;
    });
const arrivedEvents = () => arrived().flatMap((b) => b.events);

/** A form page: telemetry to `endpoint`, and a tracker for one procedure. */
const formPage = (endpoint: string, options = '') =>
  modulePage(`
    window.telemetry = O.createTelemetry({ endpoint: ${JSON.stringify(endpoint)}, flushIntervalMs: 600000 ${options} });
    window.form = O.trackForm({ procedure: { code: '1.004616', version: '2025.1' } });
    window.ready = true;`);

async function open(path: string) {
  await page.goto(server.url(path));
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.route('/collect', collector(() => status));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
  server.requests.length = 0;
  status = 204;
});

describe('telemetry delivery in Chromium', () => {
  it('C-B12: sends the queued events by beacon on visibilitychange to hidden, once, and never listens for unload', async () => {
    page = await openPage(browser);
    server.page('/form.html', formPage(server.url('/collect')));
    await open('/form.html');
    await page.evaluate(() => {
      const form = (window as unknown as { form: { track(n: string, p: object): void } }).form;
      form.track('field:kept', { field: 'fullName', source: 'population' });
      form.track('field:edited', { field: 'phone' });
    });
    await setVisibility(page, 'hidden');
    await waitFor(() => arrived().length === 1, 5000, 'the beacon');
    const beacons = (await capturedRequests(page)).filter((r) => r.via === 'beacon');
    expect(beacons).toHaveLength(1);
    expect(arrivedEvents().map((e) => e.name)).toEqual(['form:opened', 'field:kept', 'field:edited']);
    // A pagehide afterwards sends nothing already sent.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    expect((await capturedRequests(page)).length).toBe(1);
    const listeners = await addedListeners(page);
    expect(listeners).toContain('visibilitychange');
    expect(listeners).toContain('pagehide');
    expect(listeners).not.toContain('unload');
    expect(listeners).not.toContain('beforeunload');
    // Visible again: later events go at the next flush.
    await setVisibility(page, 'visible');
    await page.evaluate(() => {
      const w = window as unknown as { form: { track(n: string, p: object): void }; telemetry: { flush(): void } };
      w.form.track('field:cleared', { field: 'email' });
      w.telemetry.flush();
    });
    await waitFor(() => arrived().length === 2, 5000, 'the second batch');
    expect(arrived()[1]!.events.map((e) => e.name)).toEqual(['field:cleared']);
  });

  it('C-B13: sends a cross-origin beacon as text/plain JSON with no preflight, and so does the fetch fallback', async () => {
    page = await openPage(browser);
    // The page lives on 127.0.0.1; the collector is asked as localhost: another origin.
    server.page('/form.html', formPage(`${server.otherOrigin}/collect`));
    await open('/form.html');
    await setVisibility(page, 'hidden');
    await waitFor(() => arrived().length === 1, 5000, 'the beacon');
    const [beacon] = await capturedRequests(page);
    expect(beacon).toMatchObject({ via: 'beacon', url: `${server.otherOrigin}/collect` });
    expect(beacon!.type.toLowerCase()).toBe('text/plain;charset=utf-8');
    expect(JSON.parse(beacon!.body).events[0].name).toBe('form:opened');
    const [post] = server.requests.filter((r) => r.path === '/collect');
    expect(post!.host).toBe(new URL(server.otherOrigin).host);
    expect(post!.headers['content-type']?.toLowerCase()).toBe('text/plain;charset=utf-8');

    // The browser refuses the beacon: the fetch fallback goes, still without a preflight.
    await setVisibility(page, 'visible');
    await page.evaluate(() => {
      (window as unknown as { __refuseBeacons: boolean }).__refuseBeacons = true;
      (window as unknown as { form: { track(n: string, p: object): void } }).form.track('field:edited', { field: 'phone' });
    });
    await setVisibility(page, 'hidden');
    await waitFor(() => arrived().length === 2, 5000, 'the fetch fallback');
    const fallback = (await capturedRequests(page)).find((r) => r.via === 'fetch')!;
    expect(fallback).toMatchObject({ keepalive: true, credentials: 'omit', type: 'text/plain;charset=UTF-8' });
    expect(server.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);
    expect(arrived()[1]!.events.map((e) => e.name)).toEqual(['field:edited']);
  });

  it('keeps the bytes handed to the browser under 64 KB, and sends the rest later', async () => {
    page = await openPage(browser);
    server.page('/form.html', formPage(server.url('/collect'), ', batchSize: 500, maxQueuedEvents: 2000'));
    await open('/form.html');
    await setVisibility(page, 'hidden');
    await page.evaluate(() => {
      const form = (window as unknown as { form: { track(n: string, p: object): void } }).form;
      for (let i = 0; i < 1500; i++) form.track('field:edited', { field: `field_${i}_${'x'.repeat(40)}` });
    });
    const whileHidden = await capturedRequests(page);
    const bytes = whileHidden.reduce((sum, r) => sum + r.bytes, 0);
    expect(bytes).toBeGreaterThan(30 * 1024);
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    await setVisibility(page, 'visible');
    await waitFor(() => new Set(arrivedEvents().map((e) => e.id)).size === 1501, 20_000, 'every event');
  });

  it('retries after a reload what the collector could not take, under the same event ids', async () => {
    page = await openPage(browser);
    status = 503;
    server.page('/form.html', formPage(server.url('/collect'), ', batchSize: 2'));
    await open('/form.html');
    await page.evaluate(() => (window as unknown as { form: { track(n: string, p: object): void } }).form.track('field:edited', { field: 'phone' }));
    await waitFor(() => server.requests.some((r) => r.path === '/collect'), 5000, 'the first try');
    const ids = (JSON.parse(server.requests.find((r) => r.path === '/collect')!.body) as TelemetryBatch).events.map((e) => e.id);
    await page.waitForTimeout(100);
    status = 204;
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    await waitFor(() => arrived().filter((b) => b.events.some((e) => e.id === ids[0])).length >= 2, 5000, 'the retry');
    // Tried, kept across the reload, and sent again with the same ids (the ingest counts each id once).
    const retried = arrived().at(-1)!.events.map((e) => e.id);
    expect(retried).toEqual(expect.arrayContaining(ids));
  });
});
