import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FILES, generateUnits } from '../../../scripts/generate-units.js';
import { readDerivedCsv, adminUnitsDir } from '../test-support/shared-data.js';
import {
  UNITS_NOTICE,
  UNITS_VERSION,
  convertOldAddress,
  newProvinceForOldProvince,
  newWardsForOldWard,
  oldWardByCode,
  parseAddress,
  provinceByCode,
  unitList,
  units,
  wardByCode,
} from './index.js';

/** New-commune codes the current list writes differently from dvhcvn (docs/decisions/004). */
const CURRENT_CODE: Record<string, string> = { '06970': '06978', '23737': '23938' };

describe('the generated unit data', () => {
  it('regenerates byte for byte from shared/data/admin-units', () => {
    const out = generateUnits(adminUnitsDir());
    expect(out.units).toBe(readFileSync(OUTPUT_FILES.units, 'utf8'));
    expect(out.oldProvinces).toBe(readFileSync(OUTPUT_FILES.oldProvinces, 'utf8'));
    expect(out.stats).toEqual({ provinces: 34, wards: 3321, oldProvinces: 63, oldWards: 10052, rows: 10604, split: 460 });
  });

  it('carries both upstream MIT notices and a dataset version', () => {
    expect(UNITS_VERSION).toBe('dvhcvn-20250701+thanglequoc-2026-07-25');
    expect(UNITS_NOTICE).toContain('Copyright (c) 2025 dvhcvn');
    expect(UNITS_NOTICE).toContain('Copyright (c) 2021 Thang Le Quoc');
    expect(UNITS_NOTICE.match(/Permission is hereby granted/g)).toHaveLength(2);
  });
});

describe('current units', () => {
  it('has the 34 provinces of Công văn 915/CTK-CSCL, 7 of them cities', () => {
    const rows = readDerivedCsv('provinces-34-2025.csv');
    expect(units.provinces.map((p) => p.code)).toEqual(rows.map((r) => r.new_province_code));
    expect(units.provinces.filter((p) => p.type === 'city').map((p) => p.name)).toEqual(['Hà Nội', 'Hải Phòng', 'Huế', 'Đà Nẵng', 'Đồng Nai', 'Hồ Chí Minh', 'Cần Thơ']);
    for (const r of rows) expect(units.wardsOfProvince(r.new_province_code!), r.new_province_code).toHaveLength(Number(r.commune_count_2025));
  });

  it('has 3,321 communes: 697 phường, 2,611 xã, 13 đặc khu, all NFC with capitalized type words', () => {
    expect(units.wards).toHaveLength(3321);
    const count = (t: string) => units.wards.filter((w) => w.type === t).length;
    expect([count('ward'), count('commune'), count('special-zone')]).toEqual([697, 2611, 13]);
    for (const w of units.wards) {
      expect(w.fullName).toBe(w.fullName.normalize('NFC').trim());
      expect(w.code).toMatch(/^\d{5}$/);
    }
    // Upstream writes this one "xã Bắc Sơn".
    expect(wardByCode('06325')?.fullName).toBe('Xã Bắc Sơn');
  });

  it('uses the current codes of Ba Chẽ and Ia Mơ', () => {
    expect(wardByCode('06978')?.fullName).toBe('Xã Ba Chẽ');
    expect(wardByCode('23938')?.fullName).toBe('Xã Ia Mơ');
    expect(wardByCode('06970')).toBeUndefined();
    expect(wardByCode('23737')).toBeUndefined();
    expect(provinceByCode('75')?.fullName).toBe('Thành phố Đồng Nai');
  });

  it('serves the same list as unitList, the shape of units.json', () => {
    expect(unitList.provinces).toHaveLength(34);
    expect(unitList.wards).toHaveLength(3321);
    expect(JSON.stringify(unitList)).not.toMatch(/ward-mapping|oldWards/);
  });
});

describe('old → new mapping', () => {
  const rows = readDerivedCsv('ward-mapping-old-to-new-2025.csv');

  it('holds every one of the 10,604 rows of the derived mapping, with its full/partial mark', () => {
    expect(rows).toHaveLength(10604);
    for (const row of rows) {
      const newCode = CURRENT_CODE[row.new_ward_code!] ?? row.new_ward_code!;
      const old = oldWardByCode(row.old_ward_code!);
      expect(old, row.old_ward_code).toMatchObject({ code: row.old_ward_code, fullName: row.old_ward_name, provinceCode: row.old_province_code });
      const candidate = old!.candidates.find((c) => c.ward.code === newCode);
      expect(candidate, `${row.old_ward_code} → ${newCode}`).toMatchObject({ type: row.merge_type, ward: { provinceCode: row.new_province_code } });
    }
    const total = new Set(rows.map((r) => r.old_ward_code)).size;
    expect(total).toBe(10052);
    expect([...new Set(rows.map((r) => r.old_ward_code))].reduce((n, code) => n + newWardsForOldWard(code!).length, 0)).toBe(10604);
  });

  it('returns every candidate of the 460 old communes that were split, all partial', () => {
    const targets = new Map<string, string[]>();
    for (const r of rows) targets.set(r.old_ward_code!, [...(targets.get(r.old_ward_code!) ?? []), CURRENT_CODE[r.new_ward_code!] ?? r.new_ward_code!]);
    const split = [...targets].filter(([, t]) => t.length > 1);
    expect(split).toHaveLength(460);
    for (const [code, t] of split) {
      const candidates = newWardsForOldWard(code);
      expect(candidates.map((c) => c.ward.code).sort(), code).toEqual([...t].sort());
      expect(candidates.every((c) => c.type === 'partial')).toBe(true);
    }
  });

  it('maps the five island districts that had no communes by their district code', () => {
    for (const [code, ward] of [
      ['318', 'Đặc khu Bạch Long Vĩ'] as const,
      ['471', 'Đặc khu Cồn Cỏ'],
      ['498', 'Đặc khu Hoàng Sa'],
      ['536', 'Đặc khu Lý Sơn'],
      ['755', 'Đặc khu Côn Đảo'],
    ])
      expect(newWardsForOldWard(code).map((c) => c.ward.fullName)).toEqual([ward]);
  });

  it('gives the 2025 province of each of the 63 old provinces', () => {
    const old = readDerivedCsv('provinces-63-old-to-34.csv');
    expect(old).toHaveLength(63);
    for (const r of old) expect(newProvinceForOldProvince(r.old_province_code!)?.code, r.old_province_code).toBe(r.new_province_code);
    expect(newProvinceForOldProvince('03')).toBeUndefined();
  });

  it('gives nothing for codes that are not old communes', () => {
    for (const code of ['', '4', '99999', 4 as never, null as never]) expect(newWardsForOldWard(code)).toEqual([]);
  });
});

