/**
 * When the satisfaction prompt shows: once per flow when it ends — a confirmed success, a
 * failure the citizen cannot fix, or an abandoned form (found on the next page load or after
 * the idle time). Never on `beforeunload`. The prompt itself (`ui/show-rating-prompt.ts`)
 * loads only when it is about to show, so the one-tag embed does not carry it.
 */
import { telemetryHub } from '../telemetry/telemetry-hub.js';
import type { RatingContext } from '../timing/timing-page.js';
import { loadUi } from './load-ui.js';
import { rateFlow } from './rate.js';
import type { RatingPromptOptions } from './ui/show-rating-prompt.js';

export type { RatingPromptOptions, RatingStrings } from './ui/show-rating-prompt.js';

/** An ending older than this does not prompt when the prompt is bound later. */
const RECENT_MS = 10 * 60_000;

/**
 * Shows the satisfaction prompt at the end of each flow on this page (and for a flow that ended
 * just before, such as a receipt page or an abandoned form found at load).
 * @returns the cleanup: removes the prompt and stops listening.
 * @example
 * Oncefill.bindRatingPrompt({ comments: { endpoint: '/gop-y' } })
 */
export function bindRatingPrompt(options: RatingPromptOptions = {}): () => void {
  const hub = telemetryHub();
  const after = options.after ?? ['confirmed', 'failed', 'abandoned'];
  let open = false;
  let stopped = false;
  let close: (() => void) | undefined;

  const show = (context: RatingContext | undefined) => {
    if (open || stopped || !context || context.after === 'open' || context.prompted || !after.includes(context.after) || !document.body) return;
    hub.timing.markPrompted(context.flow);
    open = true;
    loadUi().then(
      (ui) => {
        if (stopped) return void (open = false);
        close = ui.rating(context, options, { rate: (score) => rateFlow(score, context), closed: () => void ((open = false), (close = undefined)) });
      },
      () => void (open = false),
    );
  };
  const safeShow = () => {
    try {
      show(hub.timing.ratingContext());
    } catch {
      // The prompt must never break the page.
    }
  };
  const unsubscribe = hub.subscribe((message) => {
    if (message.type === 'flow:ended') safeShow();
  });
  const recent = hub.timing.ratingContext();
  if (recent && Date.now() - recent.at < RECENT_MS) safeShow();
  return () => {
    stopped = true;
    unsubscribe();
    close?.();
  };
}
