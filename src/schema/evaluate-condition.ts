/**
 * Evaluates the JSON conditions of a definition (`visibleWhen`, `requiredWhen`) against form
 * values. Pure and DOM-free: the gateway's submission check and the browser binding use the
 * same rules, so a field is never required on one side and optional on the other.
 */
import { isObject } from '../shared/is-object.js';
import type { Condition } from './procedure-format.js';

/** Conditions nested deeper than this are false (definitions allow far less; this bounds bad input). */
const MAX_DEPTH = 64;


/**
 * True when a form value counts as not given: `undefined`, `null`, text that is empty or only
 * whitespace, an empty list, an unticked checkbox (`false`), or an object (an address) whose
 * members are all empty. `0` and `"0"` are values.
 * @example
 * isEmptyValue('  ')                                     // true
 * isEmptyValue({ detail: '', wardCode: '', provinceCode: '' }) // true
 * isEmptyValue(false)                                    // true
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).every((key) => isEmptyValue(value[key]));
  return false;
}

/**
 * Evaluates a condition against form values keyed by field path.
 *
 * - `{ field, eq }`: the value equals `eq` exactly (no type conversion: `2` is not `"2"`; an
 *   absent value equals `null`); for a list value (multi-choice), the list contains `eq`.
 * - `{ field, in }`: the value (or, for a list, any of its items) is one of `in`.
 * - `{ field, empty }`: {@link isEmptyValue} of the value is `empty`.
 * - `{ all }`, `{ any }`, `{ not }`: and, or, not.
 *
 * Inside a row of a repeated group, pass the row's prefix (`diplomas[0].`): a field id is
 * looked up in the row first, then at the top level. Never throws: a malformed condition is
 * false.
 * @example
 * evaluateCondition({ field: 'applicantKind', eq: 'organization' }, { applicantKind: 'organization' }) // true
 * evaluateCondition({ not: { field: 'email', empty: true } }, {})                                      // false
 */
export function evaluateCondition(condition: Condition, values: Readonly<Record<string, unknown>>, row?: string): boolean {
  try {
    return evaluate(condition, isObject(values) ? values : {}, typeof row === 'string' ? row : '', 0);
  } catch {
    return false;
  }
}

function lookup(values: Readonly<Record<string, unknown>>, row: string, field: string): unknown {
  if (row !== '' && Object.hasOwn(values, `${row}${field}`)) return values[`${row}${field}`];
  return Object.hasOwn(values, field) ? values[field] : undefined;
}

function evaluate(condition: unknown, values: Readonly<Record<string, unknown>>, row: string, depth: number): boolean {
  // Too deep makes the whole condition false, not one branch (a `not` above would flip it).
  if (depth > MAX_DEPTH) throw new RangeError('condition too deep');
  if (!isObject(condition)) return false;
  if (typeof condition.field === 'string') {
    const value = lookup(values, row, condition.field);
    if (Object.hasOwn(condition, 'eq')) {
      const expected = condition.eq;
      if (Array.isArray(value)) return value.includes(expected);
      return expected === null ? value === null || value === undefined : value === expected;
    }
    if (Array.isArray(condition.in)) {
      const allowed = condition.in;
      return Array.isArray(value) ? value.some((item) => allowed.includes(item)) : allowed.includes(value);
    }
    if (typeof condition.empty === 'boolean') return isEmptyValue(value) === condition.empty;
    return false;
  }
  if (Array.isArray(condition.all)) return condition.all.length > 0 && condition.all.every((c) => evaluate(c, values, row, depth + 1));
  if (Array.isArray(condition.any)) return condition.any.some((c) => evaluate(c, values, row, depth + 1));
  if (Object.hasOwn(condition, 'not')) return isObject(condition.not) && !evaluate(condition.not, values, row, depth + 1);
  return false;
}
