/**
 * Drives the demo portal (`demo/start-demo.ts`) in Chromium the way a citizen does: log in on the
 * stand-in SSO page, open a procedure's legacy page, wait for the prefill, fill what is left,
 * submit, rate. The demo runs whole (its sink, its gateway, its report page) on a free port
 * with a temporary data directory; `sinkEvents` reads the NDJSON its telemetry sink wrote.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/start-demo.js';
import type { TelemetryEvent } from '../../src/telemetry/event-schemas.js';
import { waitFor } from './harness.js';

/** Fixture citizens (oncefill/testing) without an OTP challenge. */
export const LAN = '001190012345';
export const MINH_ANH = '001212000123';

export interface TestDemo extends Demo {
  /** Closes the demo and deletes its data directory. */
  stop(): Promise<void>;
}

export async function startTestDemo(): Promise<TestDemo> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oncefill-demo-'));
  const demo = await startDemo({ dataDir, quiet: true });
  return Object.assign(demo, {
    stop: async () => {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Logs `personalId` in through the demo's SSO page and lands on `next`. */
export async function logIn(page: Page, demo: Demo, personalId: string, next = '/'): Promise<void> {
  await page.goto(`${demo.url}login?next=${encodeURIComponent(next)}`);
  await page.check(`input[name=citizen][value="${personalId}"]`);
  await Promise.all([page.waitForURL((url) => url.pathname === next), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
}

/** The procedure's form once oncefill bound it and the sources answered. */
export async function waitForPrefill(page: Page): Promise<void> {
  await page.waitForSelector('form[data-oncefill-procedure][data-oncefill-bound]:not([data-oncefill-loading])');
}

/** Values that pass the demo server's checks, by control type or field path. */
const VALUE_BY_NAME: Array<[RegExp, string]> = [
  [/wardCode$/, '00004'],
  [/provinceCode$/, '01'],
  [/wardName$/, 'Phường Ba Đình'],
  [/provinceName$/, 'Thành phố Hà Nội'],
];
const VALUE_BY_TYPE: Record<string, string> = { date: '2026-12-01', number: '1', tel: '0987654321', email: 'cong.dan@example.vn' };

/**
 * Fills every required control still empty, as a citizen types (trusted input events) and
 * attaches a scan to a required file input; prefilled values are left as they are. `choices`
 * first sets controls by name (a radio by its value): answers that decide which other fields
 * are required.
 */
export async function fillRequired(page: Page, choices: Record<string, string> = {}): Promise<void> {
  const form = page.locator('form[data-oncefill-procedure]');
  for (const [name, value] of Object.entries(choices)) {
    const control = form.locator(`[name="${name}"]`);
    if ((await control.first().getAttribute('type')) === 'radio') await control.and(page.locator(`[value="${value}"]`)).check();
    else await control.fill(value);
  }
  const controls = await form.locator('[required]').evaluateAll((els) =>
    els.map((el) => {
      const c = el as HTMLInputElement;
      const group = c.type === 'radio' && c.form?.querySelector(`input[name="${CSS.escape(c.name)}"]:checked`) !== null;
      return { name: c.name, type: c.tagName === 'SELECT' ? 'select' : c.tagName === 'TEXTAREA' ? 'textarea' : c.type, empty: c.type === 'checkbox' ? !c.checked : c.type === 'radio' ? !group : !c.value };
    }),
  );
  for (const { name, type, empty } of controls) {
    if (!empty) continue;
    const control = form.locator(`[name="${name}"]`).first();
    // A required document nothing reused: the citizen attaches a scan.
    if (type === 'file') await control.setInputFiles({ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    else if (type === 'radio' || type === 'checkbox') await control.check();
    else if (type === 'select') await control.selectOption({ index: 1 });
    else await control.fill(VALUE_BY_NAME.find(([re]) => re.test(name))?.[1] ?? VALUE_BY_TYPE[type] ?? 'Hải Phòng');
  }
}

/** Clicks the form's submit button. */
export async function submit(page: Page): Promise<void> {
  await page.locator('form[data-oncefill-procedure] button[type=submit]').click();
}

/** Submits a complete form and waits for the receipt page; returns the keyed hash it shows. */
export async function submitToReceipt(page: Page): Promise<string> {
  await submit(page);
  const receipt = page.locator('[data-oncefill-receipt]');
  const refused = page.locator('.errors[role=alert]');
  await receipt.or(refused).waitFor();
  // The demo re-renders a refused form with its errors (field paths and messages, no values).
  if (await refused.isVisible()) throw new Error(`the demo refused the dossier: ${await refused.textContent()}`);
  return (await receipt.getAttribute('data-oncefill-receipt'))!;
}

/** Answers the rating prompt oncefill shows (1–5). */
export async function rate(page: Page, score: 1 | 2 | 3 | 4 | 5): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: new RegExp(`^${score}:`) }).click();
}

/** The events the demo's sink appended so far, in order. */
export async function sinkEvents(demo: Demo): Promise<TelemetryEvent[]> {
  const text = await readFile(demo.eventsFile, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TelemetryEvent);
}

/** Waits until the sink holds `count` events named `name` (the browser sends on page hide or after a delay). */
export async function waitForSink(demo: Demo, name: TelemetryEvent['name'], count = 1): Promise<TelemetryEvent[]> {
  let events: TelemetryEvent[] = [];
  await waitFor(async () => (events = await sinkEvents(demo)).filter((e) => e.name === name).length >= count, 10_000, `${count} × ${name} at the demo sink`);
  return events;
}
