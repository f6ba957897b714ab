import { normalizeText } from './normalize-text.js';

/**
 * Proper-cases a name written all in capitals (as cards, chips and registers print it) or all
 * in lower case: each run of letters gets its first letter upper-cased and the rest
 * lower-cased in the `vi` locale, so "H'HEN NIÊ" becomes "H'Hen Niê". A name already in mixed
 * case is the person's own spelling and comes back only normalized. Never throws;
 * anything that is not a string gives `''`. Idempotent.
 * @example
 * properCaseName('NGUYỄN THỊ THU HÀ') // 'Nguyễn Thị Thu Hà'
 */
export function properCaseName(text: unknown): string {
  const name = normalizeText(text);
  // ICU tailors case only for tr, az and lt: the vi mappings equal the root ones (a property
  // test checks it), and the root calls are about 8× faster on long forms.
  const upper = name.toUpperCase();
  const lower = name.toLowerCase();
  if (name !== upper && name !== lower) return name;
  return name.replace(/\p{L}[\p{L}\p{M}]*/gu, (run) => {
    const first = String.fromCodePoint(run.codePointAt(0)!);
    const head = first.toUpperCase();
    // "ß" upper-cases to "SS": keeping it avoids a second pass changing the result again.
    return (head.length === first.length ? head : first) + run.slice(first.length).toLowerCase();
  });
}
