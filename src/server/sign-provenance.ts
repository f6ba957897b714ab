/**
 * The gateway's side of the provenance envelope: one signed statement per source answer.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import {
  DEFAULT_PROVENANCE_OPTIONS,
  KID_PATTERN,
  NONCE_PATTERN,
  PROVENANCE_LIMITS,
  TOKEN_PREFIX,
  deriveKey,
  isPlainObject,
  keyedHash,
  keyBytes,
  readPayload,
  readSubject,
  toBase64url,
  type JsonValue,
  type ProvenanceKey,
  type ProvenancePayload,
  type ProvenanceSubject,
  type ReuseReference,
  type SignedField,
} from './provenance-format.js';
import type { SourceKind } from '../schema/format-constants.js';
import type { Verification } from '../shared/protocol.js';

/** One field as the gateway states it: the values it may hold, exactly as oncefill fills them. */
export interface StatementField {
  /** The field value (usually one; several when one record offers candidates). Hashed, never sent. */
  values: JsonValue[];
  source: SourceKind;
  /** Catalogue attribute the value came from. */
  attribute?: string;
  recordId?: string;
  verification: Verification;
  /** The form locks the field (its definition says `prefill.lock` and the value is verified). */
  locked?: boolean;
}

/**
 * What the gateway states about one answer, for one procedure and one subject.
 * @example
 * const statement: ProvenanceStatement = {
 *   procedure: { code: procedure.code, version: procedure.version }, subject: { personalId },
 *   fields: { fullName: { values: [filled], source: 'population', attribute: 'fullName', verification: 'verified', locked: true } },
 * }
 */
export interface ProvenanceStatement {
  /** The procedure the answer was for: its national code and definition version. */
  procedure: { code: string; version: string };
  /** Whose records were read: the person, or the enterprise or person they act for. */
  subject: ProvenanceSubject;
  /** By field path (`fullName`, `practiceRows[0].practiceFrom`). */
  fields?: Record<string, StatementField>;
  /** By dossier component id: the documents that can stand in for it. */
  components?: Record<string, ReuseReference[]>;
}

/**
 * How to sign: the key and its kid, and for tests a fixed time and nonce.
 * @example
 * const options: SignProvenanceOptions = { key: process.env.PROVENANCE_KEY!, kid: 'k2025a', ttlSeconds: 12 * 3600 }
 */
export interface SignProvenanceOptions {
  /** The signing key: at least 32 bytes, as bytes or base64url text. */
  key: ProvenanceKey;
  /** Names the key for verifiers (`A–Z a–z 0–9 _ -`, ≤ 64). */
  kid: string;
  /** Lifetime in seconds. Default {@link DEFAULT_PROVENANCE_OPTIONS}.ttlSeconds (24 h). */
  ttlSeconds?: number;
  /** Issue time (a `Date` or milliseconds since the epoch). Default: now. */
  now?: Date | number;
  /** Fixed nonce, for test vectors only (16–64 base64url characters). Default: 16 random bytes. */
  nonce?: string;
}

/**
 * Signs one provenance statement as a format-1 token:
 * `ofp1.{kid}.{base64url(canonical payload)}.{base64url(HMAC-SHA256(key, first three parts))}`.
 * The payload carries the procedure, a keyed subject hash, `iat`/`exp`, a nonce, and per
 * field the keyed value hashes, source, attribute, record id, verification and lock; per
 * dossier component the reuse references. Field values and IDs are never in the token.
 * @throws TypeError (message starts `[oncefill]`, never quotes a value) for a short key, a
 * bad kid, a field path or component id outside the format, a lock on an unverified value,
 * a value JSON cannot carry, or a token longer than `PROVENANCE_LIMITS.maxTokenChars`.
 * @example
 * const token = signProvenance(
 *   { procedure: { code: '1.004616', version: '2025.1' }, subject: { personalId: '001203004567' },
 *     fields: { fullName: { values: ['Nguyễn Văn An'], source: 'population', verification: 'verified', locked: true } } },
 *   { key: process.env.PROVENANCE_KEY!, kid: 'k2025' },
 * )
 */
