/**
 * Writes the administrative-unit data modules from the upstream datasets in
 * `shared/data/admin-units/` (read its SOURCE.md):
 *
 * - `src/vn/old-provinces.generated.ts`: the 63 provinces before 1 July 2025 and the 2025
 *   province each became part of (browser-safe: personal-ID prefixes, old province names);
 * - `src/vn/units/units-data.generated.ts` (Node only): the current 34 provinces and 3,321
 *   communes, the 10,052 old communes and the 10,604 old→new rows with full/partial marks,
 *   and both upstream MIT notices.
 *
 * Which dataset says what (docs/decisions/004-vn-admin-units.md):
 * - the current list (codes, names, types) is thanglequoc/vietnamese-provinces-database
 *   (Cục Thống kê API, state after 30/04/2026);
 * - the old→new mapping is dvhcvn/20250701 (state on 1/7/2025), with its new-commune codes
 *   moved onto the current list: two codes differ (`CODE_CORRECTIONS`), the rest must agree.
 *
 * The output is deterministic; a test regenerates it and compares byte for byte.
 *
 *   npx tsx scripts/generate-units.ts              # write the files
 *   npx tsx scripts/generate-units.ts --check      # exit 1 if the committed files differ
 *   ONCEFILL_ADMIN_UNITS_DIR=/path/to/admin-units npx tsx scripts/generate-units.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSharedData, missingSharedData } from './shared-data.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const OUTPUT_FILES = {
  oldProvinces: join(ROOT, 'src/vn/old-provinces.generated.ts'),
  units: join(ROOT, 'src/vn/units/units-data.generated.ts'),
} as const;

export const UNITS_VERSION = 'dvhcvn-20250701+thanglequoc-2026-07-25';
/** The date the current list describes: Nghị quyết 30/2026/QH16 and 237/NQ-UBTVQH16 took effect. */
export const UNITS_EFFECTIVE = '2026-04-30';

/** SHA-256 prefixes recorded in SOURCE.md when the files were copied. */
const INPUTS = {
  merges: ['dvhcvn-20250701/merges.json', '7d4f8cb5ed4be203'],
  splits: ['dvhcvn-20250701/splits.json', '335cc8907764e63e'],
  provinces915: ['dvhcvn-20250701/915_CTK-CSCL.csv', '233cee5b0cb87601'],
  current: ['thanglequoc-vn-provinces/simplified_json_generated_data_vn_units_2026-07-25.json', '6207c791177859ce'],
} as const;

/**
 * New-commune codes on which the datasets disagree, dvhcvn → current list. In both cases the
 * current list keeps the code of the predecessor commune of the same name, as new communes
 * usually do; the dvhcvn code belongs to another old commune (23737 is old Xã Ia Mơ Nông,
 * which went into Xã Ia Ly) or to none (06970 was Thị trấn Ba Chẽ).
 */
const CODE_CORRECTIONS: Record<string, string> = { '06970': '06978', '23737': '23938' };

/**
 * Island districts that had no communes and became đặc khu: `merges.json` lists them by their
 * 3-digit district code and `splits.json` not at all, so their old province is stated here
 * (SOURCE.md, `derived/`: filled in by hand).
 */
const ISLAND_DISTRICTS: Record<string, string> = { '318': '31', '471': '45', '498': '48', '536': '51', '755': '77' };

const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'] as const;
const WARD_TYPES = ['Phường', 'Xã', 'Đặc khu'] as const;

interface Merges {
  data: Array<{
    level1_id: string;
    name: string;
    merges: Array<{ old_id: string; name: string; type: string }>;
    level2s: Array<{ level2_id: string; name: string; merges: Array<{ old_id: string; name: string; type: string }> }>;
  }>;
}
interface Splits {
  data: Array<{ level1_id: string; name: string; level3s: Array<{ level3_id: string; name: string; splits: Array<{ new_id: string }> }> }>;
}
type Current = Array<{ Code: string; Name: string; FullName: string; Wards: Array<{ Code: string; Name: string; FullName: string; ProvinceCode: string }> }>;

