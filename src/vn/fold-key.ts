import { normalizeText } from './normalize-text.js';

/** Vietnamese tone marks (dấu thanh) as NFD combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The loose matching key: NFD, every combining mark stripped, đ → d, lower case, whitespace
 * collapsed. "Nguyễn", "NGUYÊN" and "nguyen" share a key; "Hòa" and "Hoà" (old and new tone
 * placement) too. U+00D0 "Ð" (Icelandic eth) is not U+0110 "Đ" and keeps its own key. For
 * matching only: never display a key or store it in place of what was written. Idempotent.
 * @example
 * foldKey('Đặng Thị Hoà') === foldKey('DANG THI HOA') // true
 */
export function foldKey(text: unknown): string {
  return normalizeText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The exact matching key: like {@link foldKey} it ignores case, Unicode form and where the tone
 * mark sits ("Hòa" = "Hoà", "Thủy" = "Thuỷ"), but it keeps every mark, so "Văn Lăng" and
 * "Văn Lang" stay apart. Each syllable's tone mark is moved to its end. Idempotent.
 * @example
 * toneKey('Xã Tân Hoà') === toneKey('xã tân hòa') // true
 */
export function toneKey(text: unknown): string {
  return normalizeText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu, (word) => {
      const tones = word.match(TONE_MARKS);
      return tones ? word.replace(TONE_MARKS, '') + tones.sort().join('') : word;
    });
}