export function signProvenance(statement: ProvenanceStatement, options: SignProvenanceOptions): string {
  const { key, kid, iat, exp, nonce } = normalizeSignOptions(options);
  if (!isPlainObject(statement)) throw misuse('the statement must be an object.');
  const subject = readSubject(statement.subject);
  if (!subject) throw misuse('statement.subject must be { personalId } or { enterpriseCode } with a non-empty string.');
  const procedure = isPlainObject(statement.procedure) ? statement.procedure : undefined;

  const valueKey = deriveKey(key, 'value');
  const fields: Record<string, SignedField> = {};
  for (const [path, field] of Object.entries(statement.fields ?? {})) {
    if (!isPlainObject(field) || !Array.isArray(field.values)) throw misuse(`statement.fields["${path}"].values must be an array of JSON values.`);
    const hashes = [...new Set(field.values.map((value) => keyedHash(valueKey, canonicalJson(value))))];
    const entry: SignedField = { hashes, source: field.source, verification: field.verification, locked: field.locked ?? false };
    if (field.attribute !== undefined) entry.attribute = field.attribute;
    if (field.recordId !== undefined) entry.recordId = field.recordId;
    Object.defineProperty(fields, path, { value: entry, enumerable: true });
  }
  const components: Record<string, ReuseReference[]> = {};
  for (const [id, references] of Object.entries(statement.components ?? {})) {
    Object.defineProperty(components, id, { value: references, enumerable: true });
  }

  const payload: ProvenancePayload = {
    iat,
    exp,
    nonce,
    sub: keyedHash(deriveKey(key, 'subject'), canonicalJson(subject)),
    procedure: { code: procedure?.code as string, version: procedure?.version as string },
    fields,
    components,
  };
  const text = canonicalJson(payload);
  // The verifier's own reader, so a statement the gateway signs is one a verifier accepts.
  const reading = readPayload(JSON.parse(text));
  if ('error' in reading) throw misuse(`the statement breaks the envelope format at ${reading.error.replace(/^\$/, 'payload')}.`);

  const head = `${TOKEN_PREFIX}.${kid}.${toBase64url(Buffer.from(text, 'utf8'))}`;
  const token = `${head}.${toBase64url(createHmac('sha256', key).update(head, 'ascii').digest())}`;
  if (token.length > PROVENANCE_LIMITS.maxTokenChars)
    throw misuse(`the token would be longer than ${PROVENANCE_LIMITS.maxTokenChars} characters; sign fewer fields per statement.`);
  return token;
}

function normalizeSignOptions(options: SignProvenanceOptions): { key: Uint8Array; kid: string; iat: number; exp: number; nonce: string } {
  if (!isPlainObject(options)) throw misuse('options { key, kid } are required.');
  const key = keyBytes(options.key);
  if (!key) throw misuse('options.key must be at least 32 bytes (a Uint8Array, or base64url text).');
  if (typeof options.kid !== 'string' || !KID_PATTERN.test(options.kid)) throw misuse('options.kid must be 1–64 characters of A–Z a–z 0–9 _ -.');
  const ttl = options.ttlSeconds ?? DEFAULT_PROVENANCE_OPTIONS.ttlSeconds;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw misuse('options.ttlSeconds must be a positive whole number of seconds.');
  const nowMs = options.now === undefined ? Date.now() : options.now instanceof Date ? options.now.getTime() : options.now;
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs) || nowMs < 0) throw misuse('options.now must be a Date or milliseconds since the epoch.');
  const nonce = options.nonce ?? toBase64url(randomBytes(16));
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) throw misuse('options.nonce must be 16–64 base64url characters.');
  const iat = Math.floor(nowMs / 1000);
  return { key, kid: options.kid, iat, exp: iat + ttl, nonce };
}

function misuse(message: string): TypeError {
  return new TypeError(`[oncefill] signProvenance: ${message}`);
}
