/**
 * Stateless consent tokens and session fingerprints: both keyed hashes under keys derived from
 * the gateway's signing key, so nothing needs storing to check them and nothing personal can
 * be read from them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ActingFor, SourceId } from '../shared/protocol.js';
import { canonicalJson } from './canonical-json.js';
import { fromBase64url, toBase64url } from './provenance-format.js';

const LABELS = {
  consent: 'oncefill/gateway/v1/consent',
  fingerprint: 'oncefill/gateway/v1/fingerprint',
} as const;

/** `HMAC-SHA256(key, ASCII(label))`: a key for one purpose only. */
export function gatewayKey(key: Uint8Array, purpose: keyof typeof LABELS): Uint8Array {
  return createHmac('sha256', key).update(LABELS[purpose], 'ascii').digest();
}

/** What a consent covers: who agreed, for whom, which source, which purpose, which attributes. */
export interface ConsentScope {
  by: { personalId: string };
  actingFor?: ActingFor;
  source: SourceId;
  procedure: { code: string; version: string };
  attributes: readonly string[];
}

function consentMac(key: Uint8Array, scope: ConsentScope, exp: number): Buffer {
  const attributes = [...new Set(scope.attributes)].sort();
  const text = canonicalJson({
    v: 1,
    by: { personalId: scope.by.personalId },
    for: scope.actingFor ?? null,
    source: scope.source,
    procedure: { code: scope.procedure.code, version: scope.procedure.version },
    attributes,
    exp,
  });
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

/**
 * A consent token: `ofc1.{exp}.{base64url(HMAC(consentKey, canonical scope + exp))}`. Carries
 * only its expiry; the gateway recomputes the MAC from the query's own scope.
 */
export function createConsentToken(consentKey: Uint8Array, scope: ConsentScope, exp: number): string {
  return `ofc1.${exp}.${toBase64url(consentMac(consentKey, scope, exp))}`;
}

/** True when the token was made for exactly this scope and has not expired at `now` (seconds). */
export function checkConsentToken(consentKey: Uint8Array, token: unknown, scope: ConsentScope, now: number): boolean {
  if (typeof token !== 'string' || token.length > 128) return false;
  const match = /^ofc1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const exp = Number(match[1]);
  const mac = fromBase64url(match[2]!);
  if (!mac || mac.length !== 32 || exp <= now) return false;
  return timingSafeEqual(consentMac(consentKey, scope, exp), mac);
}

/**
 * The session fingerprint: a keyed hash of the portal's session id (never of an ID number
 * when a session id is given), 22 base64url characters. Stable for one session, different for
 * the next.
 */
export function sessionFingerprint(fingerprintKey: Uint8Array, session: string | undefined, subject: { personalId: string }): string {
  const input = session !== undefined ? `session:${session}` : `subject:${canonicalJson(subject)}`;
  return toBase64url(createHmac('sha256', fingerprintKey).update(input, 'utf8').digest()).slice(0, 22);
}
