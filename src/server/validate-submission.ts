/**
 * Checks a submission's values against a procedure on the server: the generated JSON Schema
 * (ajv, on a copy: never coercing, never stripping), then what a schema cannot say: required
 * fields under their conditions, rows of repeated groups, dates that exist, bounds, phone
 * numbers, IDs and administrative units.
 */
import { evaluateCondition, isEmptyValue } from '../schema/evaluate-condition.js';
import type { Field, Procedure } from '../schema/procedure-format.js';
import { checkLegacyId } from '../vn/check-legacy-id.js';
import { checkTaxCode } from '../vn/check-tax-code.js';
import { normalizePhone } from '../vn/normalize-phone.js';
import { parseIsoCalendarDate } from '../vn/parse-iso-calendar-date.js';
import { personalIdDigits } from '../vn/personal-id-digits.js';
import { wardByCode } from '../vn/units/unit-list.js';
import { compileJsonValidator, type JsonValidation } from './json-validator.js';
import { repeatedAncestors, submissionJsonSchema } from './submission-json-schema.js';

/**
 * One problem: the field path (`diplomas[0].diplomaTitle`, `permanentAddress.wardCode`), a code, a message without the value.
 * @example
 * const error: SubmissionError = { path: 'birthDate', code: 'invalid-date', message: 'is not a date that exists' }
 */
export interface SubmissionError {
  path: string;
  code: string;
  message: string;
}

/**
 * What {@link validateSubmission} found.
 * @example
 * const { ok, errors, value }: SubmissionValidation = validateSubmission(procedure, values)
 */
export interface SubmissionValidation {
  ok: boolean;
  errors: SubmissionError[];
  /** A copy of the values, set when `ok`. The input is never changed. */
  value?: Record<string, unknown>;
}

const validators = new WeakMap<Procedure, (input: unknown) => JsonValidation<Record<string, unknown>>>();

/** `/diplomas[0].diplomaTitle/x` → `diplomas[0].diplomaTitle.x`. */
function fieldPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((path, part, i) => (i === 0 ? part : /^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), '');
}

/** Compares two decimal digit strings exactly (no float). */
function compareDecimal(a: string, b: string): number {
  const sign = (s: string) => (s.startsWith('-') && /[1-9]/.test(s) ? -1 : 1);
  const [sa, sb] = [sign(a), sign(b)];
  if (sa !== sb) return sa - sb;
  const split = (s: string) => {
    const [int = '', frac = ''] = s.replace(/^-/, '').split('.');
    return [int.replace(/^0+(?=\d)/, ''), frac.replace(/0+$/, '')] as const;
  };
  const [ia, fa] = split(a);
  const [ib, fb] = split(b);
  let cmp = ia.length !== ib.length ? ia.length - ib.length : ia < ib ? -1 : ia > ib ? 1 : 0;
  if (cmp === 0) {
    const width = Math.max(fa.length, fb.length);
    const [pa, pb] = [fa.padEnd(width, '0'), fb.padEnd(width, '0')];
    cmp = pa < pb ? -1 : pa > pb ? 1 : 0;
  }
  return sa * Math.sign(cmp);
}

/** A definition's numeric bound as plain decimal text (`1e-7` → `0.0000001…`, `1e21` → digits). */
function decimalText(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return Number.isInteger(n) ? BigInt(n).toString() : n.toFixed(100).replace(/0+$/, '');
}

