/**
 * Which dossier components earlier results satisfy, with the reuse references in the national
 * system's terms (mã kết quả, số ký hiệu, taken from the national store). Exactly one
 * matching valid document reuses it; several are a choice for the citizen, never a guess. An
 * expired document counts only where the definition's reuse entry says `allowExpired`.
 */
import { isObject } from '../shared/is-object.js';
import type { JsonValue, SourceId } from '../shared/protocol.js';
import { attributeAnswer, type SourceState } from './merge-candidates.js';
import type { PlannedComponent } from './plan-queries.js';
import type { DocumentResult, ReuseDisplay, ReuseReference } from './types.js';

const text = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

type Found = { reuse: ReuseReference; display: ReuseDisplay };

/** The reference exactly as the gateway signs it (see docs/protocol.md), and what to show. */
function reference(doc: Record<string, JsonValue>, documentNumber: string, source: SourceId, documentType: string, recordId: string | undefined): Found {
  const reuse: ReuseReference = { source, documentType, documentNumber, fromNationalStore: doc.fromNationalStore === true };
  for (const key of ['resultCode', 'storeRef', 'procedureCode'] as const) {
    const value = text(doc[key]);
    if (value !== undefined) reuse[key] = value;
  }
  if (recordId !== undefined) reuse.recordId = recordId;
  const display: ReuseDisplay = {};
  for (const key of ['title', 'issuer', 'issueDate', 'validUntil'] as const) {
    const value = text(doc[key]);
    if (value !== undefined) display[key] = value;
  }
  return { reuse, display };
}

/**
 * @param today Local calendar date (`yyyy-mm-dd`) to judge validity against.
 */
export function resolveDocument(planned: PlannedComponent, states: Partial<Record<SourceId, SourceState>>, today: string): DocumentResult {
  const found: Found[] = [];
  let pending = false;
  let failed = false;
  let unavailable = false;
  for (const ref of planned.refs) {
    const answer = attributeAnswer(states, ref.source, ref.attribute);
    if ('kind' in answer) {
      pending ||= answer.kind === 'pending';
      failed ||= answer.kind === 'failed';
      unavailable ||= answer.kind === 'unavailable' || answer.kind === 'missing' || answer.kind === 'invalid';
      continue;
    }
    if (answer.verification !== 'verified' && ref.source !== 'personal') continue;
    const value = answer.value as JsonValue;
    if (ref.source === 'business' || ref.source === 'population') {
      // The registry record itself stands in (e.g. the enterprise registration certificate).
      if (typeof value === 'string') found.push(reference({}, value, ref.source, ref.documentType, answer.recordId));
      continue;
    }
    if (!Array.isArray(value)) continue;
    for (const doc of value) {
      if (!isObject<JsonValue>(doc) || typeof doc.number !== 'string') continue;
      if (ref.source === 'personal' && doc.type !== ref.documentType) continue;
      const code = text(doc.procedureCode);
      if (ref.procedures && code !== undefined && !ref.procedures.some((p) => code === p || code.startsWith(`${p}.`))) continue;
      const validUntil = text(doc.validUntil);
      if (validUntil !== undefined && validUntil < today && !ref.allowExpired) continue;
      const candidate = reference(doc, doc.number, ref.source, ref.documentType, answer.recordId);
      const same = (f: Found) => f.reuse.source === candidate.reuse.source && f.reuse.documentNumber === candidate.reuse.documentNumber && f.reuse.storeRef === candidate.reuse.storeRef;
      if (!found.some(same)) found.push(candidate);
    }
  }
  if (pending) return { status: 'pending' };
  if (found.length === 1) return { status: 'reused', ...found[0]! };
  if (found.length > 1) return { status: 'conflict', candidates: found };
  return { status: failed ? 'error' : unavailable ? 'unavailable' : 'missing' };
}
