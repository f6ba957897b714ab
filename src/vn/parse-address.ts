import { foldKey, toneKey } from './fold-key.js';
import { normalizeText } from './normalize-text.js';
import { oldProvinces, type OldProvince } from './old-province.js';
import type { Province, UnitIndex, Ward, WardCandidate, WardType } from './unit-index.js';

/** Why part of an address was left unset. Parts are set only when the text names exactly one unit. */
export type AddressProblem =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'province-not-found'
  | 'ward-not-found'
  /** Several communes carry that name (in that province, or nationwide when no province was found). */
  | 'ward-ambiguous'
  /** The text names units abolished on 1 July 2025: a district, an old province or an old commune. */
  | 'old-units'
  /** The old commune named went into several new ones: ask the person, offering `candidates`. */
  | 'ward-split';

/** A free-text address split into the parts the 2025 two-level address has. */
export interface ParsedAddress {
  /** Everything that is not the province or the commune (house number, street, hamlet…); when the
   * commune is not found, its text stays here so nothing written is lost. */
  detail: string;
  province?: Province;
  ward?: Ward;
  /** `oncefill/vn/units` only: the new communes an old commune named in the text went into. */
  candidates?: WardCandidate[];
  problems: AddressProblem[];
}

/** @internal What the Node entry knows about old communes, plugged into the same parser. */
export interface OldWardLookup {
  /** Codes of old communes with this name key (`toneKey`, or `foldKey` when `loose`) in these old provinces. */
  find(key: string, loose: boolean, oldProvinceCodes: readonly string[]): string[];
  candidatesOf(oldWardCode: string): WardCandidate[];
}

/** Longer than any address; past it nothing is matched. */
const MAX_ADDRESS_LENGTH = 1000;

const COUNTRY = new Set(['viet nam', 'vietnam', 'vn']);
// Type words, also unaccented: text without any mark is matched loosely throughout.
const PROVINCE_PREFIX = /^(?:thành phố|thanh pho|tỉnh|tinh|t\.?p\.?(?=[^\p{L}]|$))\s*/u;
const CITY_PREFIX = /^(?:thành phố|thanh pho|t\.?p\.?(?=[^\p{L}]|$))/u;
const DISTRICT_PREFIX = /^(?:quận|quan|huyện|huyen|thị xã|thi xa|thành phố|thanh pho|q\.|h\.|tx\.|tp\.|q(?=\s*\d)|tx\s|tp\s)/u;
const WARD_PREFIXES: Array<[RegExp, WardType | 'old']> = [
  [/^(?:phường|phuong\s|p\.|p(?=\s*\d))\s*/u, 'ward'],
  [/^(?:xã|xa\s|x\.)\s*/u, 'commune'],
  [/^(?:đặc khu|dac khu)\s*/u, 'special-zone'],
  [/^(?:thị trấn|thi tran|tt\.|tt\s)\s*/u, 'old'],
];
/** Where a commune's name starts inside a longer segment ("12 Lê Lợi Phường Bến Thành"). */
const WARD_INSIDE = /\s(?:(?:phường|phuong|xã|xa|đặc khu|dac khu|thị trấn|thi tran)\s|p\.|x\.|tt\.)/gu;

/** Written names of current provinces that are not their names. */
const PROVINCE_ALIASES: Record<string, string> = { hcm: '79', tphcm: '79', 'tp hcm': '79', 'sài gòn': '79' };
/** Written names of old provinces that are not their names in the data. */
const OLD_PROVINCE_ALIASES: Record<string, string> = { 'thừa thiên huế': '46' };

const key = (s: string): string => toneKey(s.replace(/[.\-–—_]/g, ' '));
const looseKey = (s: string): string => foldKey(s.replace(/[.\-–—_]/g, ' '));
/** Unaccented input is matched loosely; text with any mark is matched exactly. */
const unaccented = (s: string): boolean => s === s.normalize('NFD').replace(/\p{M}/gu, '') && !/[đĐ]/.test(s);

interface Names {
  provinces: Map<string, Province[]>;
  oldProvinces: Map<string, OldProvince[]>;
  /** Nationwide; filtered by province on lookup (a name has a handful of communes at most). */
  wards: Map<string, Ward[]>;
}

/** Name indexes per unit index, exact and loose, each built on first need (a few ms each). */
const cache = new WeakMap<UnitIndex, { exact?: Names; loose?: Names }>();

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (!list) map.set(k, [value]);
  else if (!list.includes(value)) list.push(value);
}

