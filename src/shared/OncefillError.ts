/**
 * Errors oncefill throws or reports. Lifecycle failures are errors; data problems (a missing
 * attribute, a conflict, a value that does not fit) are results, never exceptions.
 *
 * Every error is branded with a registry symbol so the `is*` guards still work when two
 * copies of oncefill share a page (an npm bundle beside the script tag).
 *
 * No error message ever carries a field value, an ID or a name.
 */
const BRAND = Symbol.for('oncefill.error');

/** The kinds of error oncefill raises, by class. */
export type OncefillErrorKind = 'OncefillError' | 'DefinitionError' | 'SourceError' | 'BindError' | 'GatewaySourceError';

/**
 * Base class of every oncefill error.
 * @example
 * try { parseProcedure(text) } catch (e) { if (isOncefillError(e)) console.warn(e.code) }
 */
export class OncefillError extends Error {
  readonly code: string;
  declare readonly cause?: unknown;
  readonly [BRAND]: OncefillErrorKind;

  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    // The native `cause` (every supported browser has it): an own, non-enumerable property, set only when given.
    super(message.startsWith('[oncefill]') ? message : `[oncefill] ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = 'OncefillError';
    this[BRAND] = 'OncefillError';
  }
}

/** Brands an instance with its class name; subclasses call it from their constructor. */
export function brand(error: OncefillError, kind: OncefillErrorKind): void {
  (error as { [BRAND]: OncefillErrorKind })[BRAND] = kind;
  error.name = kind;
}

function kindOf(value: unknown): OncefillErrorKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { [BRAND]?: unknown })[BRAND];
  return typeof kind === 'string' ? (kind as OncefillErrorKind) : undefined;
}

/**
 * True for any error raised by any copy of oncefill.
 * @example
 * if (isOncefillError(e)) report(e.code)
 */
export function isOncefillError(value: unknown): value is OncefillError {
  return kindOf(value) !== undefined;
}

/** @internal Guards for the subclasses, shared by their files. */
export function isKind(value: unknown, kind: OncefillErrorKind): boolean {
  return kindOf(value) === kind;
}
