import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../test/support/use-msw-server.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import type { ProcedureDefinition } from '../schema/procedure-format.js';
import type { SourceId } from '../shared/protocol.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { clearPrefillCache } from './prefill-cache.js';
import { resolvePrefill, type ResolvePrefillOptions } from './resolve-prefill.js';
import type { PrefillResult } from './types.js';

const BASE = 'https://portal.example/api/oncefill';
const server = useMswServer();

const cite = { document: 'Mẫu thử', tag: 'V' } as const;
const f = (field: Record<string, unknown>) => ({ label: { vi: String(field.id) }, status: 'verified', source: cite, ...field });
const procedure = (fields: unknown[], extra: Partial<ProcedureDefinition> = {}) =>
  parseProcedure({ format: 1, code: '1.004616', version: '2026.1', status: 'verified', title: { vi: 'Thử' }, agency: { vi: 'Sở' }, applicant: 'citizen', source: cite, fields, ...extra });

type Answer = Record<string, unknown>;
type Behaviour = { attributes?: Record<string, Answer>; fingerprint?: string; delayMs?: number; respond?: () => Response | Promise<Response>; provenance?: string };

/** A hand-driven gateway at the network edge: per source, what it answers. */
function gateway(bySource: Partial<Record<SourceId, Behaviour>>) {
  const seen: Array<{ source: string; body: Record<string, unknown>; headers: Headers }> = [];
  server.use(
    http.post(`${BASE}/:source`, async ({ params, request }) => {
      const source = String(params.source) as SourceId;
      const body = (await request.json()) as Record<string, unknown>;
      seen.push({ source, body, headers: request.headers });
      const b = bySource[source];
      if (!b) return new HttpResponse(null, { status: 404 });
      if (b.delayMs) await delay(b.delayMs);
      if (b.respond) return b.respond();
      return HttpResponse.json({ protocol: 1, source, fingerprint: b.fingerprint ?? 'fp-1', attributes: b.attributes ?? {}, ...(b.provenance ? { provenance: b.provenance } : {}) });
    }),
  );
  return seen;
}

const sources = () => createGatewaySources({ baseUrl: BASE, retries: 0, timeoutMs: 2000 });
const run = (p: ReturnType<typeof procedure>, options: Partial<ResolvePrefillOptions> = {}) => resolvePrefill(p, { sources: sources(), ...options });
const verified = (value: unknown, extra: Answer = {}) => ({ value, verification: 'verified', ...extra });

