import { OncefillError, brand, isKind } from './OncefillError.js';

/** Why a definition was rejected: one entry per problem, as data. */
export interface DefinitionIssue {
  /** JSON path into the definition, e.g. `$.fields[3].options[1].value`. */
  path: string;
  code: DefinitionIssueCode;
  message: string;
}

export type DefinitionIssueCode =
  | 'invalid-json'
  | 'too-large'
  | 'too-deep'
  | 'invalid-type'
  | 'invalid-value'
  | 'missing'
  | 'unknown-key'
  | 'too-small'
  | 'too-big'
  | 'pattern'
  | 'duplicate-id'
  | 'duplicate-option'
  | 'unknown-field'
  | 'unknown-attribute'
  | 'incompatible-attribute'
  | 'bad-group'
  | 'cycle'
  | 'status-mismatch'
  | 'draft'
  | 'invalid';

/**
 * A procedure definition that cannot be used. `issues` lists every problem found, each with
 * a JSON path, a code and a message.
 * @example
 * try { parseProcedure(json) } catch (e) {
 *   if (isDefinitionError(e)) for (const i of e.issues) console.log(i.path, i.message)
 * }
 */
export class DefinitionError extends OncefillError {
  declare readonly code: 'invalid-definition';
  readonly issues: readonly DefinitionIssue[];

  constructor(issues: readonly DefinitionIssue[], options: { cause?: unknown } = {}) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super('invalid-definition', `invalid procedure definition: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`, options);
    this.issues = issues;
    brand(this, 'DefinitionError');
  }
}

/**
 * True for a `DefinitionError` from any copy of oncefill.
 * @example
 * if (isDefinitionError(e)) showIssues(e.issues)
 */
export function isDefinitionError(value: unknown): value is DefinitionError {
  return isKind(value, 'DefinitionError');
}
