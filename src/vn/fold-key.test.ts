import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldKey, toneKey } from './fold-key.js';
import { adminUnitsDir } from './test-support/shared-data.js';

describe('foldKey', () => {
  it('matches NFD, unaccented and upper-case forms of a name to its NFC form', () => {
    const key = foldKey('Nguyễn Thị Thu Hà');
    for (const variant of ['Nguyễn Thị Thu Hà'.normalize('NFD'), 'NGUYỄN THỊ THU HÀ', 'nguyen thi thu ha', ' Nguyen  Thi Thu\tHa ']) expect(foldKey(variant)).toBe(key);
    expect(key).toBe('nguyen thi thu ha');
  });

  it('matches old and new tone-mark placement', () => {
    const pairs = [
      ['Hoà', 'Hòa'],
      ['Thuỷ', 'Thủy'],
      ['Khoẻ', 'Khỏe'],
      ['Quý', 'Qúy'],
      ['Thuỵ', 'Thụy'],
      ['Hoá', 'Hóa'],
    ];
    for (const [a, b] of pairs) expect(foldKey(a)).toBe(foldKey(b));
  });

  it('folds Đ (U+0110) and đ (U+0111), which have no decomposition, to d', () => {
    expect(foldKey('Đặng Đức')).toBe('dang duc');
  });

  it('keeps Ð (U+00D0, Icelandic eth) apart from Đ (U+0110)', () => {
    expect(foldKey('\u00D0ức')).not.toBe(foldKey('\u0110ức'));
    expect(foldKey('\u00D0ức')).not.toBe(foldKey('Duc'));
    expect(toneKey('\u00D0ức')).not.toBe(toneKey('\u0110ức'));
  });
});

describe('toneKey', () => {
  it('matches NFD text and old and new tone placement, ignoring case', () => {
    expect(toneKey('Xã Tân Hoà')).toBe(toneKey('XÃ TÂN HÒA'.normalize('NFD')));
    expect(toneKey('Thuỷ Nguyên')).toBe(toneKey('thủy nguyên'));
    expect(toneKey('Uỳnh')).toBe(toneKey('Ùynh'));
  });

  it('keeps names apart that differ only in a mark, unlike foldKey', () => {
    for (const [a, b] of [
      ['Văn Lăng', 'Văn Lang'],
      ['Hòa', 'Hóa'],
      ['Mỹ Thọ', 'Mỹ Tho'],
      ['Đông Tiến', 'Đồng Tiến'],
    ]) {
      expect(foldKey(a)).toBe(foldKey(b));
      expect(toneKey(a)).not.toBe(toneKey(b));
    }
  });

  it('matches every name the two admin-unit datasets write differently by tone placement alone', () => {
    const dir = adminUnitsDir();
    const merges = JSON.parse(readFileSync(join(dir, 'dvhcvn-20250701/merges.json'), 'utf8')) as {
      data: Array<{ level2s: Array<{ level2_id: string; name: string }> }>;
    };
    const current = JSON.parse(readFileSync(join(dir, 'thanglequoc-vn-provinces/simplified_json_generated_data_vn_units_2026-07-25.json'), 'utf8')) as Array<{
      Wards: Array<{ Code: string; Name: string; FullName: string }>;
    }>;
    const now = new Map(current.flatMap((p) => p.Wards.map((w) => [w.Code, w.Name] as const)));
    let differing = 0;
    for (const w of merges.data.flatMap((p) => p.level2s)) {
      const name = now.get(w.level2_id);
      if (name === undefined) continue;
      const old = w.name.normalize('NFC').replace(/^(Phường|Xã|Đặc khu) /, '');
      if (old === name) continue;
      differing++;
      expect(toneKey(old), `${w.level2_id}`).toBe(toneKey(name));
    }
    expect(differing).toBeGreaterThanOrEqual(190);
  });
});
