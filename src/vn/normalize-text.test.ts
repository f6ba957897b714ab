import { describe, expect, it } from 'vitest';
import { normalizeText, wellFormed } from './normalize-text.js';

describe('normalizeText', () => {
  it('composes NFD text into NFC', () => {
    const nfd = 'Xã Đan Phượng'.normalize('NFD');
    expect(nfd.length).toBe(17);
    // Partly decomposed, as in dvhcvn splits.json: "ợ" written as "ơ" + dot below.
    expect(normalizeText('Xã Đan Phươ\u0323ng')).toBe('Xã Đan Phượng');
    expect(normalizeText(nfd)).toBe('Xã Đan Phượng');
    expect(normalizeText(nfd).length).toBe(13);
  });

  it('collapses whitespace, turns controls into spaces and trims', () => {
    expect(normalizeText('  Xã Trung Giã \u00A0 ')).toBe('Xã Trung Giã');
    expect(normalizeText('Nguyễn\tVăn\r\nAn\u0000B')).toBe('Nguyễn Văn An B');
    expect(normalizeText('\u3000Hà\u2028Nội\u2003')).toBe('Hà Nội');
  });

  it('removes zero-width characters, soft hyphens and byte-order marks', () => {
    expect(normalizeText('\uFEFFNguy\u200Bễn Th\u00ADị\u2060')).toBe('Nguyễn Thị');
  });

  it('recomposes a mark that a removed zero-width character had separated from its letter', () => {
    expect(normalizeText('a\u200B\u0301')).toBe('á');
  });

  it('replaces lone surrogates with U+FFFD and keeps valid pairs', () => {
    expect(normalizeText('a\uD800b')).toBe('a\uFFFDb');
    expect(normalizeText('\uDC00')).toBe('\uFFFD');
    expect(normalizeText('x\uD83D\uDE00y')).toBe('x😀y');
    expect(wellFormed('\uD83D')).toBe('\uFFFD');
    expect(wellFormed('ok')).toBe('ok');
  });

  it('gives an empty string for empty input and for anything that is not a string', () => {
    for (const value of ['', '   ', '\u200B', undefined, null, 0, 2108, {}, [], true]) expect(normalizeText(value)).toBe('');
  });

  it('keeps a 10,000-character string whole', () => {
    const long = 'Nguyễn '.repeat(1_500).slice(0, 10_000);
    expect(normalizeText(long)).toBe(long.trim());
  });
});
