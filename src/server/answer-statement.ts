/**
 * What one source answer lets the form fill, computed exactly as the browser computes it, so
 * the gateway signs the very values oncefill will put in the form: the same plan
 * (`planQueries`), the same per-reference outcomes and coercion (`refOutcome`), the same rows,
 * the same reuse references (`resolveDocument`).
 */
import { refOutcome, type SourceState } from '../resolve/merge-candidates.js';
import { planQueries } from '../resolve/plan-queries.js';
import { resolveDocument } from '../resolve/resolve-documents.js';
import type { Procedure } from '../schema/procedure-format.js';
import type { JsonValue, SourceAnswer, SourceId } from '../shared/protocol.js';
import type { ReuseReference } from '../shared/reuse-reference.js';
import { PROVENANCE_LIMITS } from './provenance-format.js';
import type { StatementField } from './sign-provenance.js';

export interface AnswerStatement {
  fields: Record<string, StatementField>;
  components: Record<string, ReuseReference[]>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields (by path, rows `group[i].field`) and dossier components one answer can fill.
 * `answer` must be what the browser will read: the answer after a JSON round trip.
 */
export function answerStatement(procedure: Procedure, answer: SourceAnswer, today: string): AnswerStatement {
  const source: SourceId = answer.source;
  const plan = planQueries(procedure);
  const states: Partial<Record<SourceId, SourceState>> = { [source]: { kind: 'answered', answer } };
  const fields: Record<string, StatementField> = {};

  const sign = (path: string, lock: boolean, outcomes: ReturnType<typeof refOutcome>[]) => {
    const values: JsonValue[] = [];
    let first: StatementField | undefined;
    for (const outcome of outcomes) {
      if (outcome.kind !== 'values') continue;
      for (const candidate of outcome.candidates) {
        if (!values.some((v) => sameJson(v, candidate.value)) && values.length < PROVENANCE_LIMITS.maxHashesPerField) values.push(candidate.value as JsonValue);
        if (!first) {
          const p = candidate.provenance;
          first = { values, source, attribute: p.attribute, verification: p.verification };
          if (p.recordId !== undefined) first.recordId = p.recordId;
        }
      }
    }
    if (!first) return;
    // The browser locks a field only when one verified value fills it (a choice never locks).
    first.locked = lock && first.verification === 'verified' && values.length === 1;
    fields[path] = first;
  };

  for (const planned of plan.fields) {
    const { field } = planned;
    const lock = field.prefill?.lock === true;
    if (!planned.row) {
      const refs = planned.refs.filter((r) => r.source === source);
      if (refs.length > 0) sign(field.id, lock, refs.map((ref) => refOutcome(field, ref, states)));
      continue;
    }
    // Rows come from the first list of this source that has items, as the browser takes them.
    const groupRef = planned.row.group.refs.find((ref) => {
      if (ref.source !== source) return false;
      const list = answer.attributes[ref.resolved.base]?.value;
      return Array.isArray(list) && list.length > 0;
    });
    if (!groupRef) continue;
    const rows = (answer.attributes[groupRef.resolved.base]!.value as JsonValue[]).length;
    const refs = planned.refs.filter((r) => r.source === groupRef.source && r.resolved.base === groupRef.resolved.base);
    for (let i = 0; i < rows; i++) sign(`${planned.row.groupId}[${i}].${field.id}`, lock, refs.map((ref) => refOutcome(field, ref, states, i)));
  }

  const components: Record<string, ReuseReference[]> = {};
  for (const planned of plan.components) {
    if (!planned.refs.some((ref) => ref.source === source)) continue;
    const result = resolveDocument(planned, states, today);
    const references = result.status === 'reused' && result.reuse ? [result.reuse] : result.status === 'conflict' ? (result.candidates ?? []).map((c) => c.reuse) : [];
    if (references.length > 0) components[planned.component.id] = references.slice(0, PROVENANCE_LIMITS.maxReferencesPerComponent);
  }
  return { fields, components };
}
