import { PANEL_STRINGS, h, openPanel } from './panel.js';
import type { PickOptions } from './types.js';

/**
 * The accessible picker shown when sources disagree: one radio button per candidate (its value
 * as text, and where it comes from), then "use this value". Nothing is chosen for the citizen.
 * @returns its close.
 * @example
 * pickCandidate({ after: mark, field: 'Số điện thoại', choices, lang: 'vi', back: button, onPick: (i) => session.choose(path, i) })
 */
export function pickCandidate(options: PickOptions): () => void {
  const strings = { ...PANEL_STRINGS[options.lang], ...options.strings };
  const panel = openPanel(options.after, strings.pick.replace('{field}', options.field), strings, options.back);
  const group = h('div', 'pick', panel.box);
  group.setAttribute('role', 'radiogroup');
  group.setAttribute('aria-labelledby', panel.id);
  const radios = options.choices.map((choice, i) => {
    const label = h('label', 'pick-choice', group);
    const radio = h('input', 'pick-radio', label);
    radio.type = 'radio';
    radio.name = panel.id;
    radio.value = String(i);
    // Outside any form: the picker's buttons are never submitted with the page's form.
    radio.setAttribute('form', `${panel.id}-none`);
    h('span', 'pick-value', label, choice.text);
    h('span', 'pick-from', label, choice.from);
    return radio;
  });
  panel.actions(strings.use, () => {
    const index = radios.findIndex((r) => r.checked);
    if (index < 0) return radios[0]?.focus();
    panel.close();
    options.onPick(index);
  });
  radios[0]?.focus();
  return panel.close;
}