describe('resolvePrefill', () => {
  it('asks each source only for the attributes the form uses, with the procedure as purpose', async () => {
    const seen = gateway({ population: { attributes: {} }, personal: { attributes: {} } });
    await run(
      procedure([
        f({ id: 'fullName', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } }),
        f({ id: 'phone', type: 'phone', prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } }),
        f({ id: 'note', type: 'textarea' }),
      ]),
    );
    const bodies = Object.fromEntries(seen.map((s) => [s.source, s.body]));
    expect(bodies.population).toEqual({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName', 'phone'] });
    expect(bodies.personal).toEqual({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['phone'] });
  });

  it('C-B03: keeps leading zeros as strings and reports a number where text belongs, never padding it', async () => {
    gateway({ population: { attributes: { personalId: verified('001090012345'), residenceFileNumber: verified(2108), otherName: verified('000417') } } });
    const result = await run(
      procedure([
        f({ id: 'idNumber', type: 'personal-id', prefill: { from: [{ source: 'population', attribute: 'personalId' }] } }),
        f({ id: 'fileNo', type: 'text', prefill: { from: [{ source: 'population', attribute: 'residenceFileNumber' }] } }),
        f({ id: 'memberNo', type: 'text', prefill: { from: [{ source: 'population', attribute: 'otherName' }] } }),
      ]),
    );
    expect(result.fields.idNumber).toMatchObject({ status: 'filled', value: '001090012345' });
    expect(result.fields.memberNo).toMatchObject({ status: 'filled', value: '000417' });
    expect(result.fields.fileNo).toEqual({ status: 'invalid', reason: 'type-mismatch', locked: false });
  });

  it('C-B06: matches options by exact value first, then by label, and never falls back to the first option', async () => {
    const options = (pairs: Array<[string, string]>) => pairs.map(([value, vi]) => ({ value, label: { vi } }));
    const fields = [
      f({ id: 'country', type: 'select', options: options([['VN', 'Vietnam'], ['DE', 'Germany']]), prefill: { from: [{ source: 'population', attribute: 'nationality' }] } }),
      f({ id: 'floor', type: 'select', options: options([['1', 'Ground'], ['2', '1']]), prefill: { from: [{ source: 'population', attribute: 'ethnicity' }] } }),
      f({ id: 'phoneOk', type: 'radio', options: options([['true', 'Yes'], ['false', 'No']]), prefill: { from: [{ source: 'population', attribute: 'religion' }] } }),
    ];
    gateway({ population: { attributes: { nationality: verified('Germany'), ethnicity: verified('1'), religion: verified('Yes') } } });
    expect((await run(procedure(fields))).fields).toMatchObject({ country: { value: 'DE' }, floor: { value: '1' }, phoneOk: { value: 'true' } });
    clearPrefillCache();
    gateway({ population: { attributes: { nationality: verified('vn'), ethnicity: verified('Ground'), religion: verified('Maybe') } } });
    const second = await run(procedure(fields));
    expect(second.fields.country).toMatchObject({ status: 'filled', value: 'VN' });
    expect(second.fields.floor).toMatchObject({ status: 'filled', value: '1' });
    expect(second.fields.phoneOk).toEqual({ status: 'invalid', reason: 'no-option-match', locked: false });
  });

  it('C-B06: a boolean from the source selects the option whose value is its text', async () => {
    const field = f({ id: 'phoneOk', type: 'radio', options: [{ value: 'true', label: { vi: 'Yes' } }, { value: 'false', label: { vi: 'No' } }], prefill: { from: [{ source: 'population', attribute: 'temporaryAbsence' }] } });
    gateway({ population: { attributes: { temporaryAbsence: verified(true) } } });
    expect((await run(procedure([field]))).fields.phoneOk).toMatchObject({ status: 'filled', value: 'true' });
  });

  it('C-B07: the string "false" never ticks a checkbox; only the explicit table converts', async () => {
    const checkbox = procedure([f({ id: 'newsletter', type: 'checkbox', prefill: { from: [{ source: 'population', attribute: 'temporaryAbsence' }] } })]);
    const cases: Array<[unknown, boolean | 'invalid' | 'unavailable']> = [
      ['false', false], ['0', false], ['no', false], ['off', false], ['', false], [0, false], [false, false], [null, 'unavailable'],
      ['true', true], ['1', true], ['yes', true], ['on', true], [1, true], [true, true], [' TRUE ', true], ['maybe', 'invalid'],
    ];
    for (const [raw, expected] of cases) {
      clearPrefillCache();
      server.resetHandlers();
      gateway({ population: { attributes: { temporaryAbsence: verified(raw) } } });
      const field = (await run(checkbox)).fields.newsletter!;
      if (expected === 'invalid') expect(field, JSON.stringify(raw)).toEqual({ status: 'invalid', reason: 'not-a-boolean', locked: false });
      else if (expected === 'unavailable') expect(field.status, JSON.stringify(raw)).toBe('unavailable');
      else expect(field, JSON.stringify(raw)).toMatchObject({ status: 'filled', value: expected });
    }
  });

  it('keeps a year-only birth date a year, and reports it to a field that needs a full date', async () => {
    gateway({ population: { attributes: { birthDate: verified('1962'), idCardIssueDate: verified('2021-07-01') } } });
    const result = await run(
      procedure([
        f({ id: 'birthDate', type: 'date', allowYearOnly: true, prefill: { from: [{ source: 'population', attribute: 'birthDate' }], lock: true } }),
        f({ id: 'birthDateFull', type: 'date', prefill: { from: [{ source: 'population', attribute: 'birthDate' }] } }),
        f({ id: 'issued', type: 'text', prefill: { from: [{ source: 'population', attribute: 'idCardIssueDate' }] } }),
      ]),
    );
    expect(result.fields.birthDate).toMatchObject({ status: 'filled', value: '1962', locked: true });
    expect(result.fields.birthDateFull).toEqual({ status: 'invalid', reason: 'year-only', locked: false });
    expect(result.fields.issued).toMatchObject({ status: 'filled', value: '01/07/2021' });
  });

  it('reports an integer beyond 2^53 as invalid instead of a rounded number', async () => {
    server.use(
      http.post(`${BASE}/business`, () => new HttpResponse('{"protocol":1,"source":"business","fingerprint":"f","attributes":{"charterCapital":{"value":9007199254740993,"verification":"verified"}}}', { headers: { 'content-type': 'application/json' } })),
    );
    const result = await run(procedure([f({ id: 'capital', type: 'decimal', prefill: { from: [{ source: 'business', attribute: 'charterCapital' }] } })]));
    expect(result.fields.capital).toEqual({ status: 'invalid', reason: 'unsafe-integer', locked: false });
  });

  it('gives a conflict with every candidate, in priority order, when sources disagree', async () => {
    gateway({
      population: { attributes: { phone: verified('0912345678', { lastUpdated: '2023-01-01' }) } },
      personal: { attributes: { phone: { value: '+84 98 765 4321', verification: 'user-provided', lastUpdated: '2026-10-01' } } },
    });
    const result = await run(procedure([f({ id: 'phone', type: 'phone', prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } })]));
    expect(result.fields.phone).toEqual({
      status: 'conflict',
      locked: false,
      reason: 'several-values',
      candidates: [
        { value: '0912345678', provenance: { source: 'population', attribute: 'phone', verification: 'verified', lastUpdated: '2023-01-01' } },
        { value: '0987654321', provenance: { source: 'personal', attribute: 'phone', verification: 'user-provided', lastUpdated: '2026-10-01' } },
      ],
    });
  });

  it('fills once when sources agree after normalization, with the higher-priority provenance', async () => {
    gateway({ population: { attributes: { phone: verified('0168 123 4567') } }, personal: { attributes: { phone: { value: '+84381234567', verification: 'user-provided' } } } });
    const result = await run(procedure([f({ id: 'phone', type: 'phone', prefill: { from: [{ source: 'population', attribute: 'phone' }, { source: 'personal', attribute: 'phone' }] } })]));
    expect(result.fields.phone).toMatchObject({ status: 'filled', value: '0381234567', provenance: { source: 'population' } });
  });

  it('gives a split old ward as a conflict of candidate addresses, never picking one', async () => {
    const a = { detail: 'Thôn 3', wardCode: '00004', wardName: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' };
    const b = { ...a, wardCode: '00008', wardName: 'Phường Ngọc Hà' };
    gateway({ population: { attributes: { permanentAddress: { candidates: [a, b], verification: 'verified', recordId: 'r1' } } } });
    const result = await run(procedure([f({ id: 'address', type: 'address', prefill: { from: [{ source: 'population', attribute: 'permanentAddress' }], lock: true } })]));
    expect(result.fields.address).toMatchObject({ status: 'conflict', reason: 'several-records', locked: false });
    expect(result.fields.address!.candidates!.map((c) => (c.value as { wardCode: string }).wardCode)).toEqual(['00004', '00008']);
  });

  it('never locks a not-applicable or user-provided value, and locks a verified one only where asked', async () => {
    gateway({
      population: { attributes: { fullName: verified({ family: 'TRẦN', middle: 'THỊ', given: 'AN' }), email: { value: 'x@example.vn', verification: 'not-applicable' }, otherName: verified('Bé') } },
      personal: { attributes: { email: { value: 'an@example.vn', verification: 'user-provided' } } },
    });
    const result = await run(
      procedure([
        f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }], lock: true } }),
        f({ id: 'alias', type: 'text', prefill: { from: [{ source: 'population', attribute: 'otherName' }] } }),
        f({ id: 'email', type: 'email', prefill: { from: [{ source: 'population', attribute: 'email' }, { source: 'personal', attribute: 'email' }], lock: true } }),
      ]),
    );
    expect(result.fields.name).toMatchObject({ status: 'filled', value: 'Trần Thị An', locked: true });
    expect(result.fields.alias).toMatchObject({ status: 'filled', locked: false });
    expect(result.fields.email).toMatchObject({ status: 'filled', value: 'an@example.vn', locked: false, provenance: { source: 'personal', verification: 'user-provided' } });
  });

  it('fills the rows of a repeated group from a list, item by item', async () => {
    gateway({
      results: {
        attributes: {
          diploma: verified([
            { type: 'diploma', number: 'B001', title: 'Dược sĩ đại học', issuer: 'Trường Đại học Dược Hà Nội', issueDate: '2010-06-30' },
            { type: 'diploma', number: 'B002', title: 'Thạc sĩ dược học', issuer: 'Trường Đại học Dược Hà Nội', issueDate: '2014-06-30' },
          ]),
        },
      },
    });
    const result = await run(
      procedure([
        f({ id: 'diplomas', type: 'group', repeat: { max: 5 }, prefill: { from: [{ source: 'results', attribute: 'diploma' }] } }),
        f({ id: 'diplomaTitle', type: 'text', group: 'diplomas', prefill: { from: [{ source: 'results', attribute: 'diploma.title' }] } }),
        f({ id: 'diplomaDate', type: 'date', group: 'diplomas', prefill: { from: [{ source: 'results', attribute: 'diploma.issueDate' }] } }),
      ]),
    );
    expect(result.rows).toEqual({ diplomas: 2 });
    expect(result.fields['diplomas[1].diplomaTitle']).toMatchObject({ status: 'filled', value: 'Thạc sĩ dược học' });
    expect(result.fields['diplomas[0].diplomaDate']).toMatchObject({ status: 'filled', value: '2010-06-30' });
  });

  it('reports dossier components satisfied by reuse in the national terms, and a choice when several could be', async () => {
    const cert = (number: string, validUntil: string) => ({ type: 'foodSafetyCertificate', number, title: 'GCN ATTP', resultCode: 'KQ.2.000535', storeRef: `K-${number}`, procedureCode: '2.000535.000.00.00.H31', fromNationalStore: true, validUntil });
    const documents = [
      { id: 'oldCertificate', title: { vi: 'GCN đã cấp' }, status: 'verified', source: cite, reuse: [{ source: 'results', documentType: 'foodSafetyCertificate', procedures: ['2.000535'] }] },
      { id: 'registration', title: { vi: 'GCN ĐKDN' }, status: 'verified', source: cite, reuse: [{ source: 'business', documentType: 'enterpriseCode' }] },
    ];
    const p = procedure([f({ id: 'name', type: 'text' })], { documents } as never);
    gateway({ results: { attributes: { foodSafetyCertificate: verified([cert('01/2020/GCNATTP-SCT', '2023-01-01'), cert('07/2024/GCNATTP-SCT', '2027-01-01')]) } }, business: { attributes: { enterpriseCode: verified('0101234567', { recordId: 'dkdn-1' }) } } });
    const result = await run(p, { today: '2026-12-03' });
    expect(result.documents.oldCertificate).toEqual({
      status: 'reused',
      reuse: { source: 'results', documentType: 'foodSafetyCertificate', documentNumber: '07/2024/GCNATTP-SCT', resultCode: 'KQ.2.000535', storeRef: 'K-07/2024/GCNATTP-SCT', procedureCode: '2.000535.000.00.00.H31', fromNationalStore: true },
      display: { title: 'GCN ATTP', validUntil: '2027-01-01' },
    });
    expect(result.documents.registration).toMatchObject({ status: 'reused', reuse: { source: 'business', documentNumber: '0101234567', recordId: 'dkdn-1', fromNationalStore: false } });
    clearPrefillCache();
    gateway({ results: { attributes: { foodSafetyCertificate: verified([cert('A', '2027-01-01'), cert('B', '2028-01-01')]) } }, business: { attributes: {} } });
    expect((await run(p, { today: '2026-12-03' })).documents.oldCertificate).toMatchObject({ status: 'conflict', candidates: [{ reuse: { documentNumber: 'A' } }, { reuse: { documentNumber: 'B' } }] });
  });

  it('reuses an expired document only where the reuse entry allows it (a reissue submits the expired certificate)', async () => {
    const expired = { type: 'foodSafetyCertificate', number: '01/2020/GCNATTP-SCT', title: 'GCN ATTP', procedureCode: '2.000535.000.00.00.H31', fromNationalStore: true, validUntil: '2023-01-01' };
    const component = (id: string, allowExpired?: boolean) => ({
      id,
      title: { vi: 'GCN đã cấp' },
      status: 'verified',
      source: cite,
      reuse: [{ source: 'results', documentType: 'foodSafetyCertificate', ...(allowExpired === undefined ? {} : { allowExpired }) }],
    });
    const p = procedure([f({ id: 'name', type: 'text' })], { documents: [component('allowed', true), component('refused'), component('refusedExplicitly', false)] } as never);
    gateway({ results: { attributes: { foodSafetyCertificate: verified([expired]) } } });
    const result = await run(p, { today: '2026-12-03' });
    expect(result.documents.allowed).toMatchObject({ status: 'reused', reuse: { documentNumber: '01/2020/GCNATTP-SCT' }, display: { validUntil: '2023-01-01' } });
    expect(result.documents.refused).toEqual({ status: 'missing' });
    expect(result.documents.refusedExplicitly).toEqual({ status: 'missing' });
  });

  it('reports partial results as sources answer, then the final one', async () => {
    gateway({ population: { attributes: { fullName: verified('AN') }, delayMs: 5 }, personal: { attributes: { email: { value: 'a@b.vn', verification: 'user-provided' } }, delayMs: 120 } });
    const updates: PrefillResult[] = [];
    const result = await run(
      procedure([
        f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } }),
        f({ id: 'email', type: 'email', prefill: { from: [{ source: 'personal', attribute: 'email' }] } }),
      ]),
      { onUpdate: (r) => updates.push(r) },
    );
    expect(updates[0]).toMatchObject({ complete: false, fields: { name: { status: 'filled' }, email: { status: 'pending' } }, sources: { population: { status: 'ok' }, personal: { status: 'pending' } } });
    expect(updates.at(-1)).toEqual(result);
    expect(result.complete).toBe(true);
  });

  it('stops waiting at the deadline: late sources time out, the others still fill, and a late answer changes nothing', async () => {
    gateway({ population: { attributes: { fullName: verified('AN') } }, business: { attributes: { name: verified('CÔNG TY A') }, delayMs: 400 } });
    const updates: PrefillResult[] = [];
    const result = await run(
      procedure([
        f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } }),
        f({ id: 'company', type: 'text', prefill: { from: [{ source: 'business', attribute: 'name' }] } }),
      ]),
      { deadlineMs: 100, onUpdate: (r) => updates.push(r) },
    );
    expect(result.sources.business).toMatchObject({ status: 'timeout' });
    expect(result.fields).toMatchObject({ name: { status: 'filled' }, company: { status: 'error', reason: 'source-failed' } });
    const count = updates.length;
    await delay(500);
    expect(updates.length).toBe(count);
  });

  it('asks consent before recording it, carries the token, and skips the source when refused', async () => {
    const consents: unknown[] = [];
    const seen = gateway({
      personal: {
        respond: () =>
          consents.length > 0
            ? HttpResponse.json({ protocol: 1, source: 'personal', fingerprint: 'fp-1', attributes: { email: { value: 'an@example.vn', verification: 'user-provided' } } })
            : HttpResponse.json({ protocol: 1, error: { code: 'no-consent', message: 'x', consent: { source: 'personal', attributes: ['email'] } } }, { status: 428 }),
      },
    });
    server.use(http.post(`${BASE}/consent`, async ({ request }) => (consents.push(await request.json()), HttpResponse.json({ protocol: 1, token: 'tok-1', expiresAt: '2099-01-01T00:00:00Z' }, { status: 201 }))));
    const p = procedure([f({ id: 'email', type: 'email', label: { vi: 'Thư điện tử' }, prefill: { from: [{ source: 'personal', attribute: 'email' }] } })]);

    const refused = await run(p, { consent: () => false });
    expect(refused.sources.personal).toMatchObject({ status: 'no-consent' });
    expect(consents).toEqual([]);

    const prompts: unknown[] = [];
    const agreed = await run(p, { consent: (prompt) => (prompts.push(prompt), true) });
    expect(prompts).toEqual([{ source: 'personal', procedure: { code: '1.004616', version: '2026.1', title: { vi: 'Thử' } }, attributes: ['email'], fields: [{ id: 'email', label: { vi: 'Thư điện tử' } }] }]);
    expect(consents).toEqual([{ protocol: 1, source: 'personal', procedure: { code: '1.004616', version: '2026.1' }, attributes: ['email'] }]);
    expect(seen.at(-1)!.body.consentToken).toBe('tok-1');
    expect(agreed.fields.email).toMatchObject({ status: 'filled', value: 'an@example.vn' });
  });

  it('surfaces a one-time-code challenge, and fills after a retry with the code', async () => {
    const seen = gateway({
      population: {
        respond: () =>
          seen.at(-1)!.body.challenge
            ? HttpResponse.json({ protocol: 1, source: 'population', fingerprint: 'fp-1', attributes: { fullName: verified('AN') } })
            : HttpResponse.json({ protocol: 1, error: { code: 'challenge-required', message: 'x', challenge: { id: 'c-1', channel: 'sms' } } }, { status: 428 }),
      },
    });
    const p = procedure([f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } })]);
    const first = await run(p);
    expect(first.sources.population).toMatchObject({ status: 'challenge', challenge: { id: 'c-1', channel: 'sms' } });
    expect(first.fields.name).toMatchObject({ status: 'error' });
    const second = await run(p, { challenges: { population: { id: 'c-1', code: '123456' } } });
    expect(seen.at(-1)!.body.challenge).toEqual({ id: 'c-1', code: '123456' });
    expect(second.fields.name).toMatchObject({ status: 'filled', value: 'An' });
  });

  it('asks to act for a business with actingFor, never naming the subject', async () => {
    const seen = gateway({ business: { attributes: { name: verified('CÔNG TY TNHH AN PHÚ') } } });
    const result = await run(procedure([f({ id: 'company', type: 'text', prefill: { from: [{ source: 'business', attribute: 'name' }] } })]), { actingFor: { enterpriseCode: '0101234567' } });
    expect(seen[0]!.body).toEqual({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['name'], actingFor: { enterpriseCode: '0101234567' } });
    // A registered name is text, written as registered: never proper-cased like a person's name.
    expect(result.fields.company).toMatchObject({ status: 'filled', value: 'CÔNG TY TNHH AN PHÚ' });
  });

  it('serves a second resolution from the session cache, and misses it when the session fingerprint changes', async () => {
    const seen = gateway({ population: { attributes: { fullName: verified('AN') }, fingerprint: 'session-A' } });
    const p = procedure([f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } })]);
    await run(p);
    const again = await run(p);
    expect(seen).toHaveLength(1);
    expect(again.sources.population).toMatchObject({ status: 'ok', cached: true });
    const fresh = await run(p, { fingerprint: 'session-B' });
    expect(seen).toHaveLength(2);
    expect(fresh.sources.population?.cached).toBeUndefined();
  });

  it('drops everything from before a logout, including answers that arrive after it', async () => {
    gateway({ population: { attributes: { fullName: verified('AN') }, delayMs: 80 } });
    const p = procedure([f({ id: 'name', type: 'text', prefill: { from: [{ source: 'population', attribute: 'fullName' }] } })]);
    const pending = run(p);
    await delay(10);
    clearPrefillCache();
    const result = await pending;
    expect(result.fields.name).toMatchObject({ status: 'error' });
    expect(result.sources.population).toMatchObject({ status: 'error', error: { code: 'aborted' } });
    expect(JSON.stringify(result)).not.toContain('An');
  });
});
