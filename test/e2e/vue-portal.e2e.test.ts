/**
 * The Vue example portal in Chromium (runtime-only Vue under the demo portal's strict CSP,
 * templates compiled at build time): log in on the demo's SSO page, let oncefill fill through
 * the session, answer the rest of the form with `v-model`, re-render for an unrelated reason,
 * submit, and check field by field that the demo's back office accepted what it received.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, waitFor } from './harness.js';
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

async function open(file: string, actingFor?: string): Promise<Page> {
  const page = await openPage(browser);
  const violations: string[] = [];
  page.on('console', (message) => void (message.text().includes('Content Security Policy') && violations.push(message.text())));
  page.on('dialog', (dialog) => void dialog.accept()); // consent to the personal store
  await portal.open(page, 'vue', file, actingFor);
  await page.locator('form[data-status="ready"]').waitFor();
  expect(violations).toEqual([]);
  return page;
}

describe('Vue example portal', () => {
  it('1.004616: the back office accepts the filled values, the citizen’s v-model answers and the envelope', async () => {
    const before = portal.dossiers().length;
    const [opened, confirmed] = [portal.events('form:opened'), portal.events('submit:confirmed')];
    const page = await open('practice.html');
    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');
    expect(await page.locator('[name="fullName"]').getAttribute('readonly')).not.toBeNull();
    expect(await page.inputValue('[name="phone"]')).toBe('');
    await page.locator('[data-conflict="phone"] button', { hasText: '0987654321' }).click();
    await page.locator('[data-conflict="permanentAddress"] button', { hasText: 'Phường Hoàn Kiếm' }).click();
    expect(await page.inputValue('[name="permanentAddress.detail"]')).toBe('Số 12 phố Hàng Chiếu');
    expect(await page.inputValue('[name="permanentAddress.wardCode"]')).toBe('00070');
    expect(await page.inputValue('[name="diplomas[0].diplomaTitle"]')).toBe('Bằng Dược sĩ đại học');

    await page.selectOption('[name="recipientAgency"]', '31');
    await page.fill('[name="email"]', 'lan.moi@example.vn');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="signDate"]', '2026-12-03');
    await answerPracticeQuestions(page);
    // A locked value refuses the citizen's typing and renders itself back.
    await page.locator('[name="fullName"]').evaluate((el: HTMLInputElement) => {
      el.value = 'Người khác';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('#rerender');
    await page.click('#rerender');
    expect(await page.locator('form').getAttribute('data-ticks')).toBe('2');
    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');
    expect(await page.inputValue('[name="phone"]')).toBe('0987654321');
    expect(await page.inputValue('[name="email"]')).toBe('lan.moi@example.vn');

    await submitPracticeAndCheck(page, portal, { before, opened, confirmed });
    await page.context().close();
  });

  it('2.000535 without a reason for reissue (required by the definition): refused with the problem at the reason, as on the React page; chosen, accepted', async () => {
    const before = portal.dossiers().length;
    const page = await open('food-safety.html', BUSINESS.enterpriseCode);
    await page.fill('[name="recipientAgency"]', 'Sở Công Thương thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="applicationDate"]', '2026-12-03');
    await page.fill('[name="facilityAddress.detail"]', FACILITY_ADDRESS.detail);
    await page.locator('[name="facilityAddress.provinceCode"]:enabled').waitFor(); // the unit list has loaded
    await page.selectOption('[name="facilityAddress.provinceCode"]', FACILITY_ADDRESS.provinceCode);
    await page.selectOption('[name="facilityAddress.wardCode"]', FACILITY_ADDRESS.wardCode);

    await refusedWithoutReasonThenAccepted(page, portal, before);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('2.000535 acting for the business: the back office accepts the business’s values and the citizen’s answers', async () => {
    const before = portal.dossiers().length;
    const page = await open('food-safety.html', BUSINESS.enterpriseCode);
    expect(await page.inputValue('[name="facilityName"]')).toBe('CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG');
    await page.check('input[name="reissueReason"][value="expired"]');
    await page.fill('[name="recipientAgency"]', 'Sở Công Thương thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="applicationDate"]', '2026-12-03');
    await page.fill('[name="facilityAddress.detail"]', FACILITY_ADDRESS.detail);
    await page.locator('[name="facilityAddress.provinceCode"]:enabled').waitFor(); // the unit list has loaded
    await page.selectOption('[name="facilityAddress.provinceCode"]', FACILITY_ADDRESS.provinceCode);
    await page.selectOption('[name="facilityAddress.wardCode"]', FACILITY_ADDRESS.wardCode);
    await page.click('#rerender');

    await page.click('button[type="submit"]');
    await page.locator('[data-oncefill-receipt]').waitFor();
    const received = portal.dossiers().slice(before);
    expect(received).toHaveLength(1);
    const { code, post, envelope, verification, validation, accepted } = received[0]!;
    expect(code).toBe('2.000535');
    expect(validation).toEqual({ ok: true, errors: [] });
    expect(accepted).toBe(true);
    const v = post.values;
    expect(v.facilityName).toBe('CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG');
    expect(v.taxCode).toBe(BUSINESS.enterpriseCode);
    expect(v.facilityAddress).toEqual(FACILITY_ADDRESS);
    expect(v.facilityPhone).toBe('02253823456');
    expect(v.signatoryName).toBe('Nguyễn Thị Lan');
    expect(v.submitterName).toBe('Nguyễn Thị Lan');
    expect(v.submitterIdNumber).toBe(CITIZEN.personalId);
    expect(v.submitterIdIssueDate).toBe('2021-03-15');
    expect(v.reissueReason).toBe('expired');
    expect(v.recipientAgency).toBe('Sở Công Thương thành phố Hải Phòng');
    expect(v.signPlace).toBe('Hải Phòng');
    expect(v.applicationDate).toBe('2026-12-03');
    expect(v.oldCertificateNumber).toBe('07/2022/ATTP-CNĐK');
    expect(v.oldCertificateIssueDate).toBe('2022-04-18');
    expect(envelope.fields.taxCode).toMatchObject({ source: 'business', setBy: 'oncefill' });
    expect(envelope.fields.oldCertificateNumber).toMatchObject({ source: 'results', setBy: 'oncefill' });
    expect(verification.problems).toEqual([]);
    expect(verification.fields.taxCode?.status).toBe('verified');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
