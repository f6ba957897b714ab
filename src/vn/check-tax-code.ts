import { personalIdDigits } from './personal-id-digits.js';
import { idDigits } from './id-digits.js';

/**
 * - `main`: 10 digits, an enterprise, organization or (numbers issued before 1/7/2025) a person;
 * - `dependent`: 10 + 3 digits, a dependent unit or business location, written `0101234567-001`;
 * - `personal-id`: a 12-digit personal ID, which individuals and household businesses use as
 *   their tax code (Luật Quản lý thuế 2019 Điều 35 khoản 7; TT 86/2024/TT-BTC Điều 5).
 */
export type TaxCodeKind = 'main' | 'dependent' | 'personal-id';

export type CheckTaxCodeReason =
  | 'not-a-string'
  | 'empty'
  | 'not-digits'
  | 'wrong-length'
  /** Digits 3–9 are 0000000; the circular numbers them from 0000001. */
  | 'invalid-serial'
  /** The dependent-unit suffix is 000; the circular numbers them from 001. */
  | 'invalid-suffix'
  /** Twelve digits, but `allowPersonalId` is not set. */
  | 'personal-id-not-allowed'
  /** Twelve digits that are not a valid personal ID (see `checkPersonalId`). */
  | 'invalid-personal-id';

export type CheckTaxCodeResult = { ok: true; value: string; kind: TaxCodeKind } | { ok: false; reason: CheckTaxCodeReason };

export interface CheckTaxCodeOptions {
  /** Accept a 12-digit personal ID, as fields for individuals must. Default false. */
  allowPersonalId?: boolean;
}

/**
 * Checks and normalizes a tax code (mã số thuế), structured `N1…N10 - N11N12N13`
 * (TT 105/2020/TT-BTC Điều 5, kept by TT 86/2024/TT-BTC): 10 digits, or 13 written with a dash
 * (13 digits without one are given the dash). Spaces and dots are removed.
 *
 * N10 is a check digit, but no legal text we could cite gives its algorithm (the weights
 * circulating in libraries come from blogs), so it is not checked: a wrong N10 passes here and
 * is caught by the tax authority's lookup.
 * @example
 * checkTaxCode('0312687878 001') // { ok: true, value: '0312687878-001', kind: 'dependent' }
 * checkTaxCode('001090012345', { allowPersonalId: true }) // { ok: true, value: '001090012345', kind: 'personal-id' }
 */
export function checkTaxCode(text: unknown, options: CheckTaxCodeOptions = {}): CheckTaxCodeResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  if (text.length > 64) return { ok: false, reason: 'wrong-length' };
  const value = idDigits(text);
  if (value === undefined) return { ok: false, reason: 'not-digits' };
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length === 12) {
    if (!options.allowPersonalId) return { ok: false, reason: 'personal-id-not-allowed' };
    return personalIdDigits(value) !== undefined ? { ok: true, value, kind: 'personal-id' } : { ok: false, reason: 'invalid-personal-id' };
  }
  if (value.length !== 10 && value.length !== 13) return { ok: false, reason: 'wrong-length' };
  if (value.slice(2, 9) === '0000000') return { ok: false, reason: 'invalid-serial' };
  if (value.length === 10) return { ok: true, value, kind: 'main' };
  if (value.endsWith('000')) return { ok: false, reason: 'invalid-suffix' };
  return { ok: true, value: `${value.slice(0, 10)}-${value.slice(10)}`, kind: 'dependent' };
}
