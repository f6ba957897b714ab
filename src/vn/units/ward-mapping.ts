import { foldKey, toneKey } from '../fold-key.js';
import { normalizeText } from '../normalize-text.js';
import { oldProvinceByCode } from '../old-province.js';
import type { Province, Ward, WardCandidate } from '../unit-index.js';
import { WARD_MAPPING } from './units-data.generated.js';
import { units } from './unit-list.js';

/** A commune as it was before 1 July 2025 (or one of five island districts that had none). */
export interface OldWard {
  /** GSO code: five digits, or three for the island districts (318, 471, 498, 536, 755). */
  code: string;
  /** "Trúc Bạch". */
  name: string;
  /** "Phường Trúc Bạch". */
  fullName: string;
  /** Code of its old province (one of 63). */
  provinceCode: string;
  /** Every new commune it went into; several (all `partial`) for the 460 that were split. */
  candidates: readonly WardCandidate[];
}

let byCode: Map<string, OldWard> | undefined;
const byName: { exact?: Map<string, string[]>; loose?: Map<string, string[]> } = {};

/** @internal Old communes by code, built on first use (10,052 entries). */
export function oldWards(): Map<string, OldWard> {
  if (byCode) return byCode;
  byCode = new Map();
  for (const [code, fullName, provinceCode, targets] of WARD_MAPPING.oldWards) {
    const candidates = targets.split(' ').map((t) =>
      Object.freeze({ ward: units.wardByCode(t.slice(0, 5))!, type: t.endsWith('f') ? ('full' as const) : ('partial' as const) }),
    );
    const name = fullName.replace(/^(Phường|Xã|Thị trấn|Huyện) /i, '');
    byCode.set(code, Object.freeze({ code, name, fullName, provinceCode, candidates: Object.freeze(candidates) }));
  }
  return byCode;
}

/**
 * @internal Old communes by "old province code + name key", exact (toneKey) or loose (foldKey),
 * each built on first need: only address parsing uses them.
 */
export function oldWardsByName(loose: boolean): Map<string, string[]> {
  const have = loose ? byName.loose : byName.exact;
  if (have) return have;
  const map = new Map<string, string[]>();
  const k = loose ? foldKey : toneKey;
  for (const w of oldWards().values()) {
    const id = `${w.provinceCode} ${k(w.name.replace(/[.\-–—_]/g, ' '))}`;
    const list = map.get(id);
    if (list) list.push(w.code);
    else map.set(id, [w.code]);
  }
  if (loose) byName.loose = map;
  else byName.exact = map;
  return map;
}

/**
 * An old commune by its code, with the new communes it went into.
 * @example
 * oldWardByCode('00004') // { code: '00004', fullName: 'Phường Trúc Bạch', provinceCode: '01', candidates: [{ ward: { code: '00004', fullName: 'Phường Ba Đình', … }, type: 'full' }] }
 */
export function oldWardByCode(code: string): OldWard | undefined {
  return typeof code === 'string' ? oldWards().get(code) : undefined;
}

/**
 * The new communes an old commune went into: one (`full`) or, for the 460 that were split,
 * several (`partial`). Returns all of them and never picks: the person chooses. Empty for a
 * code that is not an old commune. Also accepts the five island-district codes.
 * @example
 * newWardsForOldWard('00016').map((c) => c.ward.fullName) // ['Phường Ba Đình', 'Phường Ngọc Hà', …]
 */
export function newWardsForOldWard(oldWardCode: string): readonly WardCandidate[] {
  return oldWardByCode(oldWardCode)?.candidates ?? [];
}

/**
 * The 2025 province an old province (one of 63) became part of.
 * @example
 * newProvinceForOldProvince('02')?.fullName // 'Tỉnh Tuyên Quang'
 */
export function newProvinceForOldProvince(oldProvinceCode: string): Province | undefined {
  const old = oldProvinceByCode(oldProvinceCode);
  return old ? units.provinceByCode(old.newProvinceCode) : undefined;
}

/** A population-record address of the three-level era (MaTinhThanh, MaQuanHuyen, MaPhuongXa, ChiTiet). */
export interface OldAddress {
  provinceCode?: string | null;
  districtCode?: string | null;
  wardCode?: string | null;
  detail?: string | null;
}

export type ConvertOldAddressResult =
  | {
      ok: true;
      detail: string;
      /** Set when every candidate lies in one province, or from the old province when no commune was given. */
      province?: Province;
      /** Set only when the old commune went whole into one new commune. */
      ward?: Ward;
      /** Every new commune the old one went into (empty without a commune). */
      candidates: readonly WardCandidate[];
      oldWard?: OldWard;
    }
  | {
      ok: false;
      reason:
        | 'not-an-object'
        /** A code that is not a string (a number loses leading zeros: never padded back). */
        | 'not-a-string'
        | 'unknown-province'
        | 'unknown-ward'
        /** The commune is not in the province given. */
        | 'province-mismatch'
        /** Neither a commune nor a province. */
        | 'nothing-to-convert';
    };

/**
 * Converts a pre-2025 coded address into the current units: the old commune code gives the
 * candidates, the district code matters only for the five island districts that had no
 * communes. One candidate sets `ward`; several leave it unset for the person to choose. Codes
 * are compared as strings, exactly. Never throws.
 * @example
 * convertOldAddress({ provinceCode: '01', districtCode: '001', wardCode: '00004', detail: 'Số 5 Hoàng Diệu' })
 * // { ok: true, detail: 'Số 5 Hoàng Diệu', province: { code: '01', … }, ward: { code: '00004', fullName: 'Phường Ba Đình', … }, candidates: [ … ] }
 */
export function convertOldAddress(address: OldAddress): ConvertOldAddressResult {
  if (typeof address !== 'object' || address === null) return { ok: false, reason: 'not-an-object' };
  const { provinceCode, districtCode, wardCode, detail } = address;
  for (const value of [provinceCode, districtCode, wardCode, detail])
    if (value !== undefined && value !== null && typeof value !== 'string') return { ok: false, reason: 'not-a-string' };
  const text = typeof detail === 'string' ? normalizeText(detail) : '';

  const oldProvince = provinceCode ? oldProvinceByCode(provinceCode) : undefined;
  if (provinceCode && !oldProvince) return { ok: false, reason: 'unknown-province' };
  let oldWard: OldWard | undefined;
  if (wardCode) {
    oldWard = oldWardByCode(wardCode);
    if (!oldWard) return { ok: false, reason: 'unknown-ward' };
  } else if (districtCode && /^\d{3}$/.test(districtCode)) {
    oldWard = oldWardByCode(districtCode); // an island district without communes, or nothing
  }
  if (oldWard) {
    if (oldProvince && oldWard.provinceCode !== oldProvince.code) return { ok: false, reason: 'province-mismatch' };
    const provinces = new Set(oldWard.candidates.map((c) => c.ward.provinceCode));
    const result: ConvertOldAddressResult = { ok: true, detail: text, candidates: oldWard.candidates, oldWard };
    if (provinces.size === 1) result.province = units.provinceByCode([...provinces][0]!);
    if (oldWard.candidates.length === 1) result.ward = oldWard.candidates[0]!.ward;
    return result;
  }
  if (oldProvince) return { ok: true, detail: text, province: units.provinceByCode(oldProvince.newProvinceCode), candidates: [] };
  return { ok: false, reason: 'nothing-to-convert' };
}
