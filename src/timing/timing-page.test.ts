// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from './tab-storage.js';
import { createTimingPage, type TimingEvents, type TimingPage } from './timing-page.js';

const T0 = 1_717_000_000_000;
const PROCEDURE = { code: '1.004616', version: '2025.1' };
const OTHER = { code: '2.000535', version: '2025.1' };

/** Injected clocks: `at(ms)` moves both by `ms` (awake), `sleep(ms)` moves only the wall clock. */
const clock = { wall: T0, mono: 1000 };
const clocks = { wall: () => clock.wall, mono: () => clock.mono };
const at = (ms: number) => {
  clock.wall += ms;
  clock.mono += ms;
};

type Seen = { [K in keyof TimingEvents]: { name: K; data: TimingEvents[K] } }[keyof TimingEvents];
let pages: TimingPage[] = [];
let seen: Seen[] = [];

/** A page load: a fresh timing page sharing the tab's sessionStorage, with a new time origin. */
function load(options: { keepOrigin?: boolean } = {}): TimingPage {
  pages.forEach((p) => p.destroy());
  if (!options.keepOrigin) clock.mono = 500;
  const page = createTimingPage({ clocks, window, abandonGraceMs: 2 ** 30, idleAbandonMs: 30 * 60_000 });
  page.bridge((name, data) => seen.push({ name, data } as Seen));
  pages = [page];
  return page;
}

const events = <K extends keyof TimingEvents>(name: K) => seen.filter((e) => e.name === name).map((e) => e.data as TimingEvents[K]);

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

function pageshow(persisted: boolean) {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
}

function setLoginMeta(content: string | undefined, now?: string) {
  document.head.querySelector('meta[name="oncefill-login-at"]')?.remove();
  if (content === undefined) return;
  const meta = document.createElement('meta');
  meta.name = 'oncefill-login-at';
  meta.content = content;
  if (now) meta.setAttribute('data-now', now);
  document.head.append(meta);
}

beforeEach(() => {
  sessionStorage.clear();
  document.body.innerHTML = '';
  setLoginMeta(undefined);
  setVisibility('visible');
  clock.wall = T0;
  clock.mono = 1000;
  seen = [];
});

afterEach(() => {
  pages.forEach((p) => p.destroy());
  pages = [];
});

describe('the clock anchor', () => {
  it('starts at the login time the server injects, corrected for the server clock skew', () => {
    // The server's clock runs 5 minutes ahead of the device's.
    setLoginMeta(new Date(T0 - 60_000 + 300_000).toISOString(), new Date(T0 + 300_000).toISOString());
    const form = load().startFormTiming({ procedure: PROCEDURE });
    expect(events('form:opened')[0]!.payload).toEqual({ anchor: 'server', authMs: 60_000 });
    at(120_000);
    const report = form.confirmed()!;
    expect(report).toMatchObject({ anchor: 'server', authMs: 60_000, totalMs: 180_000, sinceOpenMs: 120_000 });
  });

  it('accepts the server login time as epoch milliseconds', () => {
    setLoginMeta(String(T0 - 90_000));
    load().startFormTiming({ procedure: PROCEDURE });
    expect(events('form:opened')[0]!.payload).toEqual({ anchor: 'server', authMs: 90_000 });
  });

  it('falls back to markLogin(), kept across the redirects after the login', () => {
    sessionStorage.setItem(STORAGE_KEYS.session, '{"id":"Sx1vQ4mJ0kWb7ZtP9cLr2A","u":0.5}');
    load().markLogin();
    expect(sessionStorage.getItem(STORAGE_KEYS.session)).toBeNull();
    at(45_000);
    const form = load().startFormTiming({ procedure: PROCEDURE });
    expect(events('form:opened')[0]!.payload).toEqual({ anchor: 'login-mark', authMs: 45_000 });
    at(10_000);
    expect(form.confirmed()).toMatchObject({ anchor: 'login-mark', totalMs: 55_000, authMs: 45_000 });
  });

  it('prefers the server login time over markLogin()', () => {
    load().markLogin();
    at(45_000);
    setLoginMeta(String(T0 + 5_000));
    load().startFormTiming({ procedure: PROCEDURE });
    expect(events('form:opened')[0]!.payload).toEqual({ anchor: 'server', authMs: 40_000 });
  });

  it('starts at the form opening when nothing says when the login was, and says so', () => {
    const form = load().startFormTiming({ procedure: PROCEDURE });
    expect(events('form:opened')[0]!.payload).toEqual({ anchor: 'form-open' });
    at(30_000);
    const report = form.confirmed()!;
    expect(report.anchor).toBe('form-open');
    expect(report.totalMs).toBe(30_000);
    expect(report).not.toHaveProperty('authMs');
  });
});

