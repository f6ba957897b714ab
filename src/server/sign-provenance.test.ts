import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { hashValue } from './hash-value.js';
import { PROVENANCE_LIMITS } from './provenance-format.js';
import { signProvenance, type ProvenanceStatement, type SignProvenanceOptions } from './sign-provenance.js';
import { subjectHash } from './subject-hash.js';

const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const options: SignProvenanceOptions = { key, kid: 'k1', now: Date.UTC(2026, 0, 1), nonce: 'AAAAAAAAAAAAAAAAAAAAAA' };
const statement: ProvenanceStatement = {
  procedure: { code: '1.004616', version: '2025.1' },
  subject: { personalId: '001190012345' },
  fields: {
    fullName: { values: ['Nguyễn Thị Lan'], source: 'population', attribute: 'fullName', recordId: 'dc-1', verification: 'verified', locked: true },
    phone: { values: ['0912345678', '0912345678'], source: 'personal', verification: 'user-provided' },
  },
  components: { diplomaCopy: [{ source: 'results', documentType: 'diploma', documentNumber: 'B0123456', resultCode: undefined, fromNationalStore: true }] },
};

function decode(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('signProvenance', () => {
  it('lays the token out as ofp1.kid.payload.mac with an HMAC-SHA256 over the first three parts', () => {
    const token = signProvenance(statement, options);
    const [prefix, kid, body, mac] = token.split('.');
    expect([prefix, kid]).toEqual(['ofp1', 'k1']);
    const expected = createHmac('sha256', key).update(`ofp1.k1.${body}`).digest('base64url');
    expect(mac).toBe(expected);
  });

  it('carries the canonical payload: procedure, subject hash, iat/exp, nonce, hashed fields, components', () => {
    const token = signProvenance(statement, options);
    const text = Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8');
    const payload = JSON.parse(text) as Record<string, unknown>;
    expect(canonicalJson(payload)).toBe(text);
    expect(payload).toEqual({
      iat: 1_767_225_600,
      exp: 1_767_225_600 + 86_400,
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
      sub: subjectHash(key, { personalId: '001190012345' }),
      procedure: { code: '1.004616', version: '2025.1' },
      fields: {
        fullName: { hashes: [hashValue(key, 'Nguyễn Thị Lan')], source: 'population', attribute: 'fullName', recordId: 'dc-1', verification: 'verified', locked: true },
        // Duplicate candidates are hashed once; an absent lock is false.
        phone: { hashes: [hashValue(key, '0912345678')], source: 'personal', verification: 'user-provided', locked: false },
      },
      components: { diplomaCopy: [{ source: 'results', documentType: 'diploma', documentNumber: 'B0123456', fromNationalStore: true }] },
    });
  });

  it('never puts a field value or the personal ID in the token', () => {
    const token = signProvenance(statement, options);
    const text = Buffer.from(token.split('.')[2]!, 'base64url').toString('utf8');
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('001190012345');
    expect(text).not.toContain('0912345678');
  });

  it('draws a fresh 16-byte nonce when none is given', () => {
    const { nonce: _fixed, ...random } = options;
    const a = decode(signProvenance(statement, random)).nonce as string;
    const b = decode(signProvenance(statement, random)).nonce as string;
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
  });

  it('takes the key as base64url text too, and the time as a Date', () => {
    const text = Buffer.from(key).toString('base64url');
    expect(signProvenance(statement, { ...options, key: text, now: new Date(options.now as number) })).toBe(signProvenance(statement, options));
  });

  it('sets exp from ttlSeconds', () => {
    const payload = decode(signProvenance(statement, { ...options, ttlSeconds: 600 }));
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
  });

  it('signs a statement with no fields and no components', () => {
    const payload = decode(signProvenance({ procedure: statement.procedure, subject: { enterpriseCode: '0101234567' } }, options));
    expect(payload.fields).toEqual({});
    expect(payload.components).toEqual({});
  });

  it.each<[string, Partial<SignProvenanceOptions>]>([
    ['a key shorter than 32 bytes', { key: new Uint8Array(31) }],
    ['a key that is not base64url text', { key: 'zz'.repeat(32) + '!' }],
    ['an empty kid', { kid: '' }],
    ['a kid with a dot', { kid: 'k.1' }],
    ['a zero ttl', { ttlSeconds: 0 }],
    ['a fractional ttl', { ttlSeconds: 1.5 }],
    ['a short nonce', { nonce: 'abc' }],
    ['a nonce outside base64url', { nonce: 'AAAAAAAAAAAAAAAAAAAAA+' }],
    ['an invalid time', { now: Number.NaN }],
  ])('throws at once for %s', (_what, bad) => {
    expect(() => signProvenance(statement, { ...options, ...bad })).toThrow(/^\[oncefill\] signProvenance: /);
  });

  it.each<[string, ProvenanceStatement]>([
    ['a subject with both ids', { ...statement, subject: { personalId: '1', enterpriseCode: '2' } as unknown as ProvenanceStatement['subject'] }],
    ['an empty personal id', { ...statement, subject: { personalId: '' } }],
    ['a missing procedure version', { ...statement, procedure: { code: '1.004616' } as ProvenanceStatement['procedure'] }],
    ['a field path outside the format', { ...statement, fields: { 'rows[01].x': statement.fields!.fullName! } }],
    ['a __proto__ field path', { ...statement, fields: JSON.parse('{"__proto__":{"values":["x"],"source":"population","verification":"verified"}}') }],
    ['a lock on an unverified value', { ...statement, fields: { phone: { ...statement.fields!.phone!, locked: true } } }],
    ['a field with no values', { ...statement, fields: { phone: { ...statement.fields!.phone!, values: [] } } }],
    ['an unknown source', { ...statement, fields: { phone: { ...statement.fields!.phone!, source: 'tax' as 'population' } } }],
    ['a value with a lone surrogate', { ...statement, fields: { phone: { ...statement.fields!.phone!, values: ['\ud800'] } } }],
    ['a reuse reference without a document number', { ...statement, components: { diplomaCopy: [{ source: 'results', documentType: 'diploma', fromNationalStore: true } as never] } }],
    ['a reuse reference with an unknown key', { ...statement, components: { diplomaCopy: [{ ...statement.components!.diplomaCopy![0]!, extra: 1 } as never] } }],
  ])('throws at once for %s, without quoting values', (_what, bad) => {
    expect(() => signProvenance(bad, options)).toThrow(expect.objectContaining({ message: expect.stringMatching(/^\[oncefill\] /) }));
    try {
      signProvenance(bad, options);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/Nguyễn|0912345678|001190012345/);
    }
  });

  it(`refuses to make a token longer than ${PROVENANCE_LIMITS.maxTokenChars} characters`, () => {
    const fields: ProvenanceStatement['fields'] = {};
    const hashes = Array.from({ length: 64 }, (_, i) => `value ${i}`);
    for (let i = 0; i < 400; i++) fields[`f${i}`] = { values: hashes, source: 'population', verification: 'verified' };
    expect(() => signProvenance({ ...statement, fields }, options)).toThrow(/longer than/);
  });
});
