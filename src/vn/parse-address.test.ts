import { describe, expect, it } from 'vitest';
import { parseAddress, type ParsedAddress } from './parse-address.js';
import { createUnitIndex } from './unit-index.js';
import { unitList } from './units/unit-list.js';

const units = createUnitIndex(unitList);
const brief = (r: ParsedAddress) => ({ detail: r.detail, ward: r.ward?.code, province: r.province?.code, problems: r.problems });

describe('parseAddress (browser, current units only)', () => {
  it.each([
    ['Số 5 Hoàng Diệu, Phường Ba Đình, Thành phố Hà Nội', 'Số 5 Hoàng Diệu', '00004', '01'],
    ['Số 5 Hoàng Diệu, P. Ba Đình, TP Hà Nội', 'Số 5 Hoàng Diệu', '00004', '01'],
    ['Số 5 Hoàng Diệu; Ba Đình; Hà Nội; Việt Nam', 'Số 5 Hoàng Diệu', '00004', '01'],
    ['12 Lê Lợi P. Bến Thành, TP.HCM', '12 Lê Lợi', '26743', '79'],
    ['12 Lê Lợi, Phường Bến Thành, Tp. Hồ Chí Minh', '12 Lê Lợi', '26743', '79'],
    ['Thôn 3, Xã Ba Chẽ, Tỉnh Quảng Ninh', 'Thôn 3', '06978', '22'],
    ['Thôn Đông, Đặc khu Côn Đảo, TP Hồ Chí Minh', 'Thôn Đông', '26732', '79'],
    ['Xóm 1\nXã Văn Lăng\nThái Nguyên', 'Xóm 1', undefined, '19'],
  ])('splits %j', (text, detail, ward, province) => {
    const result = parseAddress(text, units);
    if (ward) expect(brief(result)).toEqual({ detail, ward, province, problems: [] });
    else expect(result.province?.code).toBe(province);
  });

  it('matches NFD text and either tone placement', () => {
    const a = parseAddress('Phường Hoà Khánh, Thành phố Đà Nẵng'.normalize('NFD'), units);
    const b = parseAddress('Phường Hòa Khánh, Thành phố Đà Nẵng', units);
    expect(a.ward).toBeDefined();
    expect(a.ward).toBe(b.ward);
  });

  it('tells apart communes whose names differ only by a mark', () => {
    expect(parseAddress('Xã Văn Lăng, Thái Nguyên', units).ward?.fullName).toBe('Xã Văn Lăng');
    expect(parseAddress('Xã Văn Lang, Thái Nguyên', units).ward?.fullName).toBe('Xã Văn Lang');
  });

  it('leaves the commune unset when unaccented text fits several', () => {
    expect(brief(parseAddress('Xa Van Lang, Thai Nguyen', units))).toEqual({ detail: 'Xa Van Lang', ward: undefined, province: '19', problems: ['ward-ambiguous'] });
    expect(brief(parseAddress('Ba Dinh', units))).toMatchObject({ ward: undefined, problems: ['province-not-found', 'ward-ambiguous'] });
  });

  it('matches unaccented text when it fits one commune', () => {
    expect(brief(parseAddress('So 5 Hoang Dieu, Phuong Ba Dinh, Ha Noi', units))).toEqual({ detail: 'So 5 Hoang Dieu', ward: '00004', province: '01', problems: [] });
  });

  it('uses the type word only to choose between communes of the same name', () => {
    expect(parseAddress('Phường Mỹ Tho, Đồng Tháp', units).ward?.fullName).toBe('Phường Mỹ Tho');
    // Xã Lộc Ninh became Phường Lộc Ninh on 30/04/2026: the same unit, the same code.
    expect(parseAddress('Xã Lộc Ninh, Đồng Nai', units).ward).toMatchObject({ code: '25270', fullName: 'Phường Lộc Ninh' });
  });

  it('finds a commune without a province when its name is unique nationwide', () => {
    expect(brief(parseAddress('Phường Bến Thành', units))).toEqual({ detail: '', ward: '26743', province: '79', problems: [] });
  });

  it('reports a pre-2025 address and keeps all its text in detail', () => {
    expect(brief(parseAddress('12 Phố Huế, Phường Trúc Bạch, Quận Ba Đình, Hà Nội', units))).toEqual({
      detail: '12 Phố Huế, Phường Trúc Bạch, Quận Ba Đình',
      ward: undefined,
      province: '01',
      problems: ['old-units'],
    });
    expect(brief(parseAddress('Thôn 3, Xã Tân Thành, Tỉnh Hà Giang', units))).toEqual({ detail: 'Thôn 3, Xã Tân Thành', ward: undefined, province: '08', problems: ['old-units'] });
    expect(brief(parseAddress('Thị trấn Ba Chẽ, Quảng Ninh', units))).toMatchObject({ ward: undefined, province: '22', problems: ['old-units'] });
  });

  it('reports what it cannot place', () => {
    expect(brief(parseAddress('Số 5, Phường Không Có, Hà Nội', units))).toEqual({ detail: 'Số 5, Phường Không Có', ward: undefined, province: '01', problems: ['ward-not-found'] });
    expect(brief(parseAddress('Số 5 Hoàng Diệu', units))).toMatchObject({ ward: undefined, province: undefined, problems: ['province-not-found', 'ward-not-found'] });
  });

  it('never throws on empty, huge or non-text input', () => {
    expect(parseAddress('', units).problems).toEqual(['empty']);
    expect(parseAddress(' , ; ', units).problems).toEqual(['empty']);
    expect(parseAddress('Phường Ba Đình, '.repeat(1_000), units).problems).toEqual(['too-long']);
    expect(parseAddress(42 as never, units).problems).toEqual(['not-a-string']);
  });
});
