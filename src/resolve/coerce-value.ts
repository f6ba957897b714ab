/**
 * Turns an attribute's wire value into exactly what a field holds, or says why it cannot.
 * Pure and shared: the gateway runs the same code to hash the values it signs.
 *
 * Values stay exact (DESIGN.md): IDs and codes stay strings with their leading zeros (C-B03);
 * a JSON number where text belongs is a mismatch, never padded; numbers never pass through a
 * lossy float; dates are calendar dates; options match by value, then by label (C-B06);
 * booleans come only from an explicit table (C-B07). Anything that does not fit is reported,
 * never guessed.
 */
import type { AttributeValueType } from '../schema/attribute-types.js';
import type { Field, Option } from '../schema/procedure-format.js';
import { isObject } from '../shared/is-object.js';
import type { JsonValue } from '../shared/protocol.js';
import { checkTaxCode } from '../vn/check-tax-code.js';
import { foldKey, toneKey } from '../vn/fold-key.js';
import { displayIsoDate } from '../vn/format-calendar-date.js';
import { joinName } from '../vn/join-name.js';
import { nationalPhone } from '../vn/normalize-phone.js';
import { normalizeText } from '../vn/normalize-text.js';
import { parseIsoCalendarDate } from '../vn/parse-iso-calendar-date.js';
import { personalIdDigits } from '../vn/personal-id-digits.js';
import { properCaseName } from '../vn/proper-case-name.js';
import type { AddressValue, FieldReason, FieldValue } from './types.js';

export type Coerced = { ok: true; value: FieldValue } | { ok: false; reason: FieldReason };

const fail = (reason: FieldReason): Coerced => ({ ok: false, reason });
const ok = (value: FieldValue): Coerced => ({ ok: true, value });

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', '', 'không', 'khong']);

/**
 * Reads a boolean from the explicit table only: `"false"`, `"0"`, `"no"`, `"off"`, `""`, `0`,
 * `false` are false; `"true"`, `"1"`, `"yes"`, `"on"`, `1`, `true` are true (case and
 * surrounding spaces ignored). Anything else is not a boolean.
 */
export function toBoolean(raw: JsonValue): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 0 || raw === 1) return raw === 1;
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

/** The text forms a raw value may match an option by. */
function optionKeys(raw: JsonValue, type: AttributeValueType): string[] | undefined {
  if (type === 'gender') return raw === 'male' ? ['male', 'Nam', 'Male'] : raw === 'female' ? ['female', 'Nữ', 'Female'] : undefined;
  if (typeof raw === 'string') return [normalizeText(raw)];
  if (typeof raw === 'boolean') return [String(raw)];
  return undefined;
}

const labelMatches = (o: Option, key: string, keyOf: (s: string) => string) => keyOf(o.label.vi) === keyOf(key) || (o.label.en !== undefined && keyOf(o.label.en) === keyOf(key));

/**
 * Finds the option a raw value means: an exact value match wins; then a value, then a label
 * (vi or en), ignoring case, Unicode form and tone-mark placement; last, a label written
 * without diacritics. Two options matching in the same tier is no match: never a guess.
 */
export function matchOption(options: readonly Option[], raw: JsonValue, type: AttributeValueType): string | undefined {
  const keys = optionKeys(raw, type);
  if (!keys) return undefined;
  const tiers: Array<(o: Option, key: string) => boolean> = [
    (o, key) => o.value === key,
    (o, key) => toneKey(o.value) === toneKey(key),
    (o, key) => labelMatches(o, key, toneKey),
    (o, key) => labelMatches(o, key, foldKey),
  ];
  for (const key of keys) {
    for (const matches of tiers) {
      const found = options.filter((o) => matches(o, key));
      if (found.length === 1) return found[0]!.value;
      if (found.length > 1) return undefined;
    }
  }
  return undefined;
}

/** Exact decimal text from a JSON number or digit string; refuses what a float already lost. */
function exactNumber(raw: JsonValue, integer: boolean): Coerced {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('bad-format');
    if (Number.isInteger(raw)) return Number.isSafeInteger(raw) ? ok(String(raw)) : fail('unsafe-integer');
    if (integer) return fail('type-mismatch');
    const text = String(raw);
    // A double keeps about 15 significant digits; more means the wire already rounded it.
    return text.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length > 15 || /e/.test(text) ? fail('unsafe-integer') : ok(text);
  }
  if (typeof raw !== 'string') return fail('type-mismatch');
  const text = raw.trim();
  return (integer ? /^-?\d{1,30}$/ : /^-?\d{1,30}(\.\d{1,30})?$/).test(text) ? ok(text) : fail('bad-format');
}

