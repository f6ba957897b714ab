/**
 * Which form controls hold which field path. Explicit mappings win: `data-oncefill-field`,
 * then an exact `name` or `id` (`fullName`, `diplomas[0].diplomaTitle`, PHP-style
 * `diplomas[0][diplomaTitle]`, address parts `permanentAddress.wardCode`). Only when a field
 * has no explicit control does a heuristic look at name and id tokens (`ctl00$Main$fullName`),
 * and it touches only controls a person can see and use (C-B10): never a hidden input, a
 * disabled one, one under `aria-hidden`, or one placed off-screen (a honeypot).
 */
import type { Field } from '../schema/procedure-format.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Why a control that looked like a field's was left alone. */
export type SkipReason = 'hidden' | 'disabled' | 'aria-hidden' | 'off-screen' | 'not-rendered' | 'ambiguous' | 'not-chosen';

export interface SkippedControl {
  path: string;
  /** The control's `name`, else its `id`. */
  control: string;
  reason: SkipReason;
}

export interface ControlMap {
  byPath: Map<string, Control[]>;
  /** The address part (`detail`, `wardCode`…) a control holds, when it holds one. */
  parts: Map<Control, string>;
  skipped: SkippedControl[];
}

const ADDRESS_PARTS = /^(detail|wardCode|wardName|provinceCode|provinceName)$/;
const PATH = /^(?:([A-Za-z]\w*)\[(\d{1,3})\]\.)?([A-Za-z]\w*)(?:\.([A-Za-z]+))?$/;

/** The field path (and address part) a name means, if it names a field of the definition. */
export function pathOf(name: string, byId: Map<string, Field>): [path: string, part?: string] | undefined {
  const m = PATH.exec(name.replace(/\[([A-Za-z_]\w*)\]/g, '.$1'));
  const field = m && byId.get(m[3]!);
  if (!m || !field || field.type === 'group') return undefined;
  const parent = field.group ? byId.get(field.group) : undefined;
  const repeated = parent?.type === 'group' && parent.repeat !== undefined;
  if (m[1] ? !(repeated && field.group === m[1]) : repeated) return undefined;
  if (m[4] && !(field.type === 'address' && ADDRESS_PARTS.test(m[4]))) return undefined;
  const path = m[1] ? `${m[1]}[${+m[2]!}].${m[3]}` : m[3]!;
  return m[4] ? [path, m[4]] : [path];
}

/** Why a person could not see or use this control; `explicit` mappings may fill hidden inputs. */
function problem(el: Control, explicit: boolean): SkipReason | undefined {
  // oncefill never fills a file input, only drops its `required` when reuse satisfies it, and
  // upload widgets often hide the real input.
  if (el.type === 'file' && explicit) return undefined;
  if (el.type === 'hidden') return explicit ? undefined : 'hidden';
  if (el.matches(':disabled')) return 'disabled';
  if (el.closest('[aria-hidden="true"]')) return 'aria-hidden';
  const r = el.getBoundingClientRect();
  if ((r.width || r.height) && (r.right + scrollX <= 0 || r.bottom + scrollY <= 0)) return 'off-screen';
  // A control in a step not shown yet is still the field's when named exactly; a guess is not.
  if (!explicit && el.getClientRects().length === 0) return 'not-rendered';
  return undefined;
}

/**
 * Maps the form's controls to field paths.
 * @example
 * const { byPath } = mapControls(form, byId, 'oncefill-envelope')
 */
export function mapControls(form: HTMLFormElement, byId: Map<string, Field>, ignore: string): ControlMap {
  const byPath = new Map<string, Control[]>();
  const parts = new Map<Control, string>();
  const skipped: SkippedControl[] = [];
  const guesses = new Map<string, Control[]>();
  const lower = new Map<string, Field>();
  for (const field of byId.values()) if (!field.group && field.type !== 'group' && field.type !== 'file') lower.set(field.id.toLowerCase(), field);
  const label = (el: Control) => el.name || el.id;
  const add = (map: Map<string, Control[]>, path: string, el: Control) => (map.get(path) ?? map.set(path, []).get(path)!).push(el);

  for (const node of Array.from(form.elements)) {
    const el = node as Control;
    if (!('value' in el) || el.tagName === 'BUTTON' || /^(submit|button|reset|image)$/.test(el.type) || el.name === ignore) continue;
    const found = [el.getAttribute('data-oncefill-field'), el.name, el.id].reduce<ReturnType<typeof pathOf>>((hit, key) => hit ?? (key ? pathOf(key, byId) : undefined), undefined);
    if (found) {
      const reason = problem(el, true);
      if (reason) skipped.push({ path: found[0], control: label(el), reason });
      else {
        add(byPath, found[0], el);
        if (found[1]) parts.set(el, found[1]);
      }
      continue;
    }
    const tokens = `${el.name} ${el.id}`.split(/[^A-Za-z0-9]+/);
    const field = tokens.map((t) => lower.get(t.toLowerCase())).find(Boolean);
    if (field) add(guesses, field.id, el);
  }

  for (const [path, controls] of guesses) {
    const taken = byPath.has(path);
    const usable = controls.filter((el) => {
      const reason = problem(el, false);
      if (reason) skipped.push({ path, control: label(el), reason });
      return !reason;
    });
    // One usable guess, or the one whose last name segment is the id (ASP.NET `ctl00$Main$fullName`).
    const exact = usable.filter((el) => el.name.split(/[$.:]/).pop()?.toLowerCase() === path.toLowerCase());
    const chosen = taken ? undefined : usable.length === 1 ? usable : exact.length > 0 && exact.every((el) => el.type === exact[0]!.type && el.name === exact[0]!.name) ? exact : undefined;
    if (chosen) byPath.set(path, chosen);
    for (const el of usable) if (!chosen?.includes(el)) skipped.push({ path, control: label(el), reason: taken ? 'not-chosen' : 'ambiguous' });
  }
  return { byPath, parts, skipped };
}
