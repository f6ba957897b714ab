import { describe, expect, it } from 'vitest';
import { checkTaxCode as fullTaxCode } from '../vn/check-tax-code.js';
import { OLD_PROVINCE_CODES } from '../vn/old-provinces.generated.js';
import { personalIdDigits as fullPersonalId } from '../vn/personal-id-digits.js';
import { checkTaxCode, personalIdDigits } from './wire-ids.js';

// What registers may hold, in the spellings the gateway's adapters read; then each as the adapters send it.
const taxCodes = ['0100233488', '01.00.233.488', '0314409058-002', '0314 409 058 002', '0314409058 - 002', '0314409058002', '0100000018', '9999999999-999', '0310000000-001'];
const personalIds = [...OLD_PROVINCE_CODES.split(' ').map((code) => `0${code}190012345`), '001 090.012-345', '０７９２０３００００１２'];
const wire = (read: (text: string) => string | undefined) => (text: string) => {
  const value = read(text);
  if (value === undefined) throw new Error('the corpus holds only values the full reader accepts');
  return value;
};
const wireTaxCodes = taxCodes.map(wire((t) => (fullTaxCode(t).ok ? (fullTaxCode(t) as { value: string }).value : undefined)));
const wirePersonalIds = personalIds.map(wire(fullPersonalId));

describe('the embed reads personal IDs and tax codes in their wire form exactly as the full readers do', () => {
  it.each(wirePersonalIds)('personal ID %s', (id) => {
    expect(personalIdDigits(id)).toBe(fullPersonalId(id));
    expect(personalIdDigits(id)).toBe(id);
    for (const allowPersonalId of [true, false]) expect(checkTaxCode(id, { allowPersonalId }).ok).toBe(fullTaxCode(id, { allowPersonalId }).ok);
    expect(checkTaxCode(id, { allowPersonalId: true })).toEqual(fullTaxCode(id, { allowPersonalId: true }));
  });

  it.each(wireTaxCodes)('tax code %s', (code) => {
    for (const allowPersonalId of [true, false]) expect(checkTaxCode(code, { allowPersonalId })).toEqual(fullTaxCode(code, { allowPersonalId }));
  });

  it.each(['0100000000', '0100000008', '0314409058-000', '001090012345', '000090012345', '003090012345', '999090012345', '0100233488001', '01002334880', '0100233488-01', '010023348', 12, null])(
    'refuses %j where the full reader does too, or which is not the wire form',
    (value) => {
      expect(checkTaxCode(value).ok).toBe(false);
      if (value !== '001090012345') expect(checkTaxCode(value, { allowPersonalId: true }).ok).toBe(false);
      if (value !== '001090012345') expect(personalIdDigits(value)).toBeUndefined();
    },
  );

  it('reads every 0NN prefix as the full reader does (the 63 province codes, and no other)', () => {
    const prefixes = Array.from({ length: 100 }, (_, n) => `0${String(n).padStart(2, '0')}`);
    const accepted = prefixes.filter((prefix) => personalIdDigits(`${prefix}190012345`) !== undefined);
    expect(accepted).toEqual(prefixes.filter((prefix) => fullPersonalId(`${prefix}190012345`) !== undefined));
    expect(accepted).toHaveLength(63);
  });

  it.each(['001 090 012 345', '0314409058002', ' 0100233488', '０１００２３３４８８'])('refuses %j, which the full reader accepts but the gateway never sends', (text) => {
    expect(checkTaxCode(text, { allowPersonalId: true }).ok).toBe(false);
    expect(personalIdDigits(text)).toBeUndefined();
  });
});
