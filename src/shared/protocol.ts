/**
 * Gateway protocol v1: the messages between oncefill in the browser and the portal's own
 * gateway (`oncefill/server`). `docs/protocol.md` is the normative text, with a JSON Schema
 * for every message; these types mirror it.
 *
 * - Queries: `POST {baseUrl}/{sourceId}` with a {@link SourceQuery} body. Idempotent: a client
 *   may retry them. The browser never names the subject: the gateway takes it from the
 *   portal's session. No personal data ever goes in a URL.
 * - Consent: `POST {baseUrl}/consent` with a {@link ConsentRequest}. Not idempotent: never
 *   retried automatically.
 * - Catalogue: `GET {baseUrl}/procedures/{code}` serves a procedure definition.
 * - Errors: any non-2xx answer carries a {@link ProtocolErrorBody}.
 */
export const PROTOCOL_VERSION = 1;

/** The kinds of source the state offers: population database, results store, personal store, business registry. */
export const SOURCE_KINDS = ['population', 'results', 'personal', 'business'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceId = SourceKind;

/** Whom the logged-in person acts for: a business, or a person they represent. */
export type ActingFor = { enterpriseCode: string } | { personalId: string };

/** How far the source vouches for a value (MyInfo-style). */
export type Verification = 'verified' | 'user-provided' | 'not-applicable';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Body of `POST {baseUrl}/{sourceId}`. */
export interface SourceQuery {
  protocol: 1;
  /** The purpose: the procedure (and definition version) the data is for. */
  procedure: { code: string; version: string };
  /** Catalogue attribute ids (base ids, no dotted parts), only those the form uses. */
  attributes: string[];
  actingFor?: ActingFor;
  /** Token from the consent endpoint, when the source needs consent. */
  consentToken?: string;
  /** The answer to a `challenge-required` error. */
  challenge?: { id: string; code: string };
}

/** One attribute as the source answered it. */
export interface AttributeAnswer {
  /** Present when the source holds a usable value. */
  value?: JsonValue;
  /** Several possible values from one record (an old ward split into several new ones). */
  candidates?: JsonValue[];
  verification: Verification;
  /** When the source last changed this value (ISO date or date-time). */
  lastUpdated?: string;
  /** The source's record id (for the provenance envelope; never shown). */
  recordId?: string;
  /** The source holds nothing for this attribute. Not an error; never locks. */
  unavailable?: boolean;
  /** The record holds something that cannot be turned into the attribute. */
  invalid?: { reason: string };
}

/** 200 answer to a query. */
export interface SourceAnswer {
  protocol: 1;
  source: SourceId;
  /** Identifies the portal session; a browser cache entry is valid only for the same fingerprint. */
  fingerprint: string;
  attributes: Record<string, AttributeAnswer>;
  /** Signed provenance statement for the fields this answer can fill (see `docs/protocol.md`). */
  provenance?: string;
}

/** Body of `POST {baseUrl}/consent`. */
export interface ConsentRequest {
  protocol: 1;
  source: SourceId;
  procedure: { code: string; version: string };
  attributes: string[];
  actingFor?: ActingFor;
}

/** 201 answer from the consent endpoint. */
export interface ConsentAnswer {
  protocol: 1;
  token: string;
  /** ISO date-time after which the token is refused. */
  expiresAt: string;
}

export type ProtocolErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'no-consent'
  | 'challenge-required'
  | 'not-found'
  | 'unavailable-until'
  | 'rate-limited'
  | 'bad-request';

/** HTTP status of each protocol error. */
export const PROTOCOL_ERROR_STATUS: Record<ProtocolErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'no-consent': 428,
  'challenge-required': 428,
  'rate-limited': 429,
  'unavailable-until': 503,
};

/** Body of every error answer. Messages never carry personal data. */
export interface ProtocolErrorBody {
  protocol: 1;
  error: {
    code: ProtocolErrorCode;
    message: string;
    /** `rate-limited`, `unavailable-until`: when to try again. */
    retryAfterSeconds?: number;
    /** `unavailable-until`: ISO date-time the source is expected back. */
    until?: string;
    /** `challenge-required`: where the one-time code was sent; no destination details. */
    challenge?: { id: string; channel: 'sms' | 'email' | 'app'; expiresAt?: string };
    /** `no-consent`: what the citizen is asked to agree to. */
    consent?: { source: SourceId; attributes: string[] };
  };
}
