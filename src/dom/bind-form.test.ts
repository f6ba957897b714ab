// @vitest-environment happy-dom
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPrefillCache } from '../resolve/prefill-cache.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import type { SourceId } from '../shared/protocol.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { markLogout } from '../timing/mark-logout.js';
import { prefillFrom, testDefinition, TEST_CITATION } from '../../test/support/test-definition.js';
import { bindForm, type Binding, type BindFormOptions } from './bind-form.js';

const BASE = 'https://portal.example/api/oncefill';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clearPrefillCache();
  sessionStorage.clear();
  document.body.innerHTML = '';
});
afterEach(() => {
  binding?.unbind();
  server.resetHandlers();
});
afterAll(() => server.close());

const options = (...values: string[]) => values.map((value) => ({ value, label: { vi: value.toUpperCase() } }));
const PROCEDURE = parseProcedure(
  testDefinition(
    [
      { id: 'fullName', type: 'text', ...prefillFrom('population', 'fullName', true) },
      { id: 'birthDate', type: 'date', allowYearOnly: true, ...prefillFrom('population', 'birthDate', true) },
      { id: 'idIssueDate', type: 'date', ...prefillFrom('population', 'idCardIssueDate') },
      { id: 'gender', type: 'radio', options: [{ value: 'male', label: { vi: 'Nam' } }, { value: 'female', label: { vi: 'Nữ' } }], ...prefillFrom('population', 'gender', true) },
      { id: 'nationality', type: 'select', options: options('VN', 'DE'), ...prefillFrom('population', 'nationality', true) },
      { id: 'absent', type: 'checkbox', ...prefillFrom('population', 'temporaryAbsence', true) },
      { id: 'phone', type: 'phone', prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } },
      { id: 'email', type: 'email', ...prefillFrom('personal', 'email') },
      { id: 'note', type: 'textarea' },
      { id: 'issuePlace', type: 'text', label: { vi: 'Nơi cấp <img src=x onerror="window.__pwned=3">' }, prefill: { from: [{ source: 'population', attribute: 'idCardIssuePlace' }, { source: 'population', attribute: 'occupation' }] } },
      { id: 'diplomas', type: 'group', repeat: { max: 5 }, ...prefillFrom('results', 'diploma') },
      { id: 'diplomaTitle', type: 'text', group: 'diplomas', ...prefillFrom('results', 'diploma.title') },
      { id: 'diplomaFile', type: 'file' },
    ],
    { documents: [{ id: 'diploma', title: { vi: 'Văn bằng' }, status: 'verified', source: TEST_CITATION, fileField: 'diplomaFile', reuse: [{ source: 'results', documentType: 'diploma' }] }] },
  ),
);

const FORM = `<form method="post" action="/submit">
  <label>Họ tên <input name="fullName"></label>
  <label for="bd">Ngày sinh</label><input type="date" id="bd" name="birthDate">
  <label>Ngày cấp <input name="idIssueDate"></label>
  <fieldset><legend>Giới tính</legend><label><input type="radio" name="gender" value="male"> Nam</label><label><input type="radio" name="gender" value="female"> Nữ</label></fieldset>
  <label>Quốc tịch <select name="nationality"><option value="">--</option><option value="VN">Việt Nam</option><option value="DE">Đức</option></select></label>
  <label><input type="checkbox" name="absent"> Tạm vắng</label>
  <label>Điện thoại <input name="phone"></label>
  <label>Email <input name="email" type="email"></label>
  <label>Ghi chú <textarea name="note"></textarea></label>
  <label>Nơi cấp <input name="issuePlace"></label>
  <div id="rows"></div>
  <label>Văn bằng <input type="file" name="diplomaFile" required></label>
  <button>Nộp</button>
</form>`;

type Answers = Partial<Record<SourceId, { attributes?: Record<string, unknown>; delayMs?: number; status?: number }>>;
const verified = (value: unknown, extra: Record<string, unknown> = {}) => ({ value, verification: 'verified', ...extra });

