/**
 * End to end in Node: the browser side (`createGatewaySources`, `resolvePrefill`,
 * `createFormSession`) against the real gateway run by `createGatewayHandlers` through msw, then
 * the back office side (`readFormSubmission`, `verifyProvenance`, `validateSubmission`).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrefillResult } from '../resolve/types.js';
import { resolvePrefill } from '../resolve/resolve-prefill.js';
import { parseProcedure } from '../schema/parse-procedure.js';
import type { Procedure } from '../schema/procedure-format.js';
import { readFormSubmission } from '../server/read-form-submission.js';
import { validateSubmission } from '../server/validate-submission.js';
import { verifyProvenance } from '../server/verify-provenance.js';
import { createFormSession } from '../session/create-form-session.js';
import { createGatewaySources } from '../sources/create-gateway-sources.js';
import { SHIPPED_PROCEDURES, TEST_CSRF_TOKEN, createGatewayHandlers, testProvenanceKeys } from './create-gateway-handlers.js';
import { fixtures } from './fixtures.js';

const BASE = 'https://portal.example/api/oncefill';
const NOW = Date.UTC(2026, 5, 1, 3, 0, 0);
const TODAY = '2026-06-01';
const [LAN, HOA] = fixtures.citizens as [typeof fixtures.citizens[0], typeof fixtures.citizens[1]];
const AN_KHANG = fixtures.businesses[0]!;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const procedureOf = (code: string): Procedure => parseProcedure(SHIPPED_PROCEDURES.find((p) => (p as { code: string }).code === code));
const sources = () => createGatewaySources({ baseUrl: BASE, retries: 0 });

/** What the citizen would submit untouched: every filled value, the first candidate of each choice, every reused document. */
function submittedAs(result: PrefillResult) {
  const values: Record<string, unknown> = {};
  for (const [path, field] of Object.entries(result.fields)) {
    if (field.status === 'filled') values[path] = field.value;
    else if (field.status === 'conflict') values[path] = field.candidates![0]!.value;
  }
  const components: Record<string, unknown> = {};
  for (const [id, document] of Object.entries(result.documents)) {
    if (document.status === 'reused') components[id] = document.reuse;
    else if (document.status === 'conflict') components[id] = document.candidates![0]!.reuse;
  }
  return { values, components, provenance: result.provenance } as const;
}