describe('convertOldAddress', () => {
  it('converts a population-record address whose commune went whole into one new commune', () => {
    const result = convertOldAddress({ provinceCode: '01', districtCode: '001', wardCode: '00004', detail: ' Số 5  Hoàng Diệu ' });
    expect(result).toMatchObject({ ok: true, detail: 'Số 5 Hoàng Diệu', province: { code: '01' }, ward: { code: '00004', fullName: 'Phường Ba Đình' } });
  });

  it('offers every candidate and picks none for a commune that was split', () => {
    const result = convertOldAddress({ provinceCode: '01', wardCode: '00016' });
    expect(result.ok && result.ward).toBeFalsy();
    expect(result.ok && result.candidates.map((c) => [c.ward.fullName, c.type])).toEqual([
      ['Phường Ba Đình', 'partial'],
      ['Phường Ngọc Hà', 'partial'],
    ]);
  });

  it('follows a commune that moved to another province', () => {
    expect(convertOldAddress({ provinceCode: '89', wardCode: '30622' })).toMatchObject({ ok: true, province: { code: '82' }, ward: { code: '30259' } });
  });

  it('maps an island district without communes by its district code', () => {
    expect(convertOldAddress({ provinceCode: '31', districtCode: '318', wardCode: '' })).toMatchObject({ ok: true, ward: { fullName: 'Đặc khu Bạch Long Vĩ' } });
  });

  it('gives the province alone when the record has no commune', () => {
    expect(convertOldAddress({ provinceCode: '02', districtCode: '024' })).toEqual({ ok: true, detail: '', province: provinceByCode('08'), candidates: [] });
  });

  it('reports codes that do not fit, never guessing', () => {
    expect(convertOldAddress({ provinceCode: '02', wardCode: '00004' })).toEqual({ ok: false, reason: 'province-mismatch' });
    expect(convertOldAddress({ wardCode: '99999' })).toEqual({ ok: false, reason: 'unknown-ward' });
    expect(convertOldAddress({ provinceCode: '99' })).toEqual({ ok: false, reason: 'unknown-province' });
    expect(convertOldAddress({ wardCode: 4 as never })).toEqual({ ok: false, reason: 'not-a-string' });
    expect(convertOldAddress({})).toEqual({ ok: false, reason: 'nothing-to-convert' });
    expect(convertOldAddress(null as never)).toEqual({ ok: false, reason: 'not-an-object' });
  });
});

describe('parseAddress (Node, with the old → new mapping)', () => {
  const brief = (text: string) => {
    const r = parseAddress(text);
    return { detail: r.detail, ward: r.ward?.code, province: r.province?.code, candidates: r.candidates?.map((c) => c.ward.code), problems: r.problems };
  };

  it('maps an old commune written with its district to its new commune', () => {
    expect(brief('12 Phố Huế, Phường Trúc Bạch, Quận Ba Đình, Hà Nội')).toEqual({ detail: '12 Phố Huế', ward: '00004', province: '01', candidates: undefined, problems: ['old-units'] });
  });

  it('maps an old commune under an old province name', () => {
    expect(brief('Thị trấn Ba Chẽ, Huyện Ba Chẽ, Tỉnh Quảng Ninh')).toMatchObject({ ward: '06978', province: '22', problems: ['old-units'] });
  });

  it('offers the candidates of a split commune and picks none', () => {
    expect(brief('Phường Ngọc Hà, Quận Ba Đình, Hà Nội')).toEqual({ detail: '', ward: undefined, province: '01', candidates: ['00004', '00008'], problems: ['old-units', 'ward-split'] });
  });

  it('reads a current address exactly as the browser parser does', () => {
    expect(brief('Số 5 Hoàng Diệu, Phường Ba Đình, Hà Nội')).toEqual({ detail: 'Số 5 Hoàng Diệu', ward: '00004', province: '01', candidates: undefined, problems: [] });
  });

  it('leaves an old commune name shared by several districts unset', () => {
    expect(brief('Phường 1, Quận 3, TP HCM')).toMatchObject({ ward: undefined, province: '79', problems: ['old-units', 'ward-ambiguous'] });
  });
});
