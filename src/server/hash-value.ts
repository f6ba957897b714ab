/**
 * The keyed value hash a provenance statement carries per field.
 */
import { canonicalJson } from './canonical-json.js';
import { deriveKey, keyBytes, keyedHash, type ProvenanceKey } from './provenance-format.js';

/**
 * Hashes a field value exactly as oncefill fills it, keyed so a leaked token reveals nothing
 * (a personal ID, a birth date or a name could otherwise be found by trying candidates):
 * `valueKey = HMAC-SHA256(key, ASCII("oncefill/provenance/v1/value"))`, then
 * `base64url(HMAC-SHA256(valueKey, UTF-8(canonicalJson(value))))`. No Unicode normalization,
 * no trimming: a value verifies only if it is the very value that was signed.
 * @throws TypeError for a key shorter than 32 bytes, or what JSON cannot carry (see `canonicalJson`).
 * @example
 * hashValue(key, 'Nguyễn Văn An') // 43 base64url characters
 * hashValue(key, { family: 'Nguyễn', middle: 'Văn', given: 'An' })
 */
export function hashValue(key: ProvenanceKey, value: unknown): string {
  const bytes = keyBytes(key);
  if (!bytes) throw new TypeError('[oncefill] hashValue: the key must be at least 32 bytes (a Uint8Array, or base64url text).');
  return keyedHash(deriveKey(bytes, 'value'), canonicalJson(value));
}
