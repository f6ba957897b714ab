/**
 * What resolution produces: plain data, safe to serialize, that every binding (DOM, React,
 * the headless session) reads.
 */
import type { SourceErrorCode } from '../shared/SourceError.js';
import type { SourceId, Verification } from '../shared/protocol.js';
import type { ReuseReference } from '../shared/reuse-reference.js';

export type { ReuseReference } from '../shared/reuse-reference.js';

/**
 * A field value exactly as oncefill fills it:
 * - text-like fields, dates (`2001-05-09`, or year-only `2001` where the field allows it),
 *   numbers (digits as text, never a lossy float), select/radio option values: a string;
 * - checkbox: a boolean; multi-choice: option values;
 * - address: an {@link AddressValue}.
 */
export type FieldValue = string | boolean | string[] | AddressValue;

/** An address in the 2025 two-level units. */
export interface AddressValue {
  /** Số nhà, đường, thôn/tổ. */
  detail: string;
  wardCode: string;
  wardName: string;
  provinceCode: string;
  provinceName: string;
}

/** Where a value came from. Never holds the value itself. */
export interface Provenance {
  source: SourceId;
  attribute: string;
  verification: Verification;
  lastUpdated?: string;
  recordId?: string;
}

export interface Candidate {
  value: FieldValue;
  provenance: Provenance;
}

/**
 * `pending` appears only in partial results (`onUpdate`) while a field's sources are still
 * answering; a final result never holds it.
 */
export type FieldStatus = 'filled' | 'conflict' | 'missing' | 'unavailable' | 'invalid' | 'error' | 'pending';

/** Why a field is not simply filled. Codes, never values. */
export type FieldReason =
  | 'not-answered'
  | 'source-failed'
  | 'invalid-at-source'
  | 'type-mismatch'
  | 'unsafe-integer'
  | 'no-option-match'
  | 'not-a-boolean'
  | 'year-only'
  | 'bad-format'
  | 'too-long'
  | 'unknown-unit'
  | 'several-values'
  | 'several-records';

export interface FieldResult {
  status: FieldStatus;
  /** Set when `status` is `filled`. */
  value?: FieldValue;
  provenance?: Provenance;
  /** Set when `status` is `conflict`: every distinct value, in source priority order. */
  candidates?: Candidate[];
  /** A verified value on a field that asks to be locked. `not-applicable` never locks. */
  locked: boolean;
  reason?: FieldReason;
}

/** What the citizen sees about a reused document; not part of the signed reference. */
export interface ReuseDisplay {
  /** Tên giấy tờ. */
  title?: string;
  issuer?: string;
  issueDate?: string;
  validUntil?: string;
}

export type DocumentStatus = 'reused' | 'conflict' | 'missing' | 'unavailable' | 'error' | 'pending';

export interface DocumentResult {
  status: DocumentStatus;
  /** The reference to submit, exactly as the gateway signed it. */
  reuse?: ReuseReference;
  display?: ReuseDisplay;
  /** Several earlier results could stand in: the citizen picks. */
  candidates?: Array<{ reuse: ReuseReference; display: ReuseDisplay }>;
}

/** `pending` appears only in partial results. */
export type SourceStatus = 'ok' | 'error' | 'timeout' | 'skipped' | 'no-consent' | 'challenge' | 'pending';

export interface SourceResult {
  status: SourceStatus;
  /** Time from the first request to the answer (all retries included). */
  latencyMs?: number;
  /** How many attributes were asked. */
  attributes: number;
  /** Served from this session's cache, not asked again. */
  cached?: boolean;
  error?: { code: SourceErrorCode; message: string; retryAfterMs?: number };
  /** `challenge`: answer with `resolvePrefill(…, { challenges: { [source]: { id, code } } })`. */
  challenge?: { id: string; channel: 'sms' | 'email' | 'app'; expiresAt?: string };
}

/**
 * The outcome of {@link resolvePrefill}. Keys of `fields` are field paths (`fullName`,
 * `practiceRows[0].practiceFrom`).
 */
export interface PrefillResult {
  procedure: { code: string; version: string };
  fields: Record<string, FieldResult>;
  documents: Record<string, DocumentResult>;
  sources: Partial<Record<SourceId, SourceResult>>;
  /** Rows each prefilled repeated group needs. */
  rows: Record<string, number>;
  /** Signed provenance statements to submit with the form. */
  provenance: string[];
  /** The gateway session the answers belong to. */
  fingerprint?: string;
  /** False in partial results, while some source is still answering. */
  complete: boolean;
}
