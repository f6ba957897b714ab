import { timingPage, type TimeToSubmit } from './timing-page.js';

/**
 * Calls `callback` with each time-to-submit measured on this page: a plain object with the
 * total from login, the phases, wall and active time, and flags for sleep or clock changes.
 * A confirmation that happened before the subscription is still reported.
 * @returns the unsubscribe.
 * @example
 * Oncefill.onTimeToSubmit((m) => console.log(m.procedure.code, m.totalMs, m.activeMs))
 */
export function onTimeToSubmit(callback: (report: TimeToSubmit) => void): () => void {
  return timingPage().onTimeToSubmit(callback);
}
