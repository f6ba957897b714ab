/**
 * The back office's side of the provenance envelope: which submitted values and reuse claims
 * the state vouches for. Follows docs/protocol.md "Verifying a submission" step by step, so a
 * verifier in another language gives the same report (the test vectors check both).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import {
  DEFAULT_PROVENANCE_OPTIONS,
  KID_PATTERN,
  PROVENANCE_LIMITS,
  TOKEN_PREFIX,
  deriveKey,
  fromBase64url,
  isPlainObject,
  keyedHash,
  keyBytes,
  readPayload,
  readSubject,
  setOwn,
  type ProvenanceKeys,
  type ProvenanceSubject,
  type ReadPayload,
  type ReuseReference,
} from './provenance-format.js';
import type { SourceKind } from '../schema/format-constants.js';
import type { JsonValue, Verification } from '../shared/protocol.js';

/**
 * What the form sends with its values, and whom the back office knows it is by and for.
 * @example
 * const submission: ProvenanceSubmission = { values: form.values, provenance: form.provenance, subjects: [{ personalId: session.personalId }] }
 */
export interface ProvenanceSubmission {
  /** Submitted values by field path. */
  values: Record<string, JsonValue>;
  /** Dossier components the citizen claims are satisfied by reuse, with the reference chosen. */
  components?: Record<string, ReuseReference>;
  /** The statements (tokens) the gateway's answers carried. */
  provenance: string[];
  /**
   * Whom the submission is by and for, as the back office knows from its own session (never
   * from the form): the person, and the enterprise or person they act for.
   */
  subjects: ProvenanceSubject[];
}

/**
 * When to verify, and the clock difference tolerated.
 * @example
 * verifyProvenance(procedure, submission, keys, { now: receivedAt, leewaySeconds: 120 })
 */
export interface VerifyProvenanceOptions {
  /** Verification time (a `Date` or milliseconds since the epoch). Default: now. */
  now?: Date | number;
  /** Clock difference tolerated, in seconds. Default 60. */
  leewaySeconds?: number;
}

/** Why a statement, a field or a component did not verify. */
export type ProvenanceProblemCode =
  | 'malformed-submission'
  | 'too-large'
  | 'malformed'
  | 'unknown-kid'
  | 'bad-signature'
  | 'procedure-mismatch'
  | 'subject-mismatch'
  | 'not-yet-valid'
  | 'expired'
  | 'altered-locked-value'
  | 'altered-reuse-reference';

/** Problems that make a statement unusable, in the order they are checked. */
export type StatementProblemCode = Exclude<ProvenanceProblemCode, 'malformed-submission' | 'altered-locked-value' | 'altered-reuse-reference'>;

export interface ProvenanceProblem {
  code: ProvenanceProblemCode;
  /** Index of the statement in `submission.provenance`. */
  statement?: number;
  /** Field path, for `altered-locked-value`. */
  path?: string;
  /** Component id, for `altered-reuse-reference`. */
  component?: string;
}

export interface StatementReport {
  status: 'valid' | StatementProblemCode;
  /** The token's kid, once its layout is right. */
  kid?: string;
  /** The payload's nonce, once its signature and format are right (keep it to refuse reuse). */
  nonce?: string;
}

export type FieldReport =
  /** The value is one a valid statement signed. */
  | { status: 'verified'; statement: number; source: SourceKind; verification: Verification; locked: boolean; attribute?: string; recordId?: string }
  /** Valid statements cover the field but none signed this value; `locked` makes it a problem. */
  | { status: 'altered'; locked: boolean }
  /** No valid statement covers the field: the citizen declared it. */
  | { status: 'unsigned' };

export type ComponentReport = { status: 'verified'; statement: number } | { status: 'altered' } | { status: 'unsigned' };

/**
 * What `verifyProvenance` found: per statement, per field, per component, and the problems.
 * @example
 * const lockedAndVerified = Object.entries(report.fields).filter(([, f]) => f.status === 'verified' && f.locked)
 */
export interface ProvenanceReport {
  /** No problem at all. Unsigned fields are not problems: they are the citizen's declarations. */
  ok: boolean;
  /** One per token, in submission order. */
  statements: StatementReport[];
  /** One per submitted field path. */
  fields: Record<string, FieldReport>;
  /** One per claimed component. */
  components: Record<string, ComponentReport>;
  /** Statement problems in token order, then fields, then components, each in key order. */
  problems: ProvenanceProblem[];
}

