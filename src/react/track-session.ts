/**
 * Connects a form session to a form tracker: the session's events become the form's
 * telemetry events (field paths, sources and counts only, never a value).
 */
import type { PrefillResult } from '../resolve/types.js';
import type { FormSession } from '../session/create-form-session.js';
import type { TelemetryPayload } from '../telemetry/event-schemas.js';
import type { FormTracker } from '../telemetry/track-form.js';
import { SOURCE_KINDS, type SourceId } from '../shared/protocol.js';

/** A tracked session: what the binding calls beyond the session's own events. */
export interface SessionTracking {
  /** The final prefill result is in the form. */
  prefillDone(result: PrefillResult, latencyMs: number): void;
  /** A submit attempt: reports each prefilled field still holding its prefilled value. */
  submitAttempted(): void;
  /** Stops listening to the session. */
  stop(): void;
}

type FieldEvent = 'field:edited' | 'field:cleared';

/**
 * @example
 * const tracking = trackSession(session, trackForm({ procedure }))
 * tracking.prefillDone(result, 640)
 */
export function trackSession(session: FormSession, tracker: FormTracker): SessionTracking {
  const source = (path: string) => session.get(path)?.provenance?.source;
  const fieldEvent = (name: FieldEvent) => (event: { path: string; afterPrefill: boolean }) => {
    const from = source(event.path);
    if (!event.afterPrefill || !from) return;
    tracker.track(name, { field: event.path, source: from, locked: session.get(event.path)?.locked === true });
  };
  const offs = [
    session.on('field:edited', fieldEvent('field:edited')),
    session.on('field:cleared', fieldEvent('field:cleared')),
    session.on('lock:disputed', ({ path }) => {
      const from = source(path);
      if (from) tracker.track('lock:disputed', { field: path, source: from });
    }),
    session.on('documents:reused', ({ components }) => {
      for (const id of components) {
        const reuse = session.result?.documents[id]?.reuse;
        if (reuse) tracker.track('component:reused', { component: id, source: reuse.source, documentType: reuse.documentType });
      }
    }),
  ];

  return {
    prefillDone(result, latencyMs) {
      tracker.prefillApplied();
      tracker.track('prefill:resolved', prefillReport(result, latencyMs));
    },
    submitAttempted() {
      tracker.submitAttempted();
      for (const path of Object.keys(session.values())) {
        const s = session.get(path);
        if (s?.setBy === 'oncefill' && s.provenance && !s.edited) tracker.track('field:kept', { field: path, source: s.provenance.source, locked: s.locked });
      }
    },
    stop() {
      for (const off of offs) off();
    },
  };
}

/** Per source status and latency, and fields by status: counts only. */
function prefillReport(result: PrefillResult, latencyMs: number): TelemetryPayload<'prefill:resolved'> {
  const fields = { filled: 0, conflict: 0, missing: 0, unavailable: 0, invalid: 0, error: 0, locked: 0 };
  const answered: Partial<Record<SourceId, number>> = {};
  for (const field of Object.values(result.fields)) {
    if (field.status !== 'pending') fields[field.status]++;
    if (field.locked) fields.locked++;
    if (field.status === 'filled' && field.provenance) answered[field.provenance.source] = (answered[field.provenance.source] ?? 0) + 1;
  }
  const sources: TelemetryPayload<'prefill:resolved'>['sources'] = {};
  for (const id of SOURCE_KINDS) {
    const s = result.sources[id];
    if (!s || s.status === 'pending') continue;
    sources[id] = { status: s.status, latencyMs: Math.max(0, Math.round(s.latencyMs ?? 0)), attributes: answered[id] ?? 0, ...(s.error ? { error: s.error.code } : {}) };
  }
  return { latencyMs: Math.max(0, Math.round(latencyMs)), sources, fields };
}