describe('the phases of one flow', () => {
  it('splits auth, prefill wait, filling, fixing and the submit round-trip, with the first edit', () => {
    setLoginMeta(String(T0 - 50_000));
    const form = load().startFormTiming({ procedure: PROCEDURE });
    at(2_000);
    form.prefillApplied();
    at(3_000);
    form.edited();
    at(1_000);
    form.edited(); // only the first edit counts
    at(54_000);
    form.submitAttempted();
    at(1_000);
    form.submitFailed('invalid', { phone: 1, 'members[0].birthDate': 2 });
    at(29_000);
    form.submitAttempted();
    at(3_000);
    const report = form.confirmed({ dossierRef: 'x'.repeat(43) })!;
    expect(report).toMatchObject({
      anchor: 'server',
      sequence: 1,
      authMs: 50_000,
      prefillWaitMs: 2_000,
      firstEditMs: 5_000,
      fillingMs: 58_000,
      fixingMs: 30_000,
      submitRoundTripMs: 3_000,
      sinceOpenMs: 93_000,
      totalMs: 143_000,
      monotonicMs: 93_000,
      attempts: 2,
      pages: 1,
      suspended: false,
      clockChanged: false,
    });
    expect(events('submit:attempted').map((e) => e.payload.attempt)).toEqual([1, 2]);
    expect(events('submit:failed')[0]!.payload).toEqual({ attempt: 1, reason: 'invalid', errorCount: 3, errors: { phone: 1, 'members[0].birthDate': 2 } });
    expect(events('submit:confirmed')[0]!.payload).toEqual({ dossier: 'x'.repeat(43), timing: expect.objectContaining({ totalMs: 143_000 }) });
  });

  it('counts the filling from the form opening when nothing was prefilled, and reports no prefill wait', () => {
    const form = load().startFormTiming({ procedure: PROCEDURE, prefill: false });
    at(40_000);
    form.submitAttempted();
    at(2_000);
    const report = form.confirmed()!;
    expect(report.fillingMs).toBe(40_000);
    expect(report).not.toHaveProperty('prefillWaitMs');
    expect(report).not.toHaveProperty('firstEditMs');
  });

  it('ends at the receipt page a redirect leads to (data-oncefill-receipt), across page loads', async () => {
    setLoginMeta(String(T0 - 10_000));
    const form = load().startFormTiming({ procedure: PROCEDURE });
    at(60_000);
    form.submitAttempted();
    window.dispatchEvent(new Event('pagehide'));
    at(4_000);
    document.body.innerHTML = `<p data-oncefill-receipt="${'a'.repeat(64)}" data-oncefill-procedure="1.004616">Đã tiếp nhận</p>`;
    const receipt = load();
    const reports: unknown[] = [];
    await new Promise((resolve) => setTimeout(resolve, 10));
    receipt.onTimeToSubmit((r) => reports.push(r));
    await Promise.resolve();
    expect(events('submit:confirmed')).toHaveLength(1);
    expect(events('submit:confirmed')[0]!.payload.dossier).toBe('a'.repeat(64));
    expect(reports).toEqual([expect.objectContaining({ pages: 2, totalMs: 74_000, submitRoundTripMs: 4_000 })]);
  });

  it('resumes the flow when the same form opens again (reload, next page of a multi-page form)', () => {
    load().startFormTiming({ procedure: PROCEDURE }).prefillApplied();
    at(20_000);
    const again = load().startFormTiming({ procedure: PROCEDURE });
    at(10_000);
    expect(events('form:opened')).toHaveLength(1);
    expect(again.confirmed()).toMatchObject({ pages: 2, sinceOpenMs: 30_000 });
  });
});

describe('wall and active time', () => {
  it('keeps time the page was hidden, or left without input, out of the active time', () => {
    const form = load().startFormTiming({ procedure: PROCEDURE });
    for (let i = 0; i < 10; i++) {
      at(1_000);
      document.dispatchEvent(new Event('input'));
    }
    setVisibility('hidden');
    at(120_000);
    setVisibility('visible');
    at(5 * 60_000); // reading, no input: counts as one capped gap
    document.dispatchEvent(new Event('keydown'));
    at(1_000);
    const report = form.confirmed()!;
    expect(report.sinceOpenMs).toBe(10_000 + 120_000 + 300_000 + 1_000);
    expect(report.activeMs).toBe(10_000 + 60_000 + 1_000);
  });
});

