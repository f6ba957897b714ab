import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_TYPES, DOCUMENT_TYPE_IDS } from '../schema/attribute-types.js';
import { adaptBusinessRecord } from './adapt-business-record.js';
import { adaptPersonalStore } from './adapt-personal-store.js';
import { adaptPopulationRecord } from './adapt-population.js';
import { adaptResultList } from './adapt-results.js';
import { readAddress, readAmount, readDate, readGender, readName } from './adapt-values.js';

describe('national-shape readers', () => {
  const dates: Array<[raw: unknown, expected: unknown]> = [
    ['19900509', { ok: true, value: '1990-05-09' }],
    ['19620000', { ok: true, value: '1962' }],
    ['19620500', { ok: true, value: '1962-05' }],
    ['09/05/1990', { ok: true, value: '1990-05-09' }],
    ['1990-05-09', { ok: true, value: '1990-05-09' }],
    ['1990-05-09T00:00:00+07:00', { ok: true, value: '1990-05-09' }],
    ['1990-05-08T17:00:00Z', { ok: false, reason: 'date-with-time' }],
    ['20120230', { ok: false, reason: 'bad-date' }],
    ['31/12/9999', { ok: false, reason: 'bad-date' }],
    [19900509, { ok: false, reason: 'date-not-text' }],
    ['', undefined],
    [null, undefined],
  ];
  it.each(dates)('reads the date %j as %j, never through a Date', (raw, expected) => {
    expect(readDate(raw)).toEqual(expected);
  });

  const genders: Array<[code: unknown, personalId: string | undefined, expected: unknown]> = [
    ['1', '001090012345', { ok: true, value: 'male' }],
    ['2', '001190012345', { ok: true, value: 'female' }],
    [2, undefined, { ok: true, value: 'female' }],
    ['Nữ', undefined, { ok: true, value: 'female' }],
    ['0', '001190012345', { ok: true, value: 'female' }],
    ['0', '001090012345', { ok: false, reason: 'ambiguous-gender-code' }],
    ['0', undefined, { ok: false, reason: 'ambiguous-gender-code' }],
    ['3', undefined, { ok: false, reason: 'unknown-gender-code' }],
  ];
  it.each(genders)('reads the gender code %j (personal ID %s) as %j: 0 is female only when the ID says so too', (code, id, expected) => {
    expect(readGender(code, id)).toEqual(expected);
  });

  it('keeps the register’s upper case, joins NFD into NFC, and refuses a name without a given name', () => {
    expect(readName({ Ho: 'TRA\u0302\u0300N', ChuDem: '  VA\u0306N  ', Ten: 'AN' })).toEqual({ ok: true, value: { family: 'TRẦN', middle: 'VĂN', given: 'AN' } });
    expect(readName({ Ho: 'TRẦN', ChuDem: 'VĂN' })).toEqual({ ok: false, reason: 'name-without-given' });
    expect(readName({ Ho: 'HỒ', Ten: 'XUÂN HƯƠNG' })).toEqual({ ok: true, value: { family: 'HỒ', middle: '', given: 'XUÂN HƯƠNG' } });
    expect(readName('TRẦN VĂN AN')).toEqual({ ok: false, reason: 'name-not-split' });
  });

  it('maps an old three-level address to the 2025 units, and a split ward to one candidate per new ward', () => {
    expect(readAddress({ MaTinhThanh: '30', MaQuanHuyen: '288', MaPhuongXa: '10513', ChiTiet: 'Số 8' })).toMatchObject({ ok: true, value: { wardCode: '10525', wardName: 'Phường Hải Dương', provinceCode: '31', provinceName: 'Thành phố Hải Phòng', detail: 'Số 8' } });
    const split = readAddress({ MaTinhThanh: '01', MaQuanHuyen: '002', MaPhuongXa: '00040', ChiTiet: 'Số 12' }) as { candidates: Array<{ wardCode: string }> };
    expect(split.candidates.map((c) => c.wardCode)).toEqual(['00004', '00070']);
    expect(readAddress({ MaTinhThanh: '01', MaPhuongXa: '00004' })).toMatchObject({ ok: true, value: { wardCode: '00004', wardName: 'Phường Ba Đình' } });
    expect(readAddress({ MaTinhThanh: '31', MaPhuongXa: '00004' })).toEqual({ ok: false, reason: 'province-mismatch' });
    expect(readAddress({ MaTinhThanh: '01', MaPhuongXa: '99999' })).toEqual({ ok: false, reason: 'unknown-ward' });
    expect(readAddress({ MaTinhThanh: '99' })).toEqual({ ok: false, reason: 'unknown-province' });
    expect(readAddress({ MaTinhThanh: '30' })).toEqual({ ok: false, reason: 'no-ward' });
    expect(readAddress({ ChiTiet: 'Paris', QuocGia: 'Pháp' })).toEqual({ ok: false, reason: 'outside-vietnam' });
  });

  it('reads amounts exactly, refusing floats that lost digits', () => {
    expect(readAmount('5.000.000.000')).toEqual({ ok: true, value: '5000000000' });
    expect(readAmount(12_000_000_000)).toEqual({ ok: true, value: '12000000000' });
    expect(readAmount(2 ** 60)).toEqual({ ok: false, reason: 'unsafe-number' });
    expect(readAmount('5,5 tỷ')).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('adapters', () => {
  const adapters: Array<[name: string, adapt: (record: unknown) => Record<string, unknown>, ids: string[]]> = [
    ['adaptPopulationRecord', adaptPopulationRecord, Object.keys(ATTRIBUTE_TYPES.population)],
    ['adaptResultList', (r) => adaptResultList(r), [...DOCUMENT_TYPE_IDS]],
    ['adaptPersonalStore', (r) => adaptPersonalStore(r), Object.keys(ATTRIBUTE_TYPES.personal)],
    ['adaptBusinessRecord', adaptBusinessRecord, Object.keys(ATTRIBUTE_TYPES.business)],
  ];

  it.each(adapters)('%s answers every catalogue attribute for any input, never throws, never pollutes a prototype (property)', (_name, adapt, ids) => {
    const anything = fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true });
    const shaped = fc.record({
      HoVaTen: fc.oneof(anything, fc.record({ Ho: anything, ChuDem: anything, Ten: anything })),
      ThuongTru: fc.oneof(anything, fc.record({ MaTinhThanh: anything, MaQuanHuyen: anything, MaPhuongXa: anything, ChiTiet: anything })),
      GioiTinh: anything,
      result: fc.record({ DanhSachGiayToKetQua: fc.array(fc.record({ SoKyHieu: anything, MaTTHC: fc.constantFrom('1.005092', '2.000648', 'x') })) }),
      DanhSachTaiLieu: anything,
      NguoiDaiDienPhapLuat: anything,
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (record) => {
        const out = adapt(record);
        expect(Object.keys(out).sort()).toEqual([...ids].sort());
        for (const answer of Object.values(out)) expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('makes a store error or a malformed document an invalid attribute with a reason', () => {
    expect(adaptResultList({ errorCode: '500', message: 'lỗi' }).diploma).toEqual({ verification: 'not-applicable', invalid: { reason: 'store-error' } });
    const noNumber = adaptResultList({ errorCode: '0', result: { DanhSachGiayToKetQua: [{ MaTTHC: '1.005092.000.00.00.H26', TenGiayTo: 'Bằng' }] } });
    expect(noNumber.diploma).toEqual({ verification: 'not-applicable', invalid: { reason: 'document-without-number' } });
    expect(noNumber.pharmacyPracticeCertificate).toEqual({ verification: 'not-applicable', unavailable: true });
  });

  it('leaves out documents no code classifies, rather than guessing their type', () => {
    const out = adaptResultList({ result: { DanhSachGiayToKetQua: [{ SoKyHieu: '1', TenGiayTo: 'Văn bằng' }] } });
    expect(Object.values(out).every((a) => a.unavailable === true)).toBe(true);
  });

  it('offers several legal representatives as candidates, never picking one', () => {
    const out = adaptBusinessRecord({ NguoiDaiDienPhapLuat: [{ HoVaTen: 'A', ChucDanh: 'Giám đốc' }, { HoVaTen: 'B' }] });
    expect(out.legalRepresentative).toEqual({ candidates: [{ fullName: 'A', title: 'Giám đốc' }, { fullName: 'B' }], verification: 'verified' });
  });
});
