/**
 * What a form binding drives: one tracker per form opening. It measures time-to-submit
 * (through timing) and emits the form's telemetry events with the flow and procedure filled in.
 */
import type { FormTiming, StartFormTimingOptions, TimeToSubmit } from '../timing/timing-page.js';
import type { TelemetryPayload } from './event-schemas.js';
import { telemetryHub } from './telemetry-hub.js';

/** Events a binding emits itself (timing emits the others). */
export type FormEventName = 'prefill:resolved' | 'field:kept' | 'field:edited' | 'field:cleared' | 'lock:disputed' | 'component:reused';

/**
 * A form's tracker. Every method is cheap, idempotent where it says so, and never throws.
 *
 * What the binding reports, and when:
 * - `prefillApplied()` when prefilled values are in the form; `track('prefill:resolved', …)`
 *   with `PrefillResult.sources` (status, latency, attribute count) and field status counts.
 * - `edited()` on every input event in the form (the first one is the "first edit" mark).
 * - `track('field:edited' | 'field:cleared', { field })` when the citizen changes or empties a
 *   prefilled field, and `track('field:kept', { field })` at the first submit attempt for each
 *   prefilled field still holding its prefilled value. Each is sent once per field per flow on
 *   a page, however often it is called.
 * - `track('lock:disputed', …)`, `track('component:reused', …)` as they happen.
 * - `submitAttempted()`, `submitFailed(reason, errorsByFieldPath)`, `confirmed({ dossierRef })`.
 * - `close()` when the form is unbound.
 */
export interface FormTracker extends Omit<FormTiming, 'confirmed'> {
  track<N extends FormEventName>(name: N, payload: TelemetryPayload<N>): void;
  confirmed(options?: { dossierRef?: string }): TimeToSubmit | undefined;
}

/**
 * Opens a flow for a form: resumes the pending one of the same procedure (reload, next page)
 * or starts a new one and emits `form:opened`.
 * @example
 * const tracker = trackForm({ procedure: { code: '1.004616', version: '2025.1' } })
 * form.addEventListener('input', () => tracker.edited())
 */
export function trackForm(options: StartFormTimingOptions): FormTracker {
  const hub = telemetryHub();
  const timing = hub.timing.startFormTiming(options);
  const sent = new Set<string>();
  // The timing handle's methods are closures (no `this`): the tracker is the handle plus `track`.
  return {
    ...timing,
    track(name, payload) {
      const field = (payload as { field?: unknown }).field;
      if (typeof field === 'string') {
        const key = `${name} ${field}`;
        if (sent.has(key)) return;
        sent.add(key);
      }
      hub.track(name, payload, timing);
    },
  };
}
