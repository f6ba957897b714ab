/**
 * The provenance envelope, format 1: types, limits, encodings and the payload reader that both
 * `signProvenance` and `verifyProvenance` use, so the signer can never emit what the verifier
 * refuses. `docs/protocol.md` ("Provenance envelope") is the normative text; every rule here
 * is written there for implementers in other languages.
 */
import { createHmac } from 'node:crypto';
import type { SourceKind } from '../schema/format-constants.js';
import type { JsonValue, Verification } from '../shared/protocol.js';
import type { ReuseReference } from '../shared/reuse-reference.js';

export type { ReuseReference } from '../shared/reuse-reference.js';

/** First segment of every format-1 token. */
export const TOKEN_PREFIX = 'ofp1';

/**
 * Bounds a verifier enforces before doing real work, and a signer refuses to exceed.
 * @example
 * if (token.length > PROVENANCE_LIMITS.maxTokenChars) drop(token)
 */
export const PROVENANCE_LIMITS = {
  /** Characters of one token. A statement for 2,000 fields stays well under this. */
  maxTokenChars: 1_048_576,
  /** Statements in one submission. */
  maxStatements: 64,
  /** Subjects in one submission (the person and whom they act for). */
  maxSubjects: 8,
  /** Value hashes one field entry may carry (candidates from one record). */
  maxHashesPerField: 64,
  /** Reuse references one component entry may carry. */
  maxReferencesPerComponent: 64,
  /** Shortest key accepted, in bytes (the HMAC-SHA256 output length, RFC 2104 §3). */
  minKeyBytes: 32,
} as const;

/**
 * Defaults of `signProvenance` and `verifyProvenance`.
 * @example
 * signProvenance(statement, { key, kid, ttlSeconds: DEFAULT_PROVENANCE_OPTIONS.ttlSeconds / 2 })
 */
export const DEFAULT_PROVENANCE_OPTIONS = {
  /** How long a statement is valid: a citizen may leave a form in the evening and submit it next morning. */
  ttlSeconds: 24 * 60 * 60,
  /** Clock difference tolerated between the gateway and the verifier. */
  leewaySeconds: 60,
} as const;

/**
 * ASCII labels of the two keys derived from a signing key, so the token MAC, subject hashes
 * and value hashes never use one key for two purposes.
 */
export const KEY_LABELS = {
  subject: 'oncefill/provenance/v1/subject',
  value: 'oncefill/provenance/v1/value',
} as const;

export const KID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A base64url SHA-256 or HMAC-SHA256 output: 32 bytes, 43 characters, no padding. */
export const DIGEST_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** `fullName`, `practiceRows[0].practiceFrom`: field ids, each optionally indexed, joined by dots. */
export const FIELD_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}(\[(0|[1-9][0-9]*)\])?(\.[A-Za-z][A-Za-z0-9_]{0,63}(\[(0|[1-9][0-9]*)\])?)*$/;
export const COMPONENT_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

const SOURCES: readonly SourceKind[] = ['population', 'results', 'personal', 'business'];
const VERIFICATIONS: readonly Verification[] = ['verified', 'user-provided', 'not-applicable'];

/**
 * Whose data a statement is about: a person (12-digit personal ID) or an enterprise.
 * @example
 * const subjects: ProvenanceSubject[] = [{ personalId: session.personalId }, { enterpriseCode: session.actingFor }]
 */
export type ProvenanceSubject = { personalId: string } | { enterpriseCode: string };

/**
 * A key: raw bytes, or the bytes in base64url without padding. At least 32 bytes.
 * @example
 * const key: ProvenanceKey = crypto.randomBytes(32) // or process.env.PROVENANCE_KEY (base64url)
 */
export type ProvenanceKey = Uint8Array | string;

/**
 * Keys by `kid`. Several at once during a rotation.
 * @example
 * const keys: ProvenanceKeys = { k2025a: oldKey, k2026b: newKey }
 */
export type ProvenanceKeys = Readonly<Record<string, ProvenanceKey>>;

/**
 * What a statement says about one field.
 * @example
 * const entry: SignedField = { hashes: [hashValue(key, 'Nguyễn Thị Lan')], source: 'population', verification: 'verified', locked: true }
 */
