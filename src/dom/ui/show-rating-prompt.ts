/**
 * The satisfaction prompt's DOM: a small non-modal dialog with a 1–5 scale, in Vietnamese by
 * default. Styled through the CSSOM (allowed under a strict `style-src`), themable with CSS
 * custom properties, or left unstyled for the portal's own stylesheet. `bindRatingPrompt`
 * decides when it shows; this part loads only then.
 */
import type { FlowEnding } from '../../timing/flow-constants.js';
import type { RatingContext } from '../../timing/timing-page.js';
import { DEFAULT_COMMENT_MAX_LENGTH, redactComment } from '../redact-comment.js';

export interface RatingStrings {
  /** The question. */
  title: string;
  /** Meaning of scores 1 to 5. */
  scores: readonly [string, string, string, string, string];
  close: string;
  thanks: string;
  /** Label of the optional comment box; says not to write personal details. */
  commentLabel: string;
  send: string;
}

/** The prompt's words, Vietnamese and English. */
export const RATING_STRINGS: { readonly vi: RatingStrings; readonly en: RatingStrings } = {
  vi: {
    title: 'Bạn hài lòng với dịch vụ công trực tuyến này ở mức nào?',
    scores: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
    close: 'Đóng',
    thanks: 'Cảm ơn bạn đã đánh giá.',
    commentLabel: 'Góp ý thêm (không bắt buộc). Xin đừng ghi thông tin cá nhân.',
    send: 'Gửi góp ý',
  },
  en: {
    title: 'How satisfied are you with this online public service?',
    scores: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    close: 'Close',
    thanks: 'Thank you for your rating.',
    commentLabel: 'Anything to add? (optional) Please leave out personal details.',
    send: 'Send',
  },
};

export interface RatingPromptOptions {
  /** Default `'vi'`. */
  lang?: 'vi' | 'en';
  /** Replaces some of the words. */
  strings?: Partial<RatingStrings>;
  /** The endings that show the prompt. Default all three. */
  after?: readonly FlowEnding[];
  /**
   * Off by default. When set, a comment box follows the score; comments go, redacted (e-mail
   * addresses, phone numbers, digit runs of nine or more) and capped, to the portal's own
   * feedback endpoint as `{ procedure, score, comment }` JSON — never into telemetry.
   */
  comments?: { endpoint: string; maxLength?: number; headers?: Record<string, string> };
  /** Where the prompt is appended. Default `document.body`. */
  container?: HTMLElement;
  /** Leave styling to the portal's stylesheet (`.oncefill-rating`). */
  unstyled?: boolean;
}

// Styles go through the CSSOM (`style.cssText`), which a strict `style-src` allows.
const BORDER = 'border:1px solid var(--oncefill-rating-border,#767676);';
const BOX_CSS = `position:fixed;left:0;right:0;bottom:1rem;margin:0 auto;width:calc(100% - 2rem);max-width:28rem;box-sizing:border-box;padding:1rem 3rem 1rem 1rem;background:var(--oncefill-rating-bg,#fff);color:var(--oncefill-rating-fg,#1b1b1b);${BORDER}border-radius:8px;box-shadow:0 4px 16px #0003;z-index:var(--oncefill-rating-z,2147483000)`;
const BUTTON_CSS = `min-width:44px;min-height:44px;font:inherit;color:inherit;background:var(--oncefill-rating-button-bg,#f1f1f1);${BORDER}border-radius:6px;cursor:pointer;`;

let instances = 0;

/**
 * Shows the prompt for a flow that ended; `rate` records the score, `closed` says it went away.
 * @returns its close.
 * @example
 * const close = showRatingPrompt(context, { lang: 'en' }, { rate: (s) => rateFlow(s, context), closed: () => {} })
 */
export function showRatingPrompt(context: RatingContext, options: RatingPromptOptions, hooks: { rate(score: number): void; closed(): void }): () => void {
  const words: RatingStrings = { ...RATING_STRINGS[options.lang === 'en' ? 'en' : 'vi'], ...options.strings };
  let current: HTMLElement | undefined;

  /** Creates `<tag class="oncefill-rating{name}">` with text, CSS and a parent. */
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, name: string, parent?: Element, text = '', css = ''): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    node.className = `oncefill-rating${name}`;
    node.textContent = text;
    if (!options.unstyled) node.style.cssText = css;
    if (tag === 'button') (node as HTMLButtonElement).type = 'button';
    parent?.append(node);
    return node;
  };

  const returnFocus = document.activeElement;
  const close = () => {
    if (!current) return;
    const hadFocus = current.contains(document.activeElement);
    current.remove();
    current = undefined;
    hooks.closed();
    if (hadFocus && returnFocus instanceof HTMLElement) returnFocus.focus();
  };

  const id = `oncefill-rating-${++instances}`;
  const box = el('section', '', undefined, '', BOX_CSS);
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', id);
  box.setAttribute('data-after', context.after);
  box.addEventListener('keydown', (event) => event.key === 'Escape' && close());
  const heading = el('h2', '-title', box, words.title, 'margin:0 0 .75rem;font-size:1rem');
  heading.id = id;
  heading.tabIndex = -1;
  const group = el('div', '-scale', box, '', 'display:flex;gap:.5rem');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', id);
  const legend = el('p', '-legend', box, `1 = ${words.scores[0]} · 5 = ${words.scores[4]}`, 'margin:.25rem 0 0;font-size:.8125rem');
  const status = el('p', '-status', box, '', 'margin:0');
  status.setAttribute('role', 'status');
  const closeButton = el('button', '-close', box, '×', `${BUTTON_CSS}position:absolute;top:.25rem;right:.25rem;border:0;background:none;font-size:1.5rem`);
  closeButton.setAttribute('aria-label', words.close);
  closeButton.addEventListener('click', close);

  const thank = () => {
    // Keep a keyboard user inside the prompt when the button they pressed goes away.
    const hadFocus = box.contains(document.activeElement);
    group.remove();
    legend.remove();
    status.textContent = words.thanks;
    if (hadFocus) heading.focus();
  };
  words.scores.forEach((meaning, i) => {
    const score = el('button', '-score', group, String(i + 1), `${BUTTON_CSS}flex:1;font-weight:600`);
    score.setAttribute('aria-label', `${i + 1}: ${meaning}`);
    score.addEventListener('click', () => {
      hooks.rate(i + 1);
      const comments = options.comments;
      if (!comments) return thank();
      const maxLength = comments.maxLength ?? DEFAULT_COMMENT_MAX_LENGTH;
      const form = el('form', '-comment', undefined, '', 'display:grid;gap:.5rem');
      const label = el('label', '-comment-label', form, words.commentLabel);
      const text = el('textarea', '-comment-text', form, '', 'font:inherit;min-height:4rem');
      text.id = label.htmlFor = `${id}-comment`;
      text.maxLength = maxLength;
      el('button', '-send', form, words.send, BUTTON_CSS).type = 'submit';
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const comment = redactComment(text.value, maxLength);
        // The portal's own endpoint, with its session: no flow id, so a comment never links to telemetry.
        if (comment)
          fetch(comments.endpoint, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', ...comments.headers },
            body: JSON.stringify({ procedure: context.procedure, score: i + 1, comment }),
          }).catch(() => undefined);
        thank();
        form.remove();
        heading.focus();
      });
      group.replaceWith(form);
      legend.remove();
      text.focus();
    });
  });

  (options.container ?? document.body).append(box);
  current = box;
  // After a failure the citizen may still be busy with the form: do not take the focus.
  if (context.after !== 'failed') heading.focus();
  return close;
}
