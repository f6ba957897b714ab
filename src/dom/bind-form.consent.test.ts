// @vitest-environment happy-dom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPrefillCache } from '../resolve/prefill-cache.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { prefillFrom, testDefinition } from '../../test/support/test-definition.js';
import { bindForm, type Binding, type BindFormOptions } from './bind-form.js';

const BASE = 'https://portal.example/api/oncefill';
const CODE = '246810';
const server = setupServer();
let binding: Binding | undefined;
/** What the gateway was asked: source queries (with consent token or code) and consents recorded. */
let calls: string[] = [];
let issued = 0;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clearPrefillCache();
  sessionStorage.clear();
  calls = [];
  server.use(
    http.post(`${BASE}/consent`, async ({ request }) => {
      calls.push(`consent ${((await request.json()) as { source: string }).source}`);
      return HttpResponse.json({ protocol: 1, token: 'token-1', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    }),
    http.post(`${BASE}/personal`, async ({ request }) => {
      const query = (await request.json()) as { consentToken?: string };
      calls.push(`personal${query.consentToken ? ' with consent' : ''}`);
      if (!query.consentToken)
        return HttpResponse.json({ protocol: 1, error: { code: 'no-consent', message: 'consent needed', consent: { source: 'personal', attributes: ['email'] } } }, { status: 428 });
      return HttpResponse.json({ protocol: 1, source: 'personal', fingerprint: 'fp', attributes: { email: { value: 'an@example.vn', verification: 'user-provided' } }, provenance: 'stmt-personal' });
    }),
    http.post(`${BASE}/population`, async ({ request }) => {
      const query = (await request.json()) as { challenge?: { id: string; code: string } };
      calls.push(`population${query.challenge ? ` code ${query.challenge.code}` : ''}`);
      if (query.challenge?.code !== CODE)
        return HttpResponse.json({ protocol: 1, error: { code: 'challenge-required', message: 'one-time code needed', challenge: { id: `otp-${++issued}`, channel: 'sms' } } }, { status: 428 });
      return HttpResponse.json({ protocol: 1, source: 'population', fingerprint: 'fp', attributes: { fullName: { value: 'Lê Thị Hoà', verification: 'verified' } }, provenance: 'stmt-population' });
    }),
  );
});
afterEach(() => {
  binding?.unbind();
  binding = undefined;
  document.body.innerHTML = '';
  server.resetHandlers();
});
afterAll(() => server.close());

