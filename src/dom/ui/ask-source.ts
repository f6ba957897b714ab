import { VI_BIND_STRINGS, fill } from '../vi-strings.js';
import { EN_BIND_STRINGS } from './en-strings.js';
import { PANEL_STRINGS, h, openPanel } from './panel.js';
import type { AskOptions, PanelStrings, SourcePrompt } from './types.js';

/** Where the focus goes back: the form's first control the citizen can use, outside any panel. */
const firstControl = (after: Element): HTMLElement =>
  Array.from(after.closest('form')?.querySelectorAll<HTMLInputElement>('input:not([type=hidden]), select, textarea') ?? []).find((el) => !el.disabled && !el.closest('.oncefill-panel')) ??
  document.body;

/** Sources already asked, by the status element the panels follow: consent is asked once per page. */
const askedAfter = new WeakMap<Element, Set<string>>();

/**
 * Asks the citizen what a source needs before it answers: consent (a dialog naming the source
 * and the fields it would fill, "agree" or "no") or a one-time code (an inline form). One
 * panel per source after the form's status; each answers once, and closing a panel in any
 * other way (Escape, cancel) declines, so the fields stay the citizen's to type.
 * @example
 * ask({ after: status, procedure, lang: 'vi', prompts: [{ source: 'personal', name: 'Kho dữ liệu điện tử của bạn' }], onAnswer })
 */
export function ask(options: AskOptions): void {
  const strings = { ...PANEL_STRINGS[options.lang], ...options.strings };
  const names = { ...(options.lang === 'en' ? EN_BIND_STRINGS : VI_BIND_STRINGS).sources, ...options.strings?.sources };
  const asked = askedAfter.get(options.after) ?? askedAfter.set(options.after, new Set()).get(options.after)!;
  let after = options.after;
  let focused = false;
  for (const prompt of options.prompts) {
    const again = asked.has(prompt.source);
    asked.add(prompt.source);
    // Consent is asked once: a source still without it stays the citizen's to type.
    if (again && !prompt.challenge) {
      options.onAnswer(prompt.source, false);
      continue;
    }
    const name = names[prompt.source];
    after = prompt.challenge ? askCode(options, prompt, name, strings, after, again) : askConsent(options, prompt, name, strings, after);
    // Take the focus only from nobody (the page just loaded) or back to a code that was not accepted.
    if (!focused && (again || document.activeElement === document.body || !document.activeElement)) after.querySelector<HTMLElement>('input, button')!.focus();
    focused = true;
  }
}

/** Opens a panel whose every close that is not an answer declines. */
function answerPanel(options: AskOptions, prompt: SourcePrompt, strings: PanelStrings, after: Element, question: string, labelTag: 'p' | 'label') {
  let answered = false;
  const panel = openPanel(after, question, strings, firstControl(options.after), labelTag, () => answered || options.onAnswer(prompt.source, false));
  const answer = (value: boolean | { id: string; code: string }) => {
    answered = true;
    panel.close();
    options.onAnswer(prompt.source, value);
  };
  return { panel, answer };
}

function askConsent(options: AskOptions, prompt: SourcePrompt, name: string, strings: PanelStrings, after: Element): HTMLElement {
  const { panel, answer } = answerPanel(options, prompt, strings, after, fill(strings.consent, { source: name }), 'p');
  const labels = options.procedure.fields
    .filter((field) => field.prefill?.from.some((ref) => ref.source === prompt.source))
    .map((field) => field.label[options.lang] ?? field.label.vi);
  const what = h('p', 'consent-fields', panel.box, fill(strings.consentFields, { fields: labels.join(', ') }));
  what.id = `${panel.id}-fields`;
  panel.box.setAttribute('aria-describedby', what.id);
  const row = h('div', 'panel-actions', panel.box);
  h('button', 'panel-confirm', row, strings.agree).addEventListener('click', () => answer(true));
  h('button', 'panel-cancel', row, strings.decline).addEventListener('click', () => answer(false));
  return panel.box;
}

function askCode(options: AskOptions, prompt: SourcePrompt, name: string, strings: PanelStrings, after: Element, again: boolean): HTMLElement {
  const challenge = prompt.challenge!;
  const { panel, answer } = answerPanel(options, prompt, strings, after, fill(strings.code, { channel: strings.channels[challenge.channel] }), 'label');
  // A form region, not a nested <form>: the panel sits inside the page's form.
  panel.box.setAttribute('role', 'form');
  const input = h('input', 'code', panel.box);
  input.id = `${panel.id}-code`;
  (panel.box.firstChild as HTMLLabelElement).htmlFor = input.id;
  input.inputMode = 'numeric';
  input.autocomplete = 'one-time-code';
  input.maxLength = 12;
  // Outside the page's form: Enter does not submit it, and the code is never posted.
  input.setAttribute('form', `${panel.id}-none`);
  const hint = h('p', 'code-hint', panel.box, again ? strings.codeWrong : fill(strings.codeWhy, { source: name }));
  hint.id = `${panel.id}-hint`;
  hint.setAttribute('role', 'status');
  input.setAttribute('aria-describedby', hint.id);
  if (again) input.setAttribute('aria-invalid', 'true');
  const send = () => {
    const code = input.value.replace(/\s+/g, '');
    if (code) return answer({ id: challenge.id, code });
    input.setAttribute('aria-invalid', 'true');
    hint.textContent = strings.codeNeeded;
    input.focus();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    send();
  });
  panel.actions(strings.send, send);
  return panel.box;
}

/**
 * The notice of a form oncefill could not bind (its definition did not load): the same short
 * notice as a failed source, where the form's status would be. Nothing is filled.
 */
export function showUnavailable(form: HTMLFormElement, lang: 'vi' | 'en'): void {
  if (form.querySelector(':scope .oncefill-status')) return;
  const words = lang === 'en' ? EN_BIND_STRINGS : VI_BIND_STRINGS;
  const status = h('div', 'status');
  status.setAttribute('role', 'status');
  const place = form.querySelector('[data-oncefill-status]');
  if (place) place.append(status);
  else form.prepend(status);
  // Text put into a live region already on the page is what screen readers announce.
  requestAnimationFrame(() => {
    status.textContent = PANEL_STRINGS[lang].unavailable;
    status.setAttribute('data-oncefill-notice', '');
    const close = h('button', 'status-close', status, '×');
    close.setAttribute('aria-label', words.dismiss);
    close.addEventListener('click', () => (status.textContent = ''));
  });
}
