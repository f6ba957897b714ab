import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import { prefillFrom, testDefinition } from '../../test/support/test-definition.js';
import { clearPrefillCache } from '../resolve/prefill-cache.js';
import type { PrefillResult } from '../resolve/types.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { createFormSession } from './create-form-session.js';

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();

const procedure = parseProcedure(
  testDefinition([
    { id: 'fullName', type: 'text', label: { vi: 'Họ tên' }, ...prefillFrom('population', 'fullName', true) },
    { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, ...{ prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } } },
    { id: 'email', type: 'email', label: { vi: 'Email' }, ...prefillFrom('personal', 'email') },
  ]),
);

function gateway(people: Record<string, { population: Record<string, unknown>; personal: Record<string, unknown>; personalDelayMs?: number; fingerprint: string }>, who: () => string) {
  server.use(
    http.post(`${BASE}/:source`, async ({ params }) => {
      const person = people[who()]!;
      const source = String(params.source) as 'population' | 'personal';
      if (source === 'personal' && person.personalDelayMs) await delay(person.personalDelayMs);
      return HttpResponse.json({ protocol: 1, source, fingerprint: person.fingerprint, attributes: person[source], provenance: `stmt-${source}-${person.fingerprint}` });
    }),
  );
}

const an = {
  fingerprint: 'session-an',
  population: { fullName: { value: { family: 'NGUYỄN', middle: 'THỊ', given: 'AN' }, verification: 'verified', recordId: 'dc-1' }, phone: { value: '0912345678', verification: 'verified' } },
  personal: { phone: { value: '0912345678', verification: 'user-provided' }, email: { value: 'an@example.vn', verification: 'user-provided' } },
  personalDelayMs: 80,
};
const binh = {
  fingerprint: 'session-binh',
  population: { fullName: { value: { family: 'TRẦN', middle: '', given: 'BÌNH' }, verification: 'verified' }, phone: { value: '0987654321', verification: 'verified' } },
  personal: { phone: { value: '0987654321', verification: 'user-provided' }, email: { value: 'binh@example.vn', verification: 'user-provided' } },
};
const sources = () => createGatewaySources({ baseUrl: BASE, retries: 0 });

