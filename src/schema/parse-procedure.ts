import { DefinitionError, type DefinitionIssue } from '../shared/DefinitionError.js';
import { checkSemantics } from './check-semantics.js';
import { DEFINITION_LIMITS, FIELD_TYPES, procedureSchema, type Procedure, type ProcedureDefinition } from './procedure-format.js';

/** Every problem and warning in a definition; `procedure` is set when there are no errors. */
export interface ProcedureCheck {
  procedure?: Procedure;
  errors: DefinitionIssue[];
  warnings: DefinitionIssue[];
}

/**
 * Checks a definition without throwing: JSON text or a parsed value in, every error and
 * warning out. Used by `parseProcedure`, `oncefill check` and the gateway.
 * @example
 * const { procedure, errors } = checkProcedure(text)
 */
export function checkProcedure(input: unknown): ProcedureCheck {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > DEFINITION_LIMITS.maxJsonChars)
      return fail('$', 'too-large', `definition text is longer than ${DEFINITION_LIMITS.maxJsonChars} characters`);
    try {
      value = JSON.parse(input);
    } catch (error) {
      return fail('$', 'invalid-json', `not valid JSON (${error instanceof Error ? error.message.replace(/"[^"]*"/g, '…') : 'parse error'})`);
    }
  }
  const bound = measure(value);
  if (bound) return { errors: [bound], warnings: [] };

  const parsed = procedureSchema.safeParse(value);
  if (!parsed.success) return { errors: parsed.error.issues.flatMap((issue) => toIssues(issue, value)), warnings: [] };
  const { errors, warnings } = checkSemantics(parsed.data);
  return errors.length > 0 ? { errors, warnings } : { procedure: parsed.data, errors, warnings };
}

/**
 * Checks a definition at run time (JSON text or a parsed value).
 * @throws DefinitionError listing every problem with its JSON path.
 * @example
 * const procedure = parseProcedure(await (await fetch('/procedures/1.004616.json')).text())
 */
export function parseProcedure(input: unknown): Procedure {
  const { procedure, errors } = checkProcedure(input);
  if (!procedure) throw new DefinitionError(errors);
  return procedure;
}

/**
 * Declares a definition in TypeScript with full type checking, and checks it at run time too.
 * @throws DefinitionError like `parseProcedure`.
 * @example
 * export const copyOfDiploma = defineProcedure({ format: 1, code: '1.005092', … })
 */
export function defineProcedure(definition: ProcedureDefinition): Procedure {
  return parseProcedure(definition);
}

function fail(path: string, code: DefinitionIssue['code'], message: string): ProcedureCheck {
  return { errors: [{ path, code, message }], warnings: [] };
}

/** Bounds depth and size before any real work, iteratively, so no input can overflow the stack. */
function measure(value: unknown): DefinitionIssue | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields = (value as { fields?: unknown }).fields;
    if (Array.isArray(fields) && fields.length > DEFINITION_LIMITS.maxFields)
      return { path: '$.fields', code: 'too-large', message: `${fields.length} fields; at most ${DEFINITION_LIMITS.maxFields} are allowed` };
  }
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 0, path: '$' }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > DEFINITION_LIMITS.maxJsonDepth)
      return { path, code: 'too-deep', message: `nested deeper than ${DEFINITION_LIMITS.maxJsonDepth} levels` };
    if (++nodes > 500_000) return { path: '$', code: 'too-large', message: 'definition has more than 500000 values' };
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const key of Object.keys(node)) stack.push({ node: (node as Record<string, unknown>)[key], depth: depth + 1, path: jsonPath(path, key) });
  }
  return undefined;
}

/** `$.a.b[2]["odd key"]`: a JSON path a person can read. */
export function jsonPath(parent: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = String(key);
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__' ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  pattern?: string;
  discriminator?: string;
  errors?: ZodIssueLike[][];
  note?: string;
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function toIssues(raw: unknown, root: unknown): DefinitionIssue[] {
  const issue = raw as ZodIssueLike;
  const input = valueAt(root, issue.path);
  const path = issue.path.reduce<string>((p, key) => jsonPath(p, key), '$');
  const list = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? [{ path, code: 'missing', message: `required ${issue.expected} is missing` }]
        : [{ path, code: 'invalid-type', message: `expected ${issue.expected}, got ${typeName(input)}` }];
    case 'invalid_value':
      return [{ path, code: 'invalid-value', message: `expected ${issue.values?.length === 1 ? '' : 'one of '}${list(issue.values ?? [])}` }];
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({ path: jsonPath(path, key), code: 'unknown-key', message: `unknown key ${JSON.stringify(key)}` }));
    case 'invalid_format':
      return [{ path, code: 'pattern', message: `does not match the pattern ${issue.pattern ?? ''}`.trim() }];
    case 'too_small':
      return [{ path, code: 'too-small', message: `${issue.origin === 'array' ? 'needs at least' : issue.origin === 'string' ? 'needs at least' : 'must be ≥'} ${issue.minimum}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''}` }];
    case 'too_big':
      return [{ path, code: 'too-big', message: `${issue.origin === 'number' ? 'must be ≤' : 'allows at most'} ${issue.maximum}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''}` }];
    case 'invalid_union':
      if (issue.discriminator === 'type') {
        const expected = `expected one of ${list([...FIELD_TYPES])}`;
        return [
          input === undefined
            ? { path, code: 'missing', message: `required field type is missing; ${expected}` }
            : { path, code: 'invalid-value', message: `unknown field type ${JSON.stringify(input).slice(0, 40)}; ${expected}` },
        ];
      }
      return [{ path, code: 'invalid', message: 'expected a condition: { field, eq | in | empty } or { all | any | not }' }];
    default:
      return [{ path, code: 'invalid', message: 'invalid value' }];
  }
}
