/**
 * The one-tag embed binding real forms in Chromium, under a strict CSP, against a gateway
 * answered by hand at the test server's network edge.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../bundle-size.js';
import { ROOT, cspViolations, launchChromium, openPage, pageErrors, startServer, waitFor, type RecordedRequest, type TestServer } from './harness.js';
import { prefillFrom, testDefinition, testField, TEST_CITATION } from '../support/test-definition.js';
import { stubGateway, verified, type StubGateway } from './stub-gateway.js';

let browser: Browser;
let server: TestServer;
let gateway: StubGateway;
let page: Page;

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";

const DEFINITION = testDefinition(
  [
    { id: 'fullName', type: 'text', label: { vi: 'Họ và tên' }, ...prefillFrom('population', 'fullName', true) },
    { id: 'birthDate', type: 'date', label: { vi: 'Ngày sinh' }, allowYearOnly: true, ...prefillFrom('population', 'birthDate', true) },
    { id: 'gender', type: 'radio', label: { vi: 'Giới tính' }, options: [{ value: 'male', label: { vi: 'Nam' } }, { value: 'female', label: { vi: 'Nữ' } }], ...prefillFrom('population', 'gender', true) },
    { id: 'nationality', type: 'select', label: { vi: 'Quốc tịch' }, options: [{ value: 'VN', label: { vi: 'Việt Nam' } }, { value: 'DE', label: { vi: 'Đức' } }], ...prefillFrom('population', 'nationality', true) },
    { id: 'absent', type: 'checkbox', label: { vi: 'Tạm vắng' }, ...prefillFrom('population', 'temporaryAbsence') },
    { id: 'email', type: 'email', label: { vi: 'Thư điện tử' }, ...prefillFrom('personal', 'email') },
    { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } },
    { id: 'issuePlace', type: 'text', label: { vi: 'Nơi cấp <img src=x onerror="window.__pwned=1">' }, ...prefillFrom('population', 'idCardIssuePlace') },
    { id: 'note', type: 'textarea', label: { vi: 'Ghi chú' } },
    { id: 'diplomas', type: 'group', label: { vi: 'Văn bằng' }, repeat: { max: 5 }, ...prefillFrom('results', 'diploma') },
    { id: 'diplomaTitle', type: 'text', label: { vi: 'Tên văn bằng' }, group: 'diplomas', ...prefillFrom('results', 'diploma.title') },
    { id: 'diplomaFile', type: 'file', label: { vi: 'Bản sao văn bằng' } },
  ],
  { documents: [{ id: 'diploma', title: { vi: 'Văn bằng' }, status: 'verified', source: TEST_CITATION, fileField: 'diplomaFile', reuse: [{ source: 'results', documentType: 'diploma' }] }] },
);

const POPULATION = {
  fullName: verified({ family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, { lastUpdated: '2024-03-12' }),
  birthDate: verified('1991-05-09'),
  gender: verified('female'),
  nationality: verified('VN'),
  temporaryAbsence: verified('false'),
  phone: verified('+84912345678'),
  idCardIssuePlace: verified('Cục Cảnh sát <script>window.__pwned=2</script>'),
};
const DIPLOMAS = verified([
  { type: 'diploma', number: 'B001', title: 'Dược sĩ đại học', resultCode: 'KQ.1', fromNationalStore: true },
  { type: 'diploma', number: 'B002', title: 'Thạc sĩ <b>dược</b>', fromNationalStore: true },
]);

/** The form fields, as a portal's template renders them (values after a failed POST go in `values`). */
const FIELDS = (values: Record<string, string> = {}) => {
  const v = (name: string) => (values[name] ? ` value="${values[name]}"` : '');
  return `
  <p><label for="fullName">Họ và tên</label> <input id="fullName" name="fullName" required${v('fullName')}></p>
  <p><label for="birthDate">Ngày sinh</label> <input id="birthDate" name="birthDate" type="date"${v('birthDate')}></p>
  <fieldset><legend>Giới tính</legend><label><input type="radio" name="gender" value="male"> Nam</label> <label><input type="radio" name="gender" value="female"> Nữ</label></fieldset>
  <p><label for="nationality">Quốc tịch</label> <select id="nationality" name="nationality"><option value="">-- Chọn --</option><option value="VN">Việt Nam</option><option value="DE">Đức</option></select></p>
  <p><label><input type="checkbox" name="absent" value="true"> Tạm vắng</label></p>
  <p><label for="email">Thư điện tử</label> <input id="email" name="email" type="email"${v('email')}></p>
  <p><label for="phone">Điện thoại</label> <input id="phone" name="phone" type="tel"${v('phone')}></p>
  <p><label for="issuePlace">Nơi cấp</label> <input id="issuePlace" name="issuePlace"></p>
  <p><label for="note">Ghi chú</label> <textarea id="note" name="note"></textarea></p>
  <fieldset id="diplomas"><legend>Văn bằng</legend><div data-rows></div></fieldset>
  <p><label for="diplomaFile">Bản sao văn bằng</label> <input id="diplomaFile" name="diplomaFile" type="file" required></p>
  <button>Nộp hồ sơ</button>`;
};

