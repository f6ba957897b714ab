import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryBatch, TelemetryEvent } from '../../src/telemetry/event-schemas.js';
import { collector, launchChromium, modulePage, openPage, pageErrors, startServer, waitFor, type TestServer } from './harness.js';

let browser: Browser;
let server: TestServer;
let page: Page;

const events = (): TelemetryEvent[] =>
  server.requests.filter((r) => r.path === '/collect' && r.method === 'POST').flatMap((r) => (JSON.parse(r.body) as TelemetryBatch).events);

const TELEMETRY = `O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 200 });`;
const DOSSIER_REF = 'b5f0c1d2e3a4958677889900aabbccddeeff00112233445566778899aabbccdd';

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.route('/collect', collector());
  server.page('/login.html', modulePage(`O.markLogin(); setTimeout(() => location.assign('/form.html'), 300);`));
  // A form page as a binding would drive it: prefill after 400 ms, edits, a first attempt that
  // fails the form's own check, then a submission that redirects to the receipt page.
  server.page(
    '/form.html',
    modulePage(
      `${TELEMETRY}
       const tracker = O.trackForm({ procedure: { code: '1.004616', version: '2025.1' } });
       const form = document.getElementById('f');
       form.addEventListener('input', () => tracker.edited());
       setTimeout(() => { form.fullName.value = 'Nguyễn Văn An'; tracker.prefillApplied(); window.prefilled = true; }, 400);
       form.addEventListener('submit', (event) => {
         event.preventDefault();
         tracker.submitAttempted();
         if (!form.phone.value) return tracker.submitFailed('invalid', { phone: 1 });
         setTimeout(() => location.assign('/receipt.html'), 200);
       });`,
      `<form id="f"><label>Họ tên <input name="fullName"></label><label>Điện thoại <input name="phone"></label><button>Nộp hồ sơ</button></form>
       <a id="away" href="/other.html">Trang khác</a>`,
    ),
  );
  server.page(
    '/receipt.html',
    modulePage(`${TELEMETRY} O.onTimeToSubmit((m) => { window.report = m; });`, `<p data-oncefill-receipt="${DOSSIER_REF}">Hồ sơ đã được tiếp nhận.</p>`),
  );
  server.page('/other.html', modulePage(TELEMETRY, '<p>Một trang khác</p>'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
  server.requests.length = 0;
});

describe('time to submit in Chromium', () => {
  it('measures the phases of one flow from the login to the receipt page', async () => {
    page = await openPage(browser);
    await page.goto(server.url('/login.html'));
    await page.waitForURL('**/form.html');
    await page.waitForFunction(() => (window as unknown as { prefilled?: boolean }).prefilled === true);
    await page.locator('input[name=fullName]').pressSequentially(' B', { delay: 30 });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForTimeout(300);
    await page.locator('input[name=phone]').pressSequentially('0912345678', { delay: 20 });
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL('**/receipt.html');
    await page.waitForFunction(() => (window as unknown as { report?: unknown }).report !== undefined);
    const report = await page.evaluate(() => (window as unknown as { report: Record<string, unknown> }).report);

    expect(report).toMatchObject({ anchor: 'login-mark', sequence: 1, attempts: 2, pages: 2, suspended: false, clockChanged: false });
    const r = report as Record<string, number>;
    expect(r.authMs).toBeGreaterThanOrEqual(250);
    expect(r.prefillWaitMs).toBeGreaterThanOrEqual(350);
    expect(r.firstEditMs).toBeGreaterThan(r.prefillWaitMs!);
    expect(r.fixingMs).toBeGreaterThanOrEqual(300);
    expect(r.submitRoundTripMs).toBeGreaterThanOrEqual(150);
    expect(r.totalMs).toBe(r.authMs! + r.prefillWaitMs! + r.fillingMs! + r.fixingMs! + r.submitRoundTripMs!);
    expect(r.activeMs).toBeGreaterThan(0);
    expect(r.activeMs).toBeLessThanOrEqual(r.sinceOpenMs!);

    await waitFor(() => events().some((e) => e.name === 'submit:confirmed'), 5000, 'submit:confirmed');
    const names = events().map((e) => e.name);
    expect(names).toEqual(['form:opened', 'submit:attempted', 'submit:failed', 'submit:attempted', 'submit:confirmed']);
    const confirmed = events().find((e) => e.name === 'submit:confirmed') as TelemetryEvent<'submit:confirmed'>;
    expect(confirmed.dossier).toBe(DOSSIER_REF);
    expect(confirmed.timing).toEqual(Object.fromEntries(Object.entries(report).filter(([k]) => !['flow', 'procedure', 'at'].includes(k))));
    expect(new Set(events().map((e) => e.flow)).size).toBe(1);
  });

  it.each([
    ['restored from the back/forward cache', true],
    ['reloaded by the Back button', false],
  ])('counts a form %s once', async (_how, backForwardCache) => {
    const cached = await launchChromium({ backForwardCache });
    try {
      page = await openPage(cached);
      await page.goto(server.url('/form.html'));
      await page.waitForFunction(() => (window as unknown as { prefilled?: boolean }).prefilled === true);
      await page.evaluate(() => {
        (window as unknown as { restored: boolean[] }).restored = [];
        addEventListener('pageshow', (e) => (window as unknown as { restored: boolean[] }).restored.push(e.persisted));
      });
      await page.click('#away');
      await page.waitForURL('**/other.html');
      await page.waitForTimeout(300);
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { prefilled?: boolean }).prefilled === true);
      const restored = await page.evaluate(() => (window as unknown as { restored?: boolean[] }).restored);
      expect(restored).toEqual(backForwardCache ? [true] : undefined);
      await page.locator('input[name=phone]').fill('0912345678');
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await page.waitForURL('**/receipt.html');
      await waitFor(() => events().some((e) => e.name === 'submit:confirmed'), 5000, 'submit:confirmed');
      expect(events().filter((e) => e.name === 'form:opened')).toHaveLength(1);
      expect(events().filter((e) => e.name === 'submit:confirmed')).toHaveLength(1);
      expect(events().filter((e) => e.name === 'form:abandoned')).toHaveLength(0);
      const timing = (events().find((e) => e.name === 'submit:confirmed') as TelemetryEvent<'submit:confirmed'>).timing;
      expect(timing.pages).toBe(backForwardCache ? 2 : 3);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await page.context().close();
      page = await openPage(browser);
      await cached.close();
    }
  });
});