function namesOf(units: UnitIndex, loose: boolean): Names {
  let entry = cache.get(units);
  if (!entry) cache.set(units, (entry = {}));
  const have = loose ? entry.loose : entry.exact;
  if (have) return have;
  const k = loose ? looseKey : key;
  const n: Names = { provinces: new Map(), oldProvinces: new Map(), wards: new Map() };
  for (const p of units.provinces) push(n.provinces, k(p.name), p);
  for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) push(n.provinces, k(alias), units.provinceByCode(code)!);
  for (const o of oldProvinces().values()) push(n.oldProvinces, k(o.name.replace(/^(Thành phố|Tỉnh) /, '')), o);
  for (const [alias, code] of Object.entries(OLD_PROVINCE_ALIASES)) push(n.oldProvinces, k(alias), oldProvinces().get(code)!);
  for (const w of units.wards) push(n.wards, k(w.name), w);
  if (loose) entry.loose = n;
  else entry.exact = n;
  return n;
}

/**
 * Splits a free-text address into detail, commune and province of the current list, setting a
 * part only when the text names exactly one unit: a name shared by several communes, or a
 * pre-2025 address (with a district, an old province or an old commune), leaves the commune
 * unset and says why in `problems`. Old-style tone placement, NFD text, missing marks
 * ("Ba Dinh"), and "P.", "Q.", "TP" abbreviations are understood. Never throws.
 * In the browser pass the index of `oncefill/vn/units.json`; on Node, `parseAddress` from
 * `oncefill/vn/units` also maps old communes to their new ones.
 * @example
 * parseAddress('Số 5 Hoàng Diệu, Phường Ba Đình, Hà Nội', units)
 * // { detail: 'Số 5 Hoàng Diệu', ward: { code: '00004', … }, province: { code: '01', … }, problems: [] }
 */
export function parseAddress(text: string, units: UnitIndex): ParsedAddress {
  return parseAddressWith(text, units);
}

/** @internal The parser, with old-commune lookups when the caller has them. */
export function parseAddressWith(text: unknown, units: UnitIndex, old?: OldWardLookup): ParsedAddress {
  if (typeof text !== 'string') return { detail: '', problems: ['not-a-string'] };
  if (text.length > MAX_ADDRESS_LENGTH * 4) return { detail: '', problems: ['too-long'] };
  const all = normalizeText(text);
  if (all === '') return { detail: '', problems: ['empty'] };
  if (all.length > MAX_ADDRESS_LENGTH) return { detail: all, problems: ['too-long'] };
  const segments = text
    .split(/[,;\n\r]+/)
    .map(normalizeText)
    .filter(Boolean);
  if (segments.length === 0) return { detail: '', problems: ['empty'] };
  if (segments.length > 1 && COUNTRY.has(foldKey(segments[segments.length - 1]))) segments.pop();

  const problems: AddressProblem[] = [];
  const result: ParsedAddress = { detail: '', problems };
  let end = segments.length; // segments[0, end) are not yet assigned
  let oldMode = false;
  let oldProvince: OldProvince | undefined;

  const found = findProvince(segments[end - 1]!, units);
  if (found) {
    result.province = found.province;
    oldProvince = found.old;
    oldMode = found.old !== undefined;
    end--;
  }
  // A district-level segment (quận, huyện, thị xã, a provincial city): the address predates 2025.
  // Without a province found, "Thành phố …" may be a misspelt province: not taken as a district.
  const detailEnd = end;
  const district = end > 0 ? lowerOf(segments[end - 1]!) : undefined;
  if (district && DISTRICT_PREFIX.test(district) && (found || !CITY_PREFIX.test(district))) {
    oldMode = true;
    end--;
  }

  let matched: WardMatch | undefined;
  let head: string | undefined;
  if (end > 0) {
    const segment = segments[end - 1]!;
    matched = findWard(segment, result.province, oldProvince, oldMode, units, old);
    if (matched.kind === 'none') {
      // The commune may follow the street in one segment: try from the last commune keyword.
      let at = -1;
      for (const m of (lowerOf(segment) ?? '').matchAll(WARD_INSIDE)) at = m.index;
      if (at > 0) {
        const tail = findWard(segment.slice(at + 1), result.province, oldProvince, oldMode, units, old);
        if (tail.kind !== 'none') {
          matched = tail;
          head = segment.slice(0, at).trim();
        }
      }
    }
  }

  if (matched?.kind === 'ward' || matched?.kind === 'split') {
    // An old commune can have gone into another province: its new province wins over the text's.
    if (matched.kind === 'ward') {
      result.ward = matched.ward;
      if (!result.province || matched.old) result.province = units.provinceByCode(matched.ward.provinceCode);
    } else {
      result.candidates = matched.candidates;
      const provinces = new Set(matched.candidates.map((c) => c.ward.provinceCode));
      if (provinces.size === 1) result.province = units.provinceByCode([...provinces][0]!);
    }
    if (matched.old) oldMode = true;
    result.detail = [...segments.slice(0, end - 1), ...(head ? [head] : [])].join(', ');
  } else {
    result.detail = segments.slice(0, detailEnd).join(', ');
  }

  if (!result.province) problems.push('province-not-found');
  if (oldMode || matched?.kind === 'old') problems.push('old-units');
  if (matched?.kind === 'split') problems.push('ward-split');
  else if (matched?.kind === 'ambiguous') problems.push('ward-ambiguous');
  else if (!result.ward && !(matched?.kind === 'old' && !old)) problems.push('ward-not-found');
  return result;
}

