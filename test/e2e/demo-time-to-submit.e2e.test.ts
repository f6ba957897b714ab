/**
 * Time to submit over the whole demo portal (issue 8): one citizen logs in on the stand-in SSO
 * page, opens a procedure, gets it prefilled, edits, fails a first attempt, fixes, submits and
 * reaches the receipt page; the `submit:confirmed` that lands at the demo's sink carries every
 * phase, in order, anchored at the login time the demo's server wrote into the pages. The sink
 * checks what arrives against the closed schemas.
 *
 * The browser's clock (playwright `page.clock`) runs an hour ahead of the demo's server: the
 * anchor is right only if oncefill took the server's login time and corrected the skew with
 * `data-now`. The clock is fast-forwarded while the citizen "reads" and "fixes", so those phases
 * have lower bounds that do not depend on how fast this machine is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../src/telemetry/event-schemas.js';
import { fillRequired, LAN, logIn, sinkEvents, startTestDemo, submit, submitToReceipt, waitForPrefill, waitForSink, type TestDemo } from './demo-driver.js';
import { launchChromium, pageErrors } from './harness.js';

const SKEW_MS = 3_600_000;
const READING_MS = 20_000;
const FIXING_MS = 45_000;

let browser: Browser;
let demo: TestDemo;
let page: Page;
/** What the demo's server wrote into the form page and the receipt page. */
let meta: { loginAt: number; formNow: number; receiptLoginAt: number };
/** The server's clock right after the form opened: `authMs` cannot exceed it minus the login. */
let openedBy: number;
let dossierRef: string;
let events: TelemetryEvent[];

const loginMeta = (p: Page) => p.locator('meta[name="oncefill-login-at"]').evaluate((m) => ({ content: Number(m.getAttribute('content')), now: Number(m.getAttribute('data-now')) }));

beforeAll(async () => {
  browser = await launchChromium();
  demo = await startTestDemo();
  const context = await browser.newContext();
  page = await context.newPage();
  await page.clock.install({ time: Date.now() + SKEW_MS });

  await logIn(page, demo, LAN, '/legacy/1.005092');
  await waitForPrefill(page);
  openedBy = Date.now();
  const form = await loginMeta(page);
  await page.clock.fastForward(READING_MS);
  await page.locator('[name=contactPhone]').fill('0987654321');
  await submit(page); // required fields still empty: the browser's own checks stop it
  await page.clock.fastForward(FIXING_MS);
  await fillRequired(page);
  dossierRef = await submitToReceipt(page);
  const receipt = await loginMeta(page);
  meta = { loginAt: form.content, formNow: form.now, receiptLoginAt: receipt.content };
  // Leaving the receipt page sends what is queued (pagehide).
  await page.goto(demo.url);
  events = await waitForSink(demo, 'submit:confirmed');
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('time to submit over the demo portal', () => {
  it('sends one flow whose events arrive at the demo sink in the order the citizen acted', () => {
    expect(pageErrors(page)).toEqual([]);
    expect(new Set(events.map((e) => e.flow)).size).toBe(1);
    const key = events.filter((e) => ['form:opened', 'prefill:resolved', 'field:edited', 'submit:attempted', 'submit:failed', 'submit:confirmed'].includes(e.name));
    expect(key.map((e) => e.name)).toEqual(['form:opened', 'prefill:resolved', 'field:edited', 'submit:attempted', 'submit:failed', 'submit:attempted', 'submit:confirmed']);
    const times = key.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.find((e) => e.name === 'submit:failed')).toMatchObject({ reason: 'invalid', attempt: 1 });
    expect(events.find((e) => e.name === 'field:edited')).toMatchObject({ field: 'contactPhone', source: 'population' });
  });

  it('carries every phase, ordered and adding up, in submit:confirmed', () => {
    const confirmed = events.find((e) => e.name === 'submit:confirmed') as TelemetryEvent<'submit:confirmed'>;
    const t = confirmed.timing;
    expect(t).toMatchObject({ anchor: 'server', sequence: 1, attempts: 2, pages: 2, suspended: false, clockChanged: false });
    for (const phase of ['authMs', 'prefillWaitMs', 'fillingMs', 'fixingMs', 'submitRoundTripMs', 'firstEditMs'] as const) expect(Number.isInteger(t[phase]), phase).toBe(true);
    // login → open → prefill applied → first attempt → last attempt → confirmation
    expect(t.totalMs).toBe(t.authMs! + t.prefillWaitMs! + t.fillingMs + t.fixingMs + t.submitRoundTripMs);
    expect(t.sinceOpenMs).toBe(t.totalMs - t.authMs!);
    expect(t.fillingMs).toBeGreaterThanOrEqual(READING_MS);
    expect(t.fixingMs).toBeGreaterThanOrEqual(FIXING_MS);
    // The first edit came after the prefill and the reading, before the first attempt.
    expect(t.firstEditMs).toBeGreaterThanOrEqual(t.prefillWaitMs! + READING_MS);
    expect(t.firstEditMs).toBeLessThanOrEqual(t.prefillWaitMs! + t.fillingMs);
    expect(t.activeMs).toBeLessThanOrEqual(t.sinceOpenMs);
    // The receipt page confirmed with the keyed hash the demo's server computed.
    expect(confirmed.dossier).toBe(dossierRef);
    expect(dossierRef).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is anchored at the login time the demo injected, not at the browser clock or the form opening', () => {
    const t = (events.find((e) => e.name === 'submit:confirmed') as TelemetryEvent<'submit:confirmed'>).timing;
    const opened = events.find((e) => e.name === 'form:opened') as TelemetryEvent<'form:opened'>;
    expect(meta.receiptLoginAt).toBe(meta.loginAt);
    expect(opened).toMatchObject({ anchor: 'server', authMs: t.authMs });
    // By the server's clock: at least login → the form page's render, at most login → the form open the test saw.
    expect(t.authMs).toBeGreaterThanOrEqual(meta.formNow - meta.loginAt);
    expect(t.authMs).toBeLessThanOrEqual(openedBy - meta.loginAt);
  });

  it('has the demo sink refuse an event outside the closed schemas, and append nothing of it', async () => {
    const before = await sinkEvents(demo);
    const records = demo.telemetry.length;
    const good = { ...before[0]!, id: 'demoSinkGood0000000000' };
    const bad = { ...before[0]!, id: 'demoSinkBad00000000000', fullName: 'Nguyễn Thị Lan' };
    const response = await fetch(`${demo.url}telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ v: 1, sdk: '0.1.0', sentAt: Date.now(), events: [good, bad] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ accepted: 1, refused: 1 });
    const after = await sinkEvents(demo);
    expect(after.map((e) => e.id)).toEqual([...before.map((e) => e.id), good.id]);
    expect(JSON.stringify(after)).not.toContain('Nguyễn');
    expect(demo.telemetry.slice(records)).toEqual([{ accepted: 1, refused: 1, names: [good.name] }]);

    const notJson = await fetch(`${demo.url}telemetry`, { method: 'POST', body: '{"v":1,' });
    expect(notJson.status).toBe(400);
    expect(await sinkEvents(demo)).toHaveLength(after.length);
  });
});
