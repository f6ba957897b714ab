import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { hashValue } from './hash-value.js';
import { subjectHash } from './subject-hash.js';

const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const other = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('hashValue', () => {
  it('is HMAC-SHA256 under the derived value key over the canonical UTF-8 bytes, in base64url', () => {
    const valueKey = createHmac('sha256', key).update('oncefill/provenance/v1/value').digest();
    const expected = createHmac('sha256', valueKey).update(Buffer.from('{"a":1,"b":"Lan"}', 'utf8')).digest('base64url');
    expect(hashValue(key, { b: 'Lan', a: 1 })).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is keyed: a 12-digit ID cannot be found from its hash without the key', () => {
    const id = '001190012345';
    expect(hashValue(key, id)).not.toBe(hashValue(other, id));
    expect(hashValue(key, id)).not.toBe(createHash('sha256').update(`"${id}"`).digest('base64url'));
  });

  it('tells NFC from NFD, a string from a number, and leading zeros apart', () => {
    const nfc = 'Nguyễn'.normalize('NFC');
    expect(hashValue(key, nfc)).not.toBe(hashValue(key, nfc.normalize('NFD')));
    expect(hashValue(key, '1990')).not.toBe(hashValue(key, 1990));
    expect(hashValue(key, '02108')).not.toBe(hashValue(key, '2108'));
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(hashValue(key, reversed)).toBe(hashValue(key, dict));
      }),
    );
  });

  it('refuses short keys and non-JSON values', () => {
    expect(() => hashValue(new Uint8Array(31), 'x')).toThrow(/^\[oncefill\] hashValue/);
    expect(() => hashValue(key, Number.NaN)).toThrow(/^\[oncefill\] canonicalJson/);
  });
});

describe('subjectHash', () => {
  it('is HMAC-SHA256 under the derived subject key over the canonical subject, in base64url', () => {
    const subjectKey = createHmac('sha256', key).update('oncefill/provenance/v1/subject').digest();
    const expected = createHmac('sha256', subjectKey).update(canonicalJson({ personalId: '001190012345' })).digest('base64url');
    expect(subjectHash(key, { personalId: '001190012345' })).toBe(expected);
  });

  it('differs from the value hash of the same ID, and between a person and an enterprise with the same digits', () => {
    const id = '001190012345';
    expect(subjectHash(key, { personalId: id })).not.toBe(hashValue(key, { personalId: id }));
    expect(subjectHash(key, { personalId: id })).not.toBe(subjectHash(key, { enterpriseCode: id }));
  });

  it('takes the key as base64url text', () => {
    expect(subjectHash(Buffer.from(key).toString('base64url'), { enterpriseCode: '0101234567' })).toBe(subjectHash(key, { enterpriseCode: '0101234567' }));
  });

  it.each<[string, unknown]>([
    ['an empty id', { personalId: '' }],
    ['two ids', { personalId: '1', enterpriseCode: '2' }],
    ['an unknown kind', { taxCode: '0101234567' }],
    ['a number', { personalId: 1190012345 }],
  ])('refuses %s', (_what, subject) => {
    expect(() => subjectHash(key, subject as never)).toThrow(/^\[oncefill\] subjectHash/);
  });
});