/** A portal page on the one-tag embed, as served under the strict CSP. */
const portalPage = (options: { form?: string; fields?: string; head?: string; after?: string; scripts?: string } = {}) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Nộp hồ sơ trực tuyến</title>
<meta name="csrf-token" content="tok-123">${options.head ?? ''}
<script src="/dist/oncefill.global.js" data-oncefill-gateway="/api/oncefill" data-oncefill-csrf="X-CSRF-Token: meta[name=csrf-token]"></script>
<script src="/pages/legacy-rows.js" defer></script>${options.scripts ?? ''}
</head><body><main><h1>Đơn đề nghị</h1>
<form method="post" action="/submit" enctype="multipart/form-data" data-oncefill-procedure="1.004616" ${options.form ?? ''}>${options.fields ?? FIELDS()}</form>
${options.after ?? ''}</main></body></html>`;

/** Serves `html` at `path` under the strict CSP. */
const serveCsp = (path: string, html: string) =>
  server.route(path, (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(html);
  });

/** Posts land here; each is recorded and answered with a small receipt page. */
const posts: RecordedRequest[] = [];
const field = (post: RecordedRequest, name: string) => {
  const type = String(post.headers['content-type']);
  const form = type.startsWith('multipart/')
    ? new Response(post.body, { headers: { 'content-type': type } }).formData()
    : Promise.resolve(new URLSearchParams(post.body) as unknown as FormData);
  return form.then((data) => data.getAll(name).map(String));
};

const bound = async () => {
  await page.waitForSelector('form[data-oncefill-bound]');
  await page.waitForFunction(() => !document.querySelector('form[data-oncefill-loading]'));
};
const value = (selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

async function axeViolations(include: string[]): Promise<string[]> {
  await page.addScriptTag({ content: AXE }).catch(() => page.evaluate(AXE));
  return page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: selectors.map((s) => [s]) }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
  gateway = stubGateway(server);
  gateway.serve(DEFINITION);
  server.route('/submit', async (request, response) => {
    posts.push(request);
    response.writeHead(303, { location: '/receipt' }).end();
  });
  // The same page may also carry oncefill/dom inside the portal's own npm bundle.
  const npm = await bundle(`import { autoInit, bindForm } from 'oncefill/dom';
    await autoInit();
    bindForm(document.querySelector('form'), { procedure: { code: '1.004616', version: '1', fields: [] } });
    window.npmBound = true;`);
  server.route('/npm-bundle.js', (_request, response) => void response.writeHead(200, { 'content-type': 'text/javascript' }).end(npm));
  serveCsp('/receipt', '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biên nhận</title></head><body><p data-oncefill-receipt>Đã tiếp nhận</p><a id="other" href="/other">Trang khác</a></body></html>');
  serveCsp('/other', '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Khác</title></head><body><p>Trang khác</p></body></html>');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  if (page) {
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }
  posts.length = 0;
  gateway.queries.length = 0;
  gateway.answers = {};
});

describe('the one-tag embed on a legacy form', () => {
  it('fills, marks and locks under a strict CSP with zero securitypolicyviolation events, stylesheet and UI file included', async () => {
    gateway.answers = { population: { attributes: POPULATION }, personal: { attributes: { phone: { value: '+84987000111', verification: 'user-provided' } } } };
    serveCsp('/csp', portalPage());
    page = await openPage(browser);
    await page.goto(server.url('/csp'));
    await bound();
    expect(await value('#fullName')).toBe('Nguyễn Thị Lan');
    expect(await value('#birthDate')).toBe('1991-05-09');
    expect(await page.isChecked('input[name=gender][value=female]')).toBe(true);
    expect(await value('#nationality')).toBe('VN');
    expect(await page.getAttribute('#fullName', 'readonly')).toBe('');
    expect(await page.getByRole('textbox', { name: 'Họ và tên' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.locator('#fullName + .oncefill-note span').textContent()).toBe('Lấy từ CSDL quốc gia về dân cư, cập nhật 12/03/2024. Đã xác thực, không cần sửa.');
    // The CSRF header came from where data-oncefill-csrf said.
    expect(gateway.queries.map((q) => q.csrf)).toEqual(gateway.queries.map(() => 'tok-123'));
    // The stylesheet applies (from a file: style-src 'self').
    expect(await page.$eval('#fullName', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(243, 243, 243)');
    // The picker comes from oncefill.ui.js, loaded on demand with its integrity.
    await page.getByRole('button', { name: 'Các nguồn ghi khác nhau (2): chọn giá trị đúng' }).click();
    const picker = page.getByRole('dialog', { name: 'Chọn giá trị đúng cho “Điện thoại”' });
    await picker.waitFor();
    await picker.getByRole('radio', { name: /0987000111/ }).check();
    await picker.getByRole('button', { name: 'Dùng giá trị này' }).click();
    expect(await value('#phone')).toBe('0987000111');
    expect(await cspViolations(page)).toEqual([]);
  });

  it('refuses an on-demand UI file that is not the one it was built with (its pinned hash), and says so', async () => {
    gateway.answers = { population: { attributes: POPULATION }, personal: { attributes: { phone: { value: '+84987000111', verification: 'user-provided' } } } };
    // The same files, one byte changed in the UI file: as a compromised static host would serve them.
    const ui = readFileSync(`${ROOT}dist/oncefill.ui.js`, 'utf8');
    server.route('/altered/oncefill.ui.js', (_request, response) => void response.writeHead(200, { 'content-type': 'text/javascript' }).end(`${ui}\n;`));
    server.route('/altered/oncefill.css', (_request, response) => void response.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(`${ROOT}dist/oncefill.css`)));
    serveCsp('/altered-ui', portalPage({ head: '<meta name="x" data-oncefill-assets="/altered/">' }));
    page = await openPage(browser);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(server.url('/altered-ui'));
    await page.evaluate(() =>
      document.addEventListener('sdk:error', (e) => ((window as unknown as { sdkErrors: string[] }).sdkErrors ??= []).push(`${(e as CustomEvent).detail.error.code} ${(e as CustomEvent).detail.error.message}`)),
    );
    await bound();
    expect(await value('#fullName')).toBe('Nguyễn Thị Lan');
    // The stylesheet, unaltered, still applies.
    expect(await page.$eval('#fullName', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(243, 243, 243)');
    await page.getByRole('button', { name: 'Các nguồn ghi khác nhau (2): chọn giá trị đúng' }).click();
    await page.waitForFunction(() => (window as unknown as { sdkErrors?: string[] }).sdkErrors?.length);
    // It says the file may be the wrong one, not only missing: a stale cached copy is the likely case.
    expect(await page.evaluate(() => (window as unknown as { sdkErrors: string[] }).sdkErrors)).toEqual(['ui-unavailable [oncefill] oncefill.ui.js from "/altered/" did not load, or is not the file this build pins']);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors.join('\n')).toMatch(/integrity/i);
    // The form stays usable: the citizen types the phone number.
    await page.fill('#phone', '0987000111');
    expect(await value('#phone')).toBe('0987000111');
  });

  it('loaded twice, and beside an npm bundle, binds each form once', async () => {
    gateway.answers = { population: { attributes: POPULATION } };
    serveCsp(
      '/twice',
      portalPage({ scripts: '<script src="/dist/oncefill.global.js"></script><script type="module" src="/npm-bundle.js"></script>' }),
    );
    page = await openPage(browser);
    await page.goto(server.url('/twice'));
    await bound();
    await page.waitForFunction(() => (window as unknown as { npmBound?: boolean }).npmBound === true, undefined, { timeout: 5000 }).catch(() => {
      throw new Error(`npm bundle: ${pageErrors(page).map(String).join('; ')}`);
    });
    expect(await page.locator('input[name="oncefill-envelope"]').count()).toBe(1);
    expect(await page.locator('.oncefill-status').count()).toBe(1);
    expect(await page.locator('#fullName ~ .oncefill-note').count()).toBe(1);
    expect(gateway.queries.filter((q) => q.source === 'population')).toHaveLength(1);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('carries the envelope when the page calls form.submit() (as __doPostBack does), and the values of locked fields', async () => {
    gateway.answers = { population: { attributes: POPULATION }, results: { attributes: { diploma: verified([(DIPLOMAS.value as unknown[])[0]]) } } };
    serveCsp('/postback', portalPage({ after: '<button id="postback" type="button">Lưu nháp</button>', scripts: '<script src="/pages/postback.js" defer></script>' }));
    page = await openPage(browser);
    await page.goto(server.url('/postback'));
    await bound();
    await Promise.all([page.waitForURL('**/receipt'), page.click('#postback')]);
    const post = posts[0]!;
    const envelope = JSON.parse((await field(post, 'oncefill-envelope'))[0]!);
    expect(envelope).toMatchObject({ v: 1, procedure: { code: '1.004616', version: '2026.1' } });
    expect(envelope.provenance).toEqual(expect.arrayContaining(['stmt-population', 'stmt-results']));
    expect(envelope.fields.fullName).toMatchObject({ source: 'population', locked: true, setBy: 'oncefill' });
    expect(envelope.components.diploma).toMatchObject({ documentNumber: 'B001', resultCode: 'KQ.1' });
    expect(await field(post, 'fullName')).toEqual(['Nguyễn Thị Lan']);
    expect(await field(post, 'nationality')).toEqual(['VN']);
    expect(await field(post, 'gender')).toEqual(['female']);
    // C-B07 in the browser: "false" from the source leaves the box unticked, so nothing is posted for it.
    expect(await field(post, 'absent')).toEqual([]);
    expect(await field(post, 'oncefill-envelope')).toHaveLength(1);
  });

  it('keeps the citizen’s values when the server re-renders the form after a failed POST', async () => {
    gateway.answers = { population: { attributes: POPULATION } };
    serveCsp('/failed', portalPage({ form: 'data-oncefill-submit-failed="rejected"', fields: FIELDS({ fullName: 'Nguyễn Thị Lan', email: 'lan.tu.go@example.vn', phone: '0900000001' }) }));
    page = await openPage(browser);
    await page.goto(server.url('/failed'));
    await bound();
    expect(await value('#phone')).toBe('0900000001');
    expect(await value('#email')).toBe('lan.tu.go@example.vn');
    // The re-rendered name equals the verified one: it keeps its mark and lock.
    expect(await page.getAttribute('#fullName', 'data-oncefill-filled')).toBe('population');
    expect(await page.getAttribute('#phone', 'data-oncefill-filled')).toBe(null);
  });

  it('keeps what the citizen typed when they come Back to the form', async () => {
    gateway.answers = { population: { attributes: POPULATION, delayMs: 100 } };
    serveCsp('/back', portalPage({ after: '<a id="away" href="/other">Trang khác</a>' }));
    page = await openPage(browser);
    await page.goto(server.url('/back'));
    await bound();
    await page.fill('#phone', '0911222333');
    await page.fill('#note', 'Ghi chú của tôi');
    await Promise.all([page.waitForURL('**/other'), page.click('#away')]);
    await page.goBack();
    await bound();
    expect(await value('#phone')).toBe('0911222333');
    expect(await value('#note')).toBe('Ghi chú của tôi');
    expect(await page.getAttribute('#phone', 'data-oncefill-filled')).toBe(null);
  });

  it('keeps a locked select, radio and checkbox at their verified values; every one is still submitted', async () => {
    gateway.answers = { population: { attributes: { ...POPULATION, temporaryAbsence: verified(true) } } };
    const definition = structuredClone(DEFINITION);
    definition.fields[4] = testField({ id: 'absent', type: 'checkbox', ...prefillFrom('population', 'temporaryAbsence', true) });
    gateway.serve({ ...definition, code: '1.005092' });
    serveCsp('/locked', portalPage().replace('data-oncefill-procedure="1.004616"', 'data-oncefill-procedure="1.005092"'));
    page = await openPage(browser);
    await page.goto(server.url('/locked'));
    await bound();
    expect(await page.isDisabled('#nationality')).toBe(false);
    expect(await page.getAttribute('#nationality', 'aria-readonly')).toBe('true');
    await page.selectOption('#nationality', 'DE');
    expect(await value('#nationality')).toBe('VN');
    await page.focus('#nationality');
    await page.keyboard.press('ArrowDown');
    expect(await value('#nationality')).toBe('VN');
    await page.click('input[name=gender][value=male]');
    expect(await page.isChecked('input[name=gender][value=female]')).toBe(true);
    await page.click('input[name=absent]');
    expect(await page.isChecked('input[name=absent]')).toBe(true);
    await page.fill('#fullName', 'Ai đó', { force: true }).catch(() => undefined);
    expect(await value('#fullName')).toBe('Nguyễn Thị Lan');
    await page.setInputFiles('#diplomaFile', { name: 'bang.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await Promise.all([page.waitForURL('**/receipt'), page.click('button:text("Nộp hồ sơ")')]);
    expect(await field(posts[0]!, 'nationality')).toEqual(['VN']);
    expect(await field(posts[0]!, 'absent')).toEqual(['true']);
    expect(await field(posts[0]!, 'fullName')).toEqual(['Nguyễn Thị Lan']);
  });

  it("fills rows the page adds after 'rows:needed', and lets the citizen pick which document on record to reuse", async () => {
    gateway.answers = { results: { attributes: { diploma: DIPLOMAS } } };
    serveCsp('/rows', portalPage());
    page = await openPage(browser);
    await page.goto(server.url('/rows'));
    await bound();
    await page.waitForSelector('[name="diplomas[1].diplomaTitle"]');
    await waitFor(async () => (await value('[name="diplomas[1].diplomaTitle"]')) === 'Thạc sĩ <b>dược</b>', 3000, 'the second row');
    expect(await value('[name="diplomas[0].diplomaTitle"]')).toBe('Dược sĩ đại học');
    expect(await page.locator('#diplomas b').count()).toBe(0);
    // Two diplomas on record could stand in for the upload: the citizen picks one.
    expect(await page.getAttribute('#diplomaFile', 'required')).toBe('');
    await page.getByRole('button', { name: 'Có 2 giấy tờ trong kho dữ liệu dùng được: chọn một để khỏi nộp' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: /B001/ }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Dùng giá trị này' }).click();
    expect(await page.getAttribute('#diplomaFile', 'required')).toBe(null);
    expect(await page.locator('#diplomaFile ~ .oncefill-note').textContent()).toBe('Không cần nộp: đã có Dược sĩ đại học trong kho dữ liệu.');
    expect(JSON.parse(await value('input[name="oncefill-envelope"]')).components.diploma).toMatchObject({ documentNumber: 'B001' });
  });

  it('keeps script-like payloads in source values and labels as text', async () => {
    gateway.answers = { population: { attributes: { ...POPULATION, idCardIssuePlace: verified('<img src=x onerror="window.__pwned=3">'), occupation: verified('x') } } };
    const definition = structuredClone(DEFINITION);
    definition.fields[7] = testField({ id: 'issuePlace', type: 'text', label: { vi: 'Nơi cấp <img src=x onerror="window.__pwned=1">' }, prefill: { from: [{ source: 'population', attribute: 'idCardIssuePlace' }, { source: 'population', attribute: 'occupation' }] } });
    gateway.serve({ ...definition, code: '2.000535' });
    serveCsp('/payloads', portalPage().replace('data-oncefill-procedure="1.004616"', 'data-oncefill-procedure="2.000535"'));
    page = await openPage(browser);
    await page.goto(server.url('/payloads'));
    await bound();
    await page.locator('#issuePlace ~ .oncefill-note button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('<img src=x onerror="window.__pwned=3">');
    expect(await dialog.textContent()).toContain('Nơi cấp <img src=x');
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('button', { name: 'Dùng giá trị này' }).click();
    expect(await value('#issuePlace')).toBe('<img src=x onerror="window.__pwned=3">');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([]);
  });

  it('adds UI that axe-core finds no violations in: marks, notice, picker and dispute dialog', async () => {
    gateway.answers = { population: { attributes: POPULATION }, personal: { attributes: { phone: { value: '+84987000111', verification: 'user-provided' } } }, business: { status: 503 } };
    const definition = structuredClone(DEFINITION);
    (definition.fields as unknown[]).push(testField({ id: 'company', type: 'text', ...prefillFrom('business', 'name') }));
    gateway.serve({ ...definition, code: '2.000648' });
    serveCsp('/axe', portalPage({ fields: `${FIELDS()}<p><label for="company">Doanh nghiệp</label> <input id="company" name="company"></p>` }).replace('data-oncefill-procedure="1.004616"', 'data-oncefill-procedure="2.000648"'));
    page = await openPage(browser);
    await page.goto(server.url('/axe'));
    await bound();
    expect(await page.locator('.oncefill-status').textContent()).toContain('Chưa lấy được thông tin từ CSDL quốc gia về đăng ký doanh nghiệp');
    expect(await page.isEditable('#company')).toBe(true);
    await page.locator('#phone ~ .oncefill-note button').click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('button', { name: 'Thông tin này sai? Họ và tên' }).click();
    await page.getByRole('dialog', { name: /Vì sao “Họ và tên” sai/ }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect(await axeViolations(['.oncefill-note', '.oncefill-status', '.oncefill-panel', '[data-oncefill-filled]', '[data-oncefill-locked]', 'fieldset'])).toEqual([]);
  });

  it('C-B10: fills neither a honeypot, a disabled nor a hidden input, and reports each with its reason', async () => {
    gateway.answers = { personal: { attributes: { email: { value: 'an.tran@example.com', verification: 'user-provided' } } } };
    serveCsp(
      '/honeypot',
      portalPage({
        fields: `<p><label for="e">Thư điện tử</label> <input id="e" name="ctl00$Main$email" type="email"></p>
          <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="hp_email" type="text" tabindex="-1" autocomplete="off"></div>
          <p><label for="ec">Nhập lại</label> <input id="ec" name="email_confirm" type="email" disabled></p>
          <input type="hidden" name="email_hash"><button>Nộp</button>`,
      }),
    );
    page = await openPage(browser);
    await page.goto(server.url('/honeypot'));
    await bound();
    expect(await value('#e')).toBe('an.tran@example.com');
    expect(await value('[name=hp_email]')).toBe('');
    expect(await value('[name=email_confirm]')).toBe('');
    expect(await value('[name=email_hash]')).toBe('');
    const skipped = await page.evaluate(() => (document.querySelector('form') as unknown as Record<symbol, { report(): { skipped: unknown[] } }>)[Symbol.for('oncefill.binding')]!.report().skipped);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { path: 'email', control: 'hp_email', reason: 'aria-hidden' },
        { path: 'email', control: 'email_confirm', reason: 'disabled' },
        { path: 'email', control: 'email_hash', reason: 'hidden' },
      ]),
    );
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh'])('lands a date as the same calendar date in %s', async (timezoneId) => {
    gateway.answers = { population: { attributes: POPULATION } };
    serveCsp('/tz', portalPage());
    page = await openPage(browser, { timezoneId });
    await page.goto(server.url('/tz'));
    await bound();
    expect(await value('#birthDate')).toBe('1991-05-09');
    expect(await page.$eval('#birthDate', (el) => (el as HTMLInputElement).valueAsDate?.toISOString().slice(0, 10))).toBe('1991-05-09');
  });

  it('shows the loading state while a slow source answers, and the citizen may type meanwhile', async () => {
    gateway.answers = { population: { attributes: POPULATION, delayMs: 1500 } };
    serveCsp('/slow', portalPage());
    page = await openPage(browser);
    await page.goto(server.url('/slow'));
    await page.waitForSelector('form[data-oncefill-loading]');
    expect(await page.locator('.oncefill-status').textContent()).toBe('Đang lấy thông tin Nhà nước đã có về bạn…');
    expect(await page.getAttribute('#phone', 'aria-busy')).toBe('true');
    await page.fill('#phone', '0933444555');
    await bound();
    expect(await value('#phone')).toBe('0933444555');
    expect(await value('#fullName')).toBe('Nguyễn Thị Lan');
    expect(await page.locator('.oncefill-status').textContent()).toBe('');
  });
});

describe('after logout', () => {
  it('shows no filled values on a form restored from the back/forward cache', async () => {
    const cached = await launchChromium({ backForwardCache: true });
    try {
      gateway.answers = { population: { attributes: POPULATION } };
      serveCsp('/bf', portalPage({ after: '<a id="logout" href="/other" data-oncefill-logout>Đăng xuất</a>' }));
      page = await openPage(cached);
      await page.goto(server.url('/bf'));
      await bound();
      expect(await value('#fullName')).toBe('Nguyễn Thị Lan');
      await page.evaluate(() => window.addEventListener('pageshow', (e) => ((window as unknown as { restored?: boolean }).restored = e.persisted)));
      await Promise.all([page.waitForURL('**/other'), page.click('#logout')]);
      await page.goBack({ waitUntil: 'commit' });
      await waitFor(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored === true).catch(() => false), 5000, 'the restore');
      await waitFor(async () => (await value('#fullName')) === '', 3000, 'the name to be cleared');
      expect(await page.isChecked('input[name=gender][value=female]')).toBe(false);
      expect(await page.locator('.oncefill-note').count()).toBe(0);
      expect(JSON.parse(await value('input[name="oncefill-envelope"]')).fields).toEqual({});
    } finally {
      await page.context().close();
      page = undefined as unknown as Page;
      await cached.close();
    }
  });
});
