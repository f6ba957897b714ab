// @vitest-environment happy-dom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TelemetryBatch } from './event-schemas.js';

const ENDPOINT = 'https://t.vendor.example/collect';
const PROCEDURE = { code: '1.004616', version: '2025.1' };

/** What reached the collector through fetch. */
let received: Array<{ body: string; contentType: string | null }> = [];
let status = 204;
const server = setupServer(
  http.post(ENDPOINT, async ({ request }) => {
    received.push({ body: await request.text(), contentType: request.headers.get('content-type') });
    return new HttpResponse(null, { status });
  }),
);

/** What went out through sendBeacon. */
let beacons: Array<{ url: string; body: Blob }> = [];
let beaconAnswer = true;

type Modules = {
  createTelemetry: typeof import('./create-telemetry.js').createTelemetry;
  trackForm: typeof import('./track-form.js').trackForm;
  timingPage: typeof import('../timing/timing-page.js').timingPage;
  markLogout: typeof import('../timing/mark-logout.js').markLogout;
};
let loaded: Modules[] = [];
let cleanups: Array<() => void> = [];

/** A page load: fresh module state (one hub, one timing page), the same tab storage. */
async function load(): Promise<Modules> {
  for (const m of loaded) m.timingPage().destroy();
  cleanups.forEach((c) => c());
  cleanups = [];
  vi.resetModules();
  const m: Modules = {
    ...(await import('./create-telemetry.js')),
    ...(await import('./track-form.js')),
    ...(await import('../timing/timing-page.js')),
    ...(await import('../timing/mark-logout.js')),
  };
  loaded = [m];
  return m;
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

const beaconBatches = async () => Promise.all(beacons.map(async (b) => JSON.parse(await b.body.text()) as TelemetryBatch));
const fetchBatches = () => received.map((r) => JSON.parse(r.body) as TelemetryBatch);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sessionStorage.clear();
  received = [];
  beacons = [];
  status = 204;
  beaconAnswer = true;
  setVisibility('visible');
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, body: Blob) => {
      if (beaconAnswer) beacons.push({ url, body });
      return beaconAnswer;
    },
  });
});
afterEach(() => {
  server.resetHandlers();
  for (const m of loaded) m.timingPage().destroy();
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function start(options: Partial<Parameters<Modules['createTelemetry']>[0]> = {}) {
  const m = await load();
  const telemetry = m.createTelemetry({ endpoint: ENDPOINT, flushIntervalMs: 60_000, ...options });
  cleanups.push(() => telemetry.destroy());
  return { m, telemetry };
}

describe('createTelemetry', () => {
  it('rejects bad options at once, with a message that says what to do', async () => {
    const { createTelemetry } = await load();
    expect(() => createTelemetry({} as never)).toThrow(/^\[oncefill\] createTelemetry: `endpoint`/);
    expect(() => createTelemetry({ endpoint: ENDPOINT, sampleRate: 0 })).toThrow(/sampleRate/);
    expect(() => createTelemetry({ endpoint: ENDPOINT, batchSize: 0 })).toThrow(/batchSize/);
  });

  it('sends a full batch with fetch while the page is visible', async () => {
    const { m } = await start({ batchSize: 3 });
    const form = m.trackForm({ procedure: PROCEDURE });
    form.track('field:edited', { field: 'phone' });
    expect(received).toHaveLength(0);
    form.track('field:cleared', { field: 'email' });
    await settle();
    const [batch] = fetchBatches();
    expect(batch!.events.map((e) => e.name)).toEqual(['form:opened', 'field:edited', 'field:cleared']);
    expect(batch).toMatchObject({ v: 1, sentAt: expect.any(Number) });
    expect(new Set(batch!.events.map((e) => e.flow)).size).toBe(1);
  });

  it('C-B12: sends every queued event by beacon on visibilitychange to hidden, never waits for unload', async () => {
    const added: string[] = [];
    const spy = (target: EventTarget) => {
      const original = target.addEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, ...rest) => {
        added.push(type);
        return original(type, ...(rest as [EventListener]));
      });
    };
    spy(window);
    spy(document);
    const { m, telemetry } = await start();
    const form = m.trackForm({ procedure: PROCEDURE });
    form.track('field:kept', { field: 'fullName', source: 'population' });
    form.track('field:edited', { field: 'phone' });
    telemetry.on('*', () => undefined);
    setVisibility('hidden');
    expect(beacons).toHaveLength(1);
    expect((await beaconBatches())[0]!.events.map((e) => e.name)).toEqual(['form:opened', 'field:kept', 'field:edited']);
    expect(added).not.toContain('unload');
    expect(added).not.toContain('beforeunload');
    // A pagehide after it sends nothing already sent.
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons).toHaveLength(1);
    // Events after the page is visible again go at the next flush.
    setVisibility('visible');
    form.track('field:cleared', { field: 'email' });
    telemetry.flush();
    await settle();
    expect(fetchBatches().flatMap((b) => b.events.map((e) => e.name))).toEqual(['field:cleared']);
    vi.restoreAllMocks();
  });

  it('C-B12: sends on pagehide too, when no visibilitychange came first', async () => {
    const { m } = await start();
    m.trackForm({ procedure: PROCEDURE });
    window.dispatchEvent(new Event('pagehide'));
    expect(beacons).toHaveLength(1);
  });

  it('C-B13: gives the beacon a text/plain body carrying the JSON, and the fetch fallback needs no preflight', async () => {
    const { m } = await start();
    m.trackForm({ procedure: PROCEDURE });
    setVisibility('hidden');
    expect(beacons[0]!.url).toBe(ENDPOINT);
    expect(beacons[0]!.body.type).toBe('text/plain;charset=utf-8');
    expect((await beaconBatches())[0]!.events[0]!.name).toBe('form:opened');

    beaconAnswer = false;
    const calls: RequestInit[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      calls.push(init!);
      return realFetch(input, init);
    });
    m.trackForm({ procedure: { code: '2.000535', version: '1' } });
    setVisibility('visible');
    setVisibility('hidden');
    await settle();
    expect(calls[0]).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(received[0]!.contentType).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(received[0]!.body).events[0].name).toBe('form:opened');
    vi.restoreAllMocks();
  });

  it('keeps the bytes in flight under 64 KB and sends the rest later', async () => {
    // A slow collector, so fetches stay in flight; the most bytes in flight at once is measured.
    let inFlight = 0;
    let most = 0;
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = await request.text();
        inFlight += new TextEncoder().encode(body).length;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= new TextEncoder().encode(body).length;
        received.push({ body, contentType: request.headers.get('content-type') });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { m } = await start({ batchSize: 500, maxQueuedEvents: 2000 });
    setVisibility('hidden');
    const form = m.trackForm({ procedure: PROCEDURE });
    for (let i = 0; i < 1500; i++) form.track('field:edited', { field: `field_${i}_${'x'.repeat(40)}` });
    const beaconBytes = beacons.reduce((sum, b) => sum + b.body.size, 0);
    expect(beaconBytes).toBeGreaterThan(30 * 1024);
    expect(beaconBytes).toBeLessThanOrEqual(64 * 1024);
    const byBeacon = (await beaconBatches()).flatMap((b) => b.events);
    expect(byBeacon.length).toBeLessThan(1501);
    // Visible again: the rest drains by fetch, never more than 64 KB in flight.
    setVisibility('visible');
    m.timingPage();
    for (let i = 0; i < 100 && byBeacon.length + fetchBatches().flatMap((b) => b.events).length < 1501; i++) await settle();
    const all = [...byBeacon, ...fetchBatches().flatMap((b) => b.events)];
    expect(new Set(all.map((e) => e.id)).size).toBe(1501);
    expect(most).toBeGreaterThan(0);
  });

  it('retries after a reload what the collector could not take', async () => {
    status = 503;
    const first = await start({ batchSize: 2 });
    const form = first.m.trackForm({ procedure: PROCEDURE });
    form.track('field:edited', { field: 'phone' });
    await settle();
    expect(received).toHaveLength(1);
    const ids = fetchBatches()[0]!.events.map((e) => e.id);
    window.dispatchEvent(new Event('pagehide'));
    status = 204;
    received = [];
    beacons = [];
    // The next page.
    const second = await start();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(fetchBatches().flatMap((b) => b.events.map((e) => e.id))).toEqual(ids);
    expect(second.telemetry.session).toBe(first.telemetry.session);
  });

  it('decides sampling once per session and stamps the rate on every event', async () => {
    sessionStorage.setItem('oncefill:session', JSON.stringify({ id: 'Sx1vQ4mJ0kWb7ZtP9cLr2A', u: 0.7 }));
    const seen: unknown[] = [];
    const out = await start({ sampleRate: 0.5 });
    out.telemetry.on('*', (e) => seen.push(e));
    expect(out.telemetry.sampled).toBe(false);
    out.m.trackForm({ procedure: PROCEDURE });
    setVisibility('hidden');
    expect(beacons).toHaveLength(0);
    expect(seen).toEqual([expect.objectContaining({ name: 'form:opened', sampleRate: 0.5 })]);

    setVisibility('visible');
    const again = await start({ sampleRate: 0.8 });
    again.m.trackForm({ procedure: { code: '2.000535', version: '1' } });
    setVisibility('hidden');
    expect((await beaconBatches())[0]!.events[0]).toMatchObject({ session: 'Sx1vQ4mJ0kWb7ZtP9cLr2A', sampleRate: 0.8 });
  });

  it('drops an event carrying text that is not an identifier, and says so without the text', async () => {
    const errors: Error[] = [];
    const { m, telemetry } = await start({ onError: (e) => errors.push(e) });
    const seen: string[] = [];
    telemetry.on('*', (e) => seen.push(e.name));
    const form = m.trackForm({ procedure: PROCEDURE });
    form.track('field:edited', { field: 'Nguyễn Văn An' });
    form.track('lock:disputed', { field: '001203004567' });
    form.track('component:reused', { component: 'birthCertificate', source: 'results', ['an.tran@example.com' as 'documentType']: 'x' });
    expect(seen).toEqual(['form:opened']);
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error.message).not.toMatch(/Nguyễn|001203004567|an\.tran/);
  });

  it('leaves out a dossier reference that is not a keyed hash, but keeps the measurement', async () => {
    const errors: Error[] = [];
    const { m, telemetry } = await start({ onError: (e) => errors.push(e) });
    const confirmed: unknown[] = [];
    telemetry.on('submit:confirmed', (e) => confirmed.push(e));
    m.trackForm({ procedure: PROCEDURE }).confirmed({ dossierRef: '000.00.22.H56-250601-0001' });
    expect(confirmed).toEqual([expect.not.objectContaining({ dossier: expect.anything() })]);
    expect(confirmed).toEqual([expect.objectContaining({ timing: expect.objectContaining({ attempts: 0 }) })]);
    expect(errors[0]!.message).not.toMatch(/H56/);
  });

  it('keeps only field paths among the error counts of a failed submission', async () => {
    const { m, telemetry } = await start();
    const failed: unknown[] = [];
    telemetry.on('submit:failed', (e) => failed.push(e));
    const form = m.trackForm({ procedure: PROCEDURE });
    form.submitAttempted();
    form.submitFailed('rejected', { phone: 2, 'Nguyễn Văn An': 1, 'members[0].birthDate': 1 });
    expect(failed).toEqual([expect.objectContaining({ errorCount: 4, errors: { phone: 2, 'members[0].birthDate': 1 } })]);
  });

  it('sends each field outcome once per field, however often the binding reports it', async () => {
    const { m, telemetry } = await start();
    const names: string[] = [];
    telemetry.on('*', (e) => names.push(e.name));
    const form = m.trackForm({ procedure: PROCEDURE });
    for (let i = 0; i < 5; i++) {
      form.edited();
      form.track('field:edited', { field: 'phone' });
    }
    expect(names).toEqual(['form:opened', 'field:edited']);
  });

  it('sends what was measured once at logout, then keeps nothing of the session', async () => {
    const { m, telemetry } = await start();
    const session = telemetry.session;
    m.trackForm({ procedure: PROCEDURE });
    m.markLogout();
    const names = (await beaconBatches()).flatMap((b) => b.events.map((e) => e.name));
    expect(names).toEqual(['form:opened', 'form:abandoned']);
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem('oncefill:queue')).toBeNull();
    expect(telemetry.session).not.toBe(session);
  });

  it('delivers events from before it was created (a receipt found early)', async () => {
    const m = await load();
    m.trackForm({ procedure: PROCEDURE }).confirmed();
    const telemetry = m.createTelemetry({ endpoint: ENDPOINT });
    cleanups.push(() => telemetry.destroy());
    setVisibility('hidden');
    expect((await beaconBatches())[0]!.events.map((e) => e.name)).toEqual(['form:opened', 'submit:confirmed']);
  });
});