/** Where the admin-unit data is: `ONCEFILL_ADMIN_UNITS_DIR`, else `scripts/shared-data.ts` finds it. */
export function findAdminUnitsDir(): string | undefined {
  const fromEnv = process.env.ONCEFILL_ADMIN_UNITS_DIR;
  if (fromEnv) return existsSync(join(fromEnv, 'SOURCE.md')) ? fromEnv : undefined;
  const dir = findSharedData('admin-units');
  return dir && existsSync(join(dir, 'SOURCE.md')) ? dir : undefined;
}

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (s: string): string =>
  clean(s).toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd');

function fail(message: string): never {
  throw new Error(`[generate-units] ${message}`);
}

function read(dir: string, key: keyof typeof INPUTS): string {
  const [file, sha] = INPUTS[key];
  const bytes = readFileSync(join(dir, file));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (!actual.startsWith(sha)) fail(`${file}: sha256 ${actual.slice(0, 16)} is not the ${sha} recorded in SOURCE.md`);
  return bytes.toString('utf8');
}

/** Splits "Phường Ba Đình" into its type index and name, whatever the case of the type word. */
function splitType<T extends readonly string[]>(types: T, fullName: string, name: string, what: string): number {
  const full = clean(fullName);
  const short = clean(name);
  const index = types.findIndex((t) => full.toLocaleLowerCase('vi') === `${t} ${short}`.toLocaleLowerCase('vi'));
  if (index < 0) fail(`${what}: "${full}" is not one of ${types.join(', ')} followed by "${short}"`);
  return index;
}

export interface GeneratedUnits {
  oldProvinces: string;
  units: string;
  stats: { provinces: number; wards: number; oldProvinces: number; oldWards: number; rows: number; split: number };
}

