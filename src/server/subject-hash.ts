/**
 * The keyed subject hash that binds a provenance statement to one person or enterprise.
 */
import { canonicalJson } from './canonical-json.js';
import { deriveKey, keyBytes, keyedHash, readSubject, type ProvenanceKey, type ProvenanceSubject } from './provenance-format.js';

/**
 * The subject hash a statement carries in `sub`. Keyed, so a 12-digit personal ID cannot be
 * found by trying every number: `subjectKey = HMAC-SHA256(key, ASCII("oncefill/provenance/v1/subject"))`,
 * then `base64url(HMAC-SHA256(subjectKey, UTF-8(canonicalJson(subject))))`. The ID is used
 * exactly as given (no trimming, no normalization): pass it as the national register writes it.
 * @throws TypeError if the key is shorter than 32 bytes or the subject is not
 * `{ personalId }` or `{ enterpriseCode }` with a non-empty string.
 * @example
 * subjectHash(key, { personalId: '001203004567' }) // 43 base64url characters
 */
export function subjectHash(key: ProvenanceKey, subject: ProvenanceSubject): string {
  const bytes = keyBytes(key);
  if (!bytes) throw new TypeError('[oncefill] subjectHash: the key must be at least 32 bytes (a Uint8Array, or base64url text).');
  const checked = readSubject(subject);
  if (!checked) throw new TypeError('[oncefill] subjectHash: the subject must be { personalId } or { enterpriseCode } with a non-empty string.');
  return keyedHash(deriveKey(bytes, 'subject'), canonicalJson(checked));
}
