/**
 * The demo portal end to end in Chromium, over `startDemo` (the built package, the real gateway
 * over the fixtures, the classic POST dossier endpoint): for each of the six procedures on the
 * legacy page, log in, check what was filled and how it is marked, edit one field, submit, and
 * assert on the dossier the demo's back office received and on the receipt page; then what a
 * citizen may do on that page (pick, dispute, wait, work around a failed source, reuse a
 * document, get rows, log out), each asserted in what the back office received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo, type DemoOptions, type ReceivedDossier } from '../../demo/start-demo.js';
import { cspViolations, launchChromium, openPage, pageErrors, waitFor } from './harness.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

let browser: Browser;
let demo: Demo;
let page: Page | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'oncefill-demo-'));

const LAN = '001190012345';
const AN_KHANG = '0201234567';
const AN_KHANG_NAME = 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG';
const SOURCE_NAMES: Record<string, string> = {
  population: 'CSDL quốc gia về dân cư',
  business: 'CSDL quốc gia về đăng ký doanh nghiệp',
  results: 'Kho dữ liệu kết quả thủ tục hành chính',
};
const CURRENT_ADDRESS = { detail: 'Số 5 phố Hoàng Diệu', wardCode: '00004', wardName: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' };
const HEAD_OFFICE = { detail: 'Số 20 đường Hoàng Văn Thụ', wardCode: '11311', wardName: 'Phường Hồng Bàng', provinceCode: '31', provinceName: 'Thành phố Hải Phòng' };

interface Case {
  code: string;
  /** Act for this enterprise (chosen on the login page). */
  actingFor?: string;
  /** Radio choices the citizen makes before the rest is completed. */
  choose?: Record<string, string>;
  /** A field whose sources disagree: the citizen picks the first candidate in the picker. */
  pick?: string;
  /** Control name → [value it shows, source it is marked with, locked]. */
  filled: Record<string, [value: string, source: string, locked: boolean]>;
  /** Field path → the value the back office must receive for it (address objects, as read). */
  posted: Record<string, JsonValue>;
  /** The field the citizen edits, and the new value. */
  edit: [path: string, value: string];
  /** Dossier components the post must claim satisfied by reuse: document type and number. */
  reused: Record<string, [documentType: string, documentNumber: string]>;
}

