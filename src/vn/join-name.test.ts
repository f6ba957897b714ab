import { describe, expect, it } from 'vitest';
import { joinName } from './join-name.js';

describe('joinName', () => {
  it('joins family, middle and given names in Vietnamese order', () => {
    expect(joinName({ family: 'Nguyễn', middle: 'Văn', given: 'An' })).toBe('Nguyễn Văn An');
  });

  it('leaves out an empty or missing middle name', () => {
    expect(joinName({ family: 'Trần', middle: '', given: 'An' })).toBe('Trần An');
    expect(joinName({ family: 'Trần', given: 'An' })).toBe('Trần An');
    expect(joinName({ family: 'Trần', middle: '  ', given: 'An' })).toBe('Trần An');
  });

  it('keeps a middle name of several words', () => {
    expect(joinName({ family: 'Tôn Nữ', middle: 'Hoàng Thị', given: 'Oanh' })).toBe('Tôn Nữ Hoàng Thị Oanh');
  });

  it('normalizes each part', () => {
    expect(joinName({ family: ' Lê'.normalize('NFD'), middle: 'Thị\u00A0 Thu', given: 'Hà ' })).toBe('Lê Thị Thu Hà');
  });

  it('ignores parts that are not strings and inputs that are not objects', () => {
    expect(joinName({ family: 'Lê', middle: 7 as unknown as string, given: 'Hà' })).toBe('Lê Hà');
    expect(joinName(null as never)).toBe('');
    expect(joinName('Lê Hà' as never)).toBe('');
  });
});
