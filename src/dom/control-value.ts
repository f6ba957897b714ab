/**
 * Reading and writing a field's value in its controls, the way a person's input would land:
 * the value set, then `input` and `change` events that bubble (`click` first for a box or a
 * radio), so the page's own scripts (jQuery, WebForms validators, React's controlled inputs)
 * see it. Only `checked` is ever set on a checkbox, so the
 * submitted value always matches the checked state (C-B07). Dates are strings end to end:
 * never a `Date`, so never shifted by a time zone.
 */
import type { AddressValue, FieldValue } from '../resolve/types.js';
import type { Field } from '../schema/procedure-format.js';
import type { Control } from './map-controls.js';
import { displayIsoDate } from '../vn/format-calendar-date.js';

export const isChoice = (el: Control): el is HTMLInputElement => el.type === 'checkbox' || el.type === 'radio';
// Tag names, not `instanceof`: a form in another frame has other constructors.
const isSelect = (el: Control): el is HTMLSelectElement => el.tagName === 'SELECT';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;


/** Text a person reads for a value (pickers, the address line of a single input). */
export function displayValue(value: FieldValue, field?: Field): string {
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return [value.detail, value.wardName, value.provinceName].filter(Boolean).join(', ');
  if (field?.type === 'date') return displayIsoDate(value);
  const option = field && 'options' in field ? field.options.find((o) => o.value === value) : undefined;
  return option ? option.label.vi : value;
}

/** True for a value that holds nothing: `''`, `false`, `[]`, or an address with no part. */
export const isEmpty = (value: FieldValue | undefined): boolean =>
  value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some(Boolean));

export const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** What the controls of one field hold now. */
export function readValue(field: Field, controls: Control[], parts: Map<Control, string>): FieldValue {
  const first = controls[0]!;
  if (field.type === 'address' && parts.has(first)) {
    const address = {} as Record<string, string>;
    for (const el of controls) address[parts.get(el) ?? 'detail'] = el.value;
    return address as unknown as AddressValue;
  }
  if (isSelect(first) && first.multiple) return Array.from(first.selectedOptions, (o) => o.value);
  if (first.type === 'radio') return controls.find((el) => (el as HTMLInputElement).checked)?.value ?? '';
  if (first.type === 'checkbox') {
    if (field.type === 'checkbox') return (first as HTMLInputElement).checked;
    return controls.filter((el) => (el as HTMLInputElement).checked).map((el) => el.value);
  }
  if (field.type !== 'date') return first.value;
  // A date in a text input is day first, as the page shows it and the back office reads it
  // (`readFormSubmission`): `9/5/2001`, `09-05-2001`, `09.05.2001`, `05/2001`; one separator throughout.
  const text = first.value.trim();
  const date = /^(?:(\d{1,2})([/.-]))?(\d{1,2})([/.-])(\d{4})$/.exec(text);
  return date && (!date[2] || date[2] === date[4]) ? [date[5], date[3], date[1]].filter(Boolean).map((n) => n!.padStart(2, '0')).join('-') : text;
}

/**
 * A value that was there before oncefill: text typed or rendered by the server, a checked box,
 * an option the server marked `selected` or the citizen picked. A select showing its first
 * option only because nothing was chosen holds nothing.
 */
export function initialValue(field: Field, controls: Control[], parts: Map<Control, string>): FieldValue | undefined {
  const first = controls[0]!;
  if (isSelect(first) && !first.multiple) {
    const option = first.selectedOptions[0];
    if (!option || !(option.defaultSelected || first.selectedIndex > 0)) return undefined;
  }
  const value = readValue(field, controls, parts);
  return isEmpty(value) ? undefined : value;
}

/**
 * Why the controls cannot hold a value, or `undefined` when they can: an option the control
 * lacks, or a partial date (`2001`, `2001-05`) for `<input type=date>`, which would need a
 * made-up day.
 */
export function unfit(field: Field, controls: Control[], value: FieldValue | undefined): 'no-option-match' | 'year-only' | undefined {
  const first = controls[0]!;
  if (value === undefined || value === false || (typeof value === 'object' && !Array.isArray(value))) return undefined;
  const wanted = Array.isArray(value) ? value : [String(value)];
  const lacks = (values: string[]) => (wanted.some((v) => !values.includes(v)) ? 'no-option-match' : undefined);
  if (isSelect(first)) return lacks(Array.from(first.options, (o) => o.value));
  if (isChoice(first)) return field.type === 'checkbox' && controls.length === 1 ? undefined : lacks(controls.map((el) => el.value));
  return field.type === 'date' && first.type === 'date' && !ISO_DAY.test(wanted[0]!) ? 'year-only' : undefined;
}

/**
 * Sets `value`/`checked` through the element's own class setter, as typing does. React shadows
 * both on each element it controls to remember the last value it saw, and fires `onChange` only
 * when the node differs from it; a plain assignment goes through that shadow, so React would
 * ignore the change and put its state back on the next render
 * (https://github.com/facebook/react/issues/11488).
 */
function setNative(el: Control, key: 'value' | 'checked', v: string | boolean): void {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, key)?.set;
    if (setter) return void setter.call(el, v);
  }
  (el as unknown as Record<string, unknown>)[key] = v;
}

/** Writes a value (`undefined` clears), or returns why it does not fit and writes nothing. */
export function writeValue(field: Field, controls: Control[], parts: Map<Control, string>, value: FieldValue | undefined, events = true): string | undefined {
  const problem = unfit(field, controls, value);
  if (problem) return problem;
  const changed = new Set<Control>();
  const set = (el: Control, v: string) => {
    if (el.value !== v) setNative(el, 'value', v), changed.add(el);
  };
  const check = (el: HTMLInputElement, on: boolean) => {
    if (el.checked !== on) setNative(el, 'checked', on), changed.add(el);
  };
  const first = controls[0]!;
  const wanted = value === undefined || value === false ? [] : Array.isArray(value) ? value : [String(value)];
  if (value !== undefined && typeof value === 'object' && !Array.isArray(value)) {
    for (const el of controls) {
      const part = parts.get(el);
      set(el, part ? (value as unknown as Record<string, string>)[part] ?? '' : displayValue(value));
    }
  } else if (isSelect(first)) {
    const options = Array.from(first.options);
    if (first.multiple) {
      for (const o of options) if (o.selected !== wanted.includes(o.value)) (o.selected = !o.selected), changed.add(first);
    } else if (wanted.length === 0) {
      const blank = options.findIndex((o) => o.value === '');
      if (first.selectedIndex !== blank) (first.selectedIndex = blank), changed.add(first);
    } else set(first, wanted[0]!);
  } else if (isChoice(first)) {
    const boxes = controls.filter(isChoice);
    if (field.type === 'checkbox' && boxes.length === 1) check(first, value === true);
    else for (const el of boxes) check(el, wanted.includes(el.value));
  } else {
    const text = wanted[0] ?? '';
    set(first, field.type === 'date' && first.type !== 'date' ? displayIsoDate(text) : text);
  }
  if (events)
    for (const el of changed) {
      // A radio group reports the newly checked button only, as a click would.
      if (el.type === 'radio' && !(el as HTMLInputElement).checked) continue;
      // React hears a box or radio change on `click`. A plain `Event`, not a `MouseEvent`, so
      // the browser does not toggle it again.
      if (isChoice(el)) el.dispatchEvent(new Event('click', { bubbles: true }));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  return undefined;
}