/** Builds both files' text from the data directory; throws when the data breaks an expectation. */
export function generateUnits(dir: string): GeneratedUnits {
  const merges = (JSON.parse(read(dir, 'merges')) as Merges).data;
  const splits = (JSON.parse(read(dir, 'splits')) as Splits).data;
  const current = JSON.parse(read(dir, 'current')) as Current;
  const official = read(dir, 'provinces915')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1]!)
    .sort();

  // Current list.
  const provinces = current
    .map((p) => [p.Code, clean(p.Name), splitType(PROVINCE_TYPES, p.FullName, p.Name, p.Code)] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const wards = current
    .flatMap((p) => p.Wards.map((w) => [w.Code, clean(w.Name), w.ProvinceCode, splitType(WARD_TYPES, w.FullName, w.Name, w.Code)] as const))
    .sort((a, b) => a[0].localeCompare(b[0]));
  if (provinces.map((p) => p[0]).join() !== official.join()) fail('the current province codes differ from Công văn 915/CTK-CSCL');
  const wardByCode = new Map(wards.map((w) => [w[0], w]));
  if (wardByCode.size !== wards.length) fail('duplicate commune codes in the current list');
  for (const w of wards) if (!/^\d{5}$/.test(w[0]) || !provinces.some((p) => p[0] === w[2])) fail(`commune ${w[0]}: bad code or province`);

  // Old provinces: code and name from splits.json, the 2025 province from merges.json.
  const newProvinceOf = new Map<string, string>();
  for (const p of merges) for (const o of p.merges) newProvinceOf.set(o.old_id, p.level1_id);
  const oldProvinces = splits
    .map((p) => [p.level1_id, clean(p.name), newProvinceOf.get(p.level1_id) ?? fail(`old province ${p.level1_id} has no 2025 province`)] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

  // Old communes, and the old→new rows with new codes moved onto the current list.
  const oldWards = new Map<string, { name: string; province: string; targets: Array<[string, 'f' | 'p']> }>();
  for (const p of splits) for (const w of p.level3s) oldWards.set(w.level3_id, { name: clean(w.name), province: p.level1_id, targets: [] });
  let rows = 0;
  for (const p of merges) {
    for (const nw of p.level2s) {
      const code = CODE_CORRECTIONS[nw.level2_id] ?? nw.level2_id;
      const now = wardByCode.get(code) ?? fail(`new commune ${nw.level2_id} is not in the current list`);
      if (now[2] !== p.level1_id) fail(`new commune ${code} is in province ${p.level1_id} in dvhcvn, ${now[2]} now`);
      // Names agree up to tone placement, except the Xã → Phường changes of 30/04/2026.
      if (fold(nw.name).replace(/^(xa|phuong) /, '') !== fold(`${WARD_TYPES[now[3]]} ${now[1]}`).replace(/^(xa|phuong) /, ''))
        fail(`new commune ${code}: "${nw.name}" and "${now[1]}" are different names`);
      for (const o of nw.merges) {
        if (o.type !== 'full' && o.type !== 'partial') fail(`row ${o.old_id}→${code}: merge type "${o.type}"`);
        let old = oldWards.get(o.old_id);
        if (!old) {
          const province = ISLAND_DISTRICTS[o.old_id] ?? fail(`old unit ${o.old_id} is neither in splits.json nor a known island district`);
          old = { name: clean(o.name), province, targets: [] };
          oldWards.set(o.old_id, old);
        } else if (old.name !== clean(o.name)) fail(`old commune ${o.old_id}: "${o.name}" in merges.json, "${old.name}" in splits.json`);
        old.targets.push([code, o.type === 'full' ? 'f' : 'p']);
        rows++;
      }
    }
  }
  const mappedNew = new Set([...oldWards.values()].flatMap((o) => o.targets.map((t) => t[0])));
  if (mappedNew.size !== wards.length) fail(`${mappedNew.size} current communes have predecessors; expected all ${wards.length}`);
  const oldRows = [...oldWards.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  let split = 0;
  for (const [code, o] of oldRows) {
    if (o.targets.length === 0) fail(`old commune ${code} maps to no new commune`);
    o.targets.sort((a, b) => a[0].localeCompare(b[0]));
    if (o.targets.length > 1) split++;
    // The marks are consistent: an old commune that went whole into one new commune is "full".
    if ((o.targets.length === 1) !== (o.targets[0]![1] === 'f') || o.targets.some((t) => t[1] !== o.targets[0]![1]))
      fail(`old commune ${code}: full/partial marks disagree with its ${o.targets.length} targets`);
  }

  const notice = noticeText(dir);
  const header = (what: string): string =>
    [
      `// Generated by scripts/generate-units.ts from shared/data/admin-units (${UNITS_VERSION}).`,
      '// Do not edit: change the script or the data, run `npx tsx scripts/generate-units.ts`, commit both.',
      `// ${what}`,
      '//',
      ...notice.split('\n').map((line) => `// ${line}`.trimEnd()),
      '',
    ].join('\n');
  const row = (r: readonly unknown[]): string => `  ${JSON.stringify(r)},`;

  const oldProvinceFile = [
    header('The 63 provinces before 1 July 2025 (names: dvhcvn/20250701 splits.json).'),
    '/**',
    ' * The 63 provinces before 1 July 2025: [GSO code, name, code of the 2025 province it became',
    ' * part of]. The 12-digit personal ID starts with "0" + this code (TT 07/2016/TT-BCA Phụ lục 1).',
    ' */',
    'export const OLD_PROVINCE_ROWS: ReadonlyArray<readonly [code: string, name: string, newProvinceCode: string]> = [',
    ...oldProvinces.map(row),
    '];',
    '',
    '/** The same 63 codes, space-separated: all a personal-ID check needs (no names to ship). */',
    `export const OLD_PROVINCE_CODES = ${JSON.stringify(oldProvinces.map((r) => r[0]).join(' '))};`,
    '',
    '/**',
    ' * The same codes as a bit mask, for the one-tag embed (a tenth of the bytes after gzip): hex digit',
    ' * `i` holds codes `4i` to `4i + 3`, lowest bit first.',
    ' */',
    `export const OLD_PROVINCE_MASK = ${JSON.stringify(provinceMask(oldProvinces.map((r) => Number(r[0]))))};`,
    '',
  ].join('\n');

  const unitsFile = [
    header('Node only: the current units and the old→new mapping. Never import this from browser code.'),
    '/**',
    ' * Version of the unit data; store it with every address (`dataset`) so a code can be read later.',
    ' * @example',
    " * const address = { detail, wardCode, provinceCode, dataset: UNITS_VERSION }",
    ' */',
    `export const UNITS_VERSION = ${JSON.stringify(UNITS_VERSION)};`,
    '/**',
    ' * The date the current list describes (Nghị quyết 30/2026/QH16 and 237/NQ-UBTVQH16 in force).',
    ' * @example',
    " * console.log(`units as of ${UNITS_EFFECTIVE}`)",
    ' */',
    `export const UNITS_EFFECTIVE = ${JSON.stringify(UNITS_EFFECTIVE)};`,
    '/**',
    ' * Both upstream MIT notices, which must travel with the data (also `dist/vn/NOTICE`).',
    ' * @example',
    " * writeFileSync('public/units-NOTICE.txt', UNITS_NOTICE)",
    ' */',
    `export const UNITS_NOTICE = ${JSON.stringify(notice)};`,
    '',
    `export const PROVINCE_TYPE_NAMES = ${JSON.stringify(PROVINCE_TYPES)} as const;`,
    `export const WARD_TYPE_NAMES = ${JSON.stringify(WARD_TYPES)} as const;`,
    '',
    '/** The 34 provinces: [code, name, type (index into PROVINCE_TYPE_NAMES)]. */',
    'export const PROVINCE_ROWS: ReadonlyArray<readonly [code: string, name: string, type: number]> = [',
    ...provinces.map(row),
    '];',
    '',
    '/** The 3,321 communes: [code, name, province code, type (index into WARD_TYPE_NAMES)]. */',
    'export const WARD_ROWS: ReadonlyArray<readonly [code: string, name: string, provinceCode: string, type: number]> = [',
    ...wards.map(row),
    '];',
    '',
    '/**',
    ' * The old→new mapping (dvhcvn/20250701, new codes on the current list). Each old commune (and',
    ' * each island district that had none) as [code, full name, old province code, targets]: targets',
    ' * are the new commune codes, each followed by "f" (the whole old commune went there) or "p"',
    ` * (part of it did), separated by spaces. ${oldRows.length} old units, ${rows} rows, ${split} split.`,
    ' */',
    'export const WARD_MAPPING: { format: string; oldWards: ReadonlyArray<readonly [code: string, name: string, oldProvinceCode: string, targets: string]> } = {',
    "  format: 'oncefill/ward-mapping@1',",
    '  oldWards: [',
    ...oldRows.map(([code, o]) => `  ${row([code, o.name, o.province, o.targets.map((t) => t.join('')).join(' ')])}`),
    '  ],',
    '};',
    '',
  ].join('\n');

  return {
    oldProvinces: oldProvinceFile,
    units: unitsFile,
    stats: { provinces: provinces.length, wards: wards.length, oldProvinces: oldProvinces.length, oldWards: oldRows.length, rows, split },
  };
}

/** Both upstream MIT notices, as MIT asks: with where the data came from. */
/** Hex digit `i` of the mask holds codes `4i` to `4i + 3`, lowest bit first (codes 00–99). */
export function provinceMask(codes: number[]): string {
  const nibbles = new Array<number>(25).fill(0);
  for (const code of codes) nibbles[code >> 2]! |= 1 << (code & 3);
  return nibbles.map((n) => n.toString(16)).join('');
}

function noticeText(dir: string): string {
  const licence = (file: string): string => readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim();
  return [
    'Administrative-unit data in oncefill comes from two MIT-licensed datasets:',
    '',
    '- dvhcvn/20250701 (github.com/dvhcvn/20250701, commit dd94887ce32324380bc5bb0a76fe39867dafc73b):',
    '  the old-to-new mapping of 1 July 2025 and the 63 old provinces.',
    '- thanglequoc/vietnamese-provinces-database (github.com/thanglequoc/vietnamese-provinces-database,',
    '  data of 2026-07-25, commit a108d4d2e357b98482c84b4180995b9fb44883e8): the current 34 provinces',
    '  and 3,321 communes.',
    '',
    'oncefill normalized the names (NFC, whitespace) and moved two commune codes onto the current list.',
    '',
    '--- dvhcvn/20250701 ---',
    '',
    licence('dvhcvn-20250701/LICENSE.txt'),
    '',
    '--- thanglequoc/vietnamese-provinces-database ---',
    '',
    licence('thanglequoc-vn-provinces/LICENSE.txt'),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1] : findAdminUnitsDir();
  if (!dir) fail(`${missingSharedData('admin-units')} (or ONCEFILL_ADMIN_UNITS_DIR to the folder itself, or pass --data DIR)`);
  const out = generateUnits(dir);
  const files: Array<[string, string]> = [
    [OUTPUT_FILES.oldProvinces, out.oldProvinces],
    [OUTPUT_FILES.units, out.units],
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
    for (const [file] of stale) console.error(`stale: ${file}`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const [file, text] of files) writeFileSync(file, text);
  console.log(out.stats);
}