function gateway(answers: Answers) {
  server.use(
    http.post(`${BASE}/:source`, async ({ params }) => {
      const source = String(params.source) as SourceId;
      const a = answers[source];
      if (!a) return HttpResponse.json({ protocol: 1, source, fingerprint: 'fp', attributes: {} });
      if (a.delayMs) await delay(a.delayMs);
      if (a.status) return HttpResponse.json({ protocol: 1, error: { code: 'bad-request', message: 'x' } }, { status: a.status });
      return HttpResponse.json({ protocol: 1, source, fingerprint: 'fp', attributes: a.attributes ?? {}, provenance: `stmt-${source}` });
    }),
  );
}

const POPULATION = {
  fullName: verified({ family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, { lastUpdated: '2024-03-12' }),
  birthDate: verified('1991-05-09'),
  idCardIssueDate: verified('2021-07-01'),
  gender: verified('female'),
  nationality: verified('VN'),
  temporaryAbsence: verified(false),
  phone: verified('0912345678'),
};

let binding: Binding | undefined;
const $ = <T extends Element = HTMLInputElement>(selector: string) => document.querySelector(selector) as unknown as T;
const form = () => $<HTMLFormElement>('form');
function bind(answers: Answers, extra: Partial<BindFormOptions> = {}, html = FORM): Binding {
  document.body.innerHTML = html;
  gateway(answers);
  return (binding = bindForm(form(), { procedure: PROCEDURE, sources: createGatewaySources({ baseUrl: BASE, retries: 0, timeoutMs: 2000 }), ...extra }));
}
const envelope = () => JSON.parse($('input[name="oncefill-envelope"]').value);
const description = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('bindForm', () => {
  it('fills text, date, radio, select and checkbox with the events the page expects, and marks each with its source and date', async () => {
    const seen: string[] = [];
    document.addEventListener('change', (e) => seen.push((e.target as HTMLInputElement).name));
    await bind({ population: { attributes: POPULATION } }).ready;
    expect($('[name=fullName]').value).toBe('Nguyễn Thị Lan');
    expect($('[name=birthDate]').value).toBe('1991-05-09');
    expect($('[name=idIssueDate]').value).toBe('01/07/2021');
    expect($('[name=gender][value=female]').checked).toBe(true);
    expect($<HTMLSelectElement>('[name=nationality]').value).toBe('VN');
    expect($('[name=phone]').value).toBe('0912345678');
    expect(seen).toEqual(expect.arrayContaining(['fullName', 'birthDate', 'gender', 'nationality', 'phone']));
    expect($('[name=fullName]').getAttribute('data-oncefill-filled')).toBe('population');
    expect(description($('[name=fullName]'))).toBe('Lấy từ CSDL quốc gia về dân cư, cập nhật 12/03/2024. Đã xác thực, không cần sửa.');
    expect(description($('[name=phone]'))).toBe('Lấy từ CSDL quốc gia về dân cư.');
    expect(envelope()).toMatchObject({ v: 1, procedure: { code: '1.004616' }, provenance: ['stmt-population'], fields: { fullName: { source: 'population', locked: true, setBy: 'oncefill' } } });
    expect(binding!.report().filled).toEqual(expect.arrayContaining(['fullName', 'birthDate', 'gender', 'nationality', 'phone', 'absent']));
  });

  it('speaks English by option, with the portal’s own words where given', async () => {
    await bind({ population: { attributes: POPULATION } }, { lang: 'en', strings: { sources: { population: 'the population register' } } }).ready;
    expect(description($('[name=phone]'))).toBe('From the population register.');
  });

  it('never overwrites a value present at bind time or typed while a source is slow', async () => {
    const html = FORM.replace('name="phone"', 'name="phone" value="0987654321"');
    const b = bind({ population: { attributes: POPULATION, delayMs: 80 } }, {}, html);
    expect(form().hasAttribute('data-oncefill-loading')).toBe(true);
    expect($('[name=email]').hasAttribute('data-oncefill-pending')).toBe(false);
    expect($('[name=fullName]').getAttribute('aria-busy')).toBe(null);
    const note = $('[name=note]') as unknown as HTMLTextAreaElement;
    note.value = 'Tôi tự gõ';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    const email = $('[name=email]');
    email.value = 'tu.go@example.vn';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    await b.ready;
    expect($('[name=phone]').value).toBe('0987654321');
    expect(email.value).toBe('tu.go@example.vn');
    expect(form().hasAttribute('data-oncefill-loading')).toBe(false);
    expect(b.session.get('phone')).toMatchObject({ value: '0987654321', setBy: 'page' });
    expect(envelope().fields.phone).toBeUndefined();
  });

  it('keeps the provenance and lock of a server-rendered value equal to the source’s (a re-render after a failed POST)', async () => {
    const html = FORM.replace('name="fullName"', 'name="fullName" value="Nguyễn Thị Lan"');
    await bind({ population: { attributes: POPULATION } }, {}, html).ready;
    expect($('[name=fullName]').readOnly).toBe(true);
    expect(envelope().fields.fullName).toMatchObject({ setBy: 'oncefill', locked: true });
  });

  it.each([
    ['1991-05-09', '09/05/1991'],
    ['1991-05-09', '9-5-1991'],
    ['1991-05', '05/1991'],
  ])('keeps the provenance and lock of a date %s a text input shows day first (%s) after a failed POST', async (wire, shown) => {
    const html = FORM.replace('<input type="date" id="bd" name="birthDate">', `<input id="bd" name="birthDate" value="${shown}">`);
    await bind({ population: { attributes: { birthDate: verified(wire) } } }, {}, html).ready;
    expect($('[name=birthDate]').readOnly).toBe(true);
    expect(envelope().fields.birthDate).toMatchObject({ setBy: 'oncefill', locked: true });
  });

  it('takes a value a page script sets without events as the citizen’s', async () => {
    const b = bind({ population: { attributes: POPULATION, delayMs: 50 } });
    $('[name=phone]').value = '0900000000';
    await b.ready;
    expect($('[name=phone]').value).toBe('0900000000');
    expect(b.session.get('phone')).toMatchObject({ setBy: 'page' });
  });

  it('locks verified values: text readonly; select, radio and checkbox enabled with aria-readonly, changes put back', async () => {
    await bind({ population: { attributes: POPULATION } }).ready;
    expect($('[name=fullName]').readOnly).toBe(true);
    const select = $<HTMLSelectElement>('[name=nationality]');
    expect(select.disabled).toBe(false);
    expect(select.getAttribute('aria-readonly')).toBe('true');
    select.value = 'DE';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(select.value).toBe('VN');
    expect($('fieldset').getAttribute('aria-readonly')).toBe('true');
    expect($('fieldset').getAttribute('role')).toBe('radiogroup');
    const box = $('[name=absent]');
    box.click();
    expect(box.checked).toBe(false);
    expect(new FormData(form()).get('fullName')).toBe('Nguyễn Thị Lan');
    expect(new FormData(form()).get('nationality')).toBe('VN');
  });

  it('unlocks a locked value with "this is wrong" and keeps the reason in the provenance', async () => {
    await bind({ population: { attributes: POPULATION } }).ready;
    const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Thông tin này sai? fullName')!;
    button.click();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).not.toBeNull());
    const dialog = $<HTMLElement>('[role=dialog]');
    const reason = dialog.querySelector('textarea')!;
    expect(reason.labels?.[0]?.textContent).toContain('Vì sao “fullName” sai?');
    (dialog.querySelector('.oncefill-panel-confirm') as HTMLButtonElement).click();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    reason.value = 'Tên đệm là Thu';
    (dialog.querySelector('.oncefill-panel-confirm') as HTMLButtonElement).click();
    expect($('[name=fullName]').readOnly).toBe(false);
    expect(document.querySelector('[role=dialog]')).toBeNull();
    expect(envelope().fields.fullName).toMatchObject({ locked: false, disputed: { reason: 'Tên đệm là Thu' } });
    expect(description($('[name=fullName]'))).toContain('Bạn đã báo thông tin này sai.');
  });

  it('offers an accessible picker when sources disagree, and submits the chosen value with its provenance', async () => {
    await bind({ population: { attributes: { phone: verified('0912345678') } }, personal: { attributes: { phone: { value: '0987000111', verification: 'user-provided' } } } }).ready;
    const phone = $('[name=phone]');
    expect(phone.value).toBe('');
    expect(phone.hasAttribute('data-oncefill-conflict')).toBe(true);
    const trigger = document.querySelector('.oncefill-note-button') as HTMLButtonElement;
    expect(trigger.textContent).toBe('Các nguồn ghi khác nhau (2): chọn giá trị đúng');
    trigger.click();
    await vi.waitFor(() => expect(document.querySelectorAll('[role=dialog] input[type=radio]')).toHaveLength(2));
    const radios = document.querySelectorAll<HTMLInputElement>('[role=dialog] input[type=radio]');
    expect(radios[1]!.parentElement!.textContent).toBe('0987000111Lấy từ Kho dữ liệu điện tử của bạn');
    radios[1]!.click();
    (document.querySelector('.oncefill-panel-confirm') as HTMLButtonElement).click();
    expect(phone.value).toBe('0987000111');
    expect(envelope().fields.phone).toMatchObject({ source: 'personal', setBy: 'citizen' });
  });

  it('shows a short notice when a source fails and leaves its fields editable', async () => {
    await bind({ population: { status: 500 }, personal: { attributes: { email: { value: 'an@example.vn', verification: 'user-provided' } } } }).ready;
    const status = $<HTMLElement>('.oncefill-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Chưa lấy được thông tin từ CSDL quốc gia về dân cư. Bạn vẫn có thể tự nhập.');
    expect($('[name=fullName]').readOnly).toBe(false);
    expect($('[name=email]').value).toBe('an@example.vn');
    (status.querySelector('button') as HTMLButtonElement).click();
    expect(status.textContent).toBe('');
  });

  it('C-B07: the submitted value matches the checked state, whatever the source sends', async () => {
    const cases: Array<[unknown, boolean | 'invalid']> = [
      ['false', false], ['0', false], ['no', false], ['off', false], ['', false], [0, false], [false, false],
      ['true', true], ['1', true], ['yes', true], ['on', true], [1, true], [true, true], ['maybe', 'invalid'],
    ];
    for (const [raw, expected] of cases) {
      clearPrefillCache();
      server.resetHandlers();
      binding?.unbind();
      const html = expected === 'invalid' ? FORM.replace('name="absent"', 'name="absent" checked') : FORM;
      const b = bind({ population: { attributes: { temporaryAbsence: verified(raw) } } }, {}, html);
      await b.ready;
      const box = $('[name=absent]');
      const submitted = new FormData(form()).get('absent');
      if (expected === 'invalid') {
        expect(box.checked, JSON.stringify(raw)).toBe(true);
        expect(b.report().invalid, JSON.stringify(raw)).toContainEqual({ path: 'absent', reason: 'not-a-boolean' });
      } else expect(box.checked, JSON.stringify(raw)).toBe(expected);
      expect(submitted, JSON.stringify(raw)).toBe(box.checked ? 'on' : null);
      expect(box.value).toBe('on');
    }
  });

  it('reports a year-only date for <input type=date> as invalid, never a made-up day', async () => {
    await bind({ population: { attributes: { birthDate: verified('1962') } } }).ready;
    expect($('[name=birthDate]').value).toBe('');
    expect($('[name=birthDate]').readOnly).toBe(false);
    expect(binding!.report().invalid).toContainEqual({ path: 'birthDate', reason: 'year-only' });
    expect(binding!.session.get('birthDate')?.value).toBeUndefined();
  });

  it("raises 'rows:needed' for a multi-valued answer and fills the rows the page adds", async () => {
    const diplomas = verified([
      { type: 'diploma', number: 'B001', title: 'Dược sĩ đại học', issuer: 'ĐH Dược', issueDate: '2010-06-30' },
      { type: 'diploma', number: 'B002', title: 'Thạc sĩ <img src=x onerror=alert(1)>', issuer: 'ĐH Dược', issueDate: '2014-06-30' },
    ]);
    document.addEventListener('rows:needed', (event) => {
      const { group, rows, present } = (event as CustomEvent).detail;
      for (let i = present; i < rows; i++) $('#rows').insertAdjacentHTML('beforeend', `<input name="${group}[${i}].diplomaTitle">`);
    });
    await bind({ results: { attributes: { diploma: diplomas } } }).ready;
    await vi.waitFor(() => expect($('[name="diplomas[1].diplomaTitle"]')?.value).toBe('Thạc sĩ <img src=x onerror=alert(1)>'));
    expect($('[name="diplomas[0].diplomaTitle"]').value).toBe('Dược sĩ đại học');
    expect(document.querySelector('img')).toBeNull();
  });

  it('marks a component satisfied by reuse, drops required from its file input, and adds the reference to the envelope', async () => {
    await bind({ results: { attributes: { diploma: verified([{ type: 'diploma', number: 'B001', title: 'Bằng Dược sĩ', resultCode: 'KQ.1', fromNationalStore: true }]) } } }).ready;
    const file = $('[name=diplomaFile]');
    expect(file.required).toBe(false);
    expect(file.getAttribute('data-oncefill-reused')).toBe('diploma');
    expect(description(file)).toBe('Không cần nộp: đã có Bằng Dược sĩ trong kho dữ liệu.');
    expect(envelope().components.diploma).toMatchObject({ source: 'results', documentType: 'diploma', documentNumber: 'B001', resultCode: 'KQ.1' });
    binding!.unbind();
    expect(file.required).toBe(true);
  });

  it('clears filled values, marks and the envelope on logout', async () => {
    await bind({ population: { attributes: POPULATION } }).ready;
    markLogout();
    expect($('[name=fullName]').value).toBe('');
    expect($('[name=fullName]').readOnly).toBe(false);
    expect($('[name=gender][value=female]').checked).toBe(false);
    expect(document.querySelectorAll('.oncefill-note')).toHaveLength(0);
    expect(envelope().fields).toEqual({});
  });

  it('binds a form once, whoever asks again', async () => {
    const b = bind({});
    expect(bindForm(form(), { procedure: PROCEDURE })).toBe(b);
    expect(form().querySelectorAll('input[name="oncefill-envelope"]')).toHaveLength(1);
  });

  it('keeps script-like payloads in values and labels as text', async () => {
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
    await bind({ population: { attributes: { idCardIssuePlace: verified(evil), occupation: verified(`${evil}!`) } } }).ready;
    (document.querySelector('.oncefill-note-button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('[role=dialog]')).not.toBeNull());
    expect(document.querySelector('[role=dialog]')!.textContent).toContain(evil);
    expect(document.querySelector('[role=dialog]')!.textContent).toContain('Nơi cấp <img src=x');
    (document.querySelectorAll<HTMLInputElement>('[role=dialog] input[type=radio]')[0]!).click();
    (document.querySelector('.oncefill-panel-confirm') as HTMLButtonElement).click();
    expect($('[name=issuePlace]').value).toBe(evil);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('reports its own errors through onError and sdk:error without breaking the page', async () => {
    const errors: unknown[] = [];
    const events: unknown[] = [];
    document.addEventListener('sdk:error', (e) => events.push((e as CustomEvent).detail.error));
    const b = bind({ population: { attributes: POPULATION } }, { onError: (e) => errors.push(e), consent: () => true });
    b.session.on('field:filled', () => {
      throw new Error('a page listener fails');
    });
    await b.ready;
    expect(errors.length).toBeGreaterThan(0);
    expect(events.length).toBe(errors.length);
    expect($('[name=fullName]').value).toBe('Nguyễn Thị Lan');
  });

  it('throws at once, with advice, for a programmer mistake', () => {
    expect(() => bindForm(document.body as unknown as HTMLFormElement, { procedure: PROCEDURE })).toThrow(/\[oncefill\] bindForm\(form, options\): form must be a <form>/);
    document.body.innerHTML = '<form></form>';
    expect(() => bindForm(form(), {} as BindFormOptions)).toThrow(/needs \{ procedure \}/);
  });
});
