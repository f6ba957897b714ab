// Angular's packages are partially compiled: outside an AOT build, the JIT compiler links them.
import '@angular/compiler';
import { readFile } from 'node:fs/promises';
import { FormControl, FormGroup } from '@angular/forms';
import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { connectReactiveForm } from '../examples/angular/connect-reactive-form.js';
import { createFormSession } from '../src/session/create-form-session.js';
import { parseProcedure } from '../src/schema/parse-procedure.js';
import { createGatewaySources } from '../src/sources/create-gateway-sources.js';
import { useMswServer } from './support/use-msw-server.js';
import { prefillFrom, testDefinition } from './support/test-definition.js';

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();
const procedure = parseProcedure(
  testDefinition([
    { id: 'fullName', type: 'text', label: { vi: 'Họ tên' }, ...prefillFrom('population', 'fullName', true) },
    { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, ...prefillFrom('population', 'phone') },
    { id: 'email', type: 'email', label: { vi: 'Email' }, ...prefillFrom('personal', 'email') },
  ]),
);

function gateway(delayMs = 0) {
  server.use(
    http.post(`${BASE}/:source`, async ({ params }) => {
      await delay(delayMs);
      const attributes =
        params.source === 'population'
          ? { fullName: { value: { family: 'NGUYỄN', middle: 'THỊ', given: 'AN' }, verification: 'verified' }, phone: { value: '0912345678', verification: 'verified' } }
          : { email: { value: 'an@example.vn', verification: 'user-provided' } };
      return HttpResponse.json({ protocol: 1, source: params.source, fingerprint: 'f-1', attributes, provenance: `stmt-${String(params.source)}` });
    }),
  );
}

const form = () => new FormGroup({ fullName: new FormControl(''), phone: new FormControl(''), email: new FormControl('') });
const sources = () => createGatewaySources({ baseUrl: BASE, retries: 0 });

describe('docs/angular.md: a session with Angular reactive forms', () => {
  it('patches the filled values into the form, locked ones disabled but submitted with getRawValue()', async () => {
    gateway();
    const session = createFormSession(procedure);
    const group = form();
    const disconnect = connectReactiveForm(session, group);
    await session.prefill({ sources: sources() });
    expect(group.getRawValue()).toEqual({ fullName: 'Nguyễn Thị An', phone: '0912345678', email: 'an@example.vn' });
    expect(group.controls.fullName.disabled).toBe(true);
    expect(group.controls.phone.enabled).toBe(true);
    disconnect();
  });

  it('keeps what the citizen typed before a late answer, and marks a later edit in the envelope', async () => {
    gateway(40);
    const session = createFormSession(procedure);
    const group = form();
    connectReactiveForm(session, group);
    const prefill = session.prefill({ sources: sources() });
    group.controls.phone.setValue('0900000001'); // the citizen types while the sources answer
    await prefill;
    expect(group.getRawValue().phone).toBe('0900000001');
    group.controls.email.setValue('moi@example.vn');
    expect(session.envelope().fields.email).toMatchObject({ source: 'personal', setBy: 'citizen', edited: true });
  });

  it('counts a value the page put in the form before connecting as the page’s', async () => {
    gateway();
    const session = createFormSession(procedure);
    const group = form();
    group.controls.email.setValue('draft@example.vn');
    connectReactiveForm(session, group);
    await session.prefill({ sources: sources() });
    expect(group.getRawValue().email).toBe('draft@example.vn');
    expect(session.get('email')?.setBy).toBe('page');
  });

  it('is the snippet docs/angular.md shows, word for word', async () => {
    const [doc, code] = await Promise.all([readFile(new URL('../docs/angular.md', import.meta.url), 'utf8'), readFile(new URL('../examples/angular/connect-reactive-form.ts', import.meta.url), 'utf8')]);
    expect(doc).toContain(code.trim());
  });
});
