/**
 * The KPI report of a scripted day at the demo portal (issue 9): two fixture citizens, two
 * procedures, one form abandoned, three ratings (one "not satisfied"). The NDJSON the demo's
 * sink wrote goes through `kpiReport` and must equal `test/golden/kpi/demo-flow.json`; with a
 * back-office CSV for two of those dossiers, `processingTimeChange` must equal the value worked
 * out by hand below, and `oncefill report` must say the same as `kpiReport`.
 *
 * Determinism. Event, flow and session ids are random; the report never shows them. Times are
 * made deterministic where they can be and bounded where they cannot:
 * - each browser runs playwright's `page.clock`, fast-forwarded 2, 4 and 6 minutes while a citizen
 *   fills a form, so each submission's wall time falls in a known minute: `byMinute`,
 *   `under5MinShare`, `under8MinShare` and every count and share are compared exactly;
 * - what is left is real time this machine spends (server round trips, page loads, the gateway's
 *   latency; the login is stamped by the demo server's own clock, outside any page clock), so the
 *   millisecond fields are checked against stated bounds (BOUNDS) and the golden holds the bound
 *   in their place. The bounds allow up to 60 s of real time per flow.
 *
 * `UPDATE_GOLDEN=1 npx vitest run --config vitest.e2e.config.ts test/e2e/demo-kpi-flow.e2e.test.ts`
 * rewrites the golden: read every line of the diff before committing.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiReport, type KpiReport } from '../../dist/server.js';
import { fillRequired, LAN, logIn, MINH_ANH, rate, startTestDemo, submitToReceipt, waitForPrefill, waitForSink, type TestDemo } from './demo-driver.js';
import { launchChromium, pageErrors, ROOT } from './harness.js';

const GOLDEN = `${ROOT}test/golden/kpi/demo-flow.json`;
const MINUTE = 60_000;
/** Real time a flow may take beyond its fast-forward. */
const SLACK = MINUTE;

/**
 * Submissions (wall time = fast-forward + real time < SLACK):
 * F1 Lan 1.005092, first of her login (totalMs), 2 min — rated 1;
 * F2 Lan 2.000645, second of her login (sinceOpenMs), 4 min — rated 5;
 * F3 Minh Anh 1.005092, abandoned by logging out — not rated;
 * F4 Minh Anh 1.005092, after logging in again (totalMs), 6 min — rated 4.
 */
const WALL = { F1: 2 * MINUTE, F2: 4 * MINUTE, F4: 6 * MINUTE };
/** Active time counts each gap between inputs up to 60 s: the fast-forward adds one such minute. */
const ACTIVE: [number, number] = [MINUTE, MINUTE + SLACK];
/** The gateway answers in real time. */
const LATENCY: [number, number] = [0, SLACK];

/** A flow's wall time: its fast-forward plus under SLACK of real time. */
const flowTime = (wall: number): [number, number] => [wall, wall + SLACK];
/** A percentile reads back a bucket's middle: within 1/128 of the value (docs/kpi.md), and within the exact extremes. */
const percentile = ([lo, hi]: [number, number], [min, max]: [number, number]): [number, number] => [Math.max(min, Math.floor(lo * (1 - 1 / 128))), Math.min(max, Math.ceil(hi * (1 + 1 / 128)))];
const [F1, F2, F4] = [flowTime(WALL.F1), flowTime(WALL.F2), flowTime(WALL.F4)];
/** Bounds of the time fields per scope: the mean of its flows, the flow each percentile's rank lands on. */
const TIME_BOUNDS: Record<string, Record<'meanMs' | 'medianMs' | 'p90Ms', [number, number]>> = {
  // Three flows: the median (rank 1.5) is F2, p90 (rank 2.7) is F4.
  overall: { meanMs: [(F1[0] + F2[0] + F4[0]) / 3, (F1[1] + F2[1] + F4[1]) / 3], medianMs: percentile(F2, [F1[0], F4[1]]), p90Ms: percentile(F4, [F1[0], F4[1]]) },
  // F1 and F4: the median (rank 1) is F1, p90 (rank 1.8) is F4.
  '1.005092': { meanMs: [(F1[0] + F4[0]) / 2, (F1[1] + F4[1]) / 2], medianMs: percentile(F1, [F1[0], F4[1]]), p90Ms: percentile(F4, [F1[0], F4[1]]) },
  '2.000645': { meanMs: F2, medianMs: F2, p90Ms: F2 },
};

