/**
 * The KPI report's HTML page in Chromium: it renders under a CSP that allows no script at all,
 * and its charts say what the report says (bars per minute with the 5- and 8-minute lines,
 * reuse per procedure, satisfaction against the targets, source availability).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiReport, renderKpiHtml, type KpiReport } from '../../dist/server.js';
import { launchChromium, openPage, pageErrors, ROOT, startServer, type TestServer } from './harness.js';

const doc = readFileSync(`${ROOT}docs/kpi.md`, 'utf8');
const block = (tag: string) => new RegExp('```[a-z]+ ' + tag + '\\n([\\s\\S]*?)```').exec(doc)![1]!;
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

let browser: Browser;
let server: TestServer;
let page: Page;
let report: KpiReport;
const consoleErrors: string[] = [];

beforeAll(async () => {
  report = await kpiReport([{ name: 'example.ndjson', chunks: [block('kpi-example-events')] }], {
    processing: { name: 'example.csv', chunks: [block('kpi-example-processing')] },
  });
  browser = await launchChromium();
  server = await startServer();
  const html = renderKpiHtml(report);
  server.route('/kpi.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(html));
  page = await openPage(browser);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(server.url('/kpi.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const attr = (selector: string, name: string) => page.locator(selector).getAttribute(name);
const box = async (selector: string) => (await page.locator(selector).boundingBox())!;

describe('the KPI report page in Chromium', () => {
  it('renders under a CSP without script, with no error and no request beyond itself', async () => {
    expect(pageErrors(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(server.requests.map((r) => r.path).filter((p) => p !== '/favicon.ico')).toEqual(['/kpi.html']);
    expect(await page.locator('figure[data-chart]').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-chart')))).toEqual([
      'time-to-submit',
      'reuse',
      'satisfaction',
      'sources',
    ]);
  });

  it('draws the time to submit by minute, with the 5- and 8-minute lines where the minutes are', async () => {
    const bars = page.locator('[data-chart="time-to-submit"] rect[data-minute]');
    expect(await bars.count()).toBe(16);
    expect(await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))))).toEqual(report.overall.timeToSubmit.byMinute);
    const five = await box('[data-chart="time-to-submit"] line[data-limit="5"]');
    const eight = await box('[data-chart="time-to-submit"] line[data-limit="8"]');
    const minute = (m: number) => box(`[data-chart="time-to-submit"] rect[data-minute="${m}"]`);
    const [four, fiveBar, seven] = [await minute(4), await minute(5), await minute(7)];
    expect(four.x + four.width).toBeLessThanOrEqual(five.x + 1);
    expect(fiveBar.x).toBeGreaterThanOrEqual(five.x);
    expect(seven.x + seven.width).toBeLessThanOrEqual(eight.x + 1);
    // Two submissions took 7–8 minutes, one 4–5: twice the height.
    expect(seven.height).toBeCloseTo(2 * four.height, 0);
    await expect(page.locator('[data-chart="time-to-submit"]').textContent()).resolves.toContain('5 phút (mục tiêu 2026)');
  });

  it('draws reuse per procedure, satisfaction against 90 % and 95 %, and source availability, as the report says', async () => {
    for (const [code, m] of Object.entries(report.procedures)) {
      expect(await attr(`[data-chart="reuse"] rect[data-procedure="${code}"][data-key="prefillShare"]`, 'data-value')).toBe(String(m.prefillShare));
      expect(await attr(`[data-chart="reuse"] rect[data-procedure="${code}"][data-key="fieldsReusedShare"]`, 'data-value')).toBe(String(m.fieldsReusedShare));
    }
    const full = await box('[data-chart="reuse"] rect[data-procedure="1.004616"][data-key="prefillShare"]');
    const half = await box('[data-chart="reuse"] rect[data-procedure="1.005092"][data-key="prefillShare"]');
    expect(half.width).toBeCloseTo(full.width / 2, 0);
    expect(await attr('[data-chart="satisfaction"] rect[data-scope="overall"]', 'data-value')).toBe('0.6');
    expect(await page.locator('[data-chart="satisfaction"] line[data-target]').evaluateAll((lines) => lines.map((l) => l.getAttribute('data-target')))).toEqual(['0.9', '0.95']);
    expect(await attr('[data-chart="sources"] rect[data-source="population"]', 'data-value')).toBe('0.75');
    expect(await attr('[data-chart="sources"] rect[data-source="personal"]', 'data-value')).toBe('');
  });

  it('tabulates each procedure against the 2026 targets in words, not colour alone', async () => {
    const rows = page.locator('tbody tr[data-scope]');
    expect(await rows.count()).toBe(3);
    const overall = (await rows.nth(0).textContent()) ?? '';
    expect(overall).toContain('60,0 %');
    expect(overall).toContain('-58,3 %');
    expect(overall).toMatch(/chưa đạt/);
    expect((await rows.nth(2).textContent()) ?? '').toMatch(/✓ đạt/);
  });
});
