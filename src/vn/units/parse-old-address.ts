import { parseAddressWith, type ParsedAddress } from '../parse-address.js';
import { units } from './unit-list.js';
import { oldWards, oldWardsByName } from './ward-mapping.js';

const lookup = {
  find(key: string, loose: boolean, oldProvinceCodes: readonly string[]): string[] {
    const map = oldWardsByName(loose);
    return oldProvinceCodes.flatMap((code) => map.get(`${code} ${key}`) ?? []);
  },
  candidatesOf: (code: string) => [...(oldWards().get(code)?.candidates ?? [])],
};

/**
 * Splits a free-text address into detail, commune and province of the current list, like
 * `parseAddress` of `oncefill/vn`, and also reads pre-2025 addresses: an old commune named in
 * the text (after a district, under an old province, or simply no longer existing) is mapped
 * to its new commune, or, when it was split, to `candidates` with the problem `ward-split`.
 * Old communes are told apart by name within their old province only (the data has no
 * districts), so a name two districts shared stays `ward-ambiguous`. Never throws.
 * @example
 * parseAddress('12 Phố Huế, Phường Trúc Bạch, Quận Ba Đình, Hà Nội')
 * // { detail: '12 Phố Huế', ward: { fullName: 'Phường Ba Đình', … }, province: { code: '01', … }, problems: ['old-units'] }
 */
export function parseAddress(text: string): ParsedAddress {
  return parseAddressWith(text, units, lookup);
}