describe('the back/forward cache', () => {
  it('restores a page without a second form:opened and without counting the time twice', () => {
    const page = load();
    const form = page.startFormTiming({ procedure: PROCEDURE });
    at(10_000);
    setVisibility('hidden');
    window.dispatchEvent(new Event('pagehide'));
    at(50_000);
    pageshow(true);
    setVisibility('visible');
    at(5_000);
    form.submitAttempted();
    at(1_000);
    const report = form.confirmed()!;
    expect(events('form:opened')).toHaveLength(1);
    expect(report.sinceOpenMs).toBe(66_000);
    expect(report.pages).toBe(1);
  });

  it('does not confirm a flow again when the receipt page comes back from the cache or reloads', async () => {
    load().startFormTiming({ procedure: PROCEDURE }).submitAttempted();
    document.body.innerHTML = '<p data-oncefill-receipt>OK</p>';
    load();
    await new Promise((resolve) => setTimeout(resolve, 10));
    pageshow(true);
    load();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events('submit:confirmed')).toHaveLength(1);
  });

  it('tells the page a logout happened while it sat in the cache, and forgets its flows', () => {
    setLoginMeta(String(T0));
    const form = load().startFormTiming({ procedure: PROCEDURE });
    const page = pages[0]!;
    at(1_000);
    // Another page of the tab logs out; this one is restored afterwards.
    sessionStorage.setItem(STORAGE_KEYS.logout, String(clock.wall));
    sessionStorage.removeItem(STORAGE_KEYS.flows);
    sessionStorage.removeItem(STORAGE_KEYS.login);
    pageshow(true);
    expect(events('session:ended')).toHaveLength(1);
    expect(page.ratingContext()).toBeUndefined();
    expect(form.confirmed()).toBeDefined(); // the handle stays harmless
  });
});

describe('two procedures in one login', () => {
  it('measures each from the login and from its own form opening, numbered in order', () => {
    setLoginMeta(String(T0 - 30_000));
    const page = load();
    const first = page.startFormTiming({ procedure: PROCEDURE });
    at(100_000);
    const a = first.confirmed()!;
    at(20_000);
    const second = page.startFormTiming({ procedure: OTHER });
    at(60_000);
    const b = second.confirmed()!;
    expect(a).toMatchObject({ sequence: 1, totalMs: 130_000, sinceOpenMs: 100_000, authMs: 30_000 });
    expect(b).toMatchObject({ sequence: 2, totalMs: 210_000, sinceOpenMs: 60_000, authMs: 150_000 });
    expect(a.flow).not.toBe(b.flow);
  });

  it('confirms the flow of the procedure named on the receipt when two are pending', () => {
    const page = load();
    page.startFormTiming({ procedure: PROCEDURE }).submitAttempted();
    at(1_000);
    page.startFormTiming({ procedure: OTHER }).submitAttempted();
    window.dispatchEvent(new Event('pagehide'));
    const report = load().confirmSubmission({ procedure: PROCEDURE.code });
    expect(report?.procedure).toEqual(PROCEDURE);
  });
});

describe('sleep and clock changes', () => {
  it('C-B14: stamps the submission at the wall clock and reports the sleep, never a shorter time', () => {
    clock.mono = 1000;
    const page = createTimingPage({ clocks, window, abandonGraceMs: 2 ** 30 });
    pages = [page];
    page.bridge((name, data) => seen.push({ name, data } as Seen));
    const form = page.startFormTiming({ procedure: PROCEDURE });
    clock.wall = T0 + 3_660_000; // one hour asleep
    clock.mono = 61_000;
    form.submitAttempted();
    const report = form.confirmed()!;
    expect(events('submit:attempted')[0]!.at).toBe(T0 + 3_660_000);
    expect(report.sinceOpenMs).toBe(3_660_000);
    expect(report.monotonicMs).toBe(60_000);
    expect(report.suspended).toBe(true);
  });

  it('C-B14: never reports a negative duration when the clock is set back', () => {
    setLoginMeta(String(T0 - 10_000));
    const form = load().startFormTiming({ procedure: PROCEDURE });
    clock.wall -= 7_200_000;
    clock.mono += 20_000;
    form.submitAttempted();
    clock.wall += 1_000;
    clock.mono += 1_000;
    const report = form.confirmed()!;
    for (const [key, value] of Object.entries(report)) if (key.endsWith('Ms')) expect(value, key).toBeGreaterThanOrEqual(0);
    expect(report).toMatchObject({ sinceOpenMs: 21_000, clockChanged: true });
  });

  it('C-B14: counts a step back across page loads as zero', () => {
    load().startFormTiming({ procedure: PROCEDURE });
    clock.wall -= 60_000;
    const form = load().startFormTiming({ procedure: PROCEDURE });
    at(5_000);
    expect(form.confirmed()).toMatchObject({ sinceOpenMs: 5_000, clockChanged: true });
  });
});

