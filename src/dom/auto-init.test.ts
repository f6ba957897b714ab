// @vitest-environment happy-dom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearPrefillCache } from '../resolve/prefill-cache.js';
import { prefillFrom, testDefinition } from '../../test/support/test-definition.js';
import { autoInit } from './auto-init.js';

const BASE = 'https://portal.example/api/oncefill';
const DEFINITION = testDefinition([{ id: 'email', type: 'email', label: { vi: 'Thư điện tử' }, ...prefillFrom('personal', 'email') }]);
const server = setupServer(
  http.get('https://portal.example/missing.json', () => new HttpResponse(null, { status: 404 })),
  http.post(`${BASE}/personal`, () => HttpResponse.json({ protocol: 1, error: { code: 'no-consent', message: 'consent needed', consent: { source: 'personal', attributes: ['email'] } } }, { status: 428 })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  clearPrefillCache();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const NOTICE = 'Chưa lấy được thông tin Nhà nước đã có về bạn. Bạn vẫn có thể tự nhập.';
const status = () => document.querySelector('.oncefill-status')?.textContent;

describe('autoInit tells the citizen when nothing can be prefilled', () => {
  it.each([
    ['no-definition', `data-oncefill-definition="https://portal.example/missing.json"`, ''],
    ['bad-definition', '', `<script type="application/json" data-oncefill-definition>{"code":"1.004616"}</script>`],
  ])('%s: the short notice, the form untouched and editable', async (code, attribute, inline) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML = `<form data-oncefill-procedure="1.004616" ${attribute}>${inline}<label>Thư điện tử <input name="email"></label></form>`;
    expect(await autoInit()).toEqual([]);
    const form = document.querySelector('form')!;
    expect(form.getAttribute('data-oncefill-error')).toBe(code);
    await vi.waitFor(() => expect(status()).toContain(NOTICE));
    expect(document.querySelector('.oncefill-status')!.getAttribute('role')).toBe('status');
    expect(form.hasAttribute('data-oncefill-bound')).toBe(false);
  });

  it('data-oncefill-consent="off": no consent dialog, the notice for the source instead', async () => {
    document.body.innerHTML = `<form data-oncefill-procedure="${DEFINITION.code}" data-oncefill-gateway="${BASE}" data-oncefill-consent="off">
      <script type="application/json" data-oncefill-definition>${JSON.stringify(DEFINITION)}</script><label>Thư điện tử <input name="email"></label></form>`;
    const [binding] = await autoInit();
    await binding!.ready;
    await vi.waitFor(() => expect(status()).toContain('Chưa lấy được thông tin từ Kho dữ liệu điện tử của bạn. Bạn vẫn có thể tự nhập.'));
    expect(document.querySelector('.oncefill-panel')).toBe(null);
    binding!.unbind();
  });
});
