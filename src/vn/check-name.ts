import { normalizeText } from './normalize-text.js';

/** Something in a name that a person should look at; the name is still returned as written. */
export type NameWarning =
  /** U+00D0 "Ð" or U+00F0 "ð" (Icelandic eth), which look like "Đ"/"đ" but are other letters. */
  | 'eth-lookalike'
  /** UTF-8 read as Windows-1252 ("Nguyá»…n", "HoÃ "): the text was decoded wrongly upstream. */
  | 'mojibake'
  /** U+FFFD: characters were lost before the text reached us. */
  | 'replacement-character'
  /** Digits in a name. */
  | 'digits'
  /** Characters other than letters, marks, spaces, apostrophes, hyphens and dots. */
  | 'unusual-characters';

export type CheckNameResult =
  | { ok: true; value: string; warnings: NameWarning[] }
  | { ok: false; reason: 'not-a-string' | 'empty' | 'too-long' };

/**
 * A UTF-8 lead byte of Vietnamese text decoded as Windows-1252 (Ã, Â, Ä, Å, Æ, á) followed by a
 * continuation byte decoded the same way (U+0080–U+00BF or the cp1252 punctuation in 0x80–0x9F).
 * No Vietnamese spelling has that pair.
 */
const MOJIBAKE = /[ÃÂÄÅÆá][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;

/** Longer than any real name; the register's field is far shorter. */
const MAX_NAME_LENGTH = 200;

/**
 * Normalizes a name and reports what looks wrong in it without changing it: a lookalike
 * letter or mojibake is shown to a person, never silently "fixed".
 * @example
 * checkName('ÐỖ VĂN AN') // { ok: true, value: 'ÐỖ VĂN AN', warnings: ['eth-lookalike'] }
 */
export function checkName(text: unknown): CheckNameResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  const value = normalizeText(text);
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > MAX_NAME_LENGTH) return { ok: false, reason: 'too-long' };
  const warnings: NameWarning[] = [];
  if (/[\u00D0\u00F0]/.test(value)) warnings.push('eth-lookalike');
  if (MOJIBAKE.test(value)) warnings.push('mojibake');
  if (value.includes('\uFFFD')) warnings.push('replacement-character');
  if (/\p{N}/u.test(value)) warnings.push('digits');
  if (/[^\p{L}\p{M}\p{N} '’.\-\uFFFD]/u.test(value)) warnings.push('unusual-characters');
  return { ok: true, value, warnings };
}