/**
 * Verifies the provenance of a submission: every statement's layout, kid, HMAC, format,
 * procedure (code and version), subject and validity window, then each submitted value and
 * reuse claim against the valid statements. Never throws on bad input: everything wrong is
 * in the report. A locked field whose value no valid statement signed is
 * `altered-locked-value`; an unlocked one the citizen edited is `altered` without a problem.
 * @throws TypeError only for bad `keys` or `options` (a programmer mistake).
 * @example
 * const report = verifyProvenance(procedure, {
 *   values: form.values, components: form.reused, provenance: form.provenance,
 *   subjects: [{ personalId: session.personalId }],
 * }, { k2025: process.env.PROVENANCE_KEY! })
 * if (!report.ok) for (const p of report.problems) log(p.code, p.path ?? p.component ?? p.statement)
 */
export function verifyProvenance(
  procedure: { code: string; version: string },
  submission: ProvenanceSubmission,
  keys: ProvenanceKeys,
  options: VerifyProvenanceOptions = {},
): ProvenanceReport {
  if (!isPlainObject(procedure) || typeof procedure.code !== 'string' || typeof procedure.version !== 'string')
    throw misuse('procedure must be a procedure (or { code, version }).');
  const { keyring, now, leeway } = normalizeVerifyOptions(keys, options);
  const report: ProvenanceReport = { ok: false, statements: [], fields: {}, components: {}, problems: [] };

  const input = readSubmission(submission);
  if (!input) {
    report.problems.push({ code: 'malformed-submission' });
    return report;
  }

  // Step 1: each statement on its own.
  const valid: ValidStatement[] = [];
  const context: StatementContext = { procedure, subjects: input.subjects, keyring, derived: new Map(), now, leeway };
  input.provenance.forEach((token, index) => {
    const outcome = checkStatement(token, context);
    report.statements.push(outcome.report);
    if (outcome.valid) valid.push({ index, kid: outcome.report.kid!, payload: outcome.valid });
    else report.problems.push({ code: outcome.report.status as StatementProblemCode, statement: index });
  });

  // Step 2: each submitted value against the valid statements.
  for (const path of Object.keys(input.values).sort()) {
    const value = input.values[path];
    if (value === undefined) continue;
    const covering = valid.filter(({ payload }) => payload.fields.has(path));
    if (covering.length === 0) {
      setOwn(report.fields, path, { status: 'unsigned' });
      continue;
    }
    // A value JSON cannot carry (a lone surrogate) matches nothing: no signer could hash it.
    const text = tryCanonical(value);
    const match = covering.find(
      ({ kid, payload }) => text !== undefined && payload.fields.get(path)!.hashes.includes(keyedHash(derivedKeys(kid, context).value, text)),
    );
    if (match) {
      const field = match.payload.fields.get(path)!;
      const verified: FieldReport = { status: 'verified', statement: match.index, source: field.source, verification: field.verification, locked: field.locked };
      if (field.attribute !== undefined) verified.attribute = field.attribute;
      if (field.recordId !== undefined) verified.recordId = field.recordId;
      setOwn(report.fields, path, verified);
      continue;
    }
    const locked = covering.some(({ payload }) => payload.fields.get(path)!.locked);
    setOwn(report.fields, path, { status: 'altered', locked });
    if (locked) report.problems.push({ code: 'altered-locked-value', path });
  }

  // Step 3: each reuse claim against the valid statements.
  for (const id of Object.keys(input.components).sort()) {
    const claim = input.components[id];
    if (claim === undefined) continue;
    const covering = valid.filter(({ payload }) => payload.components.has(id));
    if (covering.length === 0) {
      setOwn(report.components, id, { status: 'unsigned' });
      continue;
    }
    const text = tryCanonical(claim);
    const match = covering.find(({ payload }) => text !== undefined && payload.components.get(id)!.some((reference) => canonicalJson(reference) === text));
    if (match) {
      setOwn(report.components, id, { status: 'verified', statement: match.index });
    } else {
      setOwn(report.components, id, { status: 'altered' });
      report.problems.push({ code: 'altered-reuse-reference', component: id });
    }
  }

  report.ok = report.problems.length === 0;
  return report;
}

interface ValidStatement {
  index: number;
  kid: string;
  payload: ReadPayload;
}

interface StatementContext {
  procedure: { code: string; version: string };
  subjects: ProvenanceSubject[];
  keyring: Map<string, Uint8Array>;
  /** Per kid: the derived value key and the submission's subject hashes, computed once. */
  derived: Map<string, { value: Uint8Array; subjects: Set<string> }>;
  now: number;
  leeway: number;
}