const PROCEDURE = parseProcedure(
  testDefinition([
    { id: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, ...prefillFrom('population', 'fullName', true) },
    { id: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' }, ...prefillFrom('personal', 'email') },
  ]),
);
const $ = <T extends Element = HTMLInputElement>(selector: string) => document.querySelector(selector) as unknown as T;

function bind(sources: Array<'population' | 'personal'>, extra: Partial<BindFormOptions> = {}): Binding {
  document.body.innerHTML = `<form><label>Họ và tên <input name="fullName"></label><label>Thư điện tử <input name="email" type="email"></label><button>Nộp</button></form>`;
  const all = createGatewaySources({ baseUrl: BASE, retries: 0, timeoutMs: 2000 });
  const procedure = { ...PROCEDURE, fields: PROCEDURE.fields.filter((f) => sources.includes(f.prefill!.from[0]!.source as 'population')) };
  return (binding = bindForm($<HTMLFormElement>('form'), { procedure, sources: all, ...extra }));
}
/** The open panel labelled `name`. */
const panel = (name: string) =>
  Array.from(document.querySelectorAll<HTMLElement>('.oncefill-panel')).find((p) => document.getElementById(p.getAttribute('aria-labelledby')!)?.textContent === name);
/** Waits for the panel labelled `name` to open. */
const opened = (name: string) =>
  vi.waitFor(() => {
    const box = panel(name);
    if (!box) throw new Error(`no panel "${name}"`);
    return box;
  });
const button = (box: HTMLElement, text: string) => Array.from(box.querySelectorAll('button')).find((b) => b.textContent === text)!;
const status = () => $<HTMLElement>('.oncefill-status').textContent;
const NOTICE = 'Chưa lấy được thông tin từ Kho dữ liệu điện tử của bạn. Bạn vẫn có thể tự nhập.';
const ASK = 'Cho phép lấy thông tin từ Kho dữ liệu điện tử của bạn?';
const CODE_PROMPT = 'Nhập mã xác thực đã gửi qua SMS';

describe('bindForm asks what a source needs', () => {
  it('asks consent in a dialog naming the source and the fields; yes records it and fills, once', async () => {
    await bind(['personal']).ready;
    const dialog = await opened(ASK);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toContain('Thư điện tử');
    // The form was usable meanwhile: nothing waits on the citizen.
    expect($('form').hasAttribute('data-oncefill-loading')).toBe(false);
    button(dialog, 'Đồng ý').click();
    await vi.waitFor(() => expect($('[name=email]').value).toBe('an@example.vn'));
    expect($('[name=email]').getAttribute('data-oncefill-filled')).toBe('personal');
    // Asked again, refused without consent, recorded, answered with the token.
    expect(calls).toEqual(['personal', 'personal', 'consent personal', 'personal with consent']);
    expect(panel(ASK)).toBeUndefined();
    expect(status()).toBe('');
  });

  it('a value the consented source contradicts gets the picker, and stays until the citizen picks', async () => {
    server.use(
      http.post(`${BASE}/population`, () => HttpResponse.json({ protocol: 1, source: 'population', fingerprint: 'fp', attributes: { email: { value: 'lan@example.vn', verification: 'verified' } }, provenance: 'stmt-population' })),
    );
    document.body.innerHTML = `<form><label>Thư điện tử <input name="email" type="email"></label><button>Nộp</button></form>`;
    const procedure = parseProcedure(testDefinition([{ id: 'email', type: 'email', label: { vi: 'Thư điện tử' }, prefill: { from: [{ source: 'population', attribute: 'email' }, { source: 'personal', attribute: 'email' }] } }]));
    binding = bindForm($<HTMLFormElement>('form'), { procedure, sources: createGatewaySources({ baseUrl: BASE, retries: 0, timeoutMs: 2000 }) });
    await binding.ready;
    const email = $('[name=email]');
    expect(email.value).toBe('lan@example.vn');
    button(await opened(ASK), 'Đồng ý').click();
    await vi.waitFor(() => expect(email.hasAttribute('data-oncefill-conflict')).toBe(true));
    expect(email.value).toBe('lan@example.vn');
    expect(email.hasAttribute('data-oncefill-filled')).toBe(false);
    (document.querySelector('.oncefill-note-button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelectorAll('[role=dialog] input[type=radio]')).toHaveLength(2));
    const personal = Array.from(document.querySelectorAll<HTMLInputElement>('[role=dialog] input[type=radio]')).find((r) => r.parentElement!.textContent!.startsWith('an@example.vn'))!;
    personal.click();
    (document.querySelector('.oncefill-panel-confirm') as HTMLButtonElement).click();
    expect(email.value).toBe('an@example.vn');
    expect(JSON.parse($('input[name="oncefill-envelope"]').value).fields.email).toMatchObject({ source: 'personal', setBy: 'citizen' });
  });

  it('declined: the notice, the field stays editable, no consent recorded', async () => {
    await bind(['personal']).ready;
    button(await opened(ASK), 'Không').click();
    expect(status()).toContain(NOTICE);
    expect($('[name=email]').readOnly).toBe(false);
    expect(calls).toEqual(['personal']);
  });

  it('Escape declines too', async () => {
    await bind(['personal']).ready;
    const dialog = await opened(ASK);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel(ASK)).toBeUndefined();
    expect(status()).toContain(NOTICE);
  });

  it('consent: false never asks and shows the notice; the page’s own callback is asked instead of the dialog', async () => {
    await bind(['personal'], { consent: false }).ready;
    await vi.waitFor(() => expect(status()).toContain(NOTICE));
    expect(document.querySelector('.oncefill-panel')).toBe(null);
    binding!.unbind();
    clearPrefillCache();

    const consent = vi.fn(() => true);
    await bind(['personal'], { consent }).ready;
    expect(consent).toHaveBeenCalledWith(expect.objectContaining({ source: 'personal', fields: [{ id: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } }] }));
    expect($('[name=email]').value).toBe('an@example.vn');
    expect(document.querySelector('.oncefill-panel')).toBe(null);
  });

  it('asks a one-time code; a wrong one asks again with a short message, the right one fills', async () => {
    await bind(['population']).ready;
    let prompt = await opened(CODE_PROMPT);
    expect(prompt.getAttribute('role')).toBe('form');
    let input = prompt.querySelector('input')!;
    expect(input.inputMode).toBe('numeric');
    expect(input.autocomplete).toBe('one-time-code');
    // Empty: said so, nothing sent.
    button(prompt, 'Xác nhận').click();
    expect(prompt.querySelector('[role=status]')!.textContent).toBe('Xin nhập mã.');
    input.value = '111111';
    button(prompt, 'Xác nhận').click();
    prompt = await opened(CODE_PROMPT);
    input = prompt.querySelector('input')!;
    expect(prompt.querySelector('[role=status]')!.textContent).toBe('Mã chưa đúng. Xin nhập lại mã đã gửi.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = ` ${CODE.slice(0, 3)} ${CODE.slice(3)} `;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect($('[name=fullName]').value).toBe('Lê Thị Hoà'));
    expect($('[name=fullName]').readOnly).toBe(true);
    expect(calls).toEqual(['population', 'population code 111111', `population code ${CODE}`]);
    expect(panel(CODE_PROMPT)).toBeUndefined();
  });

  it('a cancelled code leaves the fields editable, with the notice', async () => {
    await bind(['population']).ready;
    button(await opened(CODE_PROMPT), 'Huỷ').click();
    expect(status()).toContain('Chưa lấy được thông tin từ CSDL quốc gia về dân cư. Bạn vẫn có thể tự nhập.');
    expect($('[name=fullName]').readOnly).toBe(false);
    expect(calls).toEqual(['population']);
  });

  it('speaks English by option, and takes the page’s words for sources and prompts', async () => {
    await bind(['personal', 'population'], { lang: 'en', strings: { sources: { personal: 'My store' }, agree: 'Yes, fill it' } }).ready;
    const dialog = await opened('Allow this form to get your details from My store?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toContain('E-mail');
    expect(panel('Enter the verification code sent by SMS')).toBeDefined();
    button(dialog, 'Yes, fill it').click();
    await vi.waitFor(() => expect($('[name=email]').value).toBe('an@example.vn'));
    // The population code was not asked again while the consent was answered: one SMS.
    expect(calls.filter((c) => c.startsWith('population'))).toEqual(['population']);
  });
});