let browser: Browser;
let demo: TestDemo;
let report: KpiReport;
const pages: Page[] = [];
/** The keyed hashes on the receipt pages, as the demo server computed them. */
const refs: Record<'F1' | 'F2' | 'F4', string> = { F1: '', F2: '', F4: '' };

async function citizen(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  pages.push(page);
  return page;
}

/** 2.000645 for a citizen acting for herself: the individual's fields, her permanent address typed. */
const AS_INDIVIDUAL = {
  applicantKind: 'individual',
  'permanentAddress.detail': 'Số 5 phố Hoàng Diệu',
  'permanentAddress.wardName': 'Phường Ba Đình',
  'permanentAddress.wardCode': '00004',
  'permanentAddress.provinceName': 'Thành phố Hà Nội',
  'permanentAddress.provinceCode': '01',
};

/** Fills what the prefill left after `wallMs` of reading (fast-forwarded), submits, rates. */
async function complete(page: Page, wallMs: number, score: 1 | 4 | 5, choices: Record<string, string> = {}): Promise<string> {
  await page.clock.fastForward(wallMs);
  await fillRequired(page, choices);
  const ref = await submitToReceipt(page);
  await rate(page, score);
  return ref;
}

beforeAll(async () => {
  browser = await launchChromium();
  demo = await startTestDemo();

  const lan = await citizen();
  await logIn(lan, demo, LAN, '/legacy/1.005092');
  await waitForPrefill(lan);
  await lan.locator('[name=contactPhone]').fill('0987654321');
  refs.F1 = await complete(lan, WALL.F1, 1);
  await lan.goto(`${demo.url}legacy/2.000645`);
  await waitForPrefill(lan);
  refs.F2 = await complete(lan, WALL.F2, 5, AS_INDIVIDUAL);
  await lan.goto(demo.url);

  const minhAnh = await citizen();
  await logIn(minhAnh, demo, MINH_ANH, '/legacy/1.005092');
  await waitForPrefill(minhAnh);
  await minhAnh.locator('[name=reason]').fill('Xin việc');
  await Promise.all([minhAnh.waitForURL(demo.url), minhAnh.locator('form[data-oncefill-logout] button').click()]);
  await waitForSink(demo, 'form:abandoned');
  await logIn(minhAnh, demo, MINH_ANH, '/legacy/1.005092');
  await waitForPrefill(minhAnh);
  refs.F4 = await complete(minhAnh, WALL.F4, 4);
  await minhAnh.goto(demo.url);

  await waitForSink(demo, 'satisfaction:rated', 3);
  await waitForSink(demo, 'submit:confirmed', 3);
  report = await kpiReport([{ name: 'events.ndjson', chunks: [readFileSync(demo.eventsFile, 'utf8')] }]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };

/** Checks the bounded fields and puts the bound in their place, so the rest compares exactly. */
function normalize(r: KpiReport): Json {
  const copy = JSON.parse(JSON.stringify(r)) as { overall: Record<string, Json>; procedures: Record<string, Record<string, Json>> };
  const bound = (scope: string, holder: Record<string, Json>, key: string, [lo, hi]: [number, number]) => {
    const value = holder[key];
    if (value === null) return;
    expect(value, `${scope} ${key}`).toBeGreaterThanOrEqual(lo);
    expect(value, `${scope} ${key}`).toBeLessThan(hi);
    holder[key] = `${lo} ≤ ms < ${hi}`;
  };
  for (const [scope, m] of [['overall', copy.overall] as const, ...Object.entries(copy.procedures)]) {
    const time = m.timeToSubmit as Record<string, Json>;
    for (const key of ['meanMs', 'medianMs', 'p90Ms'] as const) bound(scope, time, key, TIME_BOUNDS[scope]![key]);
    for (const key of ['meanMs', 'medianMs', 'p90Ms']) bound(scope, time.active as Record<string, Json>, key, ACTIVE);
    for (const source of Object.values(m.sources as Record<string, Record<string, Json>>)) bound(scope, source, 'p95LatencyMs', LATENCY);
  }
  return copy as unknown as Json;
}

describe('the KPI report of a scripted flow over the demo', () => {
  it('equals the committed golden (counts and shares exactly, times within their bounds)', () => {
    for (const page of pages) expect(pageErrors(page)).toEqual([]);
    const actual = normalize(report);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('puts each submission in the minute its fast-forward chose', () => {
    const minutes = report.overall.timeToSubmit.byMinute;
    expect(minutes.flatMap((n, minute) => Array<number>(n).fill(minute))).toEqual([2, 4, 6]);
    expect(report.overall.timeToSubmit.under5MinShare).toBe(0.6667);
  });

  it('changes processingTimeChange as worked out by hand when the back office adds its records', async () => {
    expect(report.overall.processingTimeChange).toBeNull();
    // The hashes the receipt pages carried are the ones the sink received in submit:confirmed.
    const confirmed = readFileSync(demo.eventsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { name: string; dossier?: string })
      .filter((e) => e.name === 'submit:confirmed')
      .map((e) => e.dossier);
    expect(confirmed).toEqual([refs.F1, refs.F2, refs.F4]);

    // Working days d with received < d ≤ result (June 2025 has no holiday), minus paused days:
    // online  F1 (1.005092) Mon 2/6 → Wed 4/6 = 2;  F2 (2.000645) Mon 2/6 → Thu 5/6 = 3  → mean 2.5
    // in person (1.005092)  Mon 2/6 → Mon 9/6 = 5;  Mon 2/6 → Wed 11/6 = 7 − 1 paused = 6 → mean 5.5
    // overall  (2.5 − 5.5) / 5.5 = −0.5455;  1.005092  (2 − 5.5) / 5.5 = −0.6364;  2.000645: no in-person → null
    const csv = [
      'dossierRef,channel,receivedAt,resultAt,pausedDays,procedure',
      `${refs.F1},online,2025-06-02T09:00:00+07:00,2025-06-04T16:00:00+07:00,0,`,
      `${refs.F2},online,2025-06-02T10:00:00+07:00,2025-06-05T11:00:00+07:00,0,`,
      `${'e1'.repeat(32)},in-person,2025-06-02T08:30:00+07:00,2025-06-09T15:00:00+07:00,0,1.005092`,
      `${'e2'.repeat(32)},in-person,2025-06-02T14:00:00+07:00,2025-06-11T09:00:00+07:00,1,1.005092`,
    ].join('\n');
    const withRecords = await kpiReport([{ name: 'events.ndjson', chunks: [readFileSync(demo.eventsFile, 'utf8')] }], { processing: { name: 'records.csv', chunks: [csv] } });
    expect(withRecords.overall.processingTimeChange).toBe(-0.5455);
    expect(withRecords.procedures['1.005092']!.processingTimeChange).toBe(-0.6364);
    expect(withRecords.procedures['2.000645']!.processingTimeChange).toBeNull();
    expect(withRecords.overall.processing).toEqual({
      onlineDossiers: 2,
      inPersonDossiers: 2,
      postDossiers: 0,
      onlineMeanWorkingDays: 2.5,
      inPersonMeanWorkingDays: 5.5,
      postMeanWorkingDays: null,
      matchedDossiers: 2,
    });
    // Nothing else moves.
    expect({ ...withRecords.overall, processing: null, processingTimeChange: null }).toEqual({ ...report.overall, processing: null, processingTimeChange: null });

    // The CLI over the same files says the same.
    const dir = await mkdtemp(join(tmpdir(), 'oncefill-kpi-'));
    try {
      await writeFile(join(dir, 'records.csv'), csv);
      const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}dist/cli.js`, 'report', demo.eventsFile, '--processing', join(dir, 'records.csv'), '--strict']);
      expect(JSON.parse(stdout)).toEqual(withRecords);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
