/**
 * `nationalPhone` for the one-tag embed only (the build swaps it in; see
 * docs/decisions/007-embed-budget.md). In the embed, phone values come from the gateway, and
 * the protocol carries them in E.164 (`+84912345678`, docs/protocol.md): the gateway's adapters
 * have already read the register's spelling and renumbered 11-digit mobiles. So the embed reads
 * the wire form only, and anything else is not a phone (as a non-conforming answer should be).
 * Same result as the full reader for every E.164 input (`wire-phone.test.ts`); the npm entries
 * keep the full one, which also reads what people type.
 */
export function nationalPhone(text: unknown): { national: string; landline: boolean } | undefined {
  // Mobiles: 03, 05, 07, 08, 09 and 8 digits; landlines: 02 and 9 digits.
  const digits = typeof text === 'string' ? /^\+84([35789]\d{8}|2\d{9})$/.exec(text)?.[1] : undefined;
  return digits ? { national: `0${digits}`, landline: digits[0] === '2' } : undefined;
}
