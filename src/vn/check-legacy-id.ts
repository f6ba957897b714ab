import { idDigits } from './id-digits.js';

export type CheckLegacyIdResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'not-a-string' | 'empty' | 'not-digits' | 'wrong-length' };

/**
 * Checks an old 9-digit identity-card number (CMND 9 số). The cards stopped being valid
 * documents, but the numbers stay in records (Luật Căn cước 2023 Điều 9 item 13) and on the
 * chip; keep them in their own field, never in place of the 12-digit personal ID. The 12-digit
 * CMND of 2012–2016 looks like a personal ID and is checked by `checkPersonalId`.
 * @example
 * checkLegacyId('012 345 678') // { ok: true, value: '012345678' }
 */
export function checkLegacyId(text: unknown): CheckLegacyIdResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  if (text.length > 64) return { ok: false, reason: 'wrong-length' };
  const value = idDigits(text);
  if (value === undefined) return { ok: false, reason: 'not-digits' };
  if (value === '') return { ok: false, reason: 'empty' };
  return value.length === 9 ? { ok: true, value } : { ok: false, reason: 'wrong-length' };
}