const CASES: Case[] = [
  {
    code: '1.004616',
    filled: {
      fullName: ['Nguyễn Thị Lan', 'population', true],
      birthDate: ['1990-05-09', 'population', true],
      idNumber: [LAN, 'population', true],
      'currentAddress.detail': ['Số 5 phố Hoàng Diệu', 'population', false],
      'diplomas[0].diplomaTitle': ['Bằng Dược sĩ đại học', 'results', false],
      'diplomas[0].diplomaIssuer': ['Trường Đại học Dược Hà Nội', 'results', false],
    },
    posted: { fullName: 'Nguyễn Thị Lan', birthDate: '1990-05-09', idNumber: LAN, currentAddress: CURRENT_ADDRESS, 'diplomas[0].diplomaTitle': 'Bằng Dược sĩ đại học' },
    edit: ['idIssuePlace', 'Cục Cảnh sát QLHC về TTXH'],
    reused: { diploma: ['diploma', 'B0123456'] },
  },
  {
    code: '1.005092',
    choose: { requestFor: 'self' },
    filled: {
      fullName: ['Nguyễn Thị Lan', 'population', true],
      birthDate: ['1990-05-09', 'population', true],
      birthPlace: ['Bệnh viện Phụ sản Nam Định, Phường Nam Định, Tỉnh Ninh Bình', 'population', false],
      contactPhone: ['0912345678', 'population', false],
      'contactAddress.wardCode': ['00004', 'population', false],
    },
    posted: { fullName: 'Nguyễn Thị Lan', idNumber: LAN, gender: 'female', contactAddress: CURRENT_ADDRESS, signatoryName: 'Nguyễn Thị Lan' },
    edit: ['contactPhone', '0987654321'],
    reused: { identityDocument: ['personalId', LAN] },
  },
  {
    code: '2.000535',
    actingFor: AN_KHANG,
    choose: { reissueReason: 'lostOrDamaged' },
    filled: {
      taxCode: [AN_KHANG, 'business', false],
      facilityName: [AN_KHANG_NAME, 'results', false],
      oldCertificateNumber: ['07/2022/ATTP-CNĐK', 'results', false],
      submitterName: ['Nguyễn Thị Lan', 'population', true],
      submitterIdNumber: [LAN, 'population', true],
    },
    posted: { taxCode: AN_KHANG, oldCertificateIssueDate: '2022-04-18', signatoryName: 'Nguyễn Thị Lan', submitterIdNumber: LAN },
    edit: ['facilityPhone', '02253999888'],
    reused: { oldCertificate: ['foodSafetyCertificate', '07/2022/ATTP-CNĐK'], businessRegistration: ['enterpriseCode', AN_KHANG] },
  },
  {
    code: '2.000648',
    actingFor: AN_KHANG,
    filled: {
      traderName: [AN_KHANG_NAME, 'business', true],
      enterpriseCode: [AN_KHANG, 'business', true],
      registrationDate: ['2010-04-12', 'business', false],
      'headOffice.detail': ['Số 20 đường Hoàng Văn Thụ', 'business', false],
      legalRepIdNumber: [LAN, 'business', false],
    },
    posted: { traderName: AN_KHANG_NAME, headOffice: HEAD_OFFICE, legalRepName: 'Nguyễn Thị Lan', legalRepTitle: 'Giám đốc', phone: '02253823456' },
    edit: ['email', 'lienhe@ankhang.example.vn'],
    reused: { fireSafety: ['fireSafetyApproval', '88/NT-PCCC'], enterpriseRegistration: ['enterpriseCode', AN_KHANG] },
  },
  {
    code: '2.000645',
    actingFor: AN_KHANG,
    choose: { applicantKind: 'organization' },
    filled: {
      traderName: [AN_KHANG_NAME, 'business', true],
      fullName: ['Nguyễn Thị Lan', 'population', true],
      oldCertificateNumber: ['12/GCN-SCT', 'results', false],
      oldCertificateIssueDate: ['2022-09-15', 'results', false],
    },
    posted: { enterpriseCode: AN_KHANG, headOffice: HEAD_OFFICE, legalRepIdNumber: LAN, oldCertificateNumber: '12/GCN-SCT' },
    edit: ['email', 'lienhe@ankhang.example.vn'],
    reused: { oldCertificate: ['petroleumRetailCertificate', '12/GCN-SCT'] },
  },
  {
    code: '1.000028',
    choose: { applicantKind: 'individual' },
    pick: 'permanentAddress',
    filled: {
      fullName: ['Nguyễn Thị Lan', 'population', true],
      idNumber: [LAN, 'population', true],
      phone: ['0912345678', 'population', false],
    },
    posted: { fullName: 'Nguyễn Thị Lan', idNumber: LAN, permanentAddress: { detail: 'Số 12 phố Hàng Chiếu', wardCode: '00004', wardName: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' } },
    edit: ['phone', '0987654321'],
    reused: {},
  },
];

const openDemo = (options: DemoOptions = {}) => startDemo({ dataDir, quiet: true, ...options });

beforeAll(async () => {
  browser = await launchChromium();
  demo = await openDemo();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  if (page) {
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    page = undefined;
  }
});

/** The page of the running test. */
const p = () => page!;
const control = (path: string) => `[name="${path}"]`;
const value = (path: string) => p().$eval(control(path), (el) => (el as HTMLInputElement).value);

/** Logs in on the stand-in SSO page (as Nguyễn Thị Lan, acting for `business` if given) and lands on `next`. */
async function login(on: Demo, next: string, business?: string): Promise<void> {
  await p().goto(`${on.url}login?next=${encodeURIComponent(next)}`);
  await p().check(`input[name=citizen][value="${LAN}"]`);
  if (business) await p().selectOption(`select[name="actingFor-${LAN}"]`, business);
  await Promise.all([p().waitForURL(`**${next}`), p().click('button[type=submit]')]);
}

/** Opens a fresh page, logs in and waits until oncefill has bound the legacy form of `code` and filled it. */
async function openLegacy(code: string, options: { on?: Demo; actingFor?: string; settle?: boolean } = {}): Promise<void> {
  page = await openPage(browser);
  await login(options.on ?? demo, `/legacy/${code}`, options.actingFor);
  await p().waitForSelector('form[data-oncefill-bound]', { timeout: 10_000 });
  if (options.settle !== false) await p().waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
}

/** The accessible description of a control: the text of what `aria-describedby` names. */
const description = (path: string) =>
  p().$eval(control(path), (el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

interface Envelope {
  v: number;
  procedure: { code: string };
  provenance: string[];
  fields: Record<string, { setBy?: string; source?: string; locked?: boolean; disputed?: { reason: string } }>;
  components: Record<string, { documentType: string; documentNumber: string }>;
}

/**
 * Completes what the citizen must still enter, as a citizen would (typing, ticking, choosing,
 * attaching a scan): every empty required control, every choice left open, with plausible values.
 */
async function completeRequired(): Promise<void> {
  const todo = await p().$$eval('form[data-oncefill-procedure] [required], form[data-oncefill-procedure] fieldset.field', (els) =>
    els.flatMap((el) => {
      if (el.tagName === 'FIELDSET') {
        const boxes = Array.from(el.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]'));
        return boxes.length && !boxes.some((b) => b.checked) && !boxes[0]!.disabled ? [{ kind: 'choice', name: boxes[0]!.name, value: boxes[0]!.value }] : [];
      }
      const input = el as HTMLInputElement;
      if (input.type === 'radio' || input.readOnly || input.disabled) return [];
      if (input.type === 'file') return input.files?.length ? [] : [{ kind: 'file', name: input.name, value: '' }];
      if (input.type === 'checkbox') return input.checked ? [] : [{ kind: 'tick', name: input.name, value: '' }];
      if (input.value !== '') return [];
      return [{ kind: input.tagName === 'SELECT' ? 'select' : 'type', name: input.name, value: input.type + (input.getAttribute('inputmode') ?? '') }];
    }),
  );
  const ADDRESS: Record<string, string> = { detail: 'Số 1 phố Thử', wardCode: '00004', wardName: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' };
  for (const item of todo) {
    const target = `[name="${item.name}"]`;
    if (item.kind === 'choice') await p().check(`${target}[value="${item.value}"]`);
    else if (item.kind === 'tick') await p().check(target);
    else if (item.kind === 'select') await p().selectOption(target, { index: 1 });
    else if (item.kind === 'file') await p().setInputFiles(target, { name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 bản scan thử') });
    else {
      const part = /\.(detail|wardCode|wardName|provinceCode|provinceName)$/.exec(item.name)?.[1];
      const typed = part
        ? ADDRESS[part]!
        : ({ date: '2026-01-15', tel: '0912345678', email: 'thu@example.vn', number: '1', textdecimal: '12.5' } as Record<string, string>)[item.value] ?? 'Nội dung thử';
      await p().fill(target, typed);
    }
  }
}

/** Submits the form the classic way and returns the one dossier the back office received (accepted, receipt shown). */
async function submit(on: Demo = demo): Promise<ReceivedDossier> {
  const before = on.dossiers.length;
  await Promise.all([p().waitForURL('**/legacy/receipt/**'), p().click('button:text("Nộp hồ sơ")')]).catch(async () => {
    const invalid = await p().$$eval(':invalid', (els) => els.map((el) => (el as HTMLInputElement).name).filter(Boolean));
    throw new Error(`not accepted: ${JSON.stringify(on.dossiers.at(-1)?.validation.errors)}; invalid in the browser: ${invalid.join(', ')}`);
  });
  const received = on.dossiers.slice(before);
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ channel: 'legacy-post', accepted: true });
  return received[0]!;
}

const envelopeOf = (dossier: ReceivedDossier) => dossier.envelope as Envelope;

/** Opens the picker of a field whose sources disagree and uses the first candidate. */
async function pickFirst(path: string): Promise<void> {
  await p().locator(`#${path} .oncefill-note button, [name="${path}"] ~ .oncefill-note button`).first().click();
  const picker = p().getByRole('dialog', { name: /Chọn giá trị đúng cho/ });
  await picker.getByRole('radio').first().check();
  await picker.getByRole('button', { name: 'Dùng giá trị này' }).click();
}

describe('the legacy page of the demo, one procedure at a time', () => {
  it.each(CASES)('$code: filled and marked, one field edited, posted classically, received with its envelope and reuse references', async (c) => {
    await openLegacy(c.code, c.actingFor ? { actingFor: c.actingFor } : {});
    expect(await p().getAttribute('meta[name="oncefill-login-at"]', 'content')).toMatch(/^\d{13}$/);

    for (const [path, [expected, source, locked]] of Object.entries(c.filled)) {
      expect(await value(path), path).toBe(expected);
      expect(await p().getAttribute(control(path), 'data-oncefill-filled'), path).toBe(source);
      expect(await description(path), path).toContain(`Lấy từ ${SOURCE_NAMES[source]}`);
      expect(await p().getAttribute(control(path), 'readonly'), path).toBe(locked ? '' : null);
      if (locked) expect(await description(path), path).toContain('Đã xác thực, không cần sửa.');
    }

    for (const [name, choice] of Object.entries(c.choose ?? {})) await p().check(`[name="${name}"][value="${choice}"]`);
    if (c.pick) await pickFirst(c.pick);
    const [editPath, edited] = c.edit;
    await p().fill(control(editPath), edited);
    await completeRequired();

    const dossier = await submit();
    expect(dossier.code).toBe(c.code);
    expect(dossier.post.problems).toEqual([]);
    expect(dossier.validation).toEqual({ ok: true, errors: [] });
    // Values exactly as filled, and the edit as typed.
    for (const [path, expected] of Object.entries(c.posted)) expect(dossier.post.values[path], path).toEqual(expected);
    expect(dossier.post.values[editPath]).toBe(edited);
    // The envelope: the procedure, the signed statements, who set what, from where.
    const envelope = envelopeOf(dossier);
    expect(envelope).toMatchObject({ v: 1, procedure: { code: c.code } });
    expect(envelope.provenance.length).toBeGreaterThan(0);
    for (const [path, [, source, locked]] of Object.entries(c.filled)) {
      const field = path.replace(/\.(detail|wardCode|wardName|provinceCode|provinceName)$/, '');
      if (field !== editPath) expect(envelope.fields[field], field).toMatchObject({ setBy: 'oncefill', source, locked });
    }
    expect(envelope.fields[editPath]).toMatchObject({ setBy: 'citizen' });
    // The signatures hold for every filled value left as it was; the edit is the citizen's.
    expect(dossier.verification.problems).toEqual([]);
    expect(dossier.verification.ok).toBe(true);
    for (const [path, [, source, locked]] of Object.entries(c.filled)) {
      const field = path.replace(/\.(detail|wardCode|wardName|provinceCode|provinceName)$/, '');
      if (field !== editPath) expect(dossier.verification.fields[field], field).toMatchObject({ status: 'verified', source, locked });
    }
    expect(dossier.verification.fields[editPath]).toEqual({ status: 'altered', locked: false });
    // Reuse references: the components the citizen need not upload.
    expect(Object.keys(dossier.post.components).sort()).toEqual(Object.keys(c.reused).sort());
    for (const [component, [documentType, documentNumber]] of Object.entries(c.reused)) {
      expect(dossier.post.components[component], component).toMatchObject({ documentType, documentNumber });
      expect(dossier.verification.components[component], component).toMatchObject({ status: 'verified' });
    }

    // The receipt: the dossier number shown, its keyed hash (never the number) for telemetry.
    expect(p().url()).toContain(`/legacy/receipt/${dossier.dossier}`);
    expect(await p().textContent('#receipt')).toContain(dossier.dossier);
    expect(await p().getAttribute('[data-oncefill-receipt]', 'data-oncefill-receipt')).toMatch(/^[0-9a-f]{64}$/);
    expect(await p().getAttribute('[data-oncefill-receipt]', 'data-oncefill-procedure')).toBe(c.code);
    const count = Object.keys(c.reused).length;
    if (count) expect(await p().textContent('main')).toContain(`${count} giấy tờ không phải nộp lại`);
    expect(await cspViolations(p())).toEqual([]);
  });

  it('received telemetry that the ingest accepted, wrote it to events.ndjson, and the report counts the submissions', async () => {
    // The receipt pages' confirmations flush when they are left; the last one is left by closing its context above.
    await waitFor(() => demo.telemetry.flatMap((t) => t.names).filter((n) => n === 'submit:confirmed').length >= CASES.length, 10_000, 'six confirmations');
    expect(demo.telemetry.every((t) => t.refused === 0)).toBe(true);
    const report = (await (await fetch(`${demo.url}report.json`)).json()) as { overall: { submissions: number }; procedures: Record<string, { submissions: number }> };
    expect(report.overall.submissions).toBe(CASES.length);
    for (const c of CASES) expect(report.procedures[c.code]?.submissions, c.code).toBe(1);
  });
});

describe('the legacy page of the demo, what the citizen may do', () => {
  it("posts the permanent address the citizen chose in the conflict picker, from the source it came from", async () => {
    await openLegacy('1.000028');
    // The population record's old ward was split in 2025: two candidate addresses, nothing filled.
    expect(await value('permanentAddress.detail')).toBe('');
    expect(await p().getAttribute(control('permanentAddress.detail'), 'data-oncefill-conflict')).toBe('');
    expect(await description('permanentAddress.detail')).toContain('Các nguồn ghi khác nhau (2): chọn giá trị đúng');
    await p().locator('#permanentAddress .oncefill-note button').first().click();
    const picker = p().getByRole('dialog', { name: /Chọn giá trị đúng cho/ });
    await picker.waitFor();
    const choices = picker.getByRole('radio');
    expect(await choices.count()).toBe(2);
    expect(await picker.locator('label').nth(0).textContent()).toContain('Số 12 phố Hàng Chiếu, Phường Ba Đình, Thành phố Hà Nội');
    expect(await picker.locator('label').nth(1).textContent()).toContain('Số 12 phố Hàng Chiếu, Phường Hoàn Kiếm, Thành phố Hà Nội');
    await choices.nth(1).check();
    await picker.getByRole('button', { name: 'Dùng giá trị này' }).click();
    const chosen = { detail: 'Số 12 phố Hàng Chiếu', wardCode: '00070', wardName: 'Phường Hoàn Kiếm', provinceCode: '01', provinceName: 'Thành phố Hà Nội' };
    for (const [part, text] of Object.entries(chosen)) expect(await value(`permanentAddress.${part}`), part).toBe(text);

    await p().check('[name=applicantKind][value=individual]');
    await completeRequired();
    const dossier = await submit();
    expect(dossier.post.values.permanentAddress).toEqual(chosen);
    // The citizen chose it; where it came from stays signed.
    expect(envelopeOf(dossier).fields.permanentAddress).toMatchObject({ source: 'population', setBy: 'citizen' });
    expect(dossier.verification.fields.permanentAddress).toMatchObject({ status: 'verified', source: 'population' });
    expect(dossier.verification.ok).toBe(true);
  });

  it('a birth date in a text input (a datepicker page) shows day first and reaches the back office as the same date, verified and locked', async () => {
    page = await openPage(browser);
    // The demo renders <input type=date>; many portals render a text input with a datepicker instead.
    await p().addInitScript(() => {
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLInputElement && node.name === 'birthDate') node.type = 'text';
      }).observe(document, { childList: true, subtree: true });
    });
    await login(demo, '/legacy/1.004616');
    await p().waitForSelector('form[data-oncefill-bound]', { timeout: 10_000 });
    await p().waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
    expect(await p().getAttribute(control('birthDate'), 'type')).toBe('text');
    expect(await value('birthDate')).toBe('09/05/1990');
    expect(await p().getAttribute(control('birthDate'), 'readonly')).toBe('');
    await completeRequired();
    const dossier = await submit();
    expect(dossier.post.values.birthDate).toBe('1990-05-09');
    expect(dossier.verification.fields.birthDate).toMatchObject({ status: 'verified', source: 'population', locked: true });
    expect(dossier.verification.problems).toEqual([]);
    expect(dossier.validation).toEqual({ ok: true, errors: [] });
  });

  it('"this is wrong" unlocks a verified field; the reason stays in the provenance the officer receives', async () => {
    await openLegacy('1.005092');
    expect(await p().getAttribute(control('birthDate'), 'readonly')).toBe('');
    await p().getByRole('button', { name: 'Thông tin này sai? Sinh ngày' }).click();
    const dialog = p().getByRole('dialog', { name: /Vì sao “Sinh ngày” sai/ });
    await dialog.waitFor();
    // No reason, no unlock.
    await dialog.getByRole('button', { name: 'Báo sai và tự sửa' }).click();
    expect(await dialog.getByRole('status').textContent()).toBe('Xin ghi ngắn gọn lý do.');
    await dialog.getByRole('textbox').fill('Giấy khai sinh ghi ngày 10 tháng 5');
    await dialog.getByRole('button', { name: 'Báo sai và tự sửa' }).click();
    expect(await p().getAttribute(control('birthDate'), 'readonly')).toBe(null);
    expect(await p().getAttribute(control('birthDate'), 'data-oncefill-disputed')).toBe('');
    expect(await description('birthDate')).toContain('Bạn đã báo thông tin này sai.');
    await p().fill(control('birthDate'), '1990-05-10');

    await p().check('[name=requestFor][value=self]');
    await completeRequired();
    const dossier = await submit();
    expect(dossier.post.values.birthDate).toBe('1990-05-10');
    expect(envelopeOf(dossier).fields.birthDate).toMatchObject({ source: 'population', locked: false, disputed: { reason: 'Giấy khai sinh ghi ngày 10 tháng 5' } });
    expect(dossier.post.envelope?.fields.birthDate?.disputed).toEqual({ reason: 'Giấy khai sinh ghi ngày 10 tháng 5' });
    // The officer sees the signed date was changed on a locked field, next to the citizen's reason; the other locked values still verify.
    expect(dossier.verification.fields.birthDate).toEqual({ status: 'altered', locked: true });
    expect(dossier.verification.problems).toEqual([{ code: 'altered-locked-value', path: 'birthDate' }]);
    expect(dossier.verification.fields.fullName).toMatchObject({ status: 'verified', locked: true });
  });

  it('shows the loading state while a slow source answers; what the citizen typed meanwhile is posted as theirs', async () => {
    let answer!: () => void;
    const slow = await openDemo({ sourceFaults: { population: { until: new Promise<void>((resolve) => (answer = resolve)) } } });
    try {
      await openLegacy('1.005092', { on: slow, settle: false });
      await p().waitForSelector('form[data-oncefill-loading]');
      expect(await p().locator('.oncefill-status').textContent()).toBe('Đang lấy thông tin Nhà nước đã có về bạn…');
      expect(await p().getAttribute(control('contactPhone'), 'aria-busy')).toBe('true');
      expect(await value('fullName')).toBe('');
      await p().fill(control('contactPhone'), '0933444555');
      answer();
      await p().waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
      expect(await p().locator('.oncefill-status').textContent()).toBe('');
      expect(await value('fullName')).toBe('Nguyễn Thị Lan');
      expect(await value('contactPhone')).toBe('0933444555');
      expect(await p().getAttribute(control('contactPhone'), 'data-oncefill-filled')).toBe(null);

      await p().check('[name=requestFor][value=self]');
      await completeRequired();
      const dossier = await submit(slow);
      expect(dossier.post.values).toMatchObject({ fullName: 'Nguyễn Thị Lan', birthDate: '1990-05-09', contactPhone: '0933444555' });
      expect(envelopeOf(dossier).fields.fullName).toMatchObject({ source: 'population', setBy: 'oncefill', locked: true });
      expect(envelopeOf(dossier).fields.contactPhone?.source).toBeUndefined();
      // The signed phone differs from what was posted: the officer sees it changed, not a problem (it was not locked).
      expect(dossier.verification.fields.contactPhone).toEqual({ status: 'altered', locked: false });
      expect(dossier.verification.ok).toBe(true);
    } finally {
      answer();
      await slow.close();
    }
  });

  it('shows a short notice when a source fails; its fields stay editable and are posted as the citizen typed them', async () => {
    const down = await openDemo({ sourceFaults: { results: 'fail' } });
    try {
      await openLegacy('2.000645', { on: down, actingFor: AN_KHANG });
      expect(await p().locator('.oncefill-status').textContent()).toContain(`Chưa lấy được thông tin từ ${SOURCE_NAMES.results}. Bạn vẫn có thể tự nhập.`);
      // The other sources still filled; the failed one's fields are empty and editable.
      expect(await value('traderName')).toBe(AN_KHANG_NAME);
      expect(await value('oldCertificateNumber')).toBe('');
      expect(await p().isEditable(control('oldCertificateNumber'))).toBe(true);
      await p().fill(control('oldCertificateNumber'), '12/GCN-SCT');
      await p().fill(control('oldCertificateIssueDate'), '2022-09-15');

      await p().check('[name=applicantKind][value=organization]');
      await completeRequired();
      const dossier = await submit(down);
      expect(dossier.post.values).toMatchObject({ traderName: AN_KHANG_NAME, oldCertificateNumber: '12/GCN-SCT', oldCertificateIssueDate: '2022-09-15' });
      expect(envelopeOf(dossier).fields.oldCertificateNumber?.source).toBeUndefined();
      expect(envelopeOf(dossier).fields.traderName).toMatchObject({ source: 'business', locked: true });
      // Without the results store, the old certificate is not on record: no reuse claimed.
      expect(dossier.post.components).toEqual({});
      expect(dossier.verification.fields.oldCertificateNumber).toEqual({ status: 'unsigned' });
      expect(dossier.verification.ok).toBe(true);
    } finally {
      await down.close();
    }
  });

  it("lifts `required` from a reused document's file input, and the post carries the reuse reference instead of a file", async () => {
    await openLegacy('1.004616');
    // The portal renders every required document's file input as required…
    const served = await (await p().request.get(`${demo.url}legacy/1.004616`)).text();
    expect(served).toMatch(/<input type="file" id="diplomaFile" name="diplomaFile"[^>]* required>/);
    expect(served).toMatch(/<input type="file" id="healthCertificateFile" name="healthCertificateFile"[^>]* required>/);
    // …and the diploma on record makes the upload unnecessary; the health certificate is not on record.
    expect(await p().getAttribute(control('diplomaFile'), 'required')).toBe(null);
    expect(await p().getAttribute(control('diplomaFile'), 'data-oncefill-reused')).toBe('diploma');
    expect(await description('diplomaFile')).toBe('Không cần nộp: đã có Bằng Dược sĩ đại học trong kho dữ liệu.');
    expect(await p().getAttribute(control('healthCertificateFile'), 'required')).toBe('');

    await completeRequired();
    expect(await p().$eval(control('diplomaFile'), (el) => (el as HTMLInputElement).files?.length)).toBe(0);
    const dossier = await submit();
    expect(dossier.post.components).toEqual({
      diploma: expect.objectContaining({ source: 'results', documentType: 'diploma', documentNumber: 'B0123456', resultCode: 'KQ.TEST.VANBANG', storeRef: 'KHO.0001.2012.000123' }),
    });
    expect(dossier.verification.components.diploma).toMatchObject({ status: 'verified' });
  });

  it("fills the rows the page adds after 'rows:needed', and posts them", async () => {
    page = await openPage(browser);
    await p().context().addInitScript(() => {
      const asked: unknown[] = ((window as unknown as { __rowsNeeded: unknown[] }).__rowsNeeded = []);
      document.addEventListener('rows:needed', (event) => asked.push((event as CustomEvent).detail));
    });
    await login(demo, '/legacy/1.004616');
    await p().waitForSelector('form[data-oncefill-bound]');
    await p().waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
    // The served page had no diploma row: the page's own script added it when oncefill asked.
    const served = await (await p().request.get(`${demo.url}legacy/1.004616`)).text();
    expect(served).not.toContain('name="diplomas[0].diplomaTitle"');
    expect(await p().evaluate(() => (window as unknown as { __rowsNeeded: unknown[] }).__rowsNeeded)).toEqual([expect.objectContaining({ group: 'diplomas', rows: 1 })]);
    expect(await value('diplomas[0].diplomaTitle')).toBe('Bằng Dược sĩ đại học');
    expect(await value('diplomas[0].diplomaIssueDate')).toBe('2012-06-30');
    expect(await p().getAttribute(control('diplomas[0].diplomaTitle'), 'data-oncefill-filled')).toBe('results');

    await completeRequired();
    const dossier = await submit();
    expect(dossier.post.values).toMatchObject({
      'diplomas[0].diplomaTitle': 'Bằng Dược sĩ đại học',
      'diplomas[0].diplomaIssuer': 'Trường Đại học Dược Hà Nội',
      'diplomas[0].diplomaIssueDate': '2012-06-30',
    });
    expect(envelopeOf(dossier).fields['diplomas[0].diplomaTitle']).toMatchObject({ source: 'results', setBy: 'oncefill' });
    expect(dossier.verification.fields['diplomas[0].diplomaTitle']).toMatchObject({ status: 'verified', source: 'results' });
  });

  it('logging out from the home page clears oncefill\'s sessionStorage (flows, session, login)', async () => {
    await openLegacy('1.005092');
    await Promise.all([p().waitForURL(demo.url), p().click('a:text("Cổng dịch vụ công (bản thử)")')]);
    const oncefillKeys = () => p().evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('oncefill:')));
    // The form page left its flow behind: the keys the logout hook must clear are there.
    expect(await oncefillKeys()).not.toEqual([]);
    await p().waitForFunction(() => document.querySelector('script[src="/oncefill/oncefill.global.js"]') && 'Oncefill' in window);
    await Promise.all([p().waitForURL(demo.url), p().click('button:text("Đăng xuất")')]);
    await p().waitForLoadState('load');
    expect(await p().locator('a[href="/login"]').count()).toBe(1);
    // Only the logout's own wall-time mark stays (for pages restored from the back/forward cache).
    expect(await oncefillKeys()).toEqual(['oncefill:logout']);
    expect(await p().evaluate(() => JSON.parse(sessionStorage.getItem('oncefill:logout')!))).toEqual(expect.any(Number));
    expect(await cspViolations(p())).toEqual([]);
  });

  it('after logout, Back shows no filled values, and nothing more is posted', async () => {
    const cached = await launchChromium({ backForwardCache: true });
    try {
      page = await openPage(cached);
      await login(demo, '/legacy/1.005092');
      await p().waitForSelector('form[data-oncefill-bound]');
      await p().waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
      expect(await value('fullName')).toBe('Nguyễn Thị Lan');
      const before = demo.dossiers.length;
      await Promise.all([p().waitForURL(demo.url), p().click('button:text("Đăng xuất")')]);
      await p().goBack();
      await p().waitForLoadState('load');
      // The page is not kept (no-store) and the session is over: Back lands on the login page, no form of hers.
      expect(p().url()).toContain(`/login?next=${encodeURIComponent('/legacy/1.005092')}`);
      expect(await p().locator('form[data-oncefill-procedure]').count()).toBe(0);
      expect(await p().locator('[data-oncefill-filled], .oncefill-note').count()).toBe(0);
      expect(await p().$$eval('input:not([type=radio]):not([type=hidden]), textarea', (els) => els.map((el) => (el as HTMLInputElement).value).filter(Boolean))).toEqual([]);
      expect(demo.dossiers.length).toBe(before);
    } finally {
      await page?.context().close();
      page = undefined;
      await cached.close();
    }
  });
});
