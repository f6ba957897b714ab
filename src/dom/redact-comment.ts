/** Most characters of a comment the prompt sends (after redaction). */
export const DEFAULT_COMMENT_MAX_LENGTH = 500;

const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+/g;
/** Runs of nine or more digits: personal IDs (12), tax codes (10, 13), bank accounts. */
const DIGIT_RUN = /\d{9,}/g;
/** Nine or more digits with spaces, dots, dashes or brackets between: "0912 345 678", "+84 (28) 3823 4567". */
const PHONE = /\+?\d+(?:[\s.()-]{1,3}\d+)+/g;

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * Removes what can be recognised as personal data from a free-text comment before it goes to
 * the portal's feedback endpoint, then caps its length: e-mail addresses, runs of nine or more
 * digits, and phone numbers written with separators. Names and addresses cannot be recognised
 * reliably; the prompt asks citizens to leave them out.
 * @example
 * redactComment('Gọi 0912 345 678 hoặc an.tran@example.com') // 'Gọi [phone] hoặc [email]'
 */
export function redactComment(text: string, maxLength = DEFAULT_COMMENT_MAX_LENGTH): string {
  return text
    .slice(0, maxLength * 4)
    .replace(EMAIL, '[email]')
    .replace(DIGIT_RUN, '[number]')
    .replace(PHONE, (match) => (digitCount(match) >= 9 ? '[phone]' : match))
    .slice(0, maxLength)
    .trim();
}
