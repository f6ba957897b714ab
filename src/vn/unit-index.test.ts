import { describe, expect, it } from 'vitest';
import { createUnitIndex, type UnitList } from './unit-index.js';
import { unitList } from './units/unit-list.js';

describe('createUnitIndex', () => {
  const units = createUnitIndex(JSON.parse(JSON.stringify(unitList)) as UnitList);

  it('builds 34 provinces and 3,321 communes from the JSON list', () => {
    expect(units.provinces).toHaveLength(34);
    expect(units.wards).toHaveLength(3321);
    expect(units.version).toBe(unitList.version);
  });

  it('looks up provinces and communes by code, with full names built from the type', () => {
    expect(units.provinceByCode('01')).toEqual({ code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', type: 'city' });
    expect(units.provinceByCode('75')).toMatchObject({ fullName: 'Thành phố Đồng Nai', type: 'city' });
    expect(units.wardByCode('00004')).toEqual({ code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', type: 'ward', provinceCode: '01' });
    expect(units.wardByCode('11948')).toMatchObject({ fullName: 'Đặc khu Bạch Long Vĩ', type: 'special-zone' });
    expect(units.provinceByCode('02')).toBeUndefined();
    expect(units.wardByCode('4')).toBeUndefined();
  });

  it('lists the communes of a province', () => {
    expect(units.wardsOfProvince('01')).toHaveLength(126);
    expect(units.wardsOfProvince('01').every((w) => w.provinceCode === '01')).toBe(true);
    expect(units.wardsOfProvince('99')).toEqual([]);
  });

  it('hands out frozen objects', () => {
    expect(Object.isFrozen(units.wardByCode('00004'))).toBe(true);
    expect(Object.isFrozen(units.wards)).toBe(true);
  });

  it('throws a clear error for something that is not the unit list', () => {
    for (const bad of [null, {}, [], { version: 'x', provinces: [], wards: [] }, { ...unitList, wards: [['00004', 'Ba Đình', '99', 0]] }, { ...unitList, provinces: [['01', 'Hà Nội', 7]] }])
      expect(() => createUnitIndex(bad as never)).toThrow(/^\[oncefill\] createUnitIndex/);
  });
});
