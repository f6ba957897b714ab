import { idDigits } from './id-digits.js';
import { OLD_PROVINCE_CODES } from './old-provinces.generated.js';

let prefixes: Set<string> | undefined;

/**
 * The 12 digits of a personal ID whose prefix is one of the 63 province codes, or
 * `undefined`. The lean check for hot paths and small bundles; `checkPersonalId` says why and
 * what the digits mean.
 * @example
 * personalIdDigits('001 090 012 345') // '001090012345'
 */
export function personalIdDigits(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > 64) return undefined;
  const value = idDigits(text);
  prefixes ??= new Set(OLD_PROVINCE_CODES.split(' ').map((code) => `0${code}`));
  return value !== undefined && value.length === 12 && prefixes.has(value.slice(0, 3)) ? value : undefined;
}
