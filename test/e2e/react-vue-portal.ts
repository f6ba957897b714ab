/**
 * The React and Vue example e2e tests run against the real demo portal (`startDemo()` from
 * `demo/`): the built examples under its strict CSP, its stand-in national SSO page, its
 * gateway over `oncefill/testing`'s fixtures (origin and CSRF checked), and its back office,
 * which records every dossier it receives with its own provenance and validation checks.
 * Tests assert on what the demo received (`portal.dossiers()`) and on the telemetry events
 * its ingest accepted. The citizen who logs in is `fixtures.citizens[0]`, who may act for
 * `fixtures.businesses[0]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import procedure1004616 from '../../procedures/1.004616.json';
import { startDemo, type ReceivedDossier } from '../../demo/start-demo.js';
import type { SubmissionEnvelope } from '../../src/session/create-form-session.js';
import { fixtures } from '../../src/testing/index.js';
import { pageErrors, setVisibility, waitFor } from './harness.js';

export type ExampleName = 'react-19' | 'react-18' | 'vue';

/** The fixture citizen who logs in, and the business she may act for. */
export const CITIZEN = fixtures.citizens[0]!;
export const BUSINESS = fixtures.businesses[0]!;

/**
 * Answers 1.004616's questions no national source holds, as the citizen does on every example
 * (their controls have the same names): two practice rows, the first then removed (the second
 * moves up), the applicant's case, the route, two scopes, and the language question, whose
 * follow-up fields show for "Không" and go again for "Có". Leaves `practiceAt` out when told.
 */
export async function answerPracticeQuestions(page: Page, options: { skip?: 'practiceAt' } = {}): Promise<void> {
  const rows = page.locator('[data-group="practiceRows"]');
  await page.fill('[name="practiceRows[0].practiceFrom"]', '2011-01-01');
  await page.fill('[name="practiceRows[0].practiceAt"]', 'Nhà thuốc sẽ bỏ đi');
  await rows.getByRole('button', { name: 'Thêm dòng' }).click();
  await page.fill('[name="practiceRows[1].practiceFrom"]', '2012-07-01');
  await page.fill('[name="practiceRows[1].practiceTo"]', '2014-06-30');
  if (options.skip !== 'practiceAt') await page.fill('[name="practiceRows[1].practiceAt"]', 'Nhà thuốc Minh Châu');
  await page.fill('[name="practiceRows[1].practiceContent"]', 'Bán lẻ thuốc, tư vấn sử dụng thuốc');
  await rows.getByRole('button', { name: 'Xóa dòng 1' }).click();
  if (await rows.locator('[data-row]').count() !== 1) throw new Error('removing a practice row left the wrong number of rows');
  await page.check('input[name="applicantCase"][value="1"]');
  await page.check('input[name="issueRoute"][value="dossier"]');
  await page.check('input[name="practiceScope"][value="16"]');
  await page.check('input[name="practiceScope"][value="17"]');
  await page.check('input[name="fluentVietnamese"][value="no"]');
  await page.locator('[name="practiceLanguage"]').waitFor();
  await page.check('input[name="fluentVietnamese"][value="yes"]');
  await page.locator('[name="practiceLanguage"]').waitFor({ state: 'detached' });
}

/** What {@link answerPracticeQuestions} answered, as the dossier carries it. */
export const PRACTICE_ANSWERS = {
  'practiceRows[0].practiceFrom': '2012-07-01',
  'practiceRows[0].practiceTo': '2014-06-30',
  'practiceRows[0].practiceAt': 'Nhà thuốc Minh Châu',
  'practiceRows[0].practiceContent': 'Bán lẻ thuốc, tư vấn sử dụng thuốc',
  applicantCase: '1',
  issueRoute: 'dossier',
  practiceScope: ['16', '17'],
  fluentVietnamese: 'yes',
};

/** The food-safety facility's address as the citizen picks it (the business's head office, Phường Hồng Bàng, Hải Phòng). */
export const FACILITY_ADDRESS = { detail: 'Số 20 đường Hoàng Văn Thụ', wardCode: '11311', wardName: 'Phường Hồng Bàng', provinceCode: '31', provinceName: 'Thành phố Hải Phòng' };

/** A dossier sent as JSON by an example page, as the demo's back office received it. */
export type JsonDossier = ReceivedDossier & { envelope: SubmissionEnvelope };

export interface Portal {
  /**
   * Logs the citizen in on the demo's SSO page (acting for `actingFor`, an enterprise code,
   * when given) and lands on an example's page.
   */
  open(page: Page, example: ExampleName, file: string, actingFor?: string): Promise<void>;
  /** Dossiers the example pages POSTed, in order. */
  dossiers(): JsonDossier[];
  /** How many events named `name` the demo's telemetry ingest accepted so far. */
  events(name: string): number;
  /** Events the ingest refused, over all batches. */
  refusedEvents(): number;
  close(): Promise<void>;
}

