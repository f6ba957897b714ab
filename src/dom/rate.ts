import { telemetryHub } from '../telemetry/telemetry-hub.js';
import type { RatingContext } from '../timing/timing-page.js';

/**
 * Records the citizen's satisfaction, 1 (very dissatisfied) to 5 (very satisfied), as a
 * `satisfaction:rated` event for the form filled last in this tab (the one that just ended, else
 * the one open on this page). The rating prompt calls it; a portal with its own rating UI may too.
 * @returns false when no form was filled in this tab (nothing to attach the rating to).
 * @example
 * ratingButtons.forEach((b, i) => b.addEventListener('click', () => Oncefill.rate(i + 1)))
 */
export function rate(score: number): boolean {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new RangeError('[oncefill] rate(score): score must be an integer from 1 to 5');
  return rateFlow(score, telemetryHub().timing.ratingContext());
}

/** @internal The prompt rates the flow it was shown for. */
export function rateFlow(score: number, context: RatingContext | undefined): boolean {
  if (!context) return false;
  telemetryHub().track('satisfaction:rated', { score, after: context.after }, context);
  return true;
}
