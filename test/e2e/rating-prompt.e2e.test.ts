import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryBatch, TelemetryEvent } from '../../src/telemetry/event-schemas.js';
import { ROOT, collector, launchChromium, openPage, pageErrors, startServer, waitFor, type TestServer } from './harness.js';

let browser: Browser;
let server: TestServer;
let page: Page;

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const events = (): TelemetryEvent[] =>
  server.requests.filter((r) => r.path === '/collect' && r.method === 'POST').flatMap((r) => (JSON.parse(r.body) as TelemetryBatch).events);

/** A page on the one-tag embed: telemetry, the prompt with `prompt` options, then `script`. */
const iifePage = (script: string, prompt = '{}', telemetry = '') => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dịch vụ công</title></head>
<body><main><h1>Đăng ký thường trú</h1><button id="other">Nút khác</button></main>
<script src="/dist/oncefill.global.js"></script>
<script>
  Oncefill.createTelemetry({ endpoint: '/collect', flushIntervalMs: 100${telemetry} });
  Oncefill.bindRatingPrompt(${prompt});
  ${script}
</script></body></html>`;

/** Opens a flow through the ESM build (the IIFE gets its form binding in a later issue). */
const modulePart = (script: string) => `<script type="module">
  const O = await import('/dist/dom.js');
  window.tracker = O.trackForm({ procedure: { code: '1.004616', version: '2025.1' } });
  ${script}