/** Starts the demo portal on a free port, with its telemetry file in a fresh folder. */
export async function startPortal(): Promise<Portal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oncefill-portal-'));
  const demo = await startDemo({ dataDir, quiet: true });
  const names = () => demo.telemetry.flatMap((batch) => batch.names);
  return {
    async open(page, example, file, actingFor) {
      const next = `/examples/${example}/${file}`;
      await page.goto(new URL(`/login?next=${encodeURIComponent(next)}`, demo.url).href);
      await page.check(`input[name="citizen"][value="${CITIZEN.personalId}"]`);
      if (actingFor) await page.selectOption(`select[name="actingFor-${CITIZEN.personalId}"]`, actingFor);
      await Promise.all([page.waitForURL((url) => url.pathname === next), page.click('button[type="submit"]')]);
    },
    dossiers: () => demo.dossiers.filter((d): d is JsonDossier => d.channel === 'json'),
    events: (name) => names().filter((n) => n === name).length,
    refusedEvents: () => demo.telemetry.reduce((sum, batch) => sum + batch.refused, 0),
    async close() {
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Submits the 1.004616 page both frameworks fill for the fixture citizen, then checks what the
 * demo's back office received field by field: accepted, the values, who set each, and the
 * provenance check; last, the flow's telemetry (the form opened once, nothing refused).
 */
export async function submitPracticeAndCheck(page: Page, portal: Portal, counts: { before: number; opened: number; confirmed: number }): Promise<void> {
  await page.click('button[type="submit"]');
  await page.locator('[data-oncefill-receipt]').waitFor();
  const received = portal.dossiers().slice(counts.before);
  expect(received).toHaveLength(1);
  const { code, post, envelope, verification, validation, accepted, dossier } = received[0]!;
  expect(code).toBe('1.004616');
  expect(validation).toEqual({ ok: true, errors: [] });
  expect(accepted).toBe(true);
  expect(await page.locator('[data-oncefill-receipt]').textContent()).toContain(dossier!);
  expect(envelope.procedure).toEqual({ code: '1.004616', version: procedure1004616.version });
  const v = post.values;
  expect(v.recipientAgency).toBe('31');
  expect(v.fullName).toBe('Nguyễn Thị Lan');
  expect(v.birthDate).toBe('1990-05-09');
  expect(v.idNumber).toBe(CITIZEN.personalId);
  expect(v.idIssueDate).toBe('2021-03-15');
  expect(v.idIssuePlace).toBe('CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI');
  expect(v.phone).toBe('0987654321');
  expect(v.email).toBe('lan.moi@example.vn');
  expect(v.permanentAddress).toEqual({ detail: 'Số 12 phố Hàng Chiếu', wardCode: '00070', wardName: 'Phường Hoàn Kiếm', provinceCode: '01', provinceName: 'Thành phố Hà Nội' });
  expect(v.currentAddress).toEqual({ detail: 'Số 5 phố Hoàng Diệu', wardCode: '00004', wardName: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' });
  expect(v['diplomas[0].diplomaTitle']).toBe('Bằng Dược sĩ đại học');
  expect(v).toMatchObject(PRACTICE_ANSWERS);
  expect(Object.keys(v).filter((k) => k.startsWith('practiceRows[1]'))).toEqual([]); // the removed row is gone
  expect(v.signPlace).toBe('Hải Phòng');
  expect(v.signDate).toBe('2026-12-03');
  expect(v.signatoryName).toBe('Nguyễn Thị Lan');
  expect(envelope.fields.fullName).toMatchObject({ source: 'population', setBy: 'oncefill', locked: true });
  expect(envelope.fields.phone).toMatchObject({ source: 'personal', setBy: 'citizen' });
  expect(envelope.fields.email).toMatchObject({ source: 'personal', setBy: 'citizen', edited: true });
  // The back office's own check passes: every locked value is the one the gateway signed.
  expect(verification.problems).toEqual([]);
  expect(verification.fields.fullName?.status).toBe('verified');
  expect(verification.fields.idNumber?.status).toBe('verified');

  // StrictMode (React) runs every effect twice; the form was opened once.
  await setVisibility(page, 'hidden');
  await waitFor(() => portal.events('submit:confirmed') > counts.confirmed, 5000, 'telemetry');
  expect(portal.events('form:opened') - counts.opened).toBe(1);
  expect(portal.refusedEvents()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
}

/** 2.000535 submitted without the reason for reissue (required): refused with the problem shown at the reason and no receipt; then chosen and accepted. */
export async function refusedWithoutReasonThenAccepted(page: Page, portal: Portal, before: number): Promise<void> {
  const [refusal] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit/2.000535')), page.click('button[type="submit"]')]);
  expect(refusal.status()).toBe(422);
  expect(await refusal.json()).toEqual({ errors: [{ path: 'reissueReason', code: 'required', message: 'is required' }] });
  await page.locator('[data-problem="reissueReason"]').waitFor();
  expect(await page.locator('[data-oncefill-receipt]').count()).toBe(0);

  await page.check('input[name="reissueReason"][value="expired"]');
  await page.click('button[type="submit"]');
  await page.locator('[data-oncefill-receipt]').waitFor();
  expect(portal.dossiers().slice(before).map((d) => d.accepted)).toEqual([false, true]);
}
