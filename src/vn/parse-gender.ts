import { foldKey } from './fold-key.js';

/** Gender as the attribute catalogue carries it. */
export type Gender = 'male' | 'female';

const WORDS: Record<string, Gender> = { nam: 'male', male: 'male', nu: 'female', female: 'female' };

/**
 * Reads a gender written as a word: "Nam"/"Nữ" (cards, forms; any case, with or without
 * marks) or "male"/"female". Numeric codes are not read here: sources disagree on them
 * (1 = Nam and 2 = Nữ in most national data, 0 = Nữ in at least one system), so each source
 * adapter maps its own. Gives `undefined` for anything else.
 * @example
 * parseGender('NỮ') // 'female'
 */
export function parseGender(text: unknown): Gender | undefined {
  const key = foldKey(text);
  return Object.prototype.hasOwnProperty.call(WORDS, key) ? WORDS[key] : undefined;
}
