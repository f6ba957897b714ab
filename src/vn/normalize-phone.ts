import { normalizeText } from './normalize-text.js';

/**
 * The 2018 renumbering of 11-digit mobile numbers (15/9/2018–30/6/2019): the old prefix became
 * the new one, the last 7 digits stayed. Old prefix → new prefix, both with the leading 0
 * (VIETNAM.md §5, source S21).
 * @example
 * PHONE_RENUMBERING['0168'] // '038'
 */
export const PHONE_RENUMBERING: Readonly<Record<string, string>> = Object.freeze({
  // MobiFone
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  // VinaPhone
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  // Viettel
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  // Vietnamobile
  '0186': '056',
  '0188': '058',
  // Gmobile
  '0199': '059',
});

export type PhoneKind = 'mobile' | 'landline';

export type NormalizePhoneReason =
  | 'not-a-string'
  | 'empty'
  /** Letters or symbols other than separators, "+" and "()". */
  | 'invalid-characters'
  /** A country code other than 84. */
  | 'not-vietnamese'
  /** No trunk "0" and no country code (Excel drops the leading 0: do not guess it back). */
  | 'missing-prefix'
  /** Neither a 10-digit mobile (03, 05, 07, 08, 09), an 11-digit landline (02) nor an old 11-digit mobile in the 2018 table. */
  | 'unknown-number';

export type NormalizePhoneResult =
  | {
      ok: true;
      /** `+84912345678`: store this. */
      e164: string;
      /** `0912345678`. */
      national: string;
      /** `0912 345 678`, `024 3823 4567`, `0236 382 4567`: show this. */
      display: string;
      kind: PhoneKind;
      /** The old 11-digit number written, when it was renumbered in 2018: offer the change. */
      renumberedFrom?: string;
    }
  | { ok: false; reason: NormalizePhoneReason };

/**
 * Normalizes a Vietnamese phone number: accepts the prefixes `+84`, `84`, `0084` and `0`, a
 * "(0)" after the country code, and spaces, dots, dashes and brackets. Mobile numbers have
 * 10 digits with 03, 05, 07, 08 or 09; an old 11-digit mobile number is renumbered by
 * {@link PHONE_RENUMBERING} and says so in `renumberedFrom`. Landlines have 11 digits with an
 * 02x area code (024 Hà Nội and 028 TP HCM take 8 subscriber digits, the others 7). Pre-2017
 * landline area codes are not converted. Never throws.
 * @example
 * normalizePhone('+84 (0) 912.345.678') // { ok: true, e164: '+84912345678', display: '0912 345 678', kind: 'mobile', … }
 * normalizePhone('0168 123 4567')       // { ok: true, e164: '+84381234567', renumberedFrom: '01681234567', … }
 */
export function normalizePhone(text: unknown): NormalizePhoneResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  if (text.length > 64) return { ok: false, reason: 'unknown-number' };
  const written = normalizeText(text).normalize('NFKC');
  if (written === '') return { ok: false, reason: 'empty' };
  const compact = written.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'invalid-characters' };
  let digits = compact.replace('+', '');
  const international = compact.startsWith('+') || digits.startsWith('00');
  if (international) {
    digits = digits.replace(/^00/, '');
    if (!digits.startsWith('84')) return { ok: false, reason: 'not-vietnamese' };
    digits = `0${digits.slice(2).replace(/^0/, '')}`;
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    // "84…" without a plus: a national number never starts with 8, so this is the country code.
    digits = `0${digits.slice(2)}`;
  } else if (!digits.startsWith('0')) {
    return { ok: false, reason: digits.length === 9 || digits.length === 10 ? 'missing-prefix' : 'unknown-number' };
  }

  let renumberedFrom: string | undefined;
  if (digits.length === 11 && digits[1] === '1') {
    const prefix = PHONE_RENUMBERING[digits.slice(0, 4)];
    if (!prefix) return { ok: false, reason: 'unknown-number' };
    renumberedFrom = digits;
    digits = prefix + digits.slice(4);
  }
  let kind: PhoneKind;
  let display: string;
  if (digits.length === 10 && /^0[35789]/.test(digits)) {
    kind = 'mobile';
    display = `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  } else if (digits.length === 11 && digits[1] === '2') {
    kind = 'landline';
    const area = /^02[48]/.test(digits) ? 3 : 4;
    display = `${digits.slice(0, area)} ${digits.slice(area, 7)} ${digits.slice(7)}`;
  } else {
    return { ok: false, reason: 'unknown-number' };
  }
  const result: NormalizePhoneResult = { ok: true, e164: `+84${digits.slice(1)}`, national: digits, display, kind };
  if (renumberedFrom) result.renumberedFrom = renumberedFrom;
  return result;
}

/**
 * What a phone field holds of a number `normalizePhone` reads: its national form, and whether
 * it is a landline. (The one-tag embed swaps in a reader of the wire form, `src/iife/wire-phone.ts`.)
 * @example
 * nationalPhone('+84 912 345 678') // { national: '0912345678', landline: false }
 */
export function nationalPhone(text: unknown): { national: string; landline: boolean } | undefined {
  const phone = normalizePhone(text);
  return phone.ok ? { national: phone.national, landline: phone.kind === 'landline' } : undefined;
}
