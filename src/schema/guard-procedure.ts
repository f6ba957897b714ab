/**
 * The small structural guard the one-tag embed uses instead of the full parser, so the IIFE
 * carries no zod. It rejects what would break binding (wrong top-level shape, unknown field
 * types, duplicate ids); the full check is `oncefill check` and the gateway.
 */
import { DefinitionError, type DefinitionIssue } from '../shared/DefinitionError.js';
import { isObject } from '../shared/is-object.js';
import { DEFINITION_LIMITS, FIELD_TYPES, PROCEDURE_CODE_PATTERN } from './format-constants.js';
import type { Procedure } from './procedure-format.js';

const types = new Set<string>(FIELD_TYPES);

/**
 * Checks the shape a binding relies on and returns the definition.
 * @throws DefinitionError with the first problems found.
 * @example
 * const procedure = guardProcedure(JSON.parse(script.textContent))
 */
export function guardProcedure(input: unknown): Procedure {
  let value = input;
  const issues: DefinitionIssue[] = [];
  if (typeof input === 'string') {
    try {
      value = input.length > DEFINITION_LIMITS.maxJsonChars ? undefined : JSON.parse(input);
    } catch {
      throw new DefinitionError([{ path: '$', code: 'invalid-json', message: 'not valid JSON' }]);
    }
  }
  if (!isObject(value)) throw new DefinitionError([{ path: '$', code: 'invalid-type', message: 'expected an object' }]);
  if (value.format !== 1) issues.push({ path: '$.format', code: 'invalid-value', message: 'expected 1' });
  if (typeof value.code !== 'string' || !PROCEDURE_CODE_PATTERN.test(value.code))
    issues.push({ path: '$.code', code: 'pattern', message: 'expected a national procedure code such as 1.004616' });
  if (typeof value.version !== 'string') issues.push({ path: '$.version', code: 'missing', message: 'required string is missing' });
  const fields = value.fields;
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > DEFINITION_LIMITS.maxFields) {
    issues.push({ path: '$.fields', code: 'invalid-type', message: `expected 1 to ${DEFINITION_LIMITS.maxFields} fields` });
  } else {
    const ids = new Set<string>();
    fields.forEach((field: unknown, i) => {
      const at = `$.fields[${i}]`;
      if (!isObject(field)) return issues.push({ path: at, code: 'invalid-type', message: 'expected an object' });
      if (typeof field.id !== 'string' || ids.has(field.id)) issues.push({ path: `${at}.id`, code: 'duplicate-id', message: 'missing or duplicate id' });
      else ids.add(field.id);
      if (typeof field.type !== 'string' || !types.has(field.type)) issues.push({ path: `${at}.type`, code: 'invalid-value', message: 'unknown field type' });
      if (!isObject(field.label) || typeof field.label.vi !== 'string') issues.push({ path: `${at}.label`, code: 'missing', message: 'required label is missing' });
      if ('options' in field && !Array.isArray(field.options)) issues.push({ path: `${at}.options`, code: 'invalid-type', message: 'expected an array' });
    });
  }
  if (issues.length > 0) throw new DefinitionError(issues.slice(0, 20));
  return value as unknown as Procedure;
}