describe('end to end: resolvePrefill against createGatewayHandlers, then verifyProvenance', () => {
  it('fills 1.004616 for the pharmacist, with consent to her personal store, and every filled value verifies', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, now: () => NOW }));
    const procedure = procedureOf('1.004616');
    const prompts: string[] = [];
    const result = await resolvePrefill(procedure, { sources: sources(), consent: (p) => (prompts.push(p.source), true), cache: false, today: TODAY });
    expect(prompts).toEqual(['personal']);
    expect(result.sources).toMatchObject({ population: { status: 'ok' }, results: { status: 'ok' }, personal: { status: 'ok' } });
    expect(result.fields.fullName).toMatchObject({ status: 'filled', value: 'Nguyễn Thị Lan', locked: true });
    expect(result.fields.birthDate).toMatchObject({ status: 'filled', value: '1990-05-09', locked: true });
    expect(result.fields.permanentAddress).toMatchObject({ status: 'conflict', reason: 'several-records' });
    // The population record and her personal store disagree on the phone: the citizen picks.
    expect(result.fields.phone?.candidates?.map((c) => [c.value, c.provenance.source])).toEqual([
      ['0912345678', 'population'],
      ['0987654321', 'personal'],
    ]);
    expect(result.fields.email).toMatchObject({ status: 'filled', value: 'lan.nguyen@example.vn', provenance: { source: 'personal', verification: 'user-provided' } });
    expect(result.rows.diplomas).toBe(1);
    expect(result.documents.diploma).toMatchObject({ status: 'reused', reuse: { documentNumber: 'B0123456', fromNationalStore: true } });
    expect(result.provenance).toHaveLength(3);

    const submission = submittedAs(result);
    const subjects = [{ personalId: LAN.personalId }];
    const report = verifyProvenance(procedure, { ...submission, values: submission.values as never, components: submission.components as never, subjects }, testProvenanceKeys, { now: NOW });
    expect(report.problems).toEqual([]);
    expect(Object.keys(report.fields).sort()).toEqual(Object.keys(submission.values).sort());
    for (const [path, field] of Object.entries(report.fields)) expect(field.status, path).toBe('verified');
    expect(report.components).toEqual({ diploma: { status: 'verified', statement: 1 }, practiceConfirmation: { status: 'verified', statement: 2 } });

    // The second phone candidate verifies too; a changed locked value does not.
    const chosen = verifyProvenance(procedure, { ...submission, values: { ...submission.values, phone: '0987654321' } as never, components: submission.components as never, subjects }, testProvenanceKeys, { now: NOW });
    expect(chosen.fields.phone).toMatchObject({ status: 'verified', source: 'personal' });
    const altered = verifyProvenance(procedure, { ...submission, values: { ...submission.values, fullName: 'Nguyễn Thị Lan Anh' } as never, components: submission.components as never, subjects }, testProvenanceKeys, { now: NOW });
    expect(altered.problems).toEqual([{ code: 'altered-locked-value', path: 'fullName' }]);
  });

  it('fills 2.000648 for the business she represents, and its statement verifies only with the business among the subjects', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, now: () => NOW }));
    const procedure = procedureOf('2.000648');
    const result = await resolvePrefill(procedure, { sources: sources(), actingFor: { enterpriseCode: AN_KHANG.enterpriseCode }, cache: false, today: TODAY });
    expect(result.fields.traderName).toMatchObject({ status: 'filled', value: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG', locked: true });
    expect(result.fields.enterpriseCode).toMatchObject({ status: 'filled', value: '0201234567', locked: true });
    expect(result.fields.headOffice).toMatchObject({ status: 'filled', value: { wardCode: '11311', provinceCode: '31' } });
    expect(result.fields.legalRepName).toMatchObject({ status: 'filled', value: 'Nguyễn Thị Lan' });
    expect(result.fields.phone).toMatchObject({ status: 'filled', value: '02253823456' }); // a landline, which this field allows
    expect(result.fields.fax).toMatchObject({ status: 'unavailable' }); // the registry says it has none
    expect(result.documents.fireSafety).toMatchObject({ status: 'reused', reuse: { documentNumber: '88/NT-PCCC' } });
    expect(result.documents.constructionLegality).toMatchObject({ status: 'missing' }); // its only permit expired in 2020

    const submission = submittedAs(result);
    const both = [{ personalId: LAN.personalId }, { enterpriseCode: AN_KHANG.enterpriseCode }];
    const report = verifyProvenance(procedure, { ...submission, values: submission.values as never, components: submission.components as never, subjects: both }, testProvenanceKeys, { now: NOW });
    expect(report.problems).toEqual([]);
    for (const [path, field] of Object.entries(report.fields)) expect(field.status, path).toBe('verified');
    const personOnly = verifyProvenance(procedure, { ...submission, values: submission.values as never, components: submission.components as never, subjects: [{ personalId: LAN.personalId }] }, testProvenanceKeys, { now: NOW });
    expect(personOnly.problems.map((p) => p.code)).toContain('subject-mismatch');
  });

  it('asks for the one-time code of a lookup that demands one, and fills 1.005092 once the citizen gives it', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, session: HOA.personalId, now: () => NOW }));
    const procedure = procedureOf('1.005092');
    const first = await resolvePrefill(procedure, { sources: sources(), consent: () => true, cache: false, today: TODAY });
    expect(first.sources.population).toMatchObject({ status: 'challenge', challenge: { channel: 'sms' } });
    const id = first.sources.population!.challenge!.id;

    const wrong = await resolvePrefill(procedure, { sources: sources(), consent: () => true, cache: false, today: TODAY, challenges: { population: { id, code: '000000' } } });
    expect(wrong.sources.population?.status).toBe('challenge');

    const result = await resolvePrefill(procedure, { sources: sources(), consent: () => true, cache: false, today: TODAY, challenges: { population: { id, code: HOA.otp! } } });
    expect(result.sources.population?.status).toBe('ok');
    expect(result.fields.fullName).toMatchObject({ status: 'filled', value: 'Lê Thị Hoà', locked: true });
    expect(result.fields.birthDate).toMatchObject({ status: 'filled', value: '1962', locked: true });
    expect(result.fields.gender).toMatchObject({ status: 'filled', value: 'female' });
    expect(result.fields.contactPhone).toMatchObject({ status: 'filled', value: '0381234567' }); // the record's old 11-digit number, renumbered, agrees with her store

    const submission = submittedAs(result);
    const report = verifyProvenance(procedure, { ...submission, values: submission.values as never, components: submission.components as never, subjects: [{ personalId: HOA.personalId }] }, testProvenanceKeys, { now: NOW });
    expect(report.problems).toEqual([]);
  });

  it('reports a logged-out session as unauthorized', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, session: null }));
    const result = await resolvePrefill(procedureOf('1.000028'), { sources: sources(), cache: false });
    expect(result.sources.population).toMatchObject({ status: 'error', error: { code: 'unauthorized' } });
  });

  it('serves the given fixtures instead of the shipped ones', async () => {
    const custom = { citizens: [{ personalId: '001090000001', population: { HoVaTen: { Ho: 'ĐẶNG', ChuDem: '', Ten: 'KHOA' } } }], businesses: [] };
    server.use(...createGatewayHandlers({ baseUrl: BASE, fixtures: custom }));
    const result = await resolvePrefill(procedureOf('1.000028'), { sources: sources(), cache: false });
    expect(result.fields.fullName).toMatchObject({ status: 'filled', value: 'Đặng Khoa' });
  });
});

