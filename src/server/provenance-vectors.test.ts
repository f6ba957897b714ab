import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VECTORS_FILE, generateTestVectors } from '../../scripts/generate-test-vectors.js';
import { canonicalJson } from './canonical-json.js';
import { hashValue } from './hash-value.js';
import { subjectHash } from './subject-hash.js';
import { verifyProvenance, type ProvenanceSubmission } from './verify-provenance.js';

interface Vectors {
  canonicalization: Array<{ name: string; input: string; canonical: string; canonicalHex: string }>;
  canonicalizationRejected: Array<{ name: string; input: string }>;
  keys: Array<{ kid: string; hex: string; base64url: string }>;
  subjectHashes: Array<{ kid: string; subject: { personalId: string }; canonical: string; hash: string }>;
  valueHashes: Array<{ kid: string; value: unknown; canonical: string; hash: string }>;
  statements: Array<{ name: string; kid: string; payload: unknown; canonical: string; signingInput: string; macHex: string; token: string }>;
  verifications: Array<{
    name: string;
    procedure: { code: string; version: string };
    nowSeconds: number;
    leewaySeconds: number;
    keys: string[];
    submission: ProvenanceSubmission;
    report: unknown;
  }>;
}

const committed = readFileSync(VECTORS_FILE, 'utf8');
const vectors = JSON.parse(committed) as Vectors;
const keyBytes = new Map(vectors.keys.map((k) => [k.kid, Buffer.from(k.hex, 'hex')]));

describe('docs/test-vectors/provenance.json', () => {
  it('is what scripts/generate-test-vectors.ts generates, byte for byte', () => {
    expect(generateTestVectors()).toBe(committed);
  });

  it('gives each key in hex and base64url, the same bytes', () => {
    for (const k of vectors.keys) expect(Buffer.from(k.base64url, 'base64url').toString('hex')).toBe(k.hex);
  });

  it.each(vectors.canonicalization.map((v) => [v.name, v] as const))('canonicalization %s', (_name, v) => {
    const canonical = canonicalJson(JSON.parse(v.input));
    expect(canonical).toBe(v.canonical);
    expect(Buffer.from(canonical, 'utf8').toString('hex')).toBe(v.canonicalHex);
  });

  it.each(vectors.canonicalizationRejected.map((v) => [v.name, v] as const))('canonicalization refuses %s', (_name, v) => {
    expect(() => canonicalJson(JSON.parse(v.input))).toThrow();
  });

  it('keeps the NFC and NFD names apart in canonical bytes and value hashes', () => {
    const [nfc, nfd] = vectors.canonicalization;
    expect(nfc!.canonical.normalize('NFC')).toBe(nfd!.canonical.normalize('NFC'));
    expect(nfc!.canonicalHex).not.toBe(nfd!.canonicalHex);
    expect(vectors.valueHashes[0]!.hash).not.toBe(vectors.valueHashes[1]!.hash);
  });

  it('subject and value hashes follow from the keys', () => {
    for (const v of vectors.subjectHashes) expect(subjectHash(keyBytes.get(v.kid)!, v.subject)).toBe(v.hash);
    for (const v of vectors.valueHashes) {
      expect(canonicalJson(v.value)).toBe(v.canonical);
      expect(hashValue(keyBytes.get(v.kid)!, v.value)).toBe(v.hash);
    }
  });

  it.each(vectors.statements.map((v) => [v.name, v] as const))('statement %s: token = signingInput + MAC, payload canonical', (_name, v) => {
    const [prefix, kid, body, mac] = v.token.split('.');
    expect(`${prefix}.${kid}.${body}`).toBe(v.signingInput);
    expect(Buffer.from(body!, 'base64url').toString('utf8')).toBe(v.canonical);
    expect(canonicalJson(v.payload)).toBe(v.canonical);
    expect(Buffer.from(mac!, 'base64url').toString('hex')).toBe(v.macHex);
  });

  it.each(vectors.verifications.map((v) => [v.name, v] as const))('verification %s gives the committed report', (_name, v) => {
    const keys = Object.fromEntries(v.keys.map((kid) => [kid, keyBytes.get(kid)!]));
    const report = verifyProvenance(v.procedure, v.submission, keys, { now: v.nowSeconds * 1000, leewaySeconds: v.leewaySeconds });
    expect(canonicalJson(report)).toBe(canonicalJson(v.report));
  });

  it('covers every problem code but too-large (a 1 MiB vector would not be worth its bytes; tested in verify-provenance.test.ts)', () => {
    const codes = new Set(vectors.verifications.flatMap((v) => (v.report as { problems: Array<{ code: string }> }).problems.map((p) => p.code)));
    expect([...codes].sort()).toEqual(
      ['altered-locked-value', 'altered-reuse-reference', 'bad-signature', 'expired', 'malformed', 'malformed-submission', 'not-yet-valid', 'procedure-mismatch', 'subject-mismatch', 'unknown-kid'].sort(),
    );
  });
});

describe('docs/protocol.md', () => {
  const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
  const worked = vectors.statements.find((s) => s.name === 'business')!;
  const key = (vectors as unknown as { keys: Array<Record<string, string>> }).keys.find((k) => k.kid === worked.kid)!;

  it('quotes the worked example exactly as the test vectors have it', () => {
    for (const text of [worked.canonical, worked.signingInput, worked.macHex, worked.token, key.hex!, key.base64url!, key.subjectKeyHex!, key.valueKeyHex!])
      expect(doc).toContain(text);
    const fields = (worked.payload as { fields: Record<string, { hashes: string[] }> }).fields;
    for (const entry of Object.values(fields)) expect(doc).toContain(entry.hashes[0]);
  });

  it('lists every problem code the verifier reports', () => {
    for (const code of ['malformed-submission', 'too-large', 'malformed', 'unknown-kid', 'bad-signature', 'procedure-mismatch', 'subject-mismatch', 'not-yet-valid', 'expired', 'altered-locked-value', 'altered-reuse-reference'])
      expect(doc).toContain(`| \`${code}\` |`);
  });
});