export interface SignedField {
  /** `hashValue(key, value)` of each value the field may hold from this answer (usually one). */
  hashes: string[];
  source: SourceKind;
  /** Catalogue attribute the value came from (`fullName`, `legalRepresentative.personalId`). */
  attribute?: string;
  recordId?: string;
  verification: Verification;
  /** The form locked the field; only a `verified` value locks. */
  locked: boolean;
}

/**
 * The signed payload of a format-1 token (its canonical JSON is what the token carries).
 * @example
 * const payload = JSON.parse(Buffer.from(token.split('.')[2], 'base64url').toString('utf8')) as ProvenancePayload
 */
export interface ProvenancePayload {
  /** Issued at, Unix seconds. */
  iat: number;
  /** Expires at, Unix seconds; greater than `iat`. */
  exp: number;
  nonce: string;
  /** `subjectHash(key, subject)`. */
  sub: string;
  procedure: { code: string; version: string };
  fields: Record<string, SignedField>;
  components: Record<string, ReuseReference[]>;
}

/** A payload as the verifier reads it: maps, so no path can reach `Object.prototype`. */
export interface ReadPayload {
  iat: number;
  exp: number;
  nonce: string;
  sub: string;
  procedure: { code: string; version: string };
  fields: Map<string, SignedField>;
  components: Map<string, ReuseReference[]>;
}

export type { JsonValue };

// ---------------------------------------------------------------------------------------------
// Encodings.

/** base64url without padding (RFC 4648 §5). */
export function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Strict base64url: alphabet `A–Z a–z 0–9 - _`, no padding, and the text must be the one
 * encoding of its bytes (unused trailing bits zero). Node's own decoder skips junk, so
 * check first. `undefined` when the text is not such an encoding.
 */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (!BASE64URL_PATTERN.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : undefined;
}

/** Turns a key option into bytes; `undefined` if it is not a usable key. */
export function keyBytes(key: unknown): Uint8Array | undefined {
  const bytes = key instanceof Uint8Array ? key : typeof key === 'string' ? fromBase64url(key) : undefined;
  return bytes && bytes.byteLength >= PROVENANCE_LIMITS.minKeyBytes ? bytes : undefined;
}

/** `HMAC-SHA256(key, ASCII(label))`: a key derived for one purpose. */
export function deriveKey(key: Uint8Array, purpose: keyof typeof KEY_LABELS): Uint8Array {
  return createHmac('sha256', key).update(KEY_LABELS[purpose], 'ascii').digest();
}

/** `base64url(HMAC-SHA256(derived, UTF-8(canonicalJson(value))))`, given the canonical text. */
export function keyedHash(derived: Uint8Array, canonicalText: string): string {
  return toBase64url(createHmac('sha256', derived).update(canonicalText, 'utf8').digest());
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The subject's one key and its value, or `undefined` when it is not a subject. */
export function readSubject(value: unknown): ProvenanceSubject | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  const id = value[key];
  if ((key !== 'personalId' && key !== 'enterpriseCode') || typeof id !== 'string' || id === '') return undefined;
  return key === 'personalId' ? { personalId: id } : { enterpriseCode: id };
}

/** Sets an own property even when the key is `__proto__`. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// The payload reader: every rule of docs/protocol.md "Payload rules", in the same order.

/** The payload, or the JSON path of the first rule it breaks. */
export type PayloadReading = { payload: ReadPayload } | { error: string };

const PAYLOAD_KEYS = ['components', 'exp', 'fields', 'iat', 'nonce', 'procedure', 'sub'];
const FIELD_KEYS = ['attribute', 'hashes', 'locked', 'recordId', 'source', 'verification'];
const REFERENCE_KEYS = ['documentNumber', 'documentType', 'fromNationalStore', 'procedureCode', 'recordId', 'resultCode', 'source', 'storeRef'];

class Broken extends Error {
  constructor(readonly at: string) {
    super(at);
  }
}

/**
 * Checks a parsed payload against the format-1 rules. Never throws.
 */
export function readPayload(value: unknown): PayloadReading {
  try {
    return { payload: readTop(value) };
  } catch (error) {
    if (error instanceof Broken) return { error: error.at };
    throw error;
  }
}

