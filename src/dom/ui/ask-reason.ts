import { PANEL_STRINGS, h, openPanel } from './panel.js';
import type { ReasonOptions } from './types.js';

/** The most characters of a reason (the session keeps at most this many). */
const MAX_REASON = 500;

/**
 * The "this is wrong" dialog of a locked field: asks why, then unlocks the field with the
 * reason kept in the provenance the officer sees.
 * @returns its close.
 * @example
 * askReason({ after: mark, field: 'Ngày sinh', lang: 'vi', back: button, onSend: (reason) => session.dispute(path, reason) })
 */
export function askReason(options: ReasonOptions): () => void {
  const strings = { ...PANEL_STRINGS[options.lang], ...options.strings };
  const panel = openPanel(options.after, strings.reason.replace('{field}', options.field), strings, options.back, 'label');
  const text = h('textarea', 'reason', panel.box);
  text.id = `${panel.id}-reason`;
  (panel.box.firstChild as HTMLLabelElement).htmlFor = text.id;
  text.maxLength = MAX_REASON;
  text.rows = 2;
  text.setAttribute('form', `${panel.id}-none`);
  const hint = h('p', 'reason-hint', panel.box);
  hint.id = `${panel.id}-hint`;
  hint.setAttribute('role', 'status');
  text.setAttribute('aria-describedby', hint.id);
  panel.actions(strings.unlock, () => {
    const reason = text.value.trim();
    if (!reason) {
      text.setAttribute('aria-invalid', 'true');
      hint.textContent = strings.reasonNeeded;
      return text.focus();
    }
    panel.close();
    options.onSend(reason);
  });
  text.focus();
  return panel.close;
}
