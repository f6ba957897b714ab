/**
 * `personalIdDigits` and `checkTaxCode` for the one-tag embed only (the build swaps them in;
 * see docs/decisions/007-embed-budget.md). In the embed these values come from the gateway,
 * whose adapters send personal IDs as their 12 digits and tax codes as `0101234567` or
 * `0101234567-001`. So the embed reads those forms only, with every check the full readers make
 * on them (the 63 province prefixes, serial and suffix not all zeros); anything else is refused.
 * Same result as the full readers for every wire-form input (`wire-ids.test.ts`); a refusal's
 * reason is always `wrong-length` here (the embed reads `ok` only). The npm entries keep the
 * full readers, which also read what people type.
 */
import type { CheckTaxCodeOptions, CheckTaxCodeResult } from '../vn/check-tax-code.js';
import { OLD_PROVINCE_MASK } from '../vn/old-provinces.generated.js';

/** Digits 2–3 are one of the 63 province codes (`OLD_PROVINCE_MASK`: hex digit `i` holds codes `4i`–`4i + 3`). */
const provincePrefix = (code: number) => (parseInt(OLD_PROVINCE_MASK[code >> 2]!, 16) >> (code & 3)) & 1;

export function personalIdDigits(text: unknown): string | undefined {
  return typeof text === 'string' && /^0\d{11}$/.test(text) && provincePrefix(+text.slice(1, 3)) ? text : undefined;
}

export function checkTaxCode(text: unknown, options: CheckTaxCodeOptions = {}): CheckTaxCodeResult {
  if (options.allowPersonalId && personalIdDigits(text)) return { ok: true, value: text as string, kind: 'personal-id' };
  // Digits 3–9 not 0000000, the dependent unit's suffix not 000 (as `checkTaxCode` checks).
  const code = typeof text === 'string' ? /^\d\d(?!0{7})\d{8}(-(?!000)\d{3})?$/.exec(text) : undefined;
  return code ? { ok: true, value: code[0], kind: code[1] ? 'dependent' : 'main' } : { ok: false, reason: 'wrong-length' };
}
