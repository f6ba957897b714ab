/**
 * Pure rules that turn source answers into per-field results: candidates in priority order,
 * disagreement as a conflict with every candidate, statuses for what is missing, unavailable,
 * invalid or failed, and locks only for verified values on fields that ask for them.
 */
import type { Field } from '../schema/procedure-format.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue, SourceAnswer, SourceId } from '../shared/protocol.js';
import { coerceValue } from './coerce-value.js';
import type { PlannedRef } from './plan-queries.js';
import type { Candidate, FieldReason, FieldResult, Provenance } from './types.js';

/** How one source stands for resolution: still asking, answered, or not answering. */
export type SourceState = { kind: 'pending' } | { kind: 'answered'; answer: SourceAnswer } | { kind: 'failed' };

export type RefOutcome =
  | { kind: 'pending' | 'failed' | 'missing' | 'unavailable' }
  | { kind: 'invalid'; reason: FieldReason }
  | { kind: 'values'; candidates: Candidate[]; fromOneRecord: boolean };


/** Follows dotted parts through objects, own properties only. */
export function pick(value: JsonValue, parts: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const part of parts) {
    if (!isObject<JsonValue>(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

export function attributeAnswer(states: Partial<Record<SourceId, SourceState>>, source: SourceId, base: string): AttributeAnswer | RefOutcome {
  const state = states[source];
  if (!state || state.kind === 'failed') return { kind: 'failed' };
  if (state.kind === 'pending') return { kind: 'pending' };
  const answer = state.answer.attributes[base];
  if (!answer) return { kind: 'missing' };
  if (answer.invalid) return { kind: 'invalid', reason: 'invalid-at-source' };
  if (answer.unavailable || answer.verification === 'not-applicable' || ((answer.value === undefined || answer.value === null) && !answer.candidates))
    return { kind: 'unavailable' };
  return answer;
}

/**
 * The outcome of one candidate reference for one field (or one row of a repeated group).
 */
export function refOutcome(field: Field, ref: PlannedRef, states: Partial<Record<SourceId, SourceState>>, row?: number): RefOutcome {
  const answer = attributeAnswer(states, ref.source, ref.resolved.base);
  if ('kind' in answer) return answer;
  let raws: JsonValue[] = answer.candidates ?? [answer.value as JsonValue];
  if (ref.resolved.list) {
    // A list attribute: one row's item, or (outside a group) every item as a candidate.
    const list = raws[0];
    if (!Array.isArray(list)) return { kind: 'invalid', reason: 'type-mismatch' };
    raws = row === undefined ? list : row < list.length ? [list[row]!] : [];
    if (raws.length === 0) return { kind: 'unavailable' };
  }
  const provenance: Provenance = { source: ref.source, attribute: ref.attribute, verification: answer.verification };
  if (answer.lastUpdated !== undefined) provenance.lastUpdated = answer.lastUpdated;
  if (answer.recordId !== undefined) provenance.recordId = answer.recordId;

  const candidates: Candidate[] = [];
  let reason: FieldReason | undefined;
  for (const raw of raws) {
    const part = pick(raw, ref.resolved.parts);
    if (part === undefined || part === null) continue;
    const coerced = coerceValue(field, ref.resolved.type, part);
    if (coerced.ok) candidates.push({ value: coerced.value, provenance });
    else reason ??= coerced.reason;
  }
  if (candidates.length > 0) return { kind: 'values', candidates, fromOneRecord: raws.length > 1 };
  return reason ? { kind: 'invalid', reason } : { kind: 'unavailable' };
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges the outcomes of a field's references (in priority order) into its result.
 * @example
 * mergeOutcomes(field, [populationOutcome, personalOutcome])
 */
export function mergeOutcomes(field: Field, outcomes: readonly RefOutcome[]): FieldResult {
  if (outcomes.some((o) => o.kind === 'pending')) return { status: 'pending', locked: false };
  const distinct: Candidate[] = [];
  let fromOneRecord = false;
  for (const outcome of outcomes) {
    if (outcome.kind !== 'values') continue;
    fromOneRecord ||= outcome.fromOneRecord;
    for (const candidate of outcome.candidates) if (!distinct.some((d) => sameValue(d.value, candidate.value))) distinct.push(candidate);
  }
  if (distinct.length === 1) {
    const [{ value, provenance }] = distinct as [Candidate];
    return { status: 'filled', value, provenance, locked: field.prefill?.lock === true && provenance.verification === 'verified' };
  }
  if (distinct.length > 1) return { status: 'conflict', candidates: distinct, locked: false, reason: fromOneRecord && outcomes.filter((o) => o.kind === 'values').length === 1 ? 'several-records' : 'several-values' };
  const invalid = outcomes.find((o): o is Extract<RefOutcome, { kind: 'invalid' }> => o.kind === 'invalid');
  if (invalid) return { status: 'invalid', locked: false, reason: invalid.reason };
  if (outcomes.some((o) => o.kind === 'failed')) return { status: 'error', locked: false, reason: 'source-failed' };
  if (outcomes.some((o) => o.kind === 'unavailable')) return { status: 'unavailable', locked: false };
  return { status: 'missing', locked: false, reason: 'not-answered' };
}
