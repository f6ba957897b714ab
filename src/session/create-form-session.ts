/**
 * The headless form session: the state every binding (DOM, React, Vue, Angular) works
 * through. It knows each value, who set it (the citizen, the page, or oncefill) and where a
 * prefilled value came from. Its one rule: a value anyone but oncefill set belongs to the
 * citizen and is never overwritten, however late a source answers.
 */
import type { Procedure } from '../schema/procedure-format.js';
import { createEmitter } from '../shared/emitter.js';
import type { SourceId } from '../shared/protocol.js';
import { clearPrefillCache } from '../resolve/prefill-cache.js';
import { resolvePrefill, type ResolvePrefillOptions } from '../resolve/resolve-prefill.js';
import type { Candidate, FieldResult, FieldValue, PrefillResult, Provenance, ReuseReference } from '../resolve/types.js';

/** Who set a value. Anything but `oncefill` counts as the citizen's. */
export type SetBy = 'citizen' | 'page' | 'oncefill';

export interface FieldState {
  value?: FieldValue;
  setBy?: SetBy;
  /** Where the value came from, when oncefill filled it or the citizen picked a candidate. */
  provenance?: Provenance;
  locked: boolean;
  /** The citizen said a locked value is wrong, and why. */
  disputed?: { reason: string };
  /** The citizen changed a value oncefill filled. */
  edited?: boolean;
  /** The latest prefill result for this field. */
  result?: FieldResult;
  /** `field:kept` was already reported for the citizen's current value. */
  kept?: boolean;
}

/** What the page submits with the form (the hidden `oncefill-envelope` input), as JSON. */
export interface SubmissionEnvelope {
  v: 1;
  procedure: { code: string; version: string };
  /** Signed statements from the gateway; the back office checks them with `verifyProvenance`. */
  provenance: string[];
  fields: Record<string, Provenance & { locked: boolean; setBy: SetBy; edited?: boolean; disputed?: { reason: string } }>;
  /**
   * Dossier components satisfied by reuse, in the national system's terms: the `components`
   * member `verifyProvenance` checks against the signed statements.
   */
  components: Record<string, ReuseReference>;
}

export interface ApplyReport {
  /** Paths oncefill filled now. */
  filled: string[];
  /** Paths where the citizen's value was kept over an answer. */
  kept: string[];
  /** Paths whose sources disagree: the citizen picks. */
  conflicts: string[];
}

/** Events of a session. Payloads name fields and sources, never values. */
export interface FormSessionEvents extends Record<string, unknown> {
  'prefill:updated': { result: PrefillResult; report: ApplyReport };
  'field:filled': { path: string; source: SourceId; locked: boolean };
  'field:kept': { path: string };
  'field:edited': { path: string; afterPrefill: boolean };
  'field:cleared': { path: string; afterPrefill: boolean };
  'field:chosen': { path: string; source: SourceId };
  'lock:disputed': { path: string };
  'rows:needed': { group: string; rows: number };
  'documents:reused': { components: string[] };
  'session:expired': { source: SourceId };
  'form:submitted': { dossierRef?: string };
  'session:cleared': Record<string, never>;
}

export interface FormSessionOptions {
  /** Errors thrown by event listeners land here instead of in the caller. */
  onError?: (error: unknown) => void;
}

export interface FormSession {
  readonly procedure: Procedure;
  /** The latest prefill result (partial while sources answer). */
  readonly result: PrefillResult | undefined;
  get(path: string): FieldState | undefined;
  /** Every value, by field path. */
  values(): Record<string, FieldValue>;
  /**
   * Records a value set by the citizen or the page. Returns false (and changes nothing) for a
   * locked field: the binding puts the locked value back.
   */
  set(path: string, value: FieldValue | undefined, by: 'citizen' | 'page'): boolean;
  /** Applies a (partial) prefill result without touching the citizen's values. */
  apply(result: PrefillResult): ApplyReport;
  /** Resolves from the sources and applies each update as it arrives. */
  prefill(options: ResolvePrefillOptions): Promise<PrefillResult>;
  /** The citizen picks one of a conflict's candidates. */
  choose(path: string, index: number): boolean;
  /** The citizen picks which earlier result stands in for a component, when several could. */
  chooseDocument(componentId: string, index: number): boolean;
  /** The citizen says a locked value is wrong: unlocks it and keeps the reason in the provenance. */
  dispute(path: string, reason: string): boolean;
  /** The data to submit with the form. */
  envelope(): SubmissionEnvelope;
  /** The dossier was accepted. */
  submitted(info?: { dossierRef?: string }): void;
  /** Forgets every value, result and cached answer (logout). */
  clear(): void;
  on<K extends keyof FormSessionEvents>(type: K, listener: (payload: FormSessionEvents[K]) => void): () => void;
}

const MAX_REASON_CHARS = 500;

/**
 * @example
 * const session = createFormSession(procedure)
 * session.on('field:filled', ({ path }) => markFilled(path))
 * await session.prefill({ sources: createGatewaySources({ baseUrl: '/api/oncefill' }) })
 */
