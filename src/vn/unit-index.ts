/**
 * The current administrative units (34 provinces, 3,321 communes) as objects with lookups,
 * built from the compact list `oncefill/vn/units.json` that pickers fetch on demand (the same
 * list `oncefill/vn/units` carries on Node).
 */

/** `city`: thành phố trực thuộc trung ương; `province`: tỉnh. */
export type ProvinceType = 'city' | 'province';
/** `ward`: phường; `commune`: xã; `special-zone`: đặc khu. */
export type WardType = 'ward' | 'commune' | 'special-zone';

/** A province-level unit (tỉnh, thành phố) of the current list. */
export interface Province {
  /** Two-digit GSO code. */
  code: string;
  /** "Hà Nội". */
  name: string;
  /** "Thành phố Hà Nội". */
  fullName: string;
  type: ProvinceType;
}

/** A commune-level unit (phường, xã, đặc khu) of the current list. */
export interface Ward {
  /** Five-digit GSO code. */
  code: string;
  /** "Ba Đình". */
  name: string;
  /** "Phường Ba Đình". */
  fullName: string;
  type: WardType;
  provinceCode: string;
}

/** A new commune an old one went into: all of it (`full`) or part of it (`partial`). */
export interface WardCandidate {
  ward: Ward;
  type: 'full' | 'partial';
}

/**
 * The shape of `oncefill/vn/units.json`: rows as arrays to stay small (≤ 30 KB gzip).
 * `types` names each type index in Vietnamese; the full name is the type name, a space, the name.
 */
export interface UnitList {
  /** Dataset version; store it with every address (`dataset`). */
  version: string;
  /** The date the list describes. */
  effective: string;
  /** Upstream licence notices (MIT), which travel with the data. */
  notice: string;
  types: { province: readonly string[]; ward: readonly string[] };
  /** [code, name, type index]. */
  provinces: ReadonlyArray<readonly [code: string, name: string, type: number]>;
  /** [code, name, province code, type index], sorted by code. */
  wards: ReadonlyArray<readonly [code: string, name: string, provinceCode: string, type: number]>;
}

/** Lookups over a unit list; built once by {@link createUnitIndex}. */
export interface UnitIndex {
  readonly version: string;
  readonly effective: string;
  readonly provinces: readonly Province[];
  readonly wards: readonly Ward[];
  provinceByCode(code: string): Province | undefined;
  wardByCode(code: string): Ward | undefined;
  /** The communes of a province, by code; empty for an unknown province. */
  wardsOfProvince(provinceCode: string): readonly Ward[];
}

const PROVINCE_TYPES: readonly ProvinceType[] = ['city', 'province'];
const WARD_TYPES: readonly WardType[] = ['ward', 'commune', 'special-zone'];

const isRow = (row: unknown, length: number): row is unknown[] => Array.isArray(row) && row.length === length;

/**
 * Builds lookups over the unit list (`oncefill/vn/units.json`, or `unitList` from
 * `oncefill/vn/units`). Objects are frozen; build the index once and keep it.
 * @throws TypeError when `list` is not a unit list (a wrong URL or a truncated download).
 * @example
 * const units = createUnitIndex(await (await fetch(unitsJsonUrl)).json())
 * units.wardsOfProvince('01').map((w) => w.fullName)
 */
export function createUnitIndex(list: UnitList): UnitIndex {
  const bad = (): never => {
    throw new TypeError('[oncefill] createUnitIndex: not a unit list; pass the parsed oncefill/vn/units.json');
  };
  if (typeof list !== 'object' || list === null || typeof list.version !== 'string' || !Array.isArray(list.provinces) || !Array.isArray(list.wards)) bad();
  const typeNames = list.types ?? bad();
  const provinceTypeNames = Array.isArray(typeNames.province) && typeNames.province.length === PROVINCE_TYPES.length ? typeNames.province : bad();
  const wardTypeNames = Array.isArray(typeNames.ward) && typeNames.ward.length === WARD_TYPES.length ? typeNames.ward : bad();

  const provinces: Province[] = [];
  const provinceMap = new Map<string, Province>();
  for (const row of list.provinces) {
    if (!isRow(row, 3) || typeof row[0] !== 'string' || typeof row[1] !== 'string' || PROVINCE_TYPES[row[2] as number] === undefined) bad();
    const [code, name, type] = row as [string, string, number];
    const province = Object.freeze({ code, name, fullName: `${provinceTypeNames[type]} ${name}`, type: PROVINCE_TYPES[type]! });
    provinces.push(province);
    provinceMap.set(code, province);
  }
  const wards: Ward[] = [];
  const wardMap = new Map<string, Ward>();
  const byProvince = new Map<string, Ward[]>();
  for (const row of list.wards) {
    if (!isRow(row, 4) || typeof row[0] !== 'string' || typeof row[1] !== 'string' || !provinceMap.has(row[2] as string) || WARD_TYPES[row[3] as number] === undefined)
      bad();
    const [code, name, provinceCode, type] = row as [string, string, string, number];
    const ward = Object.freeze({ code, name, fullName: `${wardTypeNames[type]} ${name}`, type: WARD_TYPES[type]!, provinceCode });
    wards.push(ward);
    wardMap.set(code, ward);
    const list = byProvince.get(provinceCode);
    if (list) list.push(ward);
    else byProvince.set(provinceCode, [ward]);
  }
  const none: readonly Ward[] = Object.freeze([]);
  for (const [code, list] of byProvince) byProvince.set(code, Object.freeze(list) as Ward[]);
  return Object.freeze({
    version: list.version,
    effective: typeof list.effective === 'string' ? list.effective : '',
    provinces: Object.freeze(provinces),
    wards: Object.freeze(wards),
    provinceByCode: (code: string) => provinceMap.get(code),
    wardByCode: (code: string) => wardMap.get(code),
    wardsOfProvince: (code: string) => byProvince.get(code) ?? none,
  });
}
