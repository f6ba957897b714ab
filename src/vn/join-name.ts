import { normalizeText } from './normalize-text.js';

/** A Vietnamese name as the population register keeps it (Ho, ChuDem, Ten). */
export interface NameParts {
  /** Họ: family name. */
  family?: string;
  /** Chữ đệm: middle name; may be empty or several words. */
  middle?: string;
  /** Tên: given name. */
  given?: string;
}

/**
 * Joins name parts in Vietnamese order (family, middle, given), each normalized, empty parts
 * left out. It never splits a full name back: the last word is not always the given name
 * (ethnic-minority names), so keep the parts when a source gives them.
 * @example
 * joinName({ family: 'Trần', middle: '', given: 'An' }) // 'Trần An'
 */
export function joinName(parts: NameParts): string {
  if (typeof parts !== 'object' || parts === null) return '';
  return [parts.family, parts.middle, parts.given].map(normalizeText).filter(Boolean).join(' ');
}
