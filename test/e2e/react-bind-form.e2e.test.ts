/**
 * `bindForm` (the DOM path, no hook) on a React page whose controlled inputs keep their values
 * in React state, on React 19 and React 18 under StrictMode, served by the demo portal: after
 * oncefill fills and React re-renders for an unrelated reason, the dossier the page builds
 * from its React state (not from the DOM) carries every filled value, checked field by field
 * on what the demo received. The page binds part of 1.004616 only, so the demo refuses the
 * dossier and the page says so instead of showing a receipt.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, setVisibility, waitFor } from './harness.js';
import { CITIZEN, startPortal, type Portal } from './react-vue-portal.js';

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

describe.each(['react-19', 'react-18'] as const)('bindForm on a React controlled form (%s)', (example) => {
  it('leaves React state equal to the filled values after a re-render, as the submitted payload shows', async () => {
    const opened = portal.events('form:opened');
    const page = await openPage(browser);
    const errors = pageErrors(page);
    page.on('dialog', (dialog) => void dialog.accept()); // consent for the personal store
    await portal.open(page, example, 'bind-form.html');
    await page.locator('form[data-status="ready"]').waitFor();
    expect(await page.locator('footer').getAttribute('data-react')).toMatch(example === 'react-19' ? /^19\./ : /^18\./);
    expect(await page.inputValue('[name="fullName"]')).toBe('Nguyễn Thị Lan');

    // An unrelated re-render: React writes its state back into every controlled input.
    await page.click('#rerender');
    await page.locator('form[data-ticks="1"]').waitFor();
    expect(await page.inputValue('[name="idNumber"]')).toBe(CITIZEN.personalId);
    expect(await page.inputValue('[name="email"]')).toBe('lan.nguyen@example.vn');

    const before = portal.dossiers().length;
    await page.click('button[type="submit"]');
    // The page binds part of the form: the back office refuses the dossier, and the page shows no receipt.
    await page.locator('p[role="alert"]').waitFor();
    expect(await page.locator('p[role="status"]').count()).toBe(0);
    const received = portal.dossiers().slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]!.code).toBe('1.004616');
    expect(received[0]!.accepted).toBe(false);
    const values = received[0]!.post.values;
    expect(values.fullName).toBe('Nguyễn Thị Lan');
    expect(values.birthDate).toBe('1990-05-09');
    expect(values.idNumber).toBe(CITIZEN.personalId);
    expect(values.idIssueDate).toBe('15/03/2021');
    expect(values.idIssuePlace).toBe('CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI');
    expect(values.email).toBe('lan.nguyen@example.vn');
    expect(Object.keys(values).sort()).toEqual(['birthDate', 'email', 'fullName', 'idIssueDate', 'idIssuePlace', 'idNumber']);

    // StrictMode bound, unbound and bound again; the form was opened once.
    await setVisibility(page, 'hidden');
    await waitFor(() => portal.events('form:opened') > opened, 5000, 'telemetry');
    expect(portal.events('form:opened') - opened).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
