import { SourceError } from '../shared/SourceError.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue, SourceAnswer, SourceId } from '../shared/protocol.js';

const VERIFICATIONS = new Set(['verified', 'user-provided', 'not-applicable']);
const shortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * Checks a gateway answer and keeps only the attributes that were asked, in a prototype-free
 * object, so nothing in an answer (`__proto__`, `constructor`, unasked extras) can reach
 * anything else. An attribute with a broken shape becomes `invalid`, not a failed source.
 * @throws SourceError `bad-response` when the answer as a whole is not a protocol answer.
 */
export function parseSourceAnswer(raw: unknown, source: SourceId, asked: readonly string[]): SourceAnswer {
  if (!isObject(raw) || raw.protocol !== 1 || !isObject(raw.attributes) || !shortString(raw.fingerprint, 200) || raw.fingerprint === '')
    throw new SourceError('bad-response', source, 'not a protocol v1 answer');
  if (raw.source !== source) throw new SourceError('bad-response', source, 'answer for another source');
  const attributes = Object.create(null) as Record<string, AttributeAnswer>;
  for (const id of asked) {
    if (!Object.hasOwn(raw.attributes, id)) continue;
    attributes[id] = parseAttribute(raw.attributes[id]);
  }
  const answer: SourceAnswer = { protocol: 1, source, fingerprint: raw.fingerprint, attributes };
  if (shortString(raw.provenance, 65_536)) answer.provenance = raw.provenance;
  return answer;
}

function parseAttribute(raw: unknown): AttributeAnswer {
  const broken: AttributeAnswer = { verification: 'not-applicable', invalid: { reason: 'bad-answer' } };
  if (!isObject(raw) || typeof raw.verification !== 'string' || !VERIFICATIONS.has(raw.verification)) return broken;
  const answer: AttributeAnswer = { verification: raw.verification as AttributeAnswer['verification'] };
  if (Object.hasOwn(raw, 'value') && raw.value !== undefined) answer.value = raw.value as JsonValue;
  if (raw.candidates !== undefined) {
    if (!Array.isArray(raw.candidates) || raw.candidates.length > 50) return broken;
    answer.candidates = raw.candidates as JsonValue[];
  }
  if (raw.lastUpdated !== undefined) {
    if (!shortString(raw.lastUpdated, 40)) return broken;
    answer.lastUpdated = raw.lastUpdated;
  }
  if (raw.recordId !== undefined) {
    if (!shortString(raw.recordId, 200)) return broken;
    answer.recordId = raw.recordId;
  }
  if (raw.unavailable === true) answer.unavailable = true;
  if (raw.invalid !== undefined) answer.invalid = { reason: isObject(raw.invalid) && shortString(raw.invalid.reason, 100) ? raw.invalid.reason : 'invalid' };
  return answer;
}
