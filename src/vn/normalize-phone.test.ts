import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_RENUMBERING } from './normalize-phone.js';

/** The 2018 table as published (VIETNAM.md §5, S21): every old 11-digit prefix and its new one. */
const TABLE_2018: Array<[string, string]> = [
  ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'], ['0128', '078'],
  ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
  ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'], ['0167', '037'], ['0168', '038'], ['0169', '039'],
  ['0186', '056'], ['0188', '058'],
  ['0199', '059'],
];

describe('normalizePhone', () => {
  it('accepts +84, 84, 0084 and 0 with any separators, and gives E.164 and a display form', () => {
    for (const text of ['0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '+84912345678', '+84 912 345 678', '84912345678', '0084 912 345 678', '+84 (0) 912 345 678', '(+84) 912345678'])
      expect(normalizePhone(text), text).toEqual({ ok: true, e164: '+84912345678', national: '0912345678', display: '0912 345 678', kind: 'mobile' });
  });

  it('renumbers every old 11-digit mobile prefix of the 2018 table, keeping the last 7 digits', () => {
    expect(Object.entries(PHONE_RENUMBERING).sort()).toEqual([...TABLE_2018].sort());
    for (const [old, now] of TABLE_2018) {
      const national = `${now}${'4567890'}`;
      for (const written of [`${old}4567890`, `+84${old.slice(1)}4567890`, `${old.slice(0, 4)} 456 7890`]) {
        expect(normalizePhone(written), written).toEqual({
          ok: true,
          e164: `+84${national.slice(1)}`,
          national,
          display: `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`,
          kind: 'mobile',
          renumberedFrom: `${old}4567890`,
        });
      }
    }
  });

  it('refuses an 11-digit 01x number outside the table', () => {
    expect(normalizePhone('01301234567')).toEqual({ ok: false, reason: 'unknown-number' });
    expect(normalizePhone('01991234567')).toMatchObject({ ok: true, national: '0591234567' });
  });

  it('keeps landlines apart, with their area codes', () => {
    expect(normalizePhone('024 3823 4567')).toEqual({ ok: true, e164: '+842438234567', national: '02438234567', display: '024 3823 4567', kind: 'landline' });
    expect(normalizePhone('(028) 38 234 567')).toMatchObject({ ok: true, display: '028 3823 4567', kind: 'landline' });
    expect(normalizePhone('+84 236 3824567')).toEqual({ ok: true, e164: '+842363824567', national: '02363824567', display: '0236 382 4567', kind: 'landline' });
  });

  it('accepts every current mobile range 03, 05, 07, 08 and 09', () => {
    for (const p of ['032', '056', '070', '086', '099']) expect(normalizePhone(`${p}1234567`)).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it.each([
    ['912345678', 'missing-prefix'],
    ['0412345678', 'unknown-number'],
    ['0212345678', 'unknown-number'],
    ['091234567', 'unknown-number'],
    ['+1 415 555 0100', 'not-vietnamese'],
    ['0044 20 7946 0000', 'not-vietnamese'],
    ['0912 345 678 ext 2', 'invalid-characters'],
    ['091234567a', 'invalid-characters'],
    ['09+12345678', 'invalid-characters'],
    ['', 'empty'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(normalizePhone(text)).toEqual({ ok: false, reason });
  });

  it('refuses a 10,000-digit string', () => {
    expect(normalizePhone('9'.repeat(10_000))).toEqual({ ok: false, reason: 'unknown-number' });
  });

  it('refuses a number where text belongs (its leading zero is gone)', () => {
    expect(normalizePhone(912345678)).toEqual({ ok: false, reason: 'not-a-string' });
  });
});
