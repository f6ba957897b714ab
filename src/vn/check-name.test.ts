import { describe, expect, it } from 'vitest';
import { checkName } from './check-name.js';

describe('checkName', () => {
  it('returns a normal name normalized, with no warnings', () => {
    expect(checkName(' Nguyễn  Văn An '.normalize('NFD'))).toEqual({ ok: true, value: 'Nguyễn Văn An', warnings: [] });
    expect(checkName("H'Hen Niê")).toEqual({ ok: true, value: "H'Hen Niê", warnings: [] });
  });

  it('reports Ð (U+00D0) and ð (U+00F0), which look like Đ and đ, without changing them', () => {
    expect(checkName('\u00D0ỗ Văn An')).toEqual({ ok: true, value: '\u00D0ỗ Văn An', warnings: ['eth-lookalike'] });
    expect(checkName('Trần \u00F0ức')).toMatchObject({ warnings: ['eth-lookalike'] });
    expect(checkName('Đỗ Văn An')).toMatchObject({ warnings: [] });
  });

  it('reports UTF-8 text decoded as Windows-1252', () => {
    const mojibake = Buffer.from('Nguyễn Thị Hoà', 'utf8').toString('latin1');
    expect(checkName(mojibake)).toMatchObject({ ok: true, warnings: expect.arrayContaining(['mojibake']) });
    expect(checkName('Nguyá»…n Thá»‹ HoÃ ')).toMatchObject({ warnings: expect.arrayContaining(['mojibake']) });
    expect(checkName('NGUYỄN THỊ NGÃ')).toMatchObject({ warnings: [] });
  });

  it('reports digits, replacement characters and symbols', () => {
    expect(checkName('An 2')).toMatchObject({ warnings: ['digits'] });
    expect(checkName('An\uD800')).toMatchObject({ warnings: ['replacement-character'] });
    expect(checkName('An <b>')).toMatchObject({ warnings: ['unusual-characters'] });
  });

  it('refuses what is not a name', () => {
    expect(checkName(42)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(checkName(' \u200B ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkName('A'.repeat(10_000))).toEqual({ ok: false, reason: 'too-long' });
  });
});