export function createFormSession(procedure: Procedure, options: FormSessionOptions = {}): FormSession {
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] createFormSession needs a procedure from parseProcedure()');
  const events = createEmitter<FormSessionEvents>(options.onError);
  const states = new Map<string, FieldState>();
  const rows = new Map<string, number>();
  let latest: PrefillResult | undefined;
  let reused = new Set<string>();
  const chosenDocuments = new Map<string, ReuseReference>();

  const state = (path: string): FieldState => {
    let s = states.get(path);
    if (!s) states.set(path, (s = { locked: false }));
    return s;
  };

  const session: FormSession = {
    procedure,
    get result() {
      return latest;
    },
    get: (path) => states.get(path),
    values() {
      const out: Record<string, FieldValue> = {};
      for (const [path, s] of states) if (s.value !== undefined) out[path] = s.value;
      return out;
    },
    set(path, value, by) {
      const s = state(path);
      if (s.locked) return sameValue(s.value, value);
      if (sameValue(s.value, value) && s.setBy !== undefined) return true;
      const afterPrefill = s.setBy === 'oncefill' || s.edited === true;
      s.value = value;
      s.setBy = by;
      if (afterPrefill) s.edited = true;
      s.kept = false;
      if (by === 'citizen') events.emit(isEmpty(value) ? 'field:cleared' : 'field:edited', { path, afterPrefill });
      return true;
    },
    apply(result) {
      latest = result;
      const report: ApplyReport = { filled: [], kept: [], conflicts: [] };
      for (const [path, field] of Object.entries(result.fields)) {
        const s = state(path);
        s.result = field;
        if (field.status === 'conflict') report.conflicts.push(path);
        if (field.status !== 'filled' || field.value === undefined || !field.provenance) continue;
        if (s.setBy !== undefined && s.setBy !== 'oncefill') {
          if (!sameValue(s.value, field.value)) {
            report.kept.push(path);
            // Partial results repeat settled fields: say it once per citizen value.
            if (!s.kept) events.emit('field:kept', { path });
            s.kept = true;
          }
          continue;
        }
        if (s.setBy === 'oncefill' && sameValue(s.value, field.value)) continue;
        s.value = field.value;
        s.setBy = 'oncefill';
        s.provenance = field.provenance;
        s.locked = field.locked && !s.disputed;
        report.filled.push(path);
        events.emit('field:filled', { path, source: field.provenance.source, locked: s.locked });
      }
      for (const [group, count] of Object.entries(result.rows)) {
        if ((rows.get(group) ?? 0) >= count) continue;
        rows.set(group, count);
        events.emit('rows:needed', { group, rows: count });
      }
      const nowReused = Object.entries(result.documents).filter(([, d]) => d.status === 'reused').map(([id]) => id);
      const fresh = nowReused.filter((id) => !reused.has(id));
      reused = new Set(nowReused);
      if (fresh.length > 0) events.emit('documents:reused', { components: fresh });
      events.emit('prefill:updated', { result, report });
      return report;
    },
    async prefill(resolveOptions) {
      const onUpdate = resolveOptions.onUpdate;
      const result = await resolvePrefill(procedure, {
        ...resolveOptions,
        onUpdate: (partial) => {
          session.apply(partial);
          onUpdate?.(partial);
        },
      });
      for (const [source, status] of Object.entries(result.sources))
        if (status?.error?.code === 'unauthorized') events.emit('session:expired', { source: source as SourceId });
      return result;
    },
    choose(path, index) {
      const s = states.get(path);
      const candidate: Candidate | undefined = s?.result?.status === 'conflict' ? s.result.candidates?.[index] : undefined;
      if (!s || !candidate || s.locked) return false;
      s.value = candidate.value;
      s.setBy = 'citizen';
      s.provenance = candidate.provenance;
      s.edited = false;
      events.emit('field:chosen', { path, source: candidate.provenance.source });
      return true;
    },
    chooseDocument(componentId, index) {
      const candidate = latest?.documents[componentId]?.candidates?.[index];
      if (!candidate) return false;
      chosenDocuments.set(componentId, candidate.reuse);
      return true;
    },
    dispute(path, reason) {
      const s = states.get(path);
      if (!s?.locked) return false;
      s.locked = false;
      s.disputed = { reason: reason.normalize('NFC').trim().slice(0, MAX_REASON_CHARS) };
      events.emit('lock:disputed', { path });
      return true;
    },
    envelope() {
      const fields: SubmissionEnvelope['fields'] = {};
      for (const [path, s] of states) {
        if (!s.provenance || !s.setBy) continue;
        fields[path] = { ...s.provenance, locked: s.locked, setBy: s.setBy };
        if (s.edited) fields[path]!.edited = true;
        if (s.disputed) fields[path]!.disputed = s.disputed;
      }
      const components: SubmissionEnvelope['components'] = {};
      for (const [id, d] of Object.entries(latest?.documents ?? {})) {
        const chosen = chosenDocuments.get(id);
        if (chosen) components[id] = chosen;
        else if (d.status === 'reused' && d.reuse) components[id] = d.reuse;
      }
      return { v: 1, procedure: { code: procedure.code, version: procedure.version }, provenance: [...(latest?.provenance ?? [])], fields, components };
    },
    submitted(info = {}) {
      events.emit('form:submitted', info.dossierRef !== undefined ? { dossierRef: info.dossierRef } : {});
    },
    clear() {
      states.clear();
      rows.clear();
      reused = new Set();
      chosenDocuments.clear();
      latest = undefined;
      clearPrefillCache();
      events.emit('session:cleared', {});
    },
    on: (type, listener) => events.on(type, listener),
  };
  return session;
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
