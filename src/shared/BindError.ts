import { OncefillError, brand, isKind } from './OncefillError.js';

export type BindErrorCode = 'no-form' | 'no-definition' | 'bad-definition' | 'bad-option';

/**
 * A form that could not be bound. Reported through `onError` and `'sdk:error'`; never thrown
 * into the host page by the one-tag embed.
 * @example
 * bindForm(form, { onError: (e) => isBindError(e) && console.warn(e.code) })
 */
export class BindError extends OncefillError {
  declare readonly code: BindErrorCode;
  constructor(code: BindErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    brand(this, 'BindError');
  }
}

/**
 * True for a `BindError` from any copy of oncefill.
 * @example
 * if (isBindError(e)) console.warn(e.code)
 */
export function isBindError(value: unknown): value is BindError {
  return isKind(value, 'BindError');
}
