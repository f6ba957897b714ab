import { DefinitionError, type DefinitionIssue } from '../shared/DefinitionError.js';
import { checkSemantics } from './check-semantics.js';
import { DEFINITION_LIMITS } from './format-constants.js';
import type { Procedure, ProcedureDefinition } from './procedure-format.js';
import schema from './procedure.schema.json';
import { jsonPath, validateAgainstSchema } from './validate-against-schema.js';

/** @internal What reading a definition gives: the procedure, or every problem. */
export interface ReadProcedure {
  procedure?: Procedure;
  errors: DefinitionIssue[];
}

/**
 * @internal Reads a definition without throwing: bounds, structure (the generated JSON Schema),
 * then what oncefill needs to run it. Shared by `parseProcedure` and `checkProcedure`.
 */
export function readProcedure(input: unknown): ReadProcedure {
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
  if (bound) return { errors: [bound] };

  const structural = validateAgainstSchema(schema, value);
  if (structural.length > 0) return { errors: structural };
  // Structurally valid means plain JSON data: a JSON copy detaches it from the caller's object.
  const procedure = (typeof input === 'string' ? value : JSON.parse(JSON.stringify(value))) as Procedure;
  const errors = checkSemantics(procedure);
  return errors.length > 0 ? { errors } : { procedure, errors };
}

/**
 * Checks a definition at run time (JSON text or a parsed value): its structure and everything
 * oncefill needs to run it. `checkProcedure` adds the authoring rules for publishing one.
 * @throws DefinitionError listing every problem with its JSON path.
 * @example
 * const procedure = parseProcedure(await (await fetch('/procedures/1.004616.json')).text())
 */
export function parseProcedure(input: unknown): Procedure {
  const { procedure, errors } = readProcedure(input);
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

function fail(path: string, code: DefinitionIssue['code'], message: string): ReadProcedure {
  return { errors: [{ path, code, message }] };
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


