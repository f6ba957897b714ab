import { describe, expect, it } from 'vitest';
import { checkLegacyId } from './check-legacy-id.js';
import { checkPersonalId } from './check-personal-id.js';
import { oldProvinceByCode } from './old-province.js';
import { readDerivedCsv } from './test-support/shared-data.js';

/** A fictional number: prefix, century/sex digit, two-digit year, six random digits. */
const id = (prefix: string, g: number, yy: number) => `${prefix}${g}${String(yy).padStart(2, '0')}012345`;

describe('checkPersonalId', () => {
  const prefixes = readDerivedCsv('cccd-province-prefixes.csv');

  it('accepts all 63 province prefixes of TT 07/2016, with the old province and the 2025 one it is part of', () => {
    expect(prefixes).toHaveLength(63);
    for (const row of prefixes) {
      const result = checkPersonalId(id(row.cccd_prefix!, 0, 90));
      expect(result, row.cccd_prefix).toMatchObject({
        ok: true,
        prefix: row.cccd_prefix,
        birthProvince: { code: row.old_province_code, name: row.old_province_name, newProvinceCode: row.new_province_code_2025 },
      });
      expect(oldProvinceByCode(row.old_province_code!)).toEqual({ code: row.old_province_code, name: row.old_province_name, newProvinceCode: row.new_province_code_2025 });
    }
  });

  it('refuses every other prefix', () => {
    const known = new Set(prefixes.map((r) => r.cccd_prefix));
    let refused = 0;
    for (let p = 0; p < 1000; p++) {
      const prefix = String(p).padStart(3, '0');
      if (known.has(prefix)) continue;
      expect(checkPersonalId(id(prefix, 0, 90)), prefix).toEqual({ ok: false, reason: 'unknown-prefix' });
      refused++;
    }
    expect(refused).toBe(937);
  });

  it('accepts prefixes of provinces merged in 2025, which issued numbers keep for ever', () => {
    expect(checkPersonalId(id('002', 2, 5))).toMatchObject({ ok: true, birthProvince: { name: 'Tỉnh Hà Giang', newProvinceCode: '08' } });
    expect(checkPersonalId(id('074', 0, 88))).toMatchObject({ ok: true, birthProvince: { name: 'Tỉnh Bình Dương', newProvinceCode: '79' } });
  });

  it('reads the century and sex digit for every birth year from 1900 to 2099', () => {
    for (let year = 1900; year <= 2099; year++) {
      const base = year < 2000 ? 0 : 2;
      for (const [offset, gender] of [
        [0, 'male'],
        [1, 'female'],
      ] as const) {
        const result = checkPersonalId(id('001', base + offset, year % 100), { birthDate: { year }, gender });
        expect(result, `${year} ${gender}`).toMatchObject({ ok: true, gender, century: year < 2000 ? 1900 : 2000, birthYear: year, mismatches: [] });
      }
    }
  });

  it('reads the later centuries the law already defines', () => {
    expect(checkPersonalId(id('001', 4, 1))).toMatchObject({ century: 2100, birthYear: 2101, gender: 'male' });
    expect(checkPersonalId(id('001', 7, 0))).toMatchObject({ century: 2200, birthYear: 2200, gender: 'female' });
    expect(checkPersonalId(id('001', 9, 99))).toMatchObject({ century: 2300, birthYear: 2399, gender: 'female' });
  });

  it('reports a birth year or gender that disagrees with the record, without rejecting', () => {
    const number = id('001', 0, 90); // male, 1990
    expect(checkPersonalId(number, { birthDate: '09/05/1990', gender: 'male' })).toMatchObject({ ok: true, mismatches: [] });
    expect(checkPersonalId(number, { birthDate: '1991', gender: 'male' })).toMatchObject({ ok: true, mismatches: ['birth-year'] });
    expect(checkPersonalId(number, { birthDate: { year: 1990, month: 5 }, gender: 'female' })).toMatchObject({ ok: true, mismatches: ['gender'] });
    expect(checkPersonalId(number, { birthDate: '2090', gender: 'female' })).toMatchObject({ ok: true, mismatches: ['birth-year', 'gender'] });
  });

  it('does not compare a record value it cannot read', () => {
    expect(checkPersonalId(id('001', 0, 90), { birthDate: 'unknown', gender: 'x' as never })).toMatchObject({ ok: true, mismatches: [] });
  });

  it('accepts spaces, dots, dashes and full-width digits', () => {
    expect(checkPersonalId('001 090 012345')).toMatchObject({ ok: true, value: '001090012345' });
    expect(checkPersonalId('001.090.012.345')).toMatchObject({ ok: true, value: '001090012345' });
    expect(checkPersonalId('００１０９００１２３４５')).toMatchObject({ ok: true, value: '001090012345' });
  });

  it('keeps a 9-digit CMND apart and reports other shapes', () => {
    expect(checkPersonalId('012345678')).toEqual({ ok: false, reason: 'legacy-id' });
    expect(checkPersonalId('00109001234')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(checkPersonalId('0010900123456')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(checkPersonalId('00109001234a')).toEqual({ ok: false, reason: 'not-digits' });
    expect(checkPersonalId('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPersonalId(1090012345)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(checkPersonalId('0'.repeat(10_000))).toEqual({ ok: false, reason: 'wrong-length' });
  });
});

describe('checkLegacyId', () => {
  it('accepts a 9-digit CMND number, keeping its leading zero', () => {
    expect(checkLegacyId('012 345 678')).toEqual({ ok: true, value: '012345678' });
  });

  it('refuses other lengths, letters and numbers', () => {
    expect(checkLegacyId('001090012345')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(checkLegacyId('01234567X')).toEqual({ ok: false, reason: 'not-digits' });
    expect(checkLegacyId(12345678)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(checkLegacyId(' ')).toEqual({ ok: false, reason: 'empty' });
  });
});
