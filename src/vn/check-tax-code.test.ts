import { describe, expect, it } from 'vitest';
import { checkTaxCode } from './check-tax-code.js';

describe('checkTaxCode', () => {
  it('accepts 10 digits as a main code', () => {
    expect(checkTaxCode('0100233488')).toEqual({ ok: true, value: '0100233488', kind: 'main' });
    expect(checkTaxCode('01.00.233.488')).toEqual({ ok: true, value: '0100233488', kind: 'main' });
  });

  it('accepts a dependent unit written 10-3 and writes it with the dash', () => {
    for (const text of ['0314409058-002', '0314409058 - 002', '0314409058002', '0314 409 058 002'])
      expect(checkTaxCode(text)).toEqual({ ok: true, value: '0314409058-002', kind: 'dependent' });
  });

  it('does not check the check digit, for want of a citable algorithm', () => {
    // 0100233480 fails the weights that circulate in libraries; no legal text gives them.
    expect(checkTaxCode('0100233480')).toEqual({ ok: true, value: '0100233480', kind: 'main' });
  });

  it('accepts a 12-digit personal ID only where individuals may use it', () => {
    expect(checkTaxCode('001090012345')).toEqual({ ok: false, reason: 'personal-id-not-allowed' });
    expect(checkTaxCode('001090012345', { allowPersonalId: true })).toEqual({ ok: true, value: '001090012345', kind: 'personal-id' });
    expect(checkTaxCode('003090012345', { allowPersonalId: true })).toEqual({ ok: false, reason: 'invalid-personal-id' });
  });

  it('refuses serial 0000000 and suffix 000, which the circular does not issue', () => {
    expect(checkTaxCode('0100000008')).toEqual({ ok: false, reason: 'invalid-serial' });
    expect(checkTaxCode('0314409058-000')).toEqual({ ok: false, reason: 'invalid-suffix' });
  });

  it.each([
    ['031440905', 'wrong-length'],
    ['03144090581', 'wrong-length'],
    ['03144090580021', 'wrong-length'],
    ['031440905X', 'not-digits'],
    ['0314409058/002', 'not-digits'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(checkTaxCode(text)).toEqual({ ok: false, reason });
  });

  it('refuses a number where the code should be text (its leading zero is gone)', () => {
    expect(checkTaxCode(100233488)).toEqual({ ok: false, reason: 'not-a-string' });
  });
});
