/**
 * The React example portal in Chromium, built with React 19 and with React 18, both under
 * StrictMode in development mode: log in, let oncefill fill, change some values as the citizen,
 * re-render for an unrelated reason, submit, and check field by field what the server received.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryBatch } from '../../src/telemetry/event-schemas.js';
import { launchChromium, openPage, pageErrors, setVisibility, waitFor } from './harness.js';
import { startPortal, type Portal } from './react-vue-portal.js';

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

const eventNames = () => portal.telemetry().flatMap((r) => (JSON.parse(r.body) as TelemetryBatch).events.map((e) => e.name));

async function open(example: 'react-19' | 'react-18', file: string): Promise<Page> {
  const page = await openPage(browser);
  await portal.login(page);
  await page.goto(portal.page(example, file));
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
  it('1.004616 with controlled components: the server receives the filled values, the citizen’s changes and the envelope', async () => {
    const before = portal.submissions().length;
    const count = (name: string) => eventNames().filter((n) => n === name).length;
    const [opened, confirmed] = [count('form:opened'), count('submit:confirmed')];
    const page = await open(example, 'practice.html');
    expect(await page.locator('footer').getAttribute('data-react')).toMatch(example === 'react-19' ? /^19\./ : /^18\./);

    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');
    expect(await page.locator('[name="fullName"]').getAttribute('readonly')).not.toBeNull();
    // The non-native listbox got the prefilled province: its state is React's alone.
    expect(await page.locator('[data-name="permanentAddress.provinceCode"] [role="combobox"]').getAttribute('data-value')).toBe('01');
    expect(await page.locator('[data-name="permanentAddress.provinceCode"] [role="combobox"]').textContent()).toBe('Hà Nội');

    await pickWithKeyboard(page, '[data-name="recipientAgency"] [role="combobox"]', 'Sở Y tế thành phố Hải Phòng');
    await page.fill('[name="phone"]', '0987000111');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="signDate"]', '2026-12-03');
    await page.click('#rerender');
    await page.click('#rerender');
    expect(await page.locator('#rerender').textContent()).toContain('(2)');
    expect(await page.inputValue('[name="phone"]')).toBe('0987000111');
    expect(await page.inputValue('[name="email"]')).toBe('lan.nguyen@example.vn');

    await page.click('button[type="submit"]');
    await page.locator('[data-oncefill-receipt]').waitFor();
    const received = portal.submissions().slice(before);
    expect(received).toHaveLength(1);
    const { path, body } = received[0]!;
    expect(path).toBe('/submit/1.004616');
    expect(body.procedure).toEqual({ code: '1.004616', version: '2026.1' });
    const v = body.values;
    expect(v.recipientAgency).toBe('31');
    expect(v.fullName).toBe('Nguyễn Thị Lan');
    expect(v.birthDate).toBe('1990-03-15');
    expect(v.idNumber).toBe('001190012345');
    expect(v.idIssueDate).toBe('2021-06-01');
    expect(v.idIssuePlace).toBe('Cục Cảnh sát quản lý hành chính về trật tự xã hội');
    expect(v.phone).toBe('0987000111');
    expect(v.email).toBe('lan.nguyen@example.vn');
    expect(v.permanentAddress).toEqual({ detail: 'Số 12 phố Hàng Đào', wardCode: '00070', wardName: 'Phường Hoàn Kiếm', provinceCode: '01', provinceName: 'Thành phố Hà Nội' });
    expect(v.currentAddress).toMatchObject({ provinceCode: '31', wardCode: '11311' });
    expect(v.signPlace).toBe('Hải Phòng');
    expect(v.signDate).toBe('2026-12-03');
    expect(v.signatoryName).toBe('Nguyễn Thị Lan');
    expect(body.envelope.procedure.code).toBe('1.004616');
    expect(body.envelope.provenance).toEqual(expect.arrayContaining(['statement-population', 'statement-personal']));
    expect(body.envelope.fields.fullName).toMatchObject({ source: 'population', setBy: 'oncefill', locked: true });
    expect(body.envelope.fields.email).toMatchObject({ source: 'personal', setBy: 'oncefill', locked: false });
    expect(body.envelope.fields.phone).toMatchObject({ source: 'population', setBy: 'citizen', edited: true });

    // StrictMode ran every effect twice; the form was opened once.
    await setVisibility(page, 'hidden');
    await waitFor(() => count('submit:confirmed') > confirmed, 5000, 'telemetry');
    expect(count('form:opened') - opened).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('2.000535 on react-hook-form: react-hook-form holds the filled values, and its submission carries them', async () => {
    const before = portal.submissions().length;
    const page = await open(example, 'food-safety.html');
    await waitFor(async () => (await page.inputValue('[name="facilityName"]')) !== '', 5000, 'filled');
    expect(await page.inputValue('[name="taxCode"]')).toBe('0201234567');
    expect(await page.locator('[name="submitterIdNumber"]').getAttribute('readonly')).not.toBeNull();

    await page.fill('[name="facilityPhone"]', '02253111222');
    await page.check('input[name="reissueReason"][value="lostOrDamaged"]');
    await page.fill('[name="recipientAgency"]', 'Sở Công Thương thành phố Hải Phòng');
    await page.fill('[name="signPlace"]', 'Hải Phòng');
    await page.fill('[name="applicationDate"]', '2026-12-03');
    await page.click('#rerender');
    expect(await page.inputValue('[name="facilityName"]')).toBe('Công ty TNHH Thương mại và Dịch vụ An Khang');

    await page.click('button[type="submit"]');
    await page.locator('[data-oncefill-receipt]').waitFor();
    const received = portal.submissions().slice(before);
    expect(received).toHaveLength(1);
    const { path, body } = received[0]!;
    expect(path).toBe('/submit/2.000535');
    const v = body.values;
    expect(v.facilityName).toBe('Công ty TNHH Thương mại và Dịch vụ An Khang');
    expect(v.taxCode).toBe('0201234567');
    expect(v.facilityPhone).toBe('02253111222');
    expect(v.signatoryName).toBe('Nguyễn Thị Lan');
    expect(v.submitterName).toBe('Nguyễn Thị Lan');
    expect(v.submitterIdNumber).toBe('001190012345');
    expect(v.submitterIdIssueDate).toBe('2021-06-01');
    expect(v.reissueReason).toBe('lostOrDamaged');
    expect(v.recipientAgency).toBe('Sở Công Thương thành phố Hải Phòng');
    expect(v.signPlace).toBe('Hải Phòng');
    expect(v.applicationDate).toBe('2026-12-03');
    expect(v.oldCertificateNumber).toBe('');
    expect(body.envelope.fields.taxCode).toMatchObject({ source: 'business', setBy: 'oncefill', locked: false });
    expect(body.envelope.fields.submitterIdNumber).toMatchObject({ source: 'population', setBy: 'oncefill', locked: true });
    expect(body.envelope.fields.facilityPhone).toMatchObject({ source: 'business', setBy: 'citizen', edited: true });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