/** Problems a JSON Schema cannot see in one present value. */
function checkValue(field: Field, value: unknown): Omit<SubmissionError, 'path'> | undefined {
  switch (field.type) {
    case 'date': {
      const date = parseIsoCalendarDate(value);
      if (!date) return { code: 'invalid-date', message: 'is not a date that exists' };
      const text = value as string;
      if (field.min !== undefined && text.slice(0, field.min.length) < field.min) return { code: 'too-small', message: `is before ${field.min}` };
      if (field.max !== undefined && text.slice(0, field.max.length) > field.max) return { code: 'too-big', message: `is after ${field.max}` };
      return undefined;
    }
    case 'integer':
    case 'decimal': {
      const text = value as string;
      if (field.min !== undefined && compareDecimal(text, decimalText(field.min)) < 0) return { code: 'too-small', message: `is less than ${field.min}` };
      if (field.max !== undefined && compareDecimal(text, decimalText(field.max)) > 0) return { code: 'too-big', message: `is more than ${field.max}` };
      return undefined;
    }
    case 'phone': {
      const phone = normalizePhone(value);
      if (!phone.ok || (phone.kind === 'landline' && field.allowLandline !== true)) return { code: 'bad-phone', message: 'is not a Vietnamese mobile number' + (field.allowLandline ? ' or landline' : '') };
      return undefined;
    }
    case 'personal-id': {
      const text = value as string;
      if (text.length === 12) return personalIdDigits(text) === text ? undefined : { code: 'bad-personal-id', message: 'is not a personal ID (unknown province prefix)' };
      if (text.length === 9) return checkLegacyId(text).ok ? undefined : { code: 'bad-personal-id', message: 'is not a 9-digit ID number' };
      return undefined;
    }
    case 'tax-code':
      return checkTaxCode(value, { allowPersonalId: field.acceptPersonalId === true }).ok ? undefined : { code: 'bad-tax-code', message: 'is not a tax code' };
    case 'address': {
      const address = value as { wardCode: string; provinceCode: string };
      const ward = wardByCode(address.wardCode);
      if (!ward) return { code: 'unknown-unit', message: 'names a commune that is not in the 2025 units' };
      if (ward.provinceCode !== address.provinceCode) return { code: 'unknown-unit', message: 'names a commune of another province' };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Validates submitted values (keyed by field path, rows `group[i].field`) against a procedure:
 * types and shapes from `submissionJsonSchema(procedure)` through ajv, then required fields
 * with their `requiredWhen`/`visibleWhen` conditions (hidden fields are never required), rows
 * of repeated groups (`repeat.min`/`max`, required members per row), real dates and date
 * bounds, exact number bounds, phone numbers, personal IDs, tax codes and communes.
 *
 * Never changes `values` (ajv works on a copy; nothing is coerced, removed or defaulted: C-B08),
 * keeps IDs with leading zeros as the strings they are and reports a JSON number where text
 * belongs (C-B03), and never puts a value in a message.
 * @example
 * const { ok, errors, value } = validateSubmission(procedure, { fullName: 'Nguyễn Thị Lan', birthDate: '1990' })
 * // errors: [{ path: 'idNumber', code: 'required', message: 'is required' }, …]
 */
export function validateSubmission(procedure: Procedure, values: unknown): SubmissionValidation {
  if (!procedure || !Array.isArray(procedure.fields)) throw new TypeError('[oncefill] validateSubmission needs a procedure from parseProcedure() or checkProcedure().');
  let validate = validators.get(procedure);
  if (!validate) {
    validate = compileJsonValidator<Record<string, unknown>>(submissionJsonSchema(procedure));
    validators.set(procedure, validate);
  }
  const checked = validate(values);
  const errors: SubmissionError[] = [];
  if (!checked.ok) {
    for (const e of checked.errors) {
      const code = e.code === 'additionalProperties' ? 'unknown-field' : e.code;
      if (code === 'required') continue; // reported below, with the conditions applied
      errors.push({ path: fieldPath(e.path), code, message: e.code === 'additionalProperties' ? 'is not a field of this procedure' : e.message });
    }
    if (checked.errors.some((e) => e.code === 'not-json' || (e.path === '' && e.code === 'type'))) return { ok: false, errors };
  }
  // Conditions and value checks run on a copy too: the input stays untouched.
  const copy = (checked.ok ? checked.value : JSON.parse(JSON.stringify(values))) as Record<string, unknown>;
  const wrong = new Set(errors.map((e) => e.path.replace(/\..*$/, '')));
  const byId = new Map(procedure.fields.map((f) => [f.id, f]));

  /** Visible when it and every group above it are visible (within the row, when in one). */
  const visible = (field: Field, row: string): boolean => {
    const seen = new Set<string>();
    for (let f: Field | undefined = field; f && !seen.has(f.id); f = f.group === undefined ? undefined : byId.get(f.group)) {
      seen.add(f.id);
      if (f.visibleWhen && !evaluateCondition(f.visibleWhen, copy, row)) return false;
    }
    return true;
  };
  const requiredHere = (field: Field, row: string) => visible(field, row) && (field.requiredWhen ? evaluateCondition(field.requiredWhen, copy, row) : field.required === true);

  // Rows present per repeated group (as a path prefix: `outer[0].inner`).
  const rowsOf = new Map<string, Set<number>>();
  for (const key of Object.keys(copy)) {
    // Each `group[i].` step from the start of the path is a row of that group (nested ones too).
    const step = /([A-Za-z][A-Za-z0-9_]*)\[(\d+)\]\./y;
    let prefix = '';
    for (let match = step.exec(key); match; match = step.exec(key)) {
      const group = `${prefix}${match[1]!}`;
      let set = rowsOf.get(group);
      if (!set) rowsOf.set(group, (set = new Set()));
      set.add(Number(match[2]));
      prefix = `${group}[${match[2]!}].`;
    }
  }

  const problem = (path: string, code: string, message: string) => errors.push({ path, code, message });
  for (const field of procedure.fields) {
    const chain = repeatedAncestors(field, byId);
    if (field.type === 'group' && field.repeat && chain.length === 0) {
      const count = rowsOf.get(field.id)?.size ?? 0;
      const min = field.repeat.min ?? (field.required === true && visible(field, '') ? 1 : 0);
      if (count < min && visible(field, '')) problem(field.id, 'too-few-rows', `needs at least ${min} row(s)`);
      if (field.repeat.max !== undefined && count > field.repeat.max) problem(field.id, 'too-many-rows', `allows at most ${field.repeat.max} row(s)`);
      continue;
    }
    if (field.type === 'group' || field.type === 'file') continue;
    // Every path this field has: itself, or one per row of its (single or nested) groups.
    let prefixes = [''];
    for (const group of chain) {
      const next: string[] = [];
      for (const prefix of prefixes) for (const i of [...(rowsOf.get(`${prefix}${group}`) ?? [])].sort((a, b) => a - b)) next.push(`${prefix}${group}[${i}].`);
      prefixes = next;
    }
    for (const row of prefixes) {
      const path = `${row}${field.id}`;
      const present = Object.hasOwn(copy, path);
      if (present && !wrong.has(path) && !isEmptyValue(copy[path])) {
        const issue = checkValue(field, copy[path]);
        if (issue) problem(path, issue.code, issue.message);
      }
      if ((!present || isEmptyValue(copy[path])) && requiredHere(field, row)) problem(path, 'required', 'is required');
    }
  }
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return errors.length === 0 ? { ok: true, errors, value: copy } : { ok: false, errors };
}