function nameText(raw: JsonValue, field: Field): Coerced {
  let text: string;
  if (typeof raw === 'string') text = normalizeText(raw);
  else if (isObject<JsonValue>(raw) && typeof raw.given === 'string')
    text = joinName({ family: typeof raw.family === 'string' ? raw.family : '', middle: typeof raw.middle === 'string' ? raw.middle : '', given: raw.given });
  else return fail('type-mismatch');
  if (text === '') return fail('bad-format');
  return ok(field.type === 'text' && field.letterCase === 'upper' ? text.toLocaleUpperCase('vi') : properCaseName(text));
}

function addressValue(raw: JsonValue): AddressValue | undefined {
  if (!isObject<JsonValue>(raw)) return undefined;
  const { detail, wardCode, wardName, provinceCode, provinceName } = raw;
  if (typeof wardCode !== 'string' || typeof provinceCode !== 'string' || !/^\d{5}$/.test(wardCode) || !/^\d{2}$/.test(provinceCode)) return undefined;
  return {
    detail: typeof detail === 'string' ? normalizeText(detail) : '',
    wardCode,
    wardName: typeof wardName === 'string' ? normalizeText(wardName) : '',
    provinceCode,
    provinceName: typeof provinceName === 'string' ? normalizeText(provinceName) : '',
  };
}

function phoneText(raw: JsonValue, allowLandline: boolean): Coerced {
  if (typeof raw !== 'string') return fail('type-mismatch');
  const phone = nationalPhone(raw);
  return phone && (allowLandline || !phone.landline) ? ok(phone.national) : fail('bad-format');
}

/** Text for a text-like field from any scalar attribute type. */
function asText(raw: JsonValue, type: AttributeValueType, field: Field): Coerced {
  switch (type) {
    case 'name':
      return nameText(raw, field);
    case 'integer':
    case 'decimal':
      return exactNumber(raw, type === 'integer');
    case 'phone':
      return phoneText(raw, true);
    case 'date': {
      if (typeof raw !== 'string') return fail('type-mismatch');
      return parseIsoCalendarDate(raw) ? ok(displayIsoDate(raw)) : fail('bad-format');
    }
    case 'gender':
      return raw === 'male' ? ok('Nam') : raw === 'female' ? ok('Nữ') : fail('bad-format');
    case 'address': {
      const address = addressValue(raw);
      return address ? ok([address.detail, address.wardName, address.provinceName].filter(Boolean).join(', ')) : fail('unknown-unit');
    }
    default:
      return typeof raw === 'string' ? ok(normalizeText(raw)) : fail('type-mismatch');
  }
}

/**
 * Coerces one attribute value (already known not to be `null`) for a field.
 * @example
 * coerceValue(dateField, 'date', '1998') // { ok: false, reason: 'year-only' } unless the field allows it
 */
export function coerceValue(field: Field, type: AttributeValueType, raw: JsonValue): Coerced {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const text = asText(raw, type, field);
      if (text.ok && field.maxLength !== undefined && (text.value as string).length > field.maxLength) return fail('too-long');
      return text;
    }
    case 'integer':
    case 'decimal':
      return exactNumber(raw, field.type === 'integer');
    case 'date': {
      if (typeof raw !== 'string') return fail('type-mismatch');
      const date = parseIsoCalendarDate(raw);
      if (!date) return fail('bad-format');
      // A partial date stays partial: never a made-up day.
      return date.day !== undefined || field.allowYearOnly ? ok(raw) : fail('year-only');
    }
    case 'select':
    case 'radio': {
      const value = matchOption(field.options, raw, type);
      return value === undefined ? fail('no-option-match') : ok(value);
    }
    case 'multi-choice': {
      const items = Array.isArray(raw) ? raw : [raw];
      const values: string[] = [];
      for (const item of items) {
        const value = matchOption(field.options, item, type);
        if (value === undefined) return fail('no-option-match');
        if (!values.includes(value)) values.push(value);
      }
      return ok(values);
    }
    case 'checkbox': {
      const value = toBoolean(raw);
      return value === undefined ? fail('not-a-boolean') : ok(value);
    }
    case 'email': {
      if (typeof raw !== 'string') return fail('type-mismatch');
      const email = normalizeText(raw);
      return /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(email) && email.length <= 254 ? ok(email) : fail('bad-format');
    }
    case 'phone':
      return phoneText(raw, field.allowLandline === true);
    case 'personal-id': {
      if (typeof raw !== 'string') return fail('type-mismatch');
      if (type === 'legacy-id') return field.accept?.includes('legacy-id') && /^\d{9}$/.test(raw.trim()) ? ok(raw.trim()) : fail('bad-format');
      const id = personalIdDigits(raw);
      return id !== undefined ? ok(id) : fail('bad-format');
    }
    case 'tax-code': {
      if (typeof raw !== 'string') return fail('type-mismatch');
      const code = checkTaxCode(raw, { allowPersonalId: type === 'personal-id' || field.acceptPersonalId === true });
      return code.ok ? ok(code.value) : fail('bad-format');
    }
    case 'address': {
      const address = addressValue(raw);
      return address ? ok(address) : fail('unknown-unit');
    }
    default:
      return fail('type-mismatch');
  }
}
