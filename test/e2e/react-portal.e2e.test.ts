/**
 * The React example portal in Chromium, built with React 19 and with React 18, both under
 * StrictMode in development mode, served by the demo portal: log in on its SSO page, let
 * oncefill fill, answer the rest of the form as the citizen, re-render for an unrelated reason,
 * submit, and check field by field that the demo's back office accepted what it received; and
 * a dossier it refuses shows its problems next to the fields, not a receipt.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, setVisibility, waitFor } from './harness.js';
import { BUSINESS, CITIZEN, FACILITY_ADDRESS, answerPracticeQuestions, refusedWithoutReasonThenAccepted, startPortal, submitPracticeAndCheck, type Portal } from './react-vue-portal.js';

let browser: Browser;
let portal: Portal;
beforeAll(async () => {
  browser = await launchChromium();
  portal = await startPortal();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/** The prompts the page showed (consent asks through `confirm`); each is accepted. */
const dialogs = new WeakMap<Page, string[]>();

async function open(example: 'react-19' | 'react-18', file: string, actingFor?: string): Promise<Page> {
  const page = await openPage(browser);
  const shown: string[] = [];
  dialogs.set(page, shown);
  page.on('dialog', (dialog) => void (shown.push(dialog.message()), dialog.accept()));
  await portal.open(page, example, file, actingFor);
  await page.locator('form[data-status="ready"]').waitFor();
  return page;
}

