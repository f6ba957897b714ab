import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { signProvenance, type ProvenanceStatement, type SignProvenanceOptions } from './sign-provenance.js';
import { verifyProvenance, type ProvenanceSubmission, type VerifyProvenanceOptions } from './verify-provenance.js';

const k1 = Uint8Array.from({ length: 32 }, (_, i) => i);
const k2 = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const keys = { k1, k2 };
const procedure = { code: '1.004616', version: '2025.1' };
const person = { personalId: '001190012345' };
const business = { enterpriseCode: '0101234567' };
const T0 = Date.UTC(2026, 0, 1);
const at = (seconds: number): VerifyProvenanceOptions => ({ now: T0 + seconds * 1000 });
const sign: SignProvenanceOptions = { key: k1, kid: 'k1', now: T0, ttlSeconds: 3600, nonce: 'bm9uY2Utbm9uY2Utbm9uY2U' };

const reference = { source: 'results' as const, documentType: 'diploma', documentNumber: 'B0123456', resultCode: 'KQ.1', storeRef: 'KHO.1', procedureCode: '1.005092', fromNationalStore: true };

const population: ProvenanceStatement = {
  procedure,
  subject: person,
  fields: {
    fullName: { values: ['Nguyễn Thị Lan'], source: 'population', attribute: 'fullName', recordId: 'dc-1', verification: 'verified', locked: true },
    phone: { values: ['0912345678'], source: 'population', verification: 'user-provided' },
    'rows[0].ward': { values: ['Phường Hoàn Kiếm', 'Phường Ba Đình'], source: 'population', verification: 'verified' },
  },
  components: { diplomaCopy: [reference] },
};
const token = signProvenance(population, sign);
const values = { fullName: 'Nguyễn Thị Lan', phone: '0912345678', 'rows[0].ward': 'Phường Ba Đình' };
const submission: ProvenanceSubmission = { values, components: { diplomaCopy: reference }, provenance: [token], subjects: [person] };

const verify = (changes: Partial<ProvenanceSubmission> = {}, options: VerifyProvenanceOptions = at(60), against = procedure, known: Record<string, Uint8Array> = keys) =>
  verifyProvenance(against, { ...submission, ...changes }, known, options);

/** Replaces one character of a token segment with a different base64url character. */
function flip(text: string, segment: number, index: number): string {
  const parts = text.split('.');
  const part = parts[segment]!;
  parts[segment] = part.slice(0, index) + (part[index] === 'A' ? 'B' : 'A') + part.slice(index + 1);
  return parts.join('.');
}

