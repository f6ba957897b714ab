/**
 * The one way `oncefill/server` validates JSON with ajv: on a copy, never coercing types,
 * never removing or defaulting anything, all errors with paths, no value in any message.
 * C-B08 (`../shared/cases/CASES.md`): ajv's `removeAdditional` judges each `anyOf` branch on
 * its own and deletes data another branch needs; oncefill never uses it, so the input and
 * its valid copy keep every member.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/** One problem, as data. `path` is a JSON Pointer into the value (`/contact/phone`, `` for the root). */
export interface JsonValidationError {
  path: string;
  code: string;
  message: string;
}

export type JsonValidation<T = unknown> = { ok: true; value: T; errors: [] } | { ok: false; errors: JsonValidationError[] };

/** Production options, in one place so a test can hold them: no coercion, no stripping, no defaults. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  // `required` inside if/then/not names members declared beside them; that is not a typo.
  strictRequired: false,
  coerceTypes: false,
  removeAdditional: false,
  useDefaults: false,
  unicodeRegExp: true,
} as const;

let shared: Ajv2020 | undefined;
/** @internal One ajv instance for the protocol's fixed schemas. */
export function sharedAjv(): Ajv2020 {
  return (shared ??= new Ajv2020(AJV_OPTIONS));
}

const MAX_ERRORS = 50;

/** Fixed words per keyword: ajv's own messages may quote allowed values or patterns; these never quote the data. */
function messageOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(p.type)}`;
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed here';
    case 'enum':
    case 'const':
      return 'is not one of the allowed values';
    case 'pattern':
      return 'does not have the expected form';
    case 'minLength':
    case 'minItems':
    case 'minimum':
      return `is too small (at least ${String(p.limit)})`;
    case 'maxLength':
    case 'maxItems':
    case 'maximum':
      return `is too large (at most ${String(p.limit)})`;
    case 'uniqueItems':
      return 'has duplicate items';
    default:
      return `does not match the schema (${error.keyword})`;
  }
}

/** The pointer of an error: a missing or extra member is reported at the member itself. */
function pathOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  if (error.keyword === 'required' && typeof p.missingProperty === 'string') return `${error.instancePath}/${escape(p.missingProperty)}`;
  if (error.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') return `${error.instancePath}/${escape(p.additionalProperty)}`;
  return error.instancePath;
}

/**
 * A deep copy of plain JSON data, or `undefined` when the value is not JSON (a cycle, a
 * `bigint`, nesting too deep for the stack). `__proto__` members stay own members.
 */
export function jsonCopy(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Compiles a validator that checks a copy of its input and returns the copy when valid.
 * @example
 * const check = compileJsonValidator(schema)
 * const { ok, errors } = check(payload) // payload untouched either way
 */
export function compileJsonValidator<T = unknown>(schema: object, ajv: Ajv2020 = new Ajv2020(AJV_OPTIONS)): (input: unknown) => JsonValidation<T> {
  const validate: ValidateFunction = ajv.compile(schema);
  return (input) => {
    const copy = jsonCopy(input);
    if (copy === undefined) return { ok: false, errors: [{ path: '', code: 'not-json', message: 'is not JSON data' }] };
    if (validate(copy)) return { ok: true, value: copy as T, errors: [] };
    const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => ({ path: pathOf(e), code: e.keyword, message: messageOf(e) }));
    return { ok: false, errors };
  };
}