describe('createFormSession', () => {
  it('never overwrites a value the citizen set before, during or after a late answer', async () => {
    gateway({ an }, () => 'an');
    const session = createFormSession(procedure);
    session.set('phone', '0900000001', 'citizen'); // before
    const prefill = session.prefill({ sources: sources() });
    await delay(20); // population has answered; personal is still on its way
    session.set('email', 'mine@example.vn', 'citizen'); // during
    await prefill;
    expect(session.values()).toEqual({ fullName: 'Nguyễn Thị An', phone: '0900000001', email: 'mine@example.vn' });
    session.apply(session.result!); // after: the same answers applied again
    expect(session.get('phone')).toMatchObject({ value: '0900000001', setBy: 'citizen' });
    expect(session.get('email')).toMatchObject({ value: 'mine@example.vn', setBy: 'citizen' });
  });

  it('counts a value the page set (server-rendered, restored, autofilled) as the citizen’s', () => {
    const session = createFormSession(procedure);
    session.set('email', 'restored@example.vn', 'page');
    const kept: string[] = [];
    session.on('field:kept', ({ path }) => kept.push(path));
    const report = session.apply(result({ email: { status: 'filled', value: 'an@example.vn', locked: false, provenance: { source: 'personal', attribute: 'email', verification: 'user-provided' } } }));
    expect(report).toEqual({ filled: [], kept: ['email'], conflicts: [] });
    expect(session.get('email')?.value).toBe('restored@example.vn');
    session.apply(result({ email: { status: 'filled', value: 'an@example.vn', locked: false, provenance: { source: 'personal', attribute: 'email', verification: 'user-provided' } } }));
    expect(kept).toEqual(['email']);
  });

  it('keeps a locked value, unlocks it when the citizen disputes it, and records why in the envelope', async () => {
    gateway({ an }, () => 'an');
    const session = createFormSession(procedure);
    await session.prefill({ sources: sources() });
    expect(session.set('fullName', 'Nguyễn Thị Ân', 'citizen')).toBe(false);
    expect(session.get('fullName')).toMatchObject({ value: 'Nguyễn Thị An', locked: true });
    expect(session.dispute('fullName', '  Tên đúng là Ân  ')).toBe(true);
    expect(session.set('fullName', 'Nguyễn Thị Ân', 'citizen')).toBe(true);
    expect(session.envelope().fields.fullName).toEqual({ source: 'population', attribute: 'fullName', verification: 'verified', recordId: 'dc-1', locked: false, setBy: 'citizen', edited: true, disputed: { reason: 'Tên đúng là Ân' } });
  });

  it('lets the citizen pick a conflict candidate and carries its provenance', () => {
    const session = createFormSession(procedure);
    session.apply(
      result({
        phone: {
          status: 'conflict',
          locked: false,
          candidates: [
            { value: '0912345678', provenance: { source: 'population', attribute: 'phone', verification: 'verified' } },
            { value: '0987654321', provenance: { source: 'personal', attribute: 'phone', verification: 'user-provided' } },
          ],
        },
      }),
    );
    expect(session.get('phone')?.value).toBeUndefined();
    expect(session.choose('phone', 1)).toBe(true);
    expect(session.values()).toEqual({ phone: '0987654321' });
    expect(session.envelope().fields.phone).toMatchObject({ source: 'personal', setBy: 'citizen' });
  });

  it('builds the envelope with the statements, filled fields and reused components', async () => {
    gateway({ an }, () => 'an');
    const session = createFormSession(procedure);
    await session.prefill({ sources: sources() });
    session.set('email', 'other@example.vn', 'citizen');
    const envelope = session.envelope();
    expect(envelope).toMatchObject({ v: 1, procedure: { code: '1.004616', version: '2026.1' }, provenance: ['stmt-population-session-an', 'stmt-personal-session-an'], components: {} });
    expect(envelope.fields.email).toMatchObject({ source: 'personal', setBy: 'citizen', edited: true });
    expect(Object.keys(envelope.fields).sort()).toEqual(['email', 'fullName', 'phone']);
  });

  it('keeps every typed value and says the session expired when the gateway answers unauthorized mid-form', async () => {
    server.use(http.post(`${BASE}/:source`, () => HttpResponse.json({ protocol: 1, error: { code: 'unauthorized', message: 'x' } }, { status: 401 })));
    const session = createFormSession(procedure);
    session.set('email', 'typed@example.vn', 'citizen');
    const expired: string[] = [];
    session.on('session:expired', ({ source }) => expired.push(source));
    await session.prefill({ sources: sources() });
    expect(expired.sort()).toEqual(['personal', 'population']);
    expect(session.values()).toEqual({ email: 'typed@example.vn' });
  });

  it('returns none of the first citizen’s data after logout and a new session', async () => {
    let who = 'an';
    gateway({ an: { ...an, personalDelayMs: 0 }, binh }, () => who);
    const first = createFormSession(procedure);
    await first.prefill({ sources: sources() });
    expect(first.values().fullName).toBe('Nguyễn Thị An');
    first.clear(); // markLogout()
    expect(first.values()).toEqual({});
    who = 'binh';
    const second = createFormSession(procedure);
    const result = await second.prefill({ sources: sources() });
    const everything = JSON.stringify([second.values(), result, second.envelope()]);
    expect(everything).not.toMatch(/An\b|an@example|0912345678|session-an/);
    expect(second.values()).toEqual({ fullName: 'Trần Bình', phone: '0987654321', email: 'binh@example.vn' });
  });

  it('names fields and sources in its events, never values', async () => {
    gateway({ an }, () => 'an');
    const session = createFormSession(procedure);
    const payloads: unknown[] = [];
    for (const type of ['field:filled', 'field:edited', 'field:kept', 'lock:disputed', 'rows:needed', 'form:submitted'] as const) session.on(type, (p) => payloads.push(p));
    await session.prefill({ sources: sources() });
    session.set('email', 'x@example.vn', 'citizen');
    session.dispute('fullName', 'sai tên');
    session.submitted({ dossierRef: 'h:abc' });
    const text = JSON.stringify(payloads);
    expect(text).not.toMatch(/Nguyễn|An\b|0912345678|an@example|x@example|sai tên/);
    expect(payloads.length).toBeGreaterThan(4);
  });
});

function result(fields: PrefillResult['fields']): PrefillResult {
  return { procedure: { code: '1.004616', version: '2026.1' }, fields, documents: {}, sources: {}, rows: {}, provenance: [], complete: true };
}
