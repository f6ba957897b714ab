/**
 * The one-tag embed (`dist/oncefill.global.js`, global `Oncefill`). The only module with
 * top-level effects. It checks definitions with the small structural guard, so it carries no zod.
 */
export { version } from '../shared/version.js';
export { guardProcedure as parseProcedure } from '../schema/guard-procedure.js';
export { markLogin } from '../timing/mark-login.js';
export { markLogout } from '../timing/mark-logout.js';
export { confirmSubmission } from '../timing/confirm-submission.js';
export { onTimeToSubmit } from '../timing/on-time-to-submit.js';
export { createTelemetry } from '../telemetry/create-telemetry.js';
export { rate } from '../dom/rate.js';
export { bindRatingPrompt } from '../dom/bind-rating-prompt.js';
