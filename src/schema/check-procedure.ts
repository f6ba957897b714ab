import type { DefinitionIssue } from '../shared/DefinitionError.js';
import { checkAuthoring } from './check-authoring.js';
import { readProcedure } from './parse-procedure.js';
import type { Procedure } from './procedure-format.js';

/** Every problem and warning in a definition; `procedure` is set when there are no errors. */
export interface ProcedureCheck {
  procedure?: Procedure;
  errors: DefinitionIssue[];
  warnings: DefinitionIssue[];
}

/**
 * Checks a definition for publishing, without throwing: what `parseProcedure` checks, plus the
 * authoring rules (honest draft statuses, ordered bounds) and draft warnings. Used by
 * `oncefill check` and the gateway.
 * @example
 * const { procedure, errors, warnings } = checkProcedure(text)
 */
export function checkProcedure(input: unknown): ProcedureCheck {
  const read = readProcedure(input);
  if (!read.procedure) return { errors: read.errors, warnings: [] };
  const { errors, warnings } = checkAuthoring(read.procedure);
  return errors.length > 0 ? { errors, warnings } : { procedure: read.procedure, errors, warnings };
}
