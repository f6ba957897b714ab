import { describe, expect, it } from 'vitest';
import { parseGender } from './parse-gender.js';

describe('parseGender', () => {
  it('reads Nam and Nữ in any case, form or without marks, and male/female', () => {
    for (const text of ['Nam', 'NAM', ' nam ', 'male', 'Male']) expect(parseGender(text)).toBe('male');
    for (const text of ['Nữ', 'NỮ', 'Nữ'.normalize('NFD'), 'nu', 'NU', 'female']) expect(parseGender(text)).toBe('female');
  });

  it('leaves numeric codes to each source, and anything else unread', () => {
    for (const value of ['1', '2', '0', 1, 'M', 'Nam Định', 'toString', '__proto__', '', null]) expect(parseGender(value)).toBeUndefined();
  });
});
