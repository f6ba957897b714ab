/**
 * `normalizePhone` for the one-tag embed only (the build swaps it in; see
 * docs/decisions/007-embed-budget.md). In the embed, phone values come from the gateway, and
 * the protocol carries them in E.164 (`+84912345678`, docs/protocol.md): the gateway's adapters
 * have already read the register's spelling and renumbered 11-digit mobiles. So the embed reads
 * the wire form only, and anything else is not a phone (as a non-conforming answer should be).
 * Same result as the full normalizer for every E.164 input (`wire-phone.test.ts`); the npm
 * entries keep the full one, which also reads what people type.
 */
import type { NormalizePhoneResult } from '../vn/normalize-phone.js';

export function normalizePhone(text: unknown): NormalizePhoneResult {
  const digits = typeof text === 'string' ? /^\+84([35789]\d{8}|2\d{9})$/.exec(text)?.[1] : undefined;
  if (!digits) return { ok: false, reason: 'unknown-number' };
  const national = `0${digits}`;
  const mobile = national.length === 10;
  const area = mobile ? 4 : /^02[48]/.test(national) ? 3 : 4;
  return { ok: true, e164: text as string, national, display: `${national.slice(0, area)} ${national.slice(area, 7)} ${national.slice(7)}`, kind: mobile ? 'mobile' : 'landline' };
}
