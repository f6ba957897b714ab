import { createUnitIndex, type Province, type UnitIndex, type UnitList, type Ward } from '../unit-index.js';
import {
  PROVINCE_ROWS,
  PROVINCE_TYPE_NAMES,
  UNITS_EFFECTIVE,
  UNITS_NOTICE,
  UNITS_VERSION,
  WARD_ROWS,
  WARD_TYPE_NAMES,
} from './units-data.generated.js';

/**
 * The current list in the shape of `oncefill/vn/units.json` (the build writes that file from
 * this object): serve it yourself if your portal hosts its own assets.
 * @example
 * response.json(unitList) // the same bytes as dist/vn/units.json, minus formatting
 */
export const unitList: UnitList = Object.freeze({
  version: UNITS_VERSION,
  effective: UNITS_EFFECTIVE,
  notice: UNITS_NOTICE,
  types: { province: PROVINCE_TYPE_NAMES, ward: WARD_TYPE_NAMES },
  provinces: PROVINCE_ROWS,
  wards: WARD_ROWS,
});

/**
 * Lookups over the current 34 provinces and 3,321 communes.
 * @example
 * units.wardByCode('00004')?.fullName // 'Phường Ba Đình'
 */
export const units: UnitIndex = createUnitIndex(unitList);

/**
 * A current commune by its five-digit code (`units.wardByCode`).
 * @example
 * wardByCode('06978')?.fullName // 'Xã Ba Chẽ'
 */
export function wardByCode(code: string): Ward | undefined {
  return units.wardByCode(code);
}

/**
 * A current province by its two-digit code (`units.provinceByCode`).
 * @example
 * provinceByCode('75')?.fullName // 'Thành phố Đồng Nai'
 */
export function provinceByCode(code: string): Province | undefined {
  return units.provinceByCode(code);
}
