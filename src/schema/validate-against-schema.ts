/**
 * Validates a value against the JSON Schema generated from the zod source of the definition
 * format (`procedure.schema.json`). The browser runs this instead of zod's run-time parser:
 * same single source, about 7 KB min+gzip less in the core import (decision 005).
 *
 * It implements exactly the draft 2020-12 keywords the generator emits; `SUPPORTED_KEYWORDS`
 * is checked against the generated file by a test, so a format change that needs a new keyword
 * fails loudly instead of being ignored. Lengths count code points, as JSON Schema (and ajv)
 * do.
 */
import type { DefinitionIssue } from '../shared/DefinitionError.js';
import { isObject } from '../shared/is-object.js';

export type JsonSchema = { readonly [keyword: string]: unknown };

export const SUPPORTED_KEYWORDS = [
  '$schema', '$id', '$ref', '$defs', 'title', 'description',
  'type', 'const', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'oneOf', 'anyOf',
] as const;

const MAX_ISSUES = 50;
const patterns = new Map<string, RegExp>();
const length = (s: string) => (/[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length);
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** `$.a.b[2]["odd key"]`: a JSON path a person can read. */
export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== '__proto__' ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/**
 * Every problem of `value` against `schema` (draft 2020-12 subset), as definition issues.
 * @example
 * validateAgainstSchema(procedureJsonSchema, definition) // [] when structurally valid
 */
export function validateAgainstSchema(root: JsonSchema, value: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  /** Follows `$ref` chains (`#` or `#/$defs/…`) to the schema that holds the keywords. */
  const resolve = (schema: JsonSchema): JsonSchema => {
    for (let hops = 0; typeof schema.$ref === 'string' && hops < 32; hops++) {
      const ref: string = schema.$ref;
      const { $ref: _, ...siblings } = schema;
      const target = ref === '#' ? root : (defs[ref.slice('#/$defs/'.length)] ?? {});
      schema = Object.keys(siblings).length > 0 ? { ...target, ...siblings } : target;
    }
    return schema;
  };

  const check = (input: JsonSchema, v: unknown, path: string, out: DefinitionIssue[]): void => {
    if (out.length >= MAX_ISSUES) return;
    const schema = resolve(input);
    const fail = (code: DefinitionIssue['code'], message: string, at = path) => void out.push({ path: at, code, message });

    if (schema.oneOf || schema.anyOf) return branches(schema, v, path, out);
    if (typeof schema.type === 'string' && !hasType(v, schema.type)) return fail('invalid-type', `expected ${schema.type}, got ${typeName(v)}`);
    if ('const' in schema && v !== schema.const) return fail('invalid-value', `expected ${JSON.stringify(schema.const)}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(v)) return fail('invalid-value', `expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);

    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && length(v) < schema.minLength) fail('too-small', `needs at least ${schema.minLength} character(s)`);
      if (typeof schema.maxLength === 'number' && length(v) > schema.maxLength) fail('too-big', `allows at most ${schema.maxLength} character(s)`);
      if (typeof schema.pattern === 'string') {
        let re = patterns.get(schema.pattern);
        if (!re) patterns.set(schema.pattern, (re = new RegExp(schema.pattern, 'u')));
        if (!re.test(v)) fail('pattern', `does not match the pattern ${schema.pattern}`);
      }
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) fail('too-small', `must be ≥ ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) fail('too-big', `must be ≤ ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) fail('too-small', `needs at least ${schema.minItems} item(s)`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) return fail('too-big', `allows at most ${schema.maxItems} item(s)`);
      if (isObject(schema.items)) v.forEach((item, i) => check(schema.items as JsonSchema, item, jsonPath(path, i), out));
    }
    if (isObject(v)) {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const key of (schema.required ?? []) as string[])
        if (!Object.hasOwn(v, key)) fail('missing', `required ${String(resolve(properties[key] ?? {}).type ?? 'value')} is missing`, jsonPath(path, key));
      for (const key of Object.keys(v)) {
        if (Object.hasOwn(properties, key)) check(properties[key]!, v[key], jsonPath(path, key), out);
        else if (schema.additionalProperties === false) fail('unknown-key', `unknown key ${JSON.stringify(key)}`, jsonPath(path, key));
      }
    }
  };

  /**
   * `oneOf`/`anyOf`. When every branch fixes one property to a constant (the field `type`),
   * the value picks its branch by that property and its problems are reported in full;
   * otherwise a value no branch takes gets one summary issue.
   */
  const branches = (schema: JsonSchema, v: unknown, path: string, out: DefinitionIssue[]): void => {
    const options = ((schema.oneOf ?? schema.anyOf) as JsonSchema[]).map(resolve);
    const discriminator = isObject(v) ? discriminatorOf(options) : undefined;
    if (discriminator && isObject(v)) {
      const consts = options.map((o) => resolve(((o.properties as Record<string, JsonSchema>)[discriminator])!).const);
      const at = jsonPath(path, discriminator);
      const expected = `expected one of ${consts.map((c) => JSON.stringify(c)).join(', ')}`;
      if (!Object.hasOwn(v, discriminator)) return void out.push({ path: at, code: 'missing', message: `required ${discriminator} is missing; ${expected}` });
      const chosen = options[consts.indexOf(v[discriminator])];
      if (!chosen) return void out.push({ path: at, code: 'invalid-value', message: `unknown ${discriminator} ${JSON.stringify(v[discriminator]).slice(0, 40)}; ${expected}` });
      return check(chosen, v, path, out);
    }
    let passed = 0;
    for (const option of options) {
      const trial: DefinitionIssue[] = [];
      check(option, v, path, trial);
      if (trial.length === 0) passed++;
    }
    if (passed === 0 || (schema.oneOf !== undefined && passed > 1))
      out.push({ path, code: 'invalid', message: typeof schema.description === 'string' ? `expected ${schema.description}` : passed > 1 ? 'matches more than one allowed shape' : 'matches none of the allowed shapes' });
  };

  check(root, value, '$', issues);
  return issues;
}

/** The property every branch fixes to a different constant, if there is one. */
function discriminatorOf(options: JsonSchema[]): string | undefined {
  const first = options[0]?.properties;
  if (!isObject(first)) return undefined;
  for (const key of Object.keys(first)) {
    const consts = options.map((o) => (isObject(o.properties) && isObject(o.properties[key]) ? (o.properties[key] as JsonSchema).const : undefined));
    if (consts.every((c) => c !== undefined) && new Set(consts).size === consts.length) return key;
  }
  return undefined;
}