/** Picks an option of an empty non-native listbox with the keyboard, as a citizen would. */
async function pickWithKeyboard(page: Page, combobox: string, label: string): Promise<void> {
  await page.locator(combobox).focus();
  await page.keyboard.press('ArrowDown'); // opens on the first option
  const labels = await page.locator('[role="listbox"] [role="option"]').allTextContents();
  expect(labels).toContain(label);
  for (let i = 0; i < labels.indexOf(label); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe.each(['react-19', 'react-18'] as const)('React example portal on %s', (example) => {
  it('1.004616 with controlled components: the back office accepts the filled values, the citizen’s answers and the envelope', async () => {
    const before = portal.dossiers().length;
    const [opened, confirmed] = [portal.events('form:opened'), portal.events('submit:confirmed')];
    const page = await open(example, 'practice.html');
    expect(await page.locator('footer').getAttribute('data-react')).toMatch(example === 'react-19' ? /^19\./ : /^18\./);

    expect(dialogs.get(page)!.some((m) => m.includes('Kho dữ liệu cá nhân'))).toBe(true); // consent for the personal store
    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');
    expect(await page.locator('[name="fullName"]').getAttribute('readonly')).not.toBeNull();
    // The non-native listbox got the prefilled province: its state is React's alone.
    const currentProvince = page.locator('[data-name="currentAddress.provinceCode"] [role="combobox"]');
    expect(await currentProvince.getAttribute('data-value')).toBe('01');
    await waitFor(async () => (await currentProvince.textContent()) === 'Hà Nội', 5000, 'province names loaded');
    expect(await page.inputValue('[name="currentAddress.wardCode"]')).toBe('00004');
    // The diploma row came from the results store.
    expect(await page.inputValue('[name="diplomas[0].diplomaTitle"]')).toBe('Bằng Dược sĩ đại học');
    // Two conflicts: the population record and the personal store disagree on the phone, and an old ward was split.
    expect(await page.inputValue('[name="phone"]')).toBe('');
    await page.locator('[data-conflict="phone"] button', { hasText: '0987654321' }).click();
    await page.locator('[data-conflict="permanentAddress"] button', { hasText: 'Phường Hoàn Kiếm' }).click();
    expect(await page.locator('[data-name="permanentAddress.provinceCode"] [role="combobox"]').getAttribute('data-value')).toBe('01');

    await pickWithKeyboard(page, '[data-name="recipientAgency"] [role="combobox"]', 'Sở Y tế thành phố Hải Phòng');
    await page.fill('[name="email"]', 'lan.moi@example.vn');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="signDate"]', '2026-12-03');
    await answerPracticeQuestions(page);
    await page.click('#rerender');
    await page.click('#rerender');
    expect(await page.locator('#rerender').textContent()).toContain('(2)');
    expect(await page.inputValue('[name="practiceRows[0].practiceAt"]')).toBe('Nhà thuốc Minh Châu');
    expect(await page.inputValue('[name="phone"]')).toBe('0987654321');
    expect(await page.inputValue('[name="email"]')).toBe('lan.moi@example.vn');
    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');

    await submitPracticeAndCheck(page, portal, { before, opened, confirmed });
    await page.context().close();
  });

  it('2.000535 on react-hook-form: react-hook-form holds the filled values, and the back office accepts its submission', async () => {
    const before = portal.dossiers().length;
    const page = await open(example, 'food-safety.html', BUSINESS.enterpriseCode);
    await waitFor(async () => (await page.inputValue('[name="facilityName"]')) !== '', 5000, 'filled');
    expect(await page.inputValue('[name="taxCode"]')).toBe(BUSINESS.enterpriseCode);
    expect(await page.locator('[name="submitterIdNumber"]').getAttribute('readonly')).not.toBeNull();

    await page.fill('[name="facilityPhone"]', '02253111222');
    await page.fill('[name="recipientAgency"]', 'Sở Công Thương thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="applicationDate"]', '2026-12-03');
    await page.fill('[name="facilityAddress.detail"]', FACILITY_ADDRESS.detail);
    await page.locator('[name="facilityAddress.wardCode"]:enabled').waitFor(); // the unit list has loaded
    await pickWithKeyboard(page, '[data-name="facilityAddress.provinceCode"] [role="combobox"]', 'Hải Phòng');
    await page.selectOption('[name="facilityAddress.wardCode"]', FACILITY_ADDRESS.wardCode);
    // A reason's own field shows with it, and its answer is not sent once another reason is chosen.
    await page.check('input[name="reissueReason"][value="processOrProductsChanged"]');
    await page.fill('[name="changeDescription"]', 'Thêm dây chuyền đóng gói');
    await page.check('input[name="reissueReason"][value="lostOrDamaged"]');
    await page.locator('[name="changeDescription"]').waitFor({ state: 'detached' });
    await page.click('#rerender');
    expect(await page.inputValue('[name="facilityName"]')).toBe('CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG');
    expect(await page.inputValue('[name="facilityPhone"]')).toBe('02253111222');

    await page.click('button[type="submit"]');
    await page.locator('[data-oncefill-receipt]').waitFor();
    const received = portal.dossiers().slice(before);
    expect(received).toHaveLength(1);
    const { code, post, envelope, verification, validation, accepted } = received[0]!;
    expect(code).toBe('2.000535');
    expect(validation).toEqual({ ok: true, errors: [] });
    expect(accepted).toBe(true);
    // react-hook-form's own values, as handleSubmit gave them: the answered, visible ones.
    expect(post.values).toEqual({
      facilityName: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG',
      taxCode: BUSINESS.enterpriseCode,
      facilityAddress: FACILITY_ADDRESS,
      facilityPhone: '02253111222',
      oldCertificateNumber: '07/2022/ATTP-CNĐK',
      oldCertificateIssueDate: '2022-04-18',
      signatoryName: 'Nguyễn Thị Lan',
      submitterName: 'Nguyễn Thị Lan',
      submitterIdNumber: CITIZEN.personalId,
      submitterIdIssueDate: '2021-03-15',
      recipientAgency: 'Sở Công Thương thành phố Hải Phòng',
      signPlace: 'Hải Phòng',
      applicationDate: '2026-12-03',
      reissueReason: 'lostOrDamaged',
    });
    expect(envelope.fields.taxCode).toMatchObject({ source: 'business', setBy: 'oncefill', locked: false });
    expect(envelope.fields.submitterIdNumber).toMatchObject({ source: 'population', setBy: 'oncefill', locked: true });
    expect(envelope.fields.facilityPhone).toMatchObject({ source: 'business', setBy: 'citizen', edited: true });
    expect(envelope.fields.oldCertificateNumber).toMatchObject({ source: 'results', setBy: 'oncefill' });
    // Checked against the demo session, which acts for the business.
    expect(verification.problems).toEqual([]);
    expect(verification.fields.submitterIdNumber?.status).toBe('verified');
    expect(verification.fields.taxCode?.status).toBe('verified');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('React example portal, a dossier the back office refuses', () => {
  it('2.000535 without a reason for reissue (required by the definition): refused with the problem at the reason, as on the Vue page; chosen, accepted', async () => {
    const before = portal.dossiers().length;
    const page = await open('react-19', 'food-safety.html', BUSINESS.enterpriseCode);
    await waitFor(async () => (await page.inputValue('[name="facilityName"]')) !== '', 5000, 'filled');
    await page.fill('[name="recipientAgency"]', 'Sở Công Thương thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="applicationDate"]', '2026-12-03');
    await page.fill('[name="facilityAddress.detail"]', FACILITY_ADDRESS.detail);
    await page.locator('[name="facilityAddress.wardCode"]:enabled').waitFor(); // the unit list has loaded
    await pickWithKeyboard(page, '[data-name="facilityAddress.provinceCode"] [role="combobox"]', 'Hải Phòng');
    await page.selectOption('[name="facilityAddress.wardCode"]', FACILITY_ADDRESS.wardCode);

    await refusedWithoutReasonThenAccepted(page, portal, before);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the problem next to the empty required field and no receipt; corrected, the dossier is accepted', async () => {
    const before = portal.dossiers().length;
    const [failed, confirmed] = [portal.events('submit:failed'), portal.events('submit:confirmed')];
    const page = await open('react-19', 'practice.html');
    await page.locator('[data-conflict="phone"] button', { hasText: '0987654321' }).click();
    await page.locator('[data-conflict="permanentAddress"] button', { hasText: 'Phường Hoàn Kiếm' }).click();
    await pickWithKeyboard(page, '[data-name="recipientAgency"] [role="combobox"]', 'Sở Y tế thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="signDate"]', '2026-12-03');
    await answerPracticeQuestions(page, { skip: 'practiceAt' });

    const [refusal] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/1.004616')), page.click('button[type="submit"]')]);
    expect(refusal.status()).toBe(422);
    const body = await refusal.text();
    expect(JSON.parse(body)).toEqual({ errors: [{ path: 'practiceRows[0].practiceAt', code: 'required', message: 'is required' }] });
    for (const value of ['Nguyễn', 'Hải Phòng', 'Bán lẻ thuốc']) expect(body).not.toContain(value); // names the field, never a value
    const problem = page.locator('[data-problem="practiceRows[0].practiceAt"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Vui lòng nhập thông tin này.');
    // The problem sits in the field's own label, next to its input.
    expect(await page.locator('label.field', { has: problem }).locator('[name="practiceRows[0].practiceAt"]').count()).toBe(1);
    expect(await page.locator('[data-oncefill-receipt]').count()).toBe(0);
    expect(await page.locator('form').count()).toBe(1);
    const refused = portal.dossiers().slice(before);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.accepted).toBe(false);
    expect(refused[0]!.dossier).toBeUndefined();

    await page.fill('[name="practiceRows[0].practiceAt"]', 'Nhà thuốc Minh Châu');
    await page.click('button[type="submit"]');
    await page.locator('[data-oncefill-receipt]').waitFor();
    const received = portal.dossiers().slice(before);
    expect(received).toHaveLength(2);
    expect(received[1]!.accepted).toBe(true);
    expect(received[1]!.verification.problems).toEqual([]);
    expect(await page.locator('[data-oncefill-receipt]').textContent()).toContain(received[1]!.dossier!);

    // The refusal reached telemetry as a field path (no value), and the ingest took it.
    await setVisibility(page, 'hidden');
    await waitFor(() => portal.events('submit:confirmed') > confirmed, 5000, 'telemetry');
    expect(portal.events('submit:failed') - failed).toBe(1);
    expect(portal.refusedEvents()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
