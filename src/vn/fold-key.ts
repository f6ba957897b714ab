import { normalizeText } from './normalize-text.js';

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
 * "Văn Lang" stay apart. Each space-separated word's tone mark moves to its end. Idempotent.
 * @example
 * toneKey('Xã Tân Hoà') === toneKey('xã tân hòa') // true
 */
export function toneKey(text: unknown): string {
  const decomposed = normalizeText(text).toLowerCase().normalize('NFD');
  // A loop, not a regex with a callback: unit indexes key thousands of names on first use.
  let out = '';
  let word = '';
  let tones = '';
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charCodeAt(i);
    if (c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323) {
      if (word === '') out += decomposed[i];
      else tones += decomposed[i];
    } else if (c === 0x20) {
      out += `${word}${sortTones(tones)} `;
      word = tones = '';
    } else {
      word += decomposed[i];
    }
  }
  return out + word + sortTones(tones);
}

const sortTones = (tones: string): string => (tones.length < 2 ? tones : tones.split('').sort().join(''));
