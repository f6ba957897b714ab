/**
 * Unicode and whitespace normalization every Vietnamese helper starts from. Reference data
 * and input both arrive in NFD (macOS, some IMEs, `splits.json` upstream), with stray
 * controls, zero-width characters and doubled spaces; comparing them raw fails.
 */

/** Controls become spaces (a tab or newline separates words); zero-width characters go. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
/** Anything the slow path would change besides NFC: those characters, surrogates, or whitespace that is not one inner space. */
const NEEDS_WORK = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\uD800-\uDFFF]|[^\S ]|\s\s|^\s|\s$/;

/**
 * NFC, whitespace collapsed to single spaces and trimmed, controls turned into spaces,
 * zero-width characters and soft hyphens removed, lone surrogates replaced by U+FFFD.
 * Never throws; anything that is not a string gives `''`. Idempotent.
 * @example
 * normalizeText('  Nguye\u0302\u0303n   Văn\tAn ') // 'Nguyễn Văn An'
 */
export function normalizeText(text: unknown): string {
  if (typeof text !== 'string' || text === '') return '';
  // Most text (and all reference data) needs NFC at most: skip the passes it cannot need.
  if (!NEEDS_WORK.test(text)) return text.normalize('NFC');
  return wellFormed(text).replace(CONTROLS, ' ').replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Replaces unpaired surrogates with U+FFFD (what `String.prototype.toWellFormed` does; that
 * method is missing from our browser floor, and lookbehind regexes from Safari 15.4).
 */
export function wellFormed(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += `${text.slice(start, i)}\uFFFD`;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}