function readTop(value: unknown): ReadPayload {
  const top = object(value, '$', PAYLOAD_KEYS, PAYLOAD_KEYS);
  const iat = unixSeconds(top.iat, '$.iat');
  const exp = unixSeconds(top.exp, '$.exp');
  if (exp <= iat) throw new Broken('$.exp');
  const nonce = matching(top.nonce, NONCE_PATTERN, '$.nonce');
  const sub = matching(top.sub, DIGEST_PATTERN, '$.sub');
  const procedureValue = object(top.procedure, '$.procedure', ['code', 'version'], ['code', 'version']);
  const procedure = { code: text(procedureValue.code, '$.procedure.code'), version: text(procedureValue.version, '$.procedure.version') };

  const fields = new Map<string, SignedField>();
  const fieldsValue = object(top.fields, '$.fields');
  for (const path of Object.keys(fieldsValue)) {
    const at = `$.fields[${JSON.stringify(path)}]`;
    if (!FIELD_PATH_PATTERN.test(path)) throw new Broken(at);
    fields.set(path, readField(fieldsValue[path], at));
  }

  const components = new Map<string, ReuseReference[]>();
  const componentsValue = object(top.components, '$.components');
  for (const id of Object.keys(componentsValue)) {
    const at = `$.components[${JSON.stringify(id)}]`;
    if (!COMPONENT_ID_PATTERN.test(id)) throw new Broken(at);
    const list = array(componentsValue[id], at, PROVENANCE_LIMITS.maxReferencesPerComponent);
    components.set(id, list.map((item, i) => readReference(item, `${at}[${i}]`)));
  }
  return { iat, exp, nonce, sub, procedure, fields, components };
}

function readField(value: unknown, at: string): SignedField {
  const entry = object(value, at, FIELD_KEYS, ['hashes', 'locked', 'source', 'verification']);
  const hashes = array(entry.hashes, `${at}.hashes`, PROVENANCE_LIMITS.maxHashesPerField).map((hash, i) =>
    matching(hash, DIGEST_PATTERN, `${at}.hashes[${i}]`),
  );
  const source = oneOf(entry.source, SOURCES, `${at}.source`);
  const verification = oneOf(entry.verification, VERIFICATIONS, `${at}.verification`);
  const locked = boolean(entry.locked, `${at}.locked`);
  // Only a verified value locks a field (DESIGN.md: unavailable and not-applicable never lock).
  if (locked && verification !== 'verified') throw new Broken(`${at}.locked`);
  const field: SignedField = { hashes, source, verification, locked };
  if (entry.attribute !== undefined) field.attribute = text(entry.attribute, `${at}.attribute`);
  if (entry.recordId !== undefined) field.recordId = text(entry.recordId, `${at}.recordId`);
  return field;
}

function readReference(value: unknown, at: string): ReuseReference {
  const entry = object(value, at, REFERENCE_KEYS, ['documentNumber', 'documentType', 'fromNationalStore', 'source']);
  const reference: ReuseReference = {
    source: oneOf(entry.source, SOURCES, `${at}.source`),
    documentType: text(entry.documentType, `${at}.documentType`),
    documentNumber: text(entry.documentNumber, `${at}.documentNumber`),
    fromNationalStore: boolean(entry.fromNationalStore, `${at}.fromNationalStore`),
  };
  for (const key of ['resultCode', 'storeRef', 'procedureCode', 'recordId'] as const) {
    if (entry[key] !== undefined) reference[key] = text(entry[key], `${at}.${key}`);
  }
  return reference;
}

/** A plain object whose keys are all `allowed` (when given) and include every `required` one. */
function object(value: unknown, at: string, allowed?: readonly string[], required: readonly string[] = []): Record<string, unknown> {
  if (!isPlainObject(value)) throw new Broken(at);
  if (allowed) for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new Broken(`${at}[${JSON.stringify(key)}]`);
  for (const key of required) if (!Object.hasOwn(value, key)) throw new Broken(`${at}.${key}`);
  return value;
}

function array(value: unknown, at: string, max: number): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) throw new Broken(at);
  return value;
}

function unixSeconds(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Broken(at);
  return value;
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '') throw new Broken(at);
  return value;
}

function matching(value: unknown, pattern: RegExp, at: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new Broken(at);
  return value;
}

function boolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new Broken(at);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new Broken(at);
  return value as T;
}