/** Lower case when it keeps every position (so a prefix matched on it can be cut from the text). */
function lowerOf(text: string): string | undefined {
  const lower = text.toLocaleLowerCase('vi');
  return lower.length === text.length ? lower : undefined;
}

function findProvince(segment: string, units: UnitIndex): { province?: Province; old?: OldProvince } | undefined {
  const prefix = PROVINCE_PREFIX.exec(lowerOf(segment) ?? '');
  const rest = prefix ? segment.slice(prefix[0].length) : segment;
  // Text without marks may have lost them: match it loosely, never exactly ("Ba Dinh" is also a commune).
  const loose = unaccented(segment);
  const n = namesOf(units, loose);
  const k = loose ? looseKey(rest) : key(rest);
  const current = n.provinces.get(k);
  if (current?.length === 1) return { province: current[0] };
  const old = n.oldProvinces.get(k);
  if (old?.length === 1) return { old: old[0], province: units.provinceByCode(old[0]!.newProvinceCode) };
  return undefined;
}

type WardMatch =
  | { kind: 'ward'; ward: Ward; old?: boolean }
  | { kind: 'split'; candidates: WardCandidate[]; old: true }
  | { kind: 'ambiguous' }
  /** Looks like an old commune, and there is no old data to map it (browser). */
  | { kind: 'old' }
  | { kind: 'none' };

function findWard(
  segment: string,
  province: Province | undefined,
  oldProvince: OldProvince | undefined,
  oldMode: boolean,
  units: UnitIndex,
  old: OldWardLookup | undefined,
): WardMatch {
  const lower = lowerOf(segment) ?? '';
  let type: WardType | 'old' | undefined;
  let rest = segment;
  for (const [pattern, t] of WARD_PREFIXES) {
    const m = pattern.exec(lower);
    if (m) {
      type = t;
      rest = segment.slice(m[0].length);
      break;
    }
  }
  if (rest === '') return { kind: 'none' };
  // Text without marks may have lost them: match it loosely, never exactly.
  const loose = unaccented(segment);
  const k = loose ? looseKey(rest) : key(rest);

  if (!oldMode && type !== 'old') {
    let hits = namesOf(units, loose).wards.get(k) ?? [];
    if (province) hits = hits.filter((w) => w.provinceCode === province.code);
    if (hits.length > 1 && type) {
      const typed = hits.filter((w) => w.type === type);
      if (typed.length > 0) hits = typed;
    }
    if (hits.length === 1) return { kind: 'ward', ward: hits[0]! };
    if (hits.length > 1) return { kind: 'ambiguous' };
  }
  if (!old) return oldMode || type === 'old' ? { kind: 'old' } : { kind: 'none' };

  const oldCodes = oldProvince
    ? [oldProvince.code]
    : [...oldProvinces().values()].filter((o) => !province || o.newProvinceCode === province.code).map((o) => o.code);
  const hits = old.find(k, loose, oldCodes);
  if (hits.length > 1) return { kind: 'ambiguous' };
  if (hits.length === 1) {
    const candidates = old.candidatesOf(hits[0]!);
    if (candidates.length === 1) return { kind: 'ward', ward: candidates[0]!.ward, old: true };
    if (candidates.length > 1) return { kind: 'split', candidates, old: true };
  }
  return oldMode || type === 'old' ? { kind: 'old' } : { kind: 'none' };
}
