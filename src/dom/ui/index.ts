/**
 * The UI that loads on demand: what a citizen needs only sometimes (a conflict to settle, a
 * value to dispute, a source's consent or one-time code, a rating after the form). The one-tag embed loads it as
 * `dist/oncefill.ui.js`; `oncefill/dom` as a chunk.
 */
import { askReason } from './ask-reason.js';
import { ask, showUnavailable } from './ask-source.js';
import { EN_BIND_STRINGS } from './en-strings.js';
import { pickCandidate } from './pick-candidate.js';
import { showRatingPrompt } from './show-rating-prompt.js';
import type { BindingUi } from './types.js';

export const ui: BindingUi = { pick: pickCandidate, askReason, ask, unavailable: showUnavailable, rating: showRatingPrompt, en: EN_BIND_STRINGS };
