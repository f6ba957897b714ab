/**
 * What the React and the Vue example pages both need to know about a procedure's form, with no
 * framework in it: which fields the citizen answers and when they show, the rows of a repeated
 * group, the values that make up the dossier, the administrative units an address picks from,
 * and the back office's refusals in the citizen's words.
 */
import { evaluateCondition, isEmptyValue, type AddressValue, type Field, type FieldValue, type Procedure } from 'oncefill';
import { createUnitIndex, type UnitIndex, type UnitList } from 'oncefill/vn';

/** Values by field path: a row's field is `group[i].field`. */
export type Values = Readonly<Record<string, unknown>>;

/**
 * The fields a page renders at the top level, in the definition's order: every field but file
 * uploads (the JSON dossier carries no files; a portal has its own upload step) and a group's
 * members, which the group renders.
 */
export const topLevelFields = (procedure: Procedure): Field[] => procedure.fields.filter((f) => f.type !== 'file' && f.group === undefined);

/** The members of a group, in order. */
export const membersOf = (procedure: Procedure, group: string): Field[] => procedure.fields.filter((f) => f.group === group && f.type !== 'file');

export const fieldById = (procedure: Procedure, id: string): Field | undefined => procedure.fields.find((f) => f.id === id);

/** The field a path names: `practiceRows[0].practiceAt` → `practiceAt`. */
const idOf = (path: string) => path.replace(/^(?:[A-Za-z]\w*\[\d+\]\.)+/, '');
/** The row a path is in: `practiceRows[0].practiceAt` → `practiceRows[0].`; `''` at the top level. */
const rowOf = (path: string) => path.slice(0, path.length - idOf(path).length);

/** Shown when the field's `visibleWhen` holds (in its row, when in one): the back office requires only what is shown. */
export function isVisible(field: Field, values: Values, row = ''): boolean {
  return !field.visibleWhen || evaluateCondition(field.visibleWhen, values, row);
}

/** A field the citizen must answer here (`required`, or `requiredWhen` holding), for the asterisk. */
export function isRequired(field: Field, values: Values, row = ''): boolean {
  return field.requiredWhen ? evaluateCondition(field.requiredWhen, values, row) : field.required === true;
}

/** How many rows a repeated group shows: its minimum, the citizen's own count, and every row that holds a value. */
export function rowCount(group: Field, values: Values, shown = 0): number {
  let count = Math.max(group.type === 'group' ? group.repeat?.min ?? 1 : 1, shown);
  const row = new RegExp(`^${group.id}\\[(\\d+)\\]\\.`);
  for (const path of Object.keys(values)) {
    const m = row.exec(path);
    if (m && !isEmptyValue(values[path])) count = Math.max(count, Number(m[1]) + 1);
  }
  return count;
}

export const rowPath = (group: string, index: number, member: string) => `${group}[${index}].${member}`;

/**
 * Removing row `index` of a group: every later row moves up one, and the last is cleared.
 * Returns the writes to make, `[path, value]`, `undefined` clearing a value.
 */
export function removeRow(procedure: Procedure, group: Field, values: Values, index: number): Array<[string, FieldValue | undefined]> {
  const count = rowCount(group, values);
  const writes: Array<[string, FieldValue | undefined]> = [];
  for (const member of membersOf(procedure, group.id))
    for (let i = index; i < count; i++) writes.push([rowPath(group.id, i, member.id), i + 1 < count ? (values[rowPath(group.id, i + 1, member.id)] as FieldValue | undefined) : undefined]);
  return writes;
}

/** A multi-choice's list after the citizen ticks or unticks `option`. */
export function toggleChoice(current: unknown, option: string, checked: boolean): string[] {
  const list = Array.isArray(current) ? current.filter((v): v is string => typeof v === 'string') : [];
  return checked ? (list.includes(option) ? list : [...list, option]) : list.filter((v) => v !== option);
}

/**
 * The dossier's values: what the citizen can see and has answered. Hidden fields (a condition
 * not holding) and empty answers stay out, so the back office reports a missing answer as
 * `required`, not as a malformed empty one.
 */
export function dossierValues(procedure: Procedure, values: Values): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [path, value] of Object.entries(values)) {
    const field = fieldById(procedure, idOf(path));
    if (!field || field.type === 'file' || isEmptyValue(value)) continue;
    const hidden = [field, ...(field.group ? [fieldById(procedure, field.group)] : [])].some((f) => f && !isVisible(f, values, rowOf(path)));
    if (!hidden) out[path] = value as FieldValue;
  }
  return out;
}

export const emptyAddress: AddressValue = { detail: '', wardCode: '', wardName: '', provinceCode: '', provinceName: '' };

export const asAddress = (value: unknown): AddressValue =>
  value && typeof value === 'object' && !Array.isArray(value) ? { ...emptyAddress, ...(value as Partial<AddressValue>) } : emptyAddress;

/** An address on one line, as the citizen reads it. */
export const addressLine = (value: unknown): string => {
  const a = asAddress(value);
  return [a.detail, a.wardName, a.provinceName].filter(Boolean).join(', ');
};

let units: Promise<UnitIndex> | undefined;
/**
 * The 34 provinces and 3,321 communes after 1 July 2025, which an address picks from (the back
 * office refuses a commune that is not in them). `oncefill/vn/units.json` is loaded once, on
 * first use, as its own chunk.
 */
export function loadUnits(): Promise<UnitIndex> {
  units ??= import('oncefill/vn/units.json').then((m) => createUnitIndex((m.default ?? m) as unknown as UnitList));
  return units;
}

/** The address after the citizen picks a province (its communes differ: the commune is cleared) or a commune. */
export function pickProvince(units: UnitIndex, address: AddressValue, code: string): AddressValue {
  if (code === address.provinceCode) return address;
  return { ...address, provinceCode: code, provinceName: units.provinceByCode(code)?.fullName ?? '', wardCode: '', wardName: '' };
}
export function pickWard(units: UnitIndex, address: AddressValue, code: string): AddressValue {
  return { ...address, wardCode: code, wardName: units.wardByCode(code)?.fullName ?? '' };
}

/** One refusal from the back office: a field path and a code (never the value). */
export interface SubmissionProblem {
  path: string;
  code: string;
}

const MESSAGES: Record<string, string> = {
  required: 'Vui lòng nhập thông tin này.',
  'too-few-rows': 'Cần khai ít nhất một dòng.',
  'too-many-rows': 'Có quá nhiều dòng.',
  'invalid-date': 'Ngày không có thật.',
  'too-small': 'Giá trị nhỏ hơn mức cho phép.',
  'too-big': 'Giá trị lớn hơn mức cho phép.',
  'bad-phone': 'Số điện thoại không hợp lệ.',
  'bad-personal-id': 'Số định danh không hợp lệ.',
  'bad-tax-code': 'Mã số thuế không hợp lệ.',
  'unknown-unit': 'Xã, phường không thuộc tỉnh, thành phố đã chọn.',
};

/**
 * The back office's refusals by the field that shows them: an address's own parts
 * (`facilityAddress.wardCode`) under the address, the rest under their path.
 */
export function problemsByField(problems: readonly SubmissionProblem[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems ?? []) {
    const path = p.path.replace(/\.(detail|wardCode|wardName|provinceCode|provinceName)$/, '');
    out[path] ??= MESSAGES[p.code] ?? 'Thông tin chưa hợp lệ.';
  }
  return out;
}

/** Refusals counted by field path, for `submitFailed` telemetry (paths only, no values). */
export function problemCounts(problems: readonly SubmissionProblem[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems ?? []) out[p.path] = (out[p.path] ?? 0) + 1;
  return out;
}