</script>`;

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run({ include: [['.oncefill-rating']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => v.id);
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  server.route('/collect', collector());
  server.route('/feedback', collector());
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

describe('the satisfaction prompt in Chromium', () => {
  it('appears after a confirmed success, in Vietnamese, accessible, and rates with the keyboard', async () => {
    page = await openPage(browser);
    // Bundle duplication is fine here: the module page has its own hub only if loaded alone, so
    // this page uses the module build for both the flow and the prompt.
    server.page(
      '/ok.html',
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dịch vụ công</title></head><body><main><h1>Nộp hồ sơ</h1><button id="other">Nút khác</button></main>
      ${modulePart(`O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 100 }); O.bindRatingPrompt();
        document.getElementById('other').focus();
        tracker.submitAttempted(); tracker.confirmed();`)}</body></html>`,
    );
    await page.goto(server.url('/ok.html'));
    const dialog = page.getByRole('dialog', { name: 'Bạn hài lòng với dịch vụ công trực tuyến này ở mức nào?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('data-after')).toBe('confirmed');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('oncefill-rating-title');
    expect(await axeViolations()).toEqual([]);
    for (let i = 1; i <= 5; i++) expect(await page.getByRole('button', { name: new RegExp(`^${i}: `) }).count()).toBe(1);
    // Keyboard only: Tab to the fourth score, Enter.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('4: Hài lòng');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Cảm ơn bạn đã đánh giá.');
    await waitFor(() => events().some((e) => e.name === 'satisfaction:rated'), 5000, 'the rating');
    expect(events().find((e) => e.name === 'satisfaction:rated')).toMatchObject({ score: 4, after: 'confirmed' });
    // Escape closes it and gives the focus back.
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('other');
  });

  it('appears after a failure the citizen cannot fix, without taking the focus', async () => {
    page = await openPage(browser);
    server.page(
      '/fail.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Service</title></head><body><input id="phone">
      ${modulePart(`O.bindRatingPrompt({ lang: 'en' }); document.getElementById('phone').focus();
        tracker.submitAttempted(); tracker.submitFailed('invalid', { phone: 1 }); window.afterInvalid = document.querySelectorAll('.oncefill-rating').length;
        tracker.submitAttempted(); tracker.submitFailed('server');`)}</body></html>`,
    );
    await page.goto(server.url('/fail.html'));
    const dialog = page.getByRole('dialog', { name: 'How satisfied are you with this online public service?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { afterInvalid: number }).afterInvalid)).toBe(0);
    expect(await dialog.getAttribute('data-after')).toBe('failed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone');
    expect(await axeViolations()).toEqual([]);
  });

  it('appears on the next page load for a form left unfinished (one-tag embed)', async () => {
    page = await openPage(browser);
    server.page('/form.html', `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biểu mẫu</title></head><body>${modulePart('window.ready = true;')}</body></html>`);
    server.page('/next.html', iifePage('', '{}', ', abandonGraceMs: 300'));
    await page.goto(server.url('/form.html'));
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    await page.goto(server.url('/next.html'));
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await dialog.getAttribute('data-after')).toBe('abandoned');
    await page.getByRole('button', { name: '2: Không hài lòng' }).click();
    await waitFor(() => events().some((e) => e.name === 'satisfaction:rated'), 5000, 'the rating');
    expect(events().map((e) => e.name)).toEqual(expect.arrayContaining(['form:abandoned', 'satisfaction:rated']));
    expect(events().find((e) => e.name === 'form:abandoned')).toMatchObject({ reason: 'left', phase: 'prefill' });
    // Once per flow: the next page does not ask again.
    await page.goto(server.url('/next.html'));
    await page.waitForTimeout(700);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('appears after the stated idle time on the form page', async () => {
    page = await openPage(browser);
    server.page(
      '/idle.html',
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biểu mẫu</title></head><body>
      ${modulePart(`O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 100, idleAbandonMs: 400 }); O.bindRatingPrompt();`)}</body></html>`,
    );
    await page.goto(server.url('/idle.html'));
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await dialog.getAttribute('data-after')).toBe('abandoned');
    await waitFor(() => events().some((e) => e.name === 'form:abandoned'), 5000, 'form:abandoned');
    expect(events().find((e) => e.name === 'form:abandoned')).toMatchObject({ reason: 'idle' });
  });

  it('sends a comment, redacted, to the portal feedback endpoint only, when comments are on', async () => {
    page = await openPage(browser);
    server.page(
      '/comment.html',
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biên nhận</title></head><body>
      ${modulePart(`O.createTelemetry({ endpoint: '/collect', flushIntervalMs: 100 }); O.bindRatingPrompt({ comments: { endpoint: '/feedback', maxLength: 200 } }); tracker.confirmed();`)}</body></html>`,
    );
    await page.goto(server.url('/comment.html'));
    await page.getByRole('button', { name: '5: Rất hài lòng' }).click();
    const box = page.getByLabel('Góp ý thêm (không bắt buộc). Xin đừng ghi thông tin cá nhân.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await box.fill('Nhanh lắm! Gọi 0912 345 678, CCCD 001203004567, an.tran@example.com');
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await waitFor(() => server.requests.some((r) => r.path === '/feedback'), 5000, 'the comment');
    const feedback = JSON.parse(server.requests.find((r) => r.path === '/feedback')!.body);
    expect(feedback).toEqual({ procedure: { code: '1.004616', version: '2025.1' }, score: 5, comment: 'Nhanh lắm! Gọi [phone], CCCD [number], [email]' });
    await waitFor(() => events().some((e) => e.name === 'satisfaction:rated'), 5000, 'the rating');
    const telemetry = server.requests.filter((r) => r.path === '/collect').map((r) => r.body).join('');
    expect(telemetry).not.toMatch(/Nhanh|0912|001203004567|an\.tran/);
  });

  it('gives the one-tag embed every member DESIGN.md lists', async () => {
    page = await openPage(browser);
    server.page('/global.html', iifePage('window.members = Object.keys(Oncefill).sort();'));
    await page.goto(server.url('/global.html'));
    const members = await page.evaluate(() => (window as unknown as { members: string[] }).members);
    // DESIGN.md "Package surface", plus bindRatingPrompt (the prompt a script-tag page turns on).
    const listed = ['bindForm', 'autoInit', 'parseProcedure', 'createGatewaySources', 'resolvePrefill', 'createFormSession', 'markLogin', 'markLogout', 'confirmSubmission', 'onTimeToSubmit', 'createTelemetry', 'rate', 'version'];
    expect(members).toEqual([...listed, 'bindRatingPrompt'].sort());
    for (const name of listed.filter((n) => n !== 'version')) expect(await page.evaluate((n) => typeof (window as unknown as { Oncefill: Record<string, unknown> }).Oncefill[n], name)).toBe('function');
  });
});
