import { OLD_PROVINCE_ROWS } from './old-provinces.generated.js';

/** A province as it was before 1 July 2025 (one of 63), and the 2025 province it is now part of. */
export interface OldProvince {
  /** GSO code, two digits. */
  code: string;
  /** Name as it was, e.g. "Tỉnh Hà Giang". */
  name: string;
  /** Code of the 2025 province (one of 34) that took it over whole. */
  newProvinceCode: string;
}

let byCode: Map<string, OldProvince> | undefined;

/** @internal Every old province, built once. */
export function oldProvinces(): Map<string, OldProvince> {
  byCode ??= new Map(OLD_PROVINCE_ROWS.map(([code, name, newProvinceCode]) => [code, Object.freeze({ code, name, newProvinceCode })]));
  return byCode;
}

/**
 * One of the 63 provinces before 1 July 2025, by its two-digit GSO code (as population-record
 * addresses still carry it in `MaTinhThanh`). Every old province went whole into one 2025
 * province, so `newProvinceCode` is a fact, not a guess.
 * @example
 * oldProvinceByCode('02') // { code: '02', name: 'Tỉnh Hà Giang', newProvinceCode: '08' }
 */
export function oldProvinceByCode(code: string): OldProvince | undefined {
  return typeof code === 'string' ? oldProvinces().get(code) : undefined;
}
