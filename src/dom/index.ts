/** `oncefill/dom`: everything that needs a browser. Every public name is listed here. */
export { version } from '../shared/version.js';

// Binding existing HTML forms.
export { bindForm, BINDING_KEY, DEFAULT_ENVELOPE_NAME, type Binding, type BindFormOptions, type FillReport } from './bind-form.js';
export { autoInit } from './auto-init.js';
// Importing oncefill/dom also types the events it dispatches on forms (`rows:needed`, `sdk:error`).
export type { OncefillFormEventMap, RowsNeededDetail, SdkErrorDetail } from './form-events.js';
export { BIND_STRINGS, type BindStrings } from './bind-strings.js';
export { PANEL_STRINGS } from './ui/panel.js';
export type { PanelStrings } from './ui/types.js';
export type { SkipReason, SkippedControl } from './map-controls.js';

// Time-to-submit.
export { markLogin } from '../timing/mark-login.js';
export { markLogout } from '../timing/mark-logout.js';
export { confirmSubmission, type ConfirmSubmissionOptions } from '../timing/confirm-submission.js';
export { onTimeToSubmit } from '../timing/on-time-to-submit.js';
export type { TimeToSubmit, TimingMetrics } from '../timing/timing-page.js';
export type { AnchorKind, SubmitFailure, AbandonReason, AbandonPhase, FlowEnding, ProcedureRef } from '../timing/flow-constants.js';

// Telemetry.
export {
  createTelemetry,
  DEFAULT_TELEMETRY_OPTIONS,
  MAX_IN_FLIGHT_BYTES,
  type Telemetry,
  type TelemetryOptions,
} from '../telemetry/create-telemetry.js';
export { jsonFormat, type TelemetryFormat } from '../telemetry/json-format.js';
export { trackForm, type FormTracker, type FormEventName } from '../telemetry/track-form.js';
export {
  telemetryBatchSchema,
  telemetryEventSchemas,
  TELEMETRY_EVENT_NAMES,
  type TelemetryBatch,
  type TelemetryEvent,
  type TelemetryEventName,
  type TelemetryPayload,
} from '../telemetry/event-schemas.js';

// Satisfaction.
export { rate } from './rate.js';
export { bindRatingPrompt } from './bind-rating-prompt.js';
export { RATING_STRINGS, type RatingPromptOptions, type RatingStrings } from './ui/show-rating-prompt.js';
export { redactComment, DEFAULT_COMMENT_MAX_LENGTH } from './redact-comment.js';
