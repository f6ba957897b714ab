/**
 * The legacy page's field markup for one procedure, rendered on the server from its definition
 * the way a JSP tag or a PHP include renders a portal's form: plain controls named by field
 * path (docs/protocol.md §1.7), each with its `<label>`, no script. oncefill binds to what this
 * produces exactly as it binds to a hand-written page.
 */

interface Text { vi: string; en?: string }
interface Field {
  id: string;
  type: string;
  label: Text;
  hint?: Text;
  required?: boolean;
  group?: string;
  repeat?: { min?: number; max?: number };
  options?: Array<{ value: string; label: Text }>;
  multiple?: boolean;
  accept?: string[];
  prefill?: unknown;
}
export interface Definition {
  code: string;
  version: string;
  status: string;
  title: Text;
  applicant: string;
  fields: Field[];
  /** Dossier components: a required one makes its file input `required` (oncefill lifts that when the document is on record). */
  documents?: Array<{ id: string; fileField?: string; required?: boolean }>;
}

/** HTML-escapes text for element content and quoted attributes. */
export const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const ADDRESS_PARTS: Array<[part: string, label: string]> = [
  ['detail', 'Số nhà, đường, thôn'],
  ['wardName', 'Xã, phường'],
  ['wardCode', 'Mã xã, phường'],
  ['provinceName', 'Tỉnh, thành phố'],
  ['provinceCode', 'Mã tỉnh, thành phố'],
];
const INPUT_TYPES: Record<string, string> = { email: 'email', phone: 'tel', date: 'date', integer: 'number', decimal: 'text' };

/** Values the server re-renders into the form after a failed POST, by field path. */
export type Posted = Map<string, string[]>;

/** One control (or set of controls) for a field at `path`; `id` prefix keeps row ids unique. */
function control(field: Field, path: string, posted: Posted, requiredFiles: Set<string>): string {
  const id = path.replace(/\]/g, '').replace(/[[.]/g, '-');
  const label = esc(field.label.vi);
  const required = field.required || requiredFiles.has(field.id) ? ' required' : '';
  const hint = field.hint ? `<small id="${id}__hint">${esc(field.hint.vi)}</small>` : '';
  const described = field.hint ? ` aria-describedby="${id}__hint"` : '';
  const first = posted.get(path)?.[0];
  const value = first ? ` value="${esc(first)}"` : '';
  switch (field.type) {
    case 'textarea':
      return `<p class="field"><label for="${id}">${label}</label> <textarea id="${id}" name="${esc(path)}"${required}${described}>${esc(first ?? '')}</textarea>${hint}</p>`;
    case 'select':
      return `<p class="field"><label for="${id}">${label}</label> <select id="${id}" name="${esc(path)}"${required}${described}><option value="">-- Chọn --</option>${(field.options ?? [])
        .map((o) => `<option value="${esc(o.value)}"${o.value === first ? ' selected' : ''}>${esc(o.label.vi)}</option>`)
        .join('')}</select>${hint}</p>`;
    case 'radio':
    case 'multi-choice': {
      const type = field.type === 'radio' ? 'radio' : 'checkbox';
      const chosen = posted.get(path) ?? [];
      return `<fieldset class="field" id="${id}"><legend>${label}</legend>${(field.options ?? [])
        .map((o, i) => `<label><input type="${type}" name="${esc(path)}" value="${esc(o.value)}"${chosen.includes(o.value) ? ' checked' : ''}${type === 'radio' && i === 0 ? required : ''}> ${esc(o.label.vi)}</label>`)
        .join(' ')}${hint}</fieldset>`;
    }
    case 'checkbox':
      return `<p class="field"><label><input type="checkbox" id="${id}" name="${esc(path)}" value="true"${posted.has(path) ? ' checked' : ''}${required}> ${label}</label>${hint}</p>`;
    case 'file':
      return `<p class="field"><label for="${id}">${label}</label> <input type="file" id="${id}" name="${esc(path)}"${field.multiple ? ' multiple' : ''}${field.accept ? ` accept="${esc(field.accept.join(','))}"` : ''}${required}>${hint}</p>`;
    case 'address':
      return `<fieldset class="field address" id="${id}"><legend>${label}</legend>${ADDRESS_PARTS.map(([part, text]) => {
        const at = `${path}.${part}`;
        const v = posted.get(at)?.[0];
        return `<label>${text} <input id="${id}__${part}" name="${esc(at)}"${v ? ` value="${esc(v)}"` : ''}${required && part !== 'wardName' && part !== 'provinceName' ? required : ''}></label>`;
      }).join(' ')}${hint}</fieldset>`;
    default: {
      const type = INPUT_TYPES[field.type] ?? 'text';
      const step = field.type === 'decimal' ? ' inputmode="decimal"' : '';
      return `<p class="field"><label for="${id}">${label}</label> <input type="${type}" id="${id}" name="${esc(path)}"${step}${value}${required}${described}>${hint}</p>`;
    }
  }
}

/**
 * How many rows a repeated group shows: what was posted, else none for a group the state's
 * records fill (oncefill asks for as many rows as they hold, `rows:needed`), else its minimum or one.
 */
function rowCount(group: Field, children: Field[], posted: Posted): number {
  let rows = group.prefill ? 0 : Math.max(1, group.repeat?.min ?? 1);
  for (const key of posted.keys()) {
    const m = new RegExp(`^${group.id}\\[(\\d+)\\]\\.`).exec(key);
    if (m && children.length) rows = Math.max(rows, Number(m[1]) + 1);
  }
  return rows;
}

/**
 * The form's fields, in definition order: groups as fieldsets; a repeated group's rows named
 * `group[i].field`, with a `<template data-row>` the page's own script (`rows.js`) clones when
 * oncefill asks for more rows (`rows:needed`) or the citizen adds one.
 */
export function renderFields(definition: Definition, posted: Posted = new Map()): string {
  const children = (group: string) => definition.fields.filter((f) => f.group === group);
  const requiredFiles = new Set((definition.documents ?? []).flatMap((d) => (d.required && d.fileField ? [d.fileField] : [])));
  const controlAt = (field: Field, path: string) => control(field, path, posted, requiredFiles);
  const render = (field: Field): string => {
    if (field.type !== 'group') return controlAt(field, field.id);
    const kids = children(field.id);
    if (!field.repeat) return `<fieldset class="group" id="${field.id}"><legend>${esc(field.label.vi)}</legend>${kids.map(render).join('')}</fieldset>`;
    const row = (i: number | '#') =>
      `<div class="row" data-row-index="${i}">${kids.map((k) => controlAt({ ...k, label: { vi: `${k.label.vi} (${i === '#' ? '#' : i + 1})` } }, `${field.id}[${i}].${k.id}`)).join('')}</div>`;
    const rows = Array.from({ length: rowCount(field, kids, posted) }, (_, i) => row(i)).join('');
    return `<fieldset class="group repeated" id="${field.id}" data-max-rows="${field.repeat.max ?? 50}"><legend>${esc(field.label.vi)}</legend><div data-rows>${rows}</div><template data-row>${row('#')}</template><button type="button" data-add-row="${field.id}">Thêm dòng</button></fieldset>`;
  };
  return definition.fields.filter((f) => !f.group).map(render).join('\n');
}
