/**
 * `oncefill/vn/units` (Node only): the full administrative-unit data (34 provinces and 3,321
 * communes after 30/04/2026) and the old→new mapping of 1 July 2025 (10,052 old communes,
 * 10,604 rows). For gateways and back offices; browsers fetch `oncefill/vn/units.json` (the
 * current list only) and use `createUnitIndex` and `parseAddress` from `oncefill/vn`.
 * Data: dvhcvn/20250701 and thanglequoc/vietnamese-provinces-database, both MIT (`UNITS_NOTICE`).
 */
export { version } from '../../shared/version.js';
export { UNITS_VERSION, UNITS_EFFECTIVE, UNITS_NOTICE } from './units-data.generated.js';
export { unitList, units, wardByCode, provinceByCode } from './unit-list.js';
export {
  oldWardByCode,
  newWardsForOldWard,
  newProvinceForOldProvince,
  convertOldAddress,
  type OldWard,
  type OldAddress,
  type ConvertOldAddressResult,
} from './ward-mapping.js';
export { parseAddress } from './parse-old-address.js';
export { oldProvinceByCode, type OldProvince } from '../old-province.js';
export type { ParsedAddress, AddressProblem } from '../parse-address.js';
export type { Province, ProvinceType, Ward, WardType, WardCandidate, UnitIndex, UnitList } from '../unit-index.js';
