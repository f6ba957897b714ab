/**
 * The demo's report page follows its use (issue 9): read the numbers on `/report`, complete one
 * more flow at the portal, reload, and the numbers moved by exactly that flow. The page is read
 * as a person reads it: the table's cells under their column headings, the bars of the chart,
 * the count of events in the lead paragraph.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillRequired, LAN, logIn, MINH_ANH, rate, sinkEvents, startTestDemo, submitToReceipt, waitForPrefill, waitForSink, type TestDemo } from './demo-driver.js';
import { cspViolations, launchChromium, openPage, pageErrors } from './harness.js';

const OVERALL = 'Tất cả / all';
const PROCEDURE = '1.005092';

let browser: Browser;
let demo: TestDemo;
let reader: Page;

interface Row {
  submissions: number;
  abandoned: number;
  ratings: number;
}
interface Numbers {
  rows: Record<string, Row>;
  byMinute: number[];
  events: number;
}

/** The numbers on the report page as it is now (reloaded). */
async function readReport(): Promise<Numbers> {
  await reader.goto(`${demo.url}report`);
  return reader.evaluate(() => {
    // Numbers are written the Vietnamese way: 1.234,5.
    const number = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));
    const headings = Array.from(document.querySelectorAll('thead th'), (th) => th.querySelector('.en')?.textContent ?? '');
    const column = (english: string) => headings.indexOf(english);
    const rows: Record<string, Row> = {};
    for (const tr of Array.from(document.querySelectorAll('tbody tr[data-scope]'))) {
      const cells = Array.from(tr.children, (td) => td.textContent ?? '');
      rows[tr.getAttribute('data-scope')!] = {
        submissions: number(cells[column('submissions')]!),
        abandoned: number(cells[column('abandoned')]!),
        // "66,7 % (3) ✓ đạt": the share, then the number of ratings.
        ratings: number(/\(([\d.,]+)\)/.exec(cells[column('satisfied')]!)?.[1] ?? 'NaN'),
      };
    }
    const byMinute = Array.from(document.querySelectorAll('[data-chart="time-to-submit"] rect[data-minute]'), (rect) => Number(rect.getAttribute('data-value')));
    const events = number(/Từ ([\d.]+) sự kiện/.exec(document.querySelector('.lead')?.textContent ?? '')?.[1] ?? 'NaN');
    return { rows, byMinute, events };
  });
}

/** One citizen's flow of 1.005092, submitted after `minutes` (fast-forwarded) and rated. */
async function flow(personalId: string, minutes: number, score: 2 | 4): Promise<void> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  await logIn(page, demo, personalId, `/legacy/${PROCEDURE}`);
  await waitForPrefill(page);
  await page.clock.fastForward(minutes * 60_000);
  await fillRequired(page);
  await submitToReceipt(page);
  await rate(page, score);
  await page.goto(demo.url); // leaving the receipt page sends what is queued
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
}

beforeAll(async () => {
  browser = await launchChromium();
  demo = await startTestDemo();
  reader = await openPage(browser);
  // Something on the report before: one flow at minute 2.
  await flow(LAN, 2, 4);
  await waitForSink(demo, 'satisfaction:rated', 1);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the demo's report page", () => {
  it('changes by exactly one submission, one rating and its minute after one more flow', async () => {
    const before = await readReport();
    expect(before.rows[OVERALL]).toEqual({ submissions: 1, abandoned: 0, ratings: 1 });
    expect(before.rows[PROCEDURE]).toEqual(before.rows[OVERALL]);
    expect(before.events).toBe((await sinkEvents(demo)).length);

    await flow(MINH_ANH, 5, 2);
    await waitForSink(demo, 'satisfaction:rated', 2);

    const after = await readReport();
    const plusOne = (row: Row) => ({ submissions: row.submissions + 1, abandoned: row.abandoned, ratings: row.ratings + 1 });
    expect(after.rows[OVERALL]).toEqual(plusOne(before.rows[OVERALL]!));
    expect(after.rows[PROCEDURE]).toEqual(plusOne(before.rows[PROCEDURE]!));
    // The new submission took 5 minutes and some seconds: one more bar at minute 5, nothing else.
    expect(after.byMinute).toEqual(before.byMinute.map((n, minute) => (minute === 5 ? n + 1 : n)));
    expect(after.events).toBe((await sinkEvents(demo)).length);
    expect(after.events).toBeGreaterThan(before.events);
    // Its rating of 2 is "not satisfied": the page shows the share fall below 100 %.
    await expect(reader.locator(`tbody tr[data-scope="${OVERALL}"]`).textContent()).resolves.toContain('50,0 % (2)');
    expect(pageErrors(reader)).toEqual([]);
    expect(await cspViolations(reader)).toEqual([]);
  });
});
