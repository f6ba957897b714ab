import { describe, expect, it, vi } from 'vitest';
import { planQueries } from '../resolve/plan-queries.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import { SHIPPED_PROCEDURES } from '../testing/create-gateway-handlers.js';
import { createConsentToken, gatewayKey } from './consent-token.js';
import { createPrefillGateway } from './create-prefill-gateway.js';
import { GatewaySourceError } from './GatewaySourceError.js';
import {
  AN_KHANG,
  BASE,
  BIEN_XANH,
  CHILD,
  CSRF,
  HOA,
  KEY,
  KID,
  LAN,
  NOW,
  ORIGIN,
  expectValidMessage,
  lanSession,
  makeGateway,
  post,
  query,
  send,
} from './test-support/gateway-harness.js';
import { verifyProvenance } from './verify-provenance.js';

const CODES = ['1.000028', '1.004616', '1.005092', '2.000535', '2.000645', '2.000648'];
const procedureOf = (code: string) => parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === code));

describe('createPrefillGateway: the Done-when lines', () => {
  it("refuses another citizen's ID as forbidden and calls no source function", async () => {
    const { gateway, noSourceCalled } = makeGateway();
    const { status, body } = await send(gateway, post('population', query('1.004616', ['fullName'], { actingFor: { personalId: HOA.personalId } })));
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    noSourceCalled();
  });

  it('refuses an acting-for reference the session may not use as forbidden and calls no source function', async () => {
    const { gateway, noSourceCalled } = makeGateway();
    const { status, body } = await send(gateway, post('business', query('2.000648', ['name'], { actingFor: { enterpriseCode: BIEN_XANH.enterpriseCode } })));
    expect([status, body.error.code]).toEqual([403, 'forbidden']);
    noSourceCalled();
  });

  it.each(CODES)('serves the catalogue definition of %s at GET {baseUrl}/procedures/{code}', async (code) => {
    const { gateway } = makeGateway();
    const response = await gateway(new Request(`${BASE}/procedures/${code}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const served = parseProcedure(await response.text());
    expect(served).toEqual(procedureOf(code));
  });

  it('answers a conditional GET of the catalogue with 304', async () => {
    const { gateway } = makeGateway();
    const first = await gateway(new Request(`${BASE}/procedures/1.004616`));
    const again = await gateway(new Request(`${BASE}/procedures/1.004616`, { headers: { 'if-none-match': first.headers.get('etag')! } }));
    expect(again.status).toBe(304);
  });
});

describe('createPrefillGateway: refused requests (no source function is ever called)', () => {
  const otherToken = createConsentToken(gatewayKey(KEY, 'consent'), { by: { personalId: HOA.personalId }, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email', 'phone', 'savedDocuments'] }, Math.floor(NOW / 1000) + 600);
  const expiredToken = createConsentToken(gatewayKey(KEY, 'consent'), { by: { personalId: LAN.personalId }, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email', 'phone', 'savedDocuments'] }, Math.floor(NOW / 1000) - 1);
  const narrowToken = createConsentToken(gatewayKey(KEY, 'consent'), { by: { personalId: LAN.personalId }, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email'] }, Math.floor(NOW / 1000) + 600);
  const personal = (extra: Record<string, unknown> = {}) => query('1.004616', ['email', 'phone', 'savedDocuments'], extra);

  const cells: Array<[name: string, request: () => Request, status: number, code: string, options?: Parameters<typeof makeGateway>[0]]> = [
    ["another citizen's personal ID as acting-for", () => post('population', query('1.004616', ['fullName'], { actingFor: { personalId: HOA.personalId } })), 403, 'forbidden'],
    ['a business the session may not act for', () => post('results', query('2.000535', ['foodSafetyCertificate'], { actingFor: { enterpriseCode: BIEN_XANH.enterpriseCode } })), 403, 'forbidden'],
    ['a person named in the body', () => post('population', { ...query('1.004616', ['fullName']), personalId: HOA.personalId }), 403, 'forbidden'],
    ['a subject member in the body', () => post('population', { ...query('1.004616', ['fullName']), subject: { personalId: HOA.personalId } }), 403, 'forbidden'],
    ['a missing CSRF header', () => post('population', query('1.004616', ['fullName']), { 'x-csrf-token': undefined }), 403, 'forbidden'],
    ['a wrong CSRF header', () => post('population', query('1.004616', ['fullName']), { 'x-csrf-token': 'csrf-of-another-session' }), 403, 'forbidden'],
    ['a foreign Origin', () => post('population', query('1.004616', ['fullName']), { origin: 'https://evil.example' }), 403, 'forbidden'],
    ['no Origin', () => post('population', query('1.004616', ['fullName']), { origin: undefined }), 403, 'forbidden'],
    ['the origin "null"', () => post('population', query('1.004616', ['fullName']), { origin: 'null' }), 403, 'forbidden'],
    ['no portal session', () => post('population', query('1.004616', ['fullName'])), 401, 'unauthorized', { authorization: undefined }],
    ['an expired consent token', () => post('personal', personal({ consentToken: expiredToken })), 428, 'no-consent'],
    ["another person's consent token", () => post('personal', personal({ consentToken: otherToken })), 428, 'no-consent'],
    ['a consent token for fewer attributes', () => post('personal', personal({ consentToken: narrowToken })), 428, 'no-consent'],
    ['a forged consent token', () => post('personal', personal({ consentToken: `ofc1.${Math.floor(NOW / 1000) + 600}.${'A'.repeat(43)}` })), 428, 'no-consent'],
    ['no consent token', () => post('personal', personal()), 428, 'no-consent'],
    ['an unknown procedure', () => post('population', query('9.999999', ['fullName'])), 404, 'not-found'],
    ['an unknown definition version', () => post('population', { ...query('1.004616', ['fullName']), procedure: { code: '1.004616', version: '2019.1' } }), 404, 'not-found'],
    ['an attribute the procedure does not use', () => post('population', query('1.004616', ['fullName', 'religion'])), 403, 'forbidden'],
    ['an attribute of another source', () => post('population', query('1.004616', ['diploma'])), 403, 'forbidden'],
    ['malformed JSON', () => post('population', '{"protocol": 1, "attributes": '), 400, 'bad-request'],
    ['a __proto__ member', () => post('population', '{"protocol":1,"procedure":{"code":"1.004616","version":"2026.1"},"attributes":["fullName"],"__proto__":{"polluted":true}}'), 400, 'bad-request'],
    ['a 5 MB body', () => post('population', { ...query('1.004616', ['fullName']), consentToken: 'x'.repeat(5_000_000) }), 400, 'bad-request'],
    ['a text/plain body', () => post('population', query('1.004616', ['fullName']), { 'content-type': 'text/plain' }), 400, 'bad-request'],
    ['a query string', () => new Request(`${BASE}/population?personalId=${HOA.personalId}`, { method: 'POST', headers: { origin: ORIGIN, 'x-csrf-token': CSRF, 'content-type': 'application/json' }, body: JSON.stringify(query('1.004616', ['fullName'])) }), 400, 'bad-request'],
    ['GET on a source', () => new Request(`${BASE}/population`, { headers: { origin: ORIGIN } }), 400, 'bad-request'],
    ['protocol version 2', () => post('population', { ...query('1.004616', ['fullName']), protocol: 2 }), 400, 'bad-request'],
    ['duplicate attributes', () => post('population', query('1.004616', ['fullName', 'fullName'])), 400, 'bad-request'],
    ['an unknown route', () => post('passport', query('1.004616', ['fullName'])), 404, 'not-found'],
    ['a source the portal does not offer', () => post('business', query('2.000648', ['name'], { actingFor: { enterpriseCode: AN_KHANG.enterpriseCode } })), 404, 'not-found', { sources: {} }],
    ['a consent request acting for another citizen', () => post('consent', { protocol: 1, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email'], actingFor: { personalId: HOA.personalId } }), 403, 'forbidden'],
    ['a consent request for an unused attribute', () => post('consent', { protocol: 1, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['landline'] }), 403, 'forbidden'],
  ];

  it.each(cells.map(([name, ...rest]) => [`${name} → ${rest[1]} ${rest[2]}`, ...rest] as typeof cells[number]))('%s', async (_name, request, status, code, options) => {
    const { gateway, sources, noSourceCalled } = makeGateway({ ...options });
    const answer = await send(gateway, request());
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(JSON.stringify(answer.body)).not.toMatch(/\d{9,12}/); // no ID echoed back
    noSourceCalled();
    void sources;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a foreign Origin before it even asks the portal who is logged in', async () => {
    const authorize = vi.fn(() => lanSession);
    const { gateway } = makeGateway({ authorize });
    await send(gateway, post('population', query('1.004616', ['fullName']), { origin: 'https://evil.example' }));
    expect(authorize).not.toHaveBeenCalled();
  });

  it('answers a CORS preflight only for allowed origins', async () => {
    const { gateway } = makeGateway();
    const ok = await gateway(new Request(`${BASE}/population`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } }));
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-csrf-token');
    const foreign = await gateway(new Request(`${BASE}/population`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('createPrefillGateway: answers', () => {
  it('answers exactly the attributes asked, for the session’s person, with a fingerprint and a statement', async () => {
    const { gateway, sources } = makeGateway();
    const { status, body, headers } = await send(gateway, post('population', query('1.004616', ['birthDate', 'fullName'])));
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(Object.keys(body.attributes).sort()).toEqual(['birthDate', 'fullName']);
    expect(body.attributes.fullName).toEqual({ value: { family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' }, verification: 'verified', lastUpdated: '2025-08-15' });
    expect(body.fingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.provenance).toMatch(/^ofp1\.k2026a\./);
    expect(sources.population).toHaveBeenCalledTimes(1);
    expect(sources.population.mock.calls[0]![0]).toMatchObject({ source: 'population', subject: { personalId: LAN.personalId }, requester: { personalId: LAN.personalId }, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['birthDate', 'fullName'] });
  });

  it('signs the values the browser fills, so they verify and a changed locked value does not', async () => {
    const procedure = procedureOf('1.004616');
    const { gateway } = makeGateway();
    const { body } = await send(gateway, post('population', query('1.004616', planQueries(procedure).attributes.population!)));
    const subjects = [{ personalId: LAN.personalId }];
    const values = { fullName: 'Nguyễn Thị Lan', birthDate: '1990-05-09', idNumber: LAN.personalId, signatoryName: 'Nguyễn Thị Lan' };
    const ok = verifyProvenance(procedure, { values, provenance: [body.provenance], subjects }, { [KID]: KEY }, { now: NOW });
    expect(ok.ok).toBe(true);
    expect(Object.values(ok.fields).every((f) => f.status === 'verified' && f.locked)).toBe(true);
    const altered = verifyProvenance(procedure, { values: { ...values, birthDate: '1990-05-10' }, provenance: [body.provenance], subjects }, { [KID]: KEY }, { now: NOW });
    expect(altered.problems).toEqual([{ code: 'altered-locked-value', path: 'birthDate' }]);
  });

  it('signs every candidate of a split ward, so either choice verifies and neither locks', async () => {
    const procedure = procedureOf('1.004616');
    const { gateway } = makeGateway();
    const { body } = await send(gateway, post('population', query('1.004616', ['permanentAddress'])));
    expect(body.attributes.permanentAddress.candidates.map((c: { wardCode: string }) => c.wardCode)).toEqual(['00004', '00070']);
    for (const candidate of body.attributes.permanentAddress.candidates as Array<Record<string, string>>) {
      const { dataset: _dataset, ...value } = candidate;
      const report = verifyProvenance(procedure, { values: { permanentAddress: value }, provenance: [body.provenance], subjects: [{ personalId: LAN.personalId }] }, { [KID]: KEY }, { now: NOW });
      expect(report.fields.permanentAddress).toMatchObject({ status: 'verified', locked: false });
    }
  });

  it('reads the business registry only for an enterprise the person acts for, and binds its statement to the enterprise', async () => {
    const procedure = procedureOf('2.000648');
    const { gateway, sources } = makeGateway();
    const alone = await send(gateway, post('business', query('2.000648', ['name'])));
    expect(alone.body.attributes.name).toEqual({ verification: 'not-applicable' });
    expect(sources.business).not.toHaveBeenCalled();

    const { body } = await send(gateway, post('business', query('2.000648', ['enterpriseCode', 'name'], { actingFor: { enterpriseCode: AN_KHANG.enterpriseCode } })));
    expect(sources.business.mock.calls[0]![0].subject).toEqual({ enterpriseCode: AN_KHANG.enterpriseCode });
    const values = { traderName: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG', enterpriseCode: '0201234567' };
    const asBusiness = verifyProvenance(procedure, { values, provenance: [body.provenance], subjects: [{ personalId: LAN.personalId }, { enterpriseCode: AN_KHANG.enterpriseCode }] }, { [KID]: KEY }, { now: NOW });
    expect(asBusiness.ok).toBe(true);
    expect(asBusiness.fields.traderName).toMatchObject({ status: 'verified', locked: true });
    const notActing = verifyProvenance(procedure, { values, provenance: [body.provenance], subjects: [{ personalId: LAN.personalId }] }, { [KID]: KEY }, { now: NOW });
    expect(notActing.problems).toEqual([{ code: 'subject-mismatch', statement: 0 }]);
  });

  it('reads the population record of a child the parent acts for', async () => {
    const { gateway, sources } = makeGateway();
    const { status, body } = await send(gateway, post('population', query('1.005092', ['fullName', 'birthDate'], { actingFor: { personalId: CHILD.personalId } })));
    expect(status).toBe(200);
    expect(sources.population.mock.calls[0]![0].subject).toEqual({ personalId: CHILD.personalId });
    expect(body.attributes.birthDate).toEqual({ verification: 'not-applicable', invalid: { reason: 'bad-date' } });
  });

  it('keeps the fingerprint for one session, changes it for the next, and never derives it from an ID alone', async () => {
    const a = makeGateway();
    const b = makeGateway({ authorization: { ...lanSession, session: 'session-2' } });
    const q = () => post('population', query('1.004616', ['fullName']));
    const [one, two, other] = [await send(a.gateway, q()), await send(a.gateway, q()), await send(b.gateway, q())];
    expect(one.body.fingerprint).toBe(two.body.fingerprint);
    expect(other.body.fingerprint).not.toBe(one.body.fingerprint);
    expect(one.body.fingerprint).not.toContain(LAN.personalId);
  });
});

describe('createPrefillGateway: consent', () => {
  it('asks for consent, records it once, and answers with the token until it expires', async () => {
    let now = NOW;
    const onConsent = vi.fn();
    const { gateway, sources } = makeGateway({ onConsent, now: () => now });
    const ask = query('1.004616', ['email', 'phone', 'savedDocuments']);
    const refused = await send(gateway, post('personal', ask));
    expect(refused.status).toBe(428);
    expect(refused.body.error).toMatchObject({ code: 'no-consent', consent: { source: 'personal', attributes: ['email', 'phone', 'savedDocuments'] } });
    expect(sources.personal).not.toHaveBeenCalled();

    const granted = await send(gateway, post('consent', { protocol: 1, source: 'personal', procedure: ask.procedure, attributes: ask.attributes }));
    expect(granted.status).toBe(201);
    expect(granted.body.expiresAt).toBe(new Date(NOW + 3_600_000).toISOString());
    expect(granted.body.token).not.toContain(LAN.personalId);
    expect(onConsent).toHaveBeenCalledWith({
      subject: { personalId: LAN.personalId },
      source: 'personal',
      procedure: ask.procedure,
      attributes: ask.attributes,
      grantedAt: new Date(NOW).toISOString(),
      expiresAt: granted.body.expiresAt,
    });

    const answered = await send(gateway, post('personal', { ...ask, consentToken: granted.body.token }));
    expect(answered.status).toBe(200);
    expect(answered.body.attributes.phone).toEqual({ value: '+84987654321', verification: 'user-provided', lastUpdated: '2025-10-02' });

    now = NOW + 3_600_001;
    const expired = await send(gateway, post('personal', { ...ask, consentToken: granted.body.token }));
    expect(expired.body.error.code).toBe('no-consent');
    expect(sources.personal).toHaveBeenCalledTimes(1);
  });

  it('refuses the consent (503, no token) when the audit log cannot record it', async () => {
    const { gateway, onError } = makeGateway({ onConsent: () => Promise.reject(new Error('audit log down')) });
    const { status, body } = await send(gateway, post('consent', { protocol: 1, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email'] }));
    expect([status, body.error.code]).toEqual([503, 'unavailable-until']);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), { stage: 'consent', source: 'personal' });
  });
});

describe('createPrefillGateway: one-time codes and source errors', () => {
  it('passes a challenge-required on, then gives the source the citizen’s code', async () => {
    const population = vi.fn(async ({ challenge }: { challenge?: { id: string; code: string } }) => {
      if (challenge?.code !== '246810') throw new GatewaySourceError('challenge-required', { challenge: { id: 'otp-1', channel: 'sms', expiresAt: '2026-06-01T03:05:00Z' } });
      return HOA.population;
    });
    const { gateway } = makeGateway({ sources: { population }, authorization: { subject: { personalId: HOA.personalId } } });
    const first = await send(gateway, post('population', query('1.005092', ['fullName'])));
    expect(first.status).toBe(428);
    expect(first.body.error).toEqual({ code: 'challenge-required', message: expect.any(String), challenge: { id: 'otp-1', channel: 'sms', expiresAt: '2026-06-01T03:05:00.000Z' } });
    const wrong = await send(gateway, post('population', query('1.005092', ['fullName'], { challenge: { id: 'otp-1', code: '000000' } })));
    expect(wrong.status).toBe(428);
    const right = await send(gateway, post('population', query('1.005092', ['fullName', 'birthDate', 'gender'], { challenge: { id: 'otp-1', code: '246810' } })));
    expect(right.status).toBe(200);
    expect(population.mock.calls[2]![0]).toMatchObject({ challenge: { id: 'otp-1', code: '246810' } });
    expect(right.body.attributes).toEqual({
      fullName: { value: { family: 'LÊ', middle: 'THỊ', given: 'HOÀ' }, verification: 'verified', lastUpdated: '2024-03-01' },
      birthDate: { value: '1962', verification: 'verified', lastUpdated: '2024-03-01' },
      gender: { value: 'female', verification: 'verified', lastUpdated: '2024-03-01' },
    });
  });

  const thrown: Array<[name: string, error: unknown, status: number, code: string]> = [
    ['the national platform has no such record', new GatewaySourceError('not-found'), 404, 'not-found'],
    ['the national platform refuses', new GatewaySourceError('forbidden'), 403, 'forbidden'],
    ['the national platform rate-limits', new GatewaySourceError('rate-limited', { retryAfterSeconds: 20 }), 429, 'rate-limited'],
    ['the national platform is down until a time', new GatewaySourceError('unavailable-until', { until: '2026-06-01T05:00:00Z' }), 503, 'unavailable-until'],
    ['a challenge without an id', new GatewaySourceError('challenge-required'), 503, 'unavailable-until'],
    ['the connector throws an error with personal data in it', new Error(`lookup of ${LAN.personalId} failed`), 503, 'unavailable-until'],
    ['the connector throws a string', 'boom', 503, 'unavailable-until'],
  ];

  it.each(thrown.map(([name, ...rest]) => [`${name} → ${rest[1]} ${rest[2]}, with no detail of the failure in the answer`, ...rest] as typeof thrown[number]))('%s', async (_name, error, status, code) => {
    const { gateway, onError } = makeGateway({ sources: { population: () => Promise.reject(error) } });
    const answer = await send(gateway, post('population', query('1.004616', ['fullName'])));
    expect([answer.status, answer.body.error.code]).toEqual([status, code]);
    expect(JSON.stringify(answer.body)).not.toContain(LAN.personalId);
    if (code === 'rate-limited') expect(answer.headers.get('retry-after')).toBe('20');
    if (error instanceof GatewaySourceError && error.code !== 'challenge-required') expect(onError).not.toHaveBeenCalled();
    else expect(onError).toHaveBeenCalledWith(error, { stage: 'source', source: 'population' });
  });

  it('times out a connector that never answers and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const { gateway } = makeGateway({ sourceTimeoutMs: 30, sources: { population: (call) => ((signal = call.signal), new Promise(() => {})) } });
    const answer = await send(gateway, post('population', query('1.004616', ['fullName'])));
    expect([answer.status, answer.body.error.code]).toEqual([503, 'unavailable-until']);
    expect(signal?.aborted).toBe(true);
  });
});

describe('createPrefillGateway: bad national records give invalid attributes, never a crash', () => {
  const huge = 'Á'.repeat(5_000_000);
  const cyclic: Record<string, unknown> = { HoVaTen: { Ho: 'TRẦN', ChuDem: '', Ten: 'AN' } };
  cyclic.self = cyclic;
  const records: Array<[name: string, record: unknown, expected: Record<string, unknown>]> = [
    ['a record with missing parts', { HoVaTen: { Ho: 'TRẦN' } }, { fullName: { verification: 'not-applicable', invalid: { reason: 'name-without-given' } }, birthDate: { verification: 'not-applicable', unavailable: true } }],
    ['unknown codes', { GioiTinh: '7', NoiOHienTai: { MaTinhThanh: '01', MaQuanHuyen: '002', MaPhuongXa: '88888' } }, { gender: { verification: 'not-applicable', invalid: { reason: 'unknown-gender-code' } }, currentAddress: { verification: 'not-applicable', invalid: { reason: 'unknown-ward' } } }],
    ['codes sent as numbers (leading zeros lost)', { ThuongTru: { MaTinhThanh: 1, MaPhuongXa: 4 } }, { permanentAddress: { verification: 'not-applicable', invalid: { reason: 'unit-code-not-text' } } }],
    ['__proto__ keys', JSON.parse('{"__proto__":{"polluted":true},"HoVaTen":{"__proto__":{"Ten":"X"},"Ho":"TRẦN","Ten":"AN"},"GioiTinh":"1"}'), { fullName: { value: { family: 'TRẦN', middle: '', given: 'AN' }, verification: 'verified' }, gender: { value: 'male', verification: 'verified' } }],
    ['a 5 MB record', { HoVaTen: { Ho: huge, Ten: 'AN' }, ThuongTru: { MaTinhThanh: '01', MaPhuongXa: '00004', ChiTiet: huge } }, { fullName: { verification: 'not-applicable', invalid: { reason: 'too-long' } }, permanentAddress: { verification: 'not-applicable', invalid: { reason: 'too-long' } } }],
    ['a cyclic record', cyclic, { fullName: { value: { family: 'TRẦN', middle: '', given: 'AN' }, verification: 'verified' } }],
    ['a string instead of a record', 'CongDan', { fullName: { verification: 'not-applicable', invalid: { reason: 'record-not-object' } } }],
    ['two people for one lookup', { Envelope: { Body: { CongdanCollection: { CongDan: [{}, {}] } } } }, { fullName: { verification: 'not-applicable', invalid: { reason: 'several-records' } } }],
    ['no record at all', null, { fullName: { verification: 'not-applicable', unavailable: true } }],
  ];

  it.each(records)('%s', async (_name, record, expected) => {
    const { gateway } = makeGateway({ sources: { population: async () => record } });
    const attributes = Object.keys(expected);
    const procedure = attributes.includes('gender') ? '1.005092' : '1.004616';
    const { status, body } = await send(gateway, post('population', query(procedure, attributes)));
    expect(status).toBe(200);
    expect(body.attributes).toEqual(expected);
    expect(JSON.stringify(body).length).toBeLessThan(20_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a well-formed envelope with the record inside it', async () => {
    const { gateway } = makeGateway({ sources: { population: async () => ({ Envelope: { Body: { CongdanCollection: { CongDan: LAN.population } } } }) } });
    const { body } = await send(gateway, post('population', query('1.004616', ['fullName'])));
    expect(body.attributes.fullName.value).toEqual({ family: 'NGUYỄN', middle: 'THỊ', given: 'LAN' });
  });
});

describe('createPrefillGateway: programmer mistakes stop it at start', () => {
  const base = { procedures: SHIPPED_PROCEDURES, authorize: () => undefined, sources: {}, signingKey: KEY, kid: KID, allowedOrigins: [ORIGIN], csrf: { verify: () => true } };
  const broken = { ...(SHIPPED_PROCEDURES[1] as object), fields: [{ id: 'x', type: 'nonsense' }] };
  const cases: Array<[name: string, options: Record<string, unknown>, message: RegExp]> = [
    ['an invalid definition', { procedures: [SHIPPED_PROCEDURES[0], broken] }, /procedures\[1\] is not a valid definition .*oncefill check/],
    ['a definition given twice', { procedures: [SHIPPED_PROCEDURES[0], SHIPPED_PROCEDURES[0]] }, /given twice/],
    ['no definitions', { procedures: [] }, /procedures must be a non-empty array/],
    ['a short key', { signingKey: Buffer.alloc(16) }, /signingKey must be at least 32 bytes/],
    ['a bad kid', { kid: 'a b' }, /kid must be/],
    ['no allowed origins', { allowedOrigins: [] }, /allowedOrigins/],
    ['an origin with a path', { allowedOrigins: ['https://portal.example/app'] }, /allowedOrigins/],
    ['no CSRF check', { csrf: undefined }, /csrf must be/],
    ['an unknown source', { sources: { passport: () => null } }, /sources\.passport is not a source/],
  ];
  it.each(cases)('refuses %s with a message that says what to fix', (_name, options, message) => {
    expect(() => createPrefillGateway({ ...base, ...options } as never)).toThrow(message);
    expect(() => createPrefillGateway({ ...base, ...options } as never)).toThrow(/^\[oncefill\] createPrefillGateway: /);
  });
});

describe('createPrefillGateway: messages', () => {
  it('emits only messages its published schemas accept (queries and consent requests too)', () => {
    expectValidMessage('query', query('1.004616', ['fullName'], { actingFor: { enterpriseCode: AN_KHANG.enterpriseCode }, challenge: { id: 'otp-1', code: '123456' } }));
    expectValidMessage('consentRequest', { protocol: 1, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email'] });
  });
});