function checkStatement(token: unknown, context: StatementContext): { report: StatementReport; valid?: ReadPayload } {
  if (typeof token !== 'string') return { report: { status: 'malformed' } };
  if (token.length > PROVENANCE_LIMITS.maxTokenChars) return { report: { status: 'too-large' } };

  const parts = token.split('.');
  if (parts.length !== 4) return { report: { status: 'malformed' } };
  const [prefix, kid, body, mac] = parts as [string, string, string, string];
  const payloadBytes = fromBase64url(body);
  const macBytes = fromBase64url(mac);
  if (prefix !== TOKEN_PREFIX || !KID_PATTERN.test(kid) || !payloadBytes || payloadBytes.length === 0 || !macBytes || macBytes.length !== 32)
    return { report: { status: 'malformed' } };

  const key = context.keyring.get(kid);
  if (!key) return { report: { status: 'unknown-kid', kid } };

  const expected = createHmac('sha256', key).update(`${prefix}.${kid}.${body}`, 'ascii').digest();
  if (!timingSafeEqual(expected, macBytes)) return { report: { status: 'bad-signature', kid } };

  // Only a signed payload is ever parsed. It must be UTF-8 JSON in canonical form.
  const payload = parseCanonical(payloadBytes);
  const reading = payload === undefined ? undefined : readPayload(payload);
  if (!reading || 'error' in reading) return { report: { status: 'malformed', kid } };
  const statement = reading.payload;
  const report: StatementReport = { status: 'valid', kid, nonce: statement.nonce };

  if (statement.procedure.code !== context.procedure.code || statement.procedure.version !== context.procedure.version)
    report.status = 'procedure-mismatch';
  else if (!derivedKeys(kid, context).subjects.has(statement.sub)) report.status = 'subject-mismatch';
  else if (statement.iat > context.now + context.leeway) report.status = 'not-yet-valid';
  else if (context.now >= statement.exp + context.leeway) report.status = 'expired';
  return report.status === 'valid' ? { report, valid: statement } : { report };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parseCanonical(bytes: Uint8Array): unknown {
  try {
    const text = utf8.decode(bytes);
    const value: unknown = JSON.parse(text);
    return canonicalJson(value) === text ? value : undefined;
  } catch {
    return undefined;
  }
}

function derivedKeys(kid: string, context: StatementContext): { value: Uint8Array; subjects: Set<string> } {
  let derived = context.derived.get(kid);
  if (!derived) {
    const key = context.keyring.get(kid)!;
    const subjectKey = deriveKey(key, 'subject');
    derived = {
      value: deriveKey(key, 'value'),
      subjects: new Set(context.subjects.map((subject) => keyedHash(subjectKey, canonicalJson(subject)))),
    };
    context.derived.set(kid, derived);
  }
  return derived;
}

function tryCanonical(value: unknown): string | undefined {
  try {
    return canonicalJson(value);
  } catch {
    return undefined;
  }
}

interface ReadSubmission {
  values: Record<string, unknown>;
  components: Record<string, unknown>;
  provenance: unknown[];
  subjects: ProvenanceSubject[];
}

/** The submission's shape (docs/protocol.md "Submission rules"), or `undefined`. */
function readSubmission(submission: unknown): ReadSubmission | undefined {
  if (!isPlainObject(submission)) return undefined;
  const { values, components = {}, provenance, subjects } = submission;
  if (!isPlainObject(values) || !isPlainObject(components)) return undefined;
  if (!Array.isArray(provenance) || provenance.length > PROVENANCE_LIMITS.maxStatements) return undefined;
  if (!Array.isArray(subjects) || subjects.length === 0 || subjects.length > PROVENANCE_LIMITS.maxSubjects) return undefined;
  const read: ProvenanceSubject[] = [];
  for (const subject of subjects) {
    const checked = readSubject(subject);
    if (!checked || tryCanonical(checked) === undefined) return undefined;
    read.push(checked);
  }
  return { values, components, provenance, subjects: read };
}

function normalizeVerifyOptions(keys: ProvenanceKeys, options: VerifyProvenanceOptions): { keyring: Map<string, Uint8Array>; now: number; leeway: number } {
  if (!isPlainObject(keys)) throw misuse('keys must be an object { [kid]: key }.');
  const keyring = new Map<string, Uint8Array>();
  for (const kid of Object.keys(keys)) {
    const bytes = keyBytes(keys[kid]);
    if (!KID_PATTERN.test(kid) || !bytes) throw misuse('each key must be named by a kid of A–Z a–z 0–9 _ - and be at least 32 bytes (a Uint8Array, or base64url text).');
    keyring.set(kid, bytes);
  }
  if (typeof options !== 'object' || options === null) throw misuse('options must be an object.');
  const nowMs = options.now === undefined ? Date.now() : options.now instanceof Date ? options.now.getTime() : options.now;
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) throw misuse('options.now must be a Date or milliseconds since the epoch.');
  const leeway = options.leewaySeconds ?? DEFAULT_PROVENANCE_OPTIONS.leewaySeconds;
  if (!Number.isSafeInteger(leeway) || leeway < 0) throw misuse('options.leewaySeconds must be a whole number of seconds, 0 or more.');
  return { keyring, now: Math.floor(nowMs / 1000), leeway };
}

function misuse(message: string): TypeError {
  return new TypeError(`[oncefill] verifyProvenance: ${message}`);
}