describe('createGatewayHandlers: strict mode', () => {
  const strict = (headers: Record<string, string>) => createGatewaySources({ baseUrl: BASE, retries: 0, headers });

  it('refuses a wrong Origin', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, strict: true }));
    const error = await strict({ origin: 'https://evil.example', 'x-csrf-token': TEST_CSRF_TOKEN })
      .population.query({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('refuses a missing CSRF header', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, strict: true }));
    const error = await strict({ origin: 'https://portal.example' })
      .population.query({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('answers when the page sends its Origin and the CSRF token', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, strict: true }));
    const answer = await strict({ origin: 'https://portal.example', 'x-csrf-token': TEST_CSRF_TOKEN }).population.query({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'] });
    expect(answer.attributes.fullName?.verification).toBe('verified');
  });

  it('needs neither by default (lenient), as Node tests send neither', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE }));
    const answer = await createGatewaySources({ baseUrl: BASE }).population.query({ protocol: 1, procedure: { code: '1.004616', version: '2026.1' }, attributes: ['fullName'] });
    expect(answer.attributes.fullName?.verification).toBe('verified');
  });

  it('throws at once, with advice, without a baseUrl', () => {
    expect(() => createGatewayHandlers({} as never)).toThrow(/^\[oncefill\] createGatewayHandlers needs \{ baseUrl \}/);
    expect(() => createGatewayHandlers({ baseUrl: '/api/oncefill' })).toThrow(/^\[oncefill\] createGatewayHandlers needs an absolute baseUrl in Node/);
  });
});

describe('end to end: a classic form post reaches the back office', () => {
  it('posts the form fields and the oncefill-envelope input, and the back office verifies and validates them', async () => {
    server.use(...createGatewayHandlers({ baseUrl: BASE, now: () => NOW }));
    const procedure = procedureOf('1.004616');
    const session = createFormSession(procedure);
    const result = await session.prefill({ sources: sources(), consent: () => true, cache: false, today: TODAY });
    session.choose('permanentAddress', 1);
    session.choose('phone', 0);

    // What the page posts: each field under its path (addresses as five inputs), plus the envelope.
    const form = new URLSearchParams();
    for (const [path, value] of Object.entries(session.values())) {
      if (typeof value === 'object' && !Array.isArray(value)) for (const [part, text] of Object.entries(value)) form.append(`${path}.${part}`, text);
      else if (Array.isArray(value)) for (const item of value) form.append(path, item);
      else if (typeof value === 'boolean') value && form.append(path, 'on');
      else form.append(path, value);
    }
    form.append('_csrf', 'the-portal-s-own-token');
    form.append('oncefill-envelope', JSON.stringify(session.envelope()));

    const post = readFormSubmission(procedure, form);
    expect(post.problems).toEqual([]);
    expect(post.values.permanentAddress).toEqual(result.fields.permanentAddress!.candidates![1]!.value);
    expect(post.values._csrf).toBeUndefined();
    const report = verifyProvenance(procedure, { ...post, subjects: [{ personalId: LAN.personalId }] }, testProvenanceKeys, { now: NOW });
    expect(report.problems).toEqual([]);
    expect(report.fields.permanentAddress).toMatchObject({ status: 'verified' });
    expect(report.components.diploma).toMatchObject({ status: 'verified' });

    // What the citizen still has to give before the dossier is complete; nothing prefilled is wrong.
    const check = validateSubmission(procedure, post.values);
    const wrongPrefilled = check.errors.filter((e) => e.code !== 'required' && e.code !== 'too-few-rows');
    expect(wrongPrefilled).toEqual([]);
    expect(check.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['recipientAgency', 'issueRoute', 'practiceRows']));
  });
});