/** A token over any payload text, MACed correctly: what only a key holder could make. */
function macToken(payload: string, kid = 'k1', key = k1): string {
  const head = `ofp1.${kid}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}
const payloadOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[2]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('verifyProvenance: a faithful submission', () => {
  it('verifies a signed statement round trip: every value, the reuse claim, ok', () => {
    const report = verify();
    expect(report).toEqual({
      ok: true,
      statements: [{ status: 'valid', kid: 'k1', nonce: 'bm9uY2Utbm9uY2Utbm9uY2U' }],
      fields: {
        fullName: { status: 'verified', statement: 0, source: 'population', attribute: 'fullName', recordId: 'dc-1', verification: 'verified', locked: true },
        phone: { status: 'verified', statement: 0, source: 'population', verification: 'user-provided', locked: false },
        'rows[0].ward': { status: 'verified', statement: 0, source: 'population', verification: 'verified', locked: false },
      },
      components: { diplomaCopy: { status: 'verified', statement: 0 } },
      problems: [],
    });
  });

  it('verifies statements signed with either key during a rotation', () => {
    const other = signProvenance({ procedure, subject: business, fields: { employer: { values: ['An Khang'], source: 'business', verification: 'verified', locked: true } } }, { ...sign, key: k2, kid: 'k2' });
    const report = verify({ values: { ...values, employer: 'An Khang' }, provenance: [token, other], subjects: [person, business] });
    expect(report.ok).toBe(true);
    expect(report.fields.employer).toMatchObject({ status: 'verified', statement: 1 });
  });

  it('reports a value the citizen edited in an unlocked field as altered, without a problem', () => {
    const report = verify({ values: { ...values, phone: '0987654321' } });
    expect(report.fields.phone).toEqual({ status: 'altered', locked: false });
    expect(report.ok).toBe(true);
  });

  it('reports a field no statement covers as unsigned, without a problem', () => {
    const report = verify({ values: { ...values, email: 'lan@example.vn' } });
    expect(report.fields.email).toEqual({ status: 'unsigned' });
    expect(report.ok).toBe(true);
  });

  it('accepts any candidate the statement signed', () => {
    expect(verify({ values: { ...values, 'rows[0].ward': 'Phường Hoàn Kiếm' } }).fields['rows[0].ward']?.status).toBe('verified');
  });

  it('takes keys as base64url text', () => {
    expect(verify({}, at(60), procedure, undefined).ok).toBe(true);
    expect(verifyProvenance(procedure, submission, { k1: Buffer.from(k1).toString('base64url') }, at(60)).ok).toBe(true);
  });

  it('accepts a statement within the leeway before iat and before exp + leeway', () => {
    expect(verify({}, at(-60)).ok).toBe(true);
    expect(verify({}, at(3600 + 59)).ok).toBe(true);
    expect(verify({}, { ...at(-120), leewaySeconds: 120 }).ok).toBe(true);
  });

  it('verifies a full Procedure object by its code and version', () => {
    const full = { ...procedure, format: 1, title: { vi: 'Cấp chứng chỉ hành nghề dược' }, fields: [] };
    expect(verifyProvenance(full, submission, keys, at(60)).ok).toBe(true);
  });
});

describe('verifyProvenance: every tampering case is detected', () => {
  it('detects a flipped byte in the payload (bad-signature), and no longer trusts its fields', () => {
    const report = verify({ provenance: [flip(token, 2, 20)] });
    expect(report.problems).toEqual([{ code: 'bad-signature', statement: 0 }]);
    expect(report.fields.fullName).toEqual({ status: 'unsigned' });
    expect(report.ok).toBe(false);
  });

  it('detects a flipped byte in the signature (bad-signature)', () => {
    expect(verify({ provenance: [flip(token, 3, 5)] }).problems).toEqual([{ code: 'bad-signature', statement: 0 }]);
  });

  it('detects a token whose kid was changed to another known key (bad-signature)', () => {
    expect(verify({ provenance: [token.replace('ofp1.k1.', 'ofp1.k2.')] }).problems).toEqual([{ code: 'bad-signature', statement: 0 }]);
  });

  it('detects a changed locked value (altered-locked-value)', () => {
    const report = verify({ values: { ...values, fullName: 'Nguyễn Thị Lan Anh' } });
    expect(report.problems).toEqual([{ code: 'altered-locked-value', path: 'fullName' }]);
    expect(report.fields.fullName).toEqual({ status: 'altered', locked: true });
  });

  it('detects a locked value resubmitted in NFD (no normalization)', () => {
    expect(verify({ values: { ...values, fullName: 'Nguyễn Thị Lan'.normalize('NFD') } }).problems).toEqual([{ code: 'altered-locked-value', path: 'fullName' }]);
  });

  it('detects a locked value of another JSON type ("1990" vs 1990)', () => {
    const t = signProvenance({ procedure, subject: person, fields: { birthYear: { values: ['1990'], source: 'population', verification: 'verified', locked: true } } }, sign);
    expect(verify({ values: { birthYear: 1990 }, provenance: [t] }).problems).toEqual([{ code: 'altered-locked-value', path: 'birthYear' }]);
  });

  it('detects a locked value that JSON cannot carry (a lone surrogate) without throwing', () => {
    expect(verify({ values: { ...values, fullName: 'Nguyễn\ud800' } }).problems).toEqual([{ code: 'altered-locked-value', path: 'fullName' }]);
  });

  it('detects a changed reuse reference (altered-reuse-reference)', () => {
    const report = verify({ components: { diplomaCopy: { ...reference, documentNumber: 'B0123457' } } });
    expect(report.problems).toEqual([{ code: 'altered-reuse-reference', component: 'diplomaCopy' }]);
  });

  it('detects a reuse claim that drops "taken from the national store"', () => {
    expect(verify({ components: { diplomaCopy: { ...reference, fromNationalStore: false } } }).problems).toEqual([
      { code: 'altered-reuse-reference', component: 'diplomaCopy' },
    ]);
  });

  it('detects a replay to another subject (subject-mismatch)', () => {
    expect(verify({ subjects: [{ personalId: '001190054321' }] }).problems).toEqual([{ code: 'subject-mismatch', statement: 0 }]);
  });

  it('detects a replay from a person to an enterprise with the same digits (subject-mismatch)', () => {
    expect(verify({ subjects: [{ enterpriseCode: '001190012345' }] }).problems).toEqual([{ code: 'subject-mismatch', statement: 0 }]);
  });

  it('detects a replay to another procedure (procedure-mismatch)', () => {
    expect(verify({}, at(60), { code: '1.005092', version: '2025.1' }).problems).toEqual([{ code: 'procedure-mismatch', statement: 0 }]);
  });

  it('detects a replay to another version of the procedure (procedure-mismatch)', () => {
    expect(verify({}, at(60), { code: '1.004616', version: '2025.2' }).problems).toEqual([{ code: 'procedure-mismatch', statement: 0 }]);
  });

  it('detects an expired statement at exp + leeway (expired)', () => {
    expect(verify({}, at(3600 + 60)).problems).toEqual([{ code: 'expired', statement: 0 }]);
    expect(verify({}, { ...at(3600), leewaySeconds: 0 }).problems).toEqual([{ code: 'expired', statement: 0 }]);
  });

  it('detects a statement not yet valid beyond the leeway (not-yet-valid)', () => {
    expect(verify({}, at(-61)).problems).toEqual([{ code: 'not-yet-valid', statement: 0 }]);
  });

  it('detects an unknown kid (unknown-kid)', () => {
    const report = verify({}, at(60), procedure, { k2 });
    expect(report.problems).toEqual([{ code: 'unknown-kid', statement: 0 }]);
    expect(report.statements).toEqual([{ status: 'unknown-kid', kid: 'k1' }]);
  });

  it('detects a truncated token (malformed)', () => {
    expect(verify({ provenance: [token.slice(0, token.lastIndexOf('.'))] }).problems).toEqual([{ code: 'malformed', statement: 0 }]);
    expect(verify({ provenance: [token.slice(0, -1)] }).problems).toEqual([{ code: 'malformed', statement: 0 }]);
    expect(verify({ provenance: [token.slice(0, 40)] }).problems).toEqual([{ code: 'malformed', statement: 0 }]);
  });

  it('detects non-base64 junk (malformed)', () => {
    const junk = ['', '....', 'not a token', `${token}=`, token.replace(/\.(.)/, '.+'), `ofp1.k1.${'%'.repeat(10)}.${token.split('.')[3]}`, token.replace('ofp1', 'ofp2'), `${token}.x`];
    const report = verify({ provenance: junk });
    expect(report.statements.map((s) => s.status)).toEqual(junk.map(() => 'malformed'));
  });

  it('detects a base64url segment with non-zero trailing bits (malformed)', () => {
    const mac = token.split('.')[3]!;
    // 43 characters carry 258 bits; the last character's 2 low bits must be zero.
    const last = mac[42]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(verify({ provenance: [token.slice(0, -1) + sibling] }).problems).toEqual([{ code: 'malformed', statement: 0 }]);
  });

  it('detects a statement that is not a string (malformed)', () => {
    expect(verify({ provenance: [42, null, {}] as unknown as string[] }).statements.map((s) => s.status)).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('detects __proto__ keys in a correctly MACed payload (malformed), and Object.prototype stays clean', () => {
    const payload = canonicalJson(payloadOf(token));
    const withProto = [
      payload.replace('"fields":{', '"fields":{"__proto__":{"hashes":["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],"locked":false,"source":"population","verification":"verified"},'),
      payload.replace('{"components"', '{"__proto__":{"polluted":true},"components"'),
      payload.replace('"components":{', '"components":{"__proto__":[],'),
    ].map((text) => macToken(text));
    const report = verify({ provenance: withProto });
    expect(report.statements.map((s) => s.status)).toEqual(['malformed', 'malformed', 'malformed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a submitted __proto__ or constructor path as its own field, without touching prototypes', () => {
    const submitted = JSON.parse('{"__proto__":"x","constructor":"y"}') as Record<string, string>;
    const report = verify({ values: submitted });
    expect(Object.getPrototypeOf(report.fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(report.fields).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(report.fields, '__proto__')?.value).toEqual({ status: 'unsigned' });
  });

  it('refuses a 5 MB token before decoding it (too-large)', () => {
    const huge = `ofp1.k1.${'A'.repeat(5 * 1024 * 1024)}.${token.split('.')[3]}`;
    const started = performance.now();
    const report = verify({ provenance: [huge, token] });
    expect(report.statements.map((s) => s.status)).toEqual(['too-large', 'valid']);
    expect(report.problems).toEqual([{ code: 'too-large', statement: 0 }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('detects a correctly MACed payload that is not canonical, duplicates a key, or breaks the format (malformed)', () => {
    const payload = payloadOf(token);
    const text = canonicalJson(payload);
    const bad = [
      JSON.stringify(payload, null, 1),
      text.replace('{"components":{', '{"components":{},"components":{'),
      canonicalJson({ ...payload, v: 2 }),
      canonicalJson({ ...payload, iat: 1.5 }),
      canonicalJson({ ...payload, exp: payload.iat }),
      canonicalJson({ ...payload, sub: 'short' }),
      canonicalJson({ ...payload, procedure: { code: '1.004616' } }),
      canonicalJson({ ...payload, fields: { 'a..b': (payload.fields as Record<string, unknown>).fullName } }),
      canonicalJson({ ...payload, components: { diplomaCopy: [] } }),
      `\ufeff${text}`,
      'null',
    ].map((t) => macToken(t));
    expect(verify({ provenance: bad }).statements.map((s) => s.status)).toEqual(bad.map(() => 'malformed'));
  });

  it('reports each bad statement once, and keeps verifying the others', () => {
    const report = verify({ provenance: [flip(token, 3, 0), token] });
    expect(report.statements.map((s) => s.status)).toEqual(['bad-signature', 'valid']);
    expect(report.fields.fullName).toMatchObject({ status: 'verified', statement: 1 });
    expect(report.problems).toEqual([{ code: 'bad-signature', statement: 0 }]);
  });
});

describe('verifyProvenance: the submission itself', () => {
  it.each<[string, unknown]>([
    ['not an object', 'x'],
    ['null', null],
    ['values missing', { provenance: [], subjects: [person] }],
    ['values an array', { values: [], provenance: [], subjects: [person] }],
    ['provenance not an array', { values: {}, provenance: 'x', subjects: [person] }],
    ['more than 64 statements', { values: {}, provenance: Array.from({ length: 65 }, () => token), subjects: [person] }],
    ['subjects missing', { values: {}, provenance: [] }],
    ['subjects empty', { values: {}, provenance: [], subjects: [] }],
    ['a subject with two ids', { values: {}, provenance: [], subjects: [{ ...person, ...business }] }],
    ['a subject with an empty id', { values: {}, provenance: [], subjects: [{ personalId: '' }] }],
    ['a subject id with a lone surrogate', { values: {}, provenance: [], subjects: [{ personalId: '\ud800' }] }],
    ['components an array', { values: {}, components: [], provenance: [], subjects: [person] }],
  ])('reports malformed-submission for %s', (_what, bad) => {
    expect(verifyProvenance(procedure, bad as ProvenanceSubmission, keys, at(60))).toEqual({
      ok: false,
      statements: [],
      fields: {},
      components: {},
      problems: [{ code: 'malformed-submission' }],
    });
  });

  it('never throws, whatever the submission holds', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.oneof(fc.string(), fc.constant(token), fc.anything()), { maxLength: 4 }), (anything, provenance) => {
        expect(() => verifyProvenance(procedure, anything as ProvenanceSubmission, keys)).not.toThrow();
        const report = verifyProvenance(procedure, { values: { x: anything } as never, provenance: provenance as string[], subjects: [person] }, keys);
        expect(report.ok).toBe(report.problems.length === 0);
      }),
    );
  });

  it('never puts a submitted value or a subject id in the report', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }).map((s) => `secret:${s}`), (secret) => {
        const report = verifyProvenance(procedure, { values: { fullName: secret, other: secret }, provenance: [token], subjects: [person] }, keys, at(60));
        const text = JSON.stringify(report);
        expect(text).not.toContain(secret.slice(0, 15));
        expect(text).not.toContain(person.personalId);
      }),
    );
  });

  it('throws at once for bad keys or options (a programmer mistake)', () => {
    expect(() => verifyProvenance(procedure, submission, { k1: new Uint8Array(16) })).toThrow(/^\[oncefill\] verifyProvenance: /);
    expect(() => verifyProvenance(procedure, submission, { 'k.1': k1 })).toThrow(/^\[oncefill\] verifyProvenance: /);
    expect(() => verifyProvenance(procedure, submission, keys, { leewaySeconds: -1 })).toThrow(/^\[oncefill\] verifyProvenance: /);
    expect(() => verifyProvenance(procedure, submission, keys, { now: Number.NaN })).toThrow(/^\[oncefill\] verifyProvenance: /);
    expect(() => verifyProvenance({ code: '1.004616' } as never, submission, keys)).toThrow(/^\[oncefill\] verifyProvenance: /);
  });
});