describe('confirmation', () => {
  it('C-B11: records one submit:confirmed and one duration when the confirmation comes twice', () => {
    const page = load();
    const form = page.startFormTiming({ procedure: PROCEDURE });
    const reports: unknown[] = [];
    page.onTimeToSubmit((r) => reports.push(r));
    form.submitAttempted();
    at(2_000);
    expect(form.confirmed()).toBeDefined();
    expect(form.confirmed()).toBeUndefined();
    expect(page.confirmSubmission()).toBeUndefined();
    expect(events('submit:confirmed')).toHaveLength(1);
    expect(reports).toHaveLength(1);
  });

  it('keeps reporting to other callbacks when one throws', () => {
    const page = load();
    const reports: unknown[] = [];
    page.onTimeToSubmit(() => {
      throw new Error('portal bug');
    });
    page.onTimeToSubmit((r) => reports.push(r));
    expect(() => page.startFormTiming({ procedure: PROCEDURE }).confirmed()).not.toThrow();
    expect(reports).toHaveLength(1);
  });
});

describe('abandonment', () => {
  it('reports a form left unfinished when a later page load does not reopen it', () => {
    const form = load().startFormTiming({ procedure: PROCEDURE });
    at(5_000);
    form.prefillApplied();
    at(60_000);
    form.submitAttempted();
    form.submitFailed('invalid', { phone: 1 });
    at(1_000);
    window.dispatchEvent(new Event('pagehide'));
    at(30_000);
    const next = load();
    next.checkLeftFlows();
    expect(events('form:abandoned').map((e) => e.payload)).toEqual([{ reason: 'left', phase: 'fixing', sinceOpenMs: 66_000, activeMs: expect.any(Number), attempts: 1 }]);
    expect(events('flow:ended').at(-1)).toMatchObject({ after: 'abandoned' });
    expect(next.ratingContext()).toMatchObject({ after: 'abandoned', prompted: false });
  });

  it('says the citizen was waiting for the prefill when it never came', () => {
    load().startFormTiming({ procedure: PROCEDURE });
    window.dispatchEvent(new Event('pagehide'));
    load().checkLeftFlows();
    expect(events('form:abandoned')[0]!.payload.phase).toBe('prefill');
  });

  it('reports a form idle longer than the stated time, and lives again if the citizen comes back', () => {
    const page = load();
    const form = page.startFormTiming({ procedure: PROCEDURE });
    at(29 * 60_000);
    page.checkIdle();
    expect(events('form:abandoned')).toHaveLength(0);
    at(2 * 60_000);
    page.checkIdle();
    expect(events('form:abandoned').map((e) => e.payload.reason)).toEqual(['idle']);
    form.submitAttempted();
    expect(form.confirmed()).toMatchObject({ attempts: 1 });
  });

  it('ends every flow as abandoned at logout and clears the timing keys', () => {
    setLoginMeta(String(T0));
    const page = load();
    page.startFormTiming({ procedure: PROCEDURE });
    page.markLogout();
    expect(events('form:abandoned').map((e) => e.payload.reason)).toEqual(['logout']);
    expect(events('session:ended')).toHaveLength(1);
    for (const key of [STORAGE_KEYS.flows, STORAGE_KEYS.login, STORAGE_KEYS.ended, STORAGE_KEYS.session, STORAGE_KEYS.queue])
      expect(sessionStorage.getItem(key), key).toBeNull();
  });
});

describe('robustness', () => {
  it('never throws into the page when storage refuses every call', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const page = load();
      page.markLogin();
      const form = page.startFormTiming({ procedure: PROCEDURE });
      form.prefillApplied();
      form.edited();
      form.submitAttempted();
      expect(form.confirmed()).toMatchObject({ attempts: 1 });
      page.markLogout();
    } finally {
      Object.defineProperty(window, 'sessionStorage', original);
    }
  });
});
