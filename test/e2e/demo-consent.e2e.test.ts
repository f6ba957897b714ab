/**
 * Consent and one-time codes on the demo's one-tag page, in Chromium over `startDemo`: the
 * citizen is asked through the on-demand UI, and what they answer decides what the back office
 * receives. Lê Thị Hoà's population lookup asks for her one-time code (fixture `otp`); every
 * citizen's personal store asks for consent.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../src/testing/fixtures.js';
import { cspViolations, launchChromium, openPage, pageErrors, ROOT } from './harness.js';
import { LAN, fillRequired, logIn, startTestDemo, submitToReceipt, waitForPrefill, type TestDemo } from './demo-driver.js';

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const HOA = fixtures.citizens[1]!;
const PERSONAL = 'Kho dữ liệu điện tử của bạn';

let browser: Browser;
let demo: TestDemo;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  demo = await startTestDemo();
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});
afterEach(async () => {
  if (!page) return;
  expect(pageErrors(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  await page.context().close();
  page = undefined;
});

async function open(personalId: string, path = '/legacy/1.005092'): Promise<Page> {
  page = await openPage(browser);
  await logIn(page, demo, personalId, path);
  await waitForPrefill(page);
  return page;
}

/** The last dossier the demo's back office received, once the form was completed and posted. */
async function post(p: Page) {
  const before = demo.dossiers.length;
  await fillRequired(p, { requestFor: 'self' });
  await submitToReceipt(p);
  expect(demo.dossiers).toHaveLength(before + 1);
  return demo.dossiers.at(-1)!;
}

async function axeViolations(p: Page, selector: string): Promise<string[]> {
  // Evaluated, not an inline <script>: the demo's strict CSP would (rightly) refuse that.
  await p.evaluate(AXE);
  return p.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [[include]] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

describe('a one-tag page asks for what a source needs', () => {
  it('Hoà gets the code prompt; a wrong code asks again, her code fills the form from the population database', async () => {
    const p = await open(HOA.personalId);
    // Nothing from the population database until she answers.
    expect(await p.inputValue('[name=fullName]')).toBe('');
    const prompt = p.getByRole('form', { name: 'Nhập mã xác thực đã gửi qua SMS' });
    const code = prompt.getByRole('textbox');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await axeViolations(p, '.oncefill-panel')).toEqual([]);

    await code.fill('000000');
    await prompt.getByRole('button', { name: 'Xác nhận' }).click();
    await prompt.getByText('Mã chưa đúng. Xin nhập lại mã đã gửi.').waitFor();
    expect(await p.inputValue('[name=fullName]')).toBe('');
    expect(await code.getAttribute('aria-invalid')).toBe('true');

    await code.fill(HOA.otp!);
    await code.press('Enter');
    await p.waitForSelector('[name=fullName][data-oncefill-filled=population]');
    expect(await p.inputValue('[name=fullName]')).toBe('Lê Thị Hoà');
    expect(await prompt.count()).toBe(0);
    // The code stays out of the page's form.
    expect(await p.locator('form[data-oncefill-procedure]').evaluate((form) => [...new FormData(form as HTMLFormElement).values()].includes('246810'))).toBe(false);

    // Her personal store asks for consent too; she declines and types her e-mail herself.
    const consent = p.getByRole('dialog', { name: `Cho phép lấy thông tin từ ${PERSONAL}?` });
    await consent.getByRole('button', { name: 'Không' }).click();
    expect(await p.locator('.oncefill-status').textContent()).toContain(`Chưa lấy được thông tin từ ${PERSONAL}. Bạn vẫn có thể tự nhập.`);

    const dossier = await post(p);
    expect(dossier.post.values).toMatchObject({ fullName: 'Lê Thị Hoà', idNumber: HOA.personalId });
    const envelope = dossier.envelope as { fields: Record<string, { source?: string; setBy?: string }> };
    expect(envelope.fields.fullName).toMatchObject({ source: 'population', setBy: 'oncefill' });
    expect(envelope.fields.contactEmail?.source).toBeUndefined();
    expect(dossier.verification.fields.fullName).toMatchObject({ status: 'verified', source: 'population' });
    // Only her year-only birth date (signed as 1962) differs: a date control cannot hold a year, so she typed a full date.
    expect(dossier.verification.problems).toEqual([{ code: 'altered-locked-value', path: 'birthDate' }]);
  });

  it('cancelling the code leaves the fields editable, with the notice', async () => {
    const p = await open(HOA.personalId);
    const prompt = p.getByRole('form', { name: 'Nhập mã xác thực đã gửi qua SMS' });
    await prompt.getByRole('button', { name: 'Huỷ' }).click();
    expect(await p.locator('.oncefill-status').textContent()).toContain('Chưa lấy được thông tin từ CSDL quốc gia về dân cư. Bạn vẫn có thể tự nhập.');
    expect(await p.isEditable('[name=fullName]')).toBe(true);
    expect(await p.inputValue('[name=fullName]')).toBe('');
  });

  it('Lan consents to her personal store: its e-mail arrives in the payload with source personal', async () => {
    const p = await open(LAN);
    const consent = p.getByRole('dialog', { name: `Cho phép lấy thông tin từ ${PERSONAL}?` });
    // It names what it would fill, in the form's words.
    expect(await consent.textContent()).toContain('Liên hệ: thư điện tử');
    expect(await axeViolations(p, '.oncefill-panel')).toEqual([]);
    await consent.getByRole('button', { name: 'Đồng ý' }).click();
    await p.waitForSelector('[name=contactEmail][data-oncefill-filled=personal]');
    expect(await p.inputValue('[name=contactEmail]')).toBe('lan.nguyen@example.vn');
    expect(await consent.count()).toBe(0);
    // Her personal store holds another phone: the one already filled stays, marked for her to pick.
    await p.waitForSelector('[name=contactPhone][data-oncefill-conflict]');
    expect(await p.inputValue('[name=contactPhone]')).toBe('0912345678');

    const dossier = await post(p);
    expect(dossier.post.values).toMatchObject({ contactEmail: 'lan.nguyen@example.vn', fullName: 'Nguyễn Thị Lan' });
    const envelope = dossier.envelope as { fields: Record<string, { source?: string; setBy?: string }> };
    expect(envelope.fields.contactEmail).toMatchObject({ source: 'personal', setBy: 'oncefill' });
    expect(envelope.fields.contactPhone).toMatchObject({ source: 'population', setBy: 'oncefill' });
    expect(dossier.verification.fields.contactEmail).toMatchObject({ status: 'verified', source: 'personal' });
    expect(dossier.verification.ok).toBe(true);
  });

  it('Lan declines: the fields stay editable, the notice says so, and she is not asked again on this page', async () => {
    const p = await open(LAN);
    await p.getByRole('dialog', { name: `Cho phép lấy thông tin từ ${PERSONAL}?` }).getByRole('button', { name: 'Không' }).click();
    expect(await p.locator('.oncefill-status').textContent()).toContain(`Chưa lấy được thông tin từ ${PERSONAL}. Bạn vẫn có thể tự nhập.`);
    expect(await p.getByRole('dialog').count()).toBe(0);
    expect(await p.isEditable('[name=contactEmail]')).toBe(true);
    expect(await p.inputValue('[name=contactEmail]')).toBe('');
    expect(await p.inputValue('[name=fullName]')).toBe('Nguyễn Thị Lan');
  });
});
