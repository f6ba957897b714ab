import { normalizeText } from './normalize-text.js';

/**
 * @internal The digits of an identifier as people write it: full-width digits folded (NFKC),
 * spaces, dots and dashes removed. `undefined` when anything else is in it.
 */
export function idDigits(text: string): string | undefined {
  const value = normalizeText(text).normalize('NFKC').replace(/[\s.\-]/g, '');
  return /^\d*$/.test(value) ? value : undefined;
}
