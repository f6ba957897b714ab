/** `oncefill/dom`: filled in by its issue; every public name is listed here. */
export { version } from '../shared/version.js';

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
export { bindRatingPrompt, RATING_STRINGS, type RatingPromptOptions, type RatingStrings } from './bind-rating-prompt.js';
export { redactComment, DEFAULT_COMMENT_MAX_LENGTH } from './redact-comment.js';
