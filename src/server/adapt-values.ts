/**
 * The small readers every national-shape adapter uses: each takes one raw member of a national
 * record and gives the catalogue value, nothing (absent), or the reason it cannot. None throws,
 * none reads inherited properties (`__proto__`, `constructor` are ordinary names), none
 * guesses: a code that is not in a table, a date that does not exist, a name without a given
 * name are reported as `invalid` attributes with a reason.
 */
import { DOCUMENT_TYPES } from '../schema/attribute-catalogue.js';
import type { DocumentValue } from '../schema/attribute-types.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue, Verification } from '../shared/protocol.js';
import { checkLegacyId } from '../vn/check-legacy-id.js';
import { checkTaxCode } from '../vn/check-tax-code.js';
import { toIsoCalendarDate } from '../vn/format-calendar-date.js';
import { normalizePhone } from '../vn/normalize-phone.js';
import { normalizeText } from '../vn/normalize-text.js';
import { parseCalendarDate } from '../vn/parse-calendar-date.js';
import { parseGender } from '../vn/parse-gender.js';
import { personalIdDigits } from '../vn/personal-id-digits.js';
import { UNITS_VERSION } from '../vn/units/units-data.generated.js';
import { provinceByCode, wardByCode } from '../vn/units/unit-list.js';
import { convertOldAddress } from '../vn/units/ward-mapping.js';
import type { Ward } from '../vn/unit-index.js';
import type { NationalAddress, NationalDocument, NationalRelative } from './national-shapes.js';

/**
 * Bounds on what one attribute may carry, so a 5 MB record gives reasons, not a 5 MB answer.
 * @example
 * if (name.length > ADAPTER_LIMITS.maxTextChars) skip()
 */
export const ADAPTER_LIMITS = {
  /** Characters of one text part (a name, a detail line, a title). */
  maxTextChars: 1000,
  /** Items of one list attribute (children, diplomas). */
  maxItems: 100,
  /** Candidates one record may offer for one attribute. */
  maxCandidates: 50,
} as const;

/** What a reader found. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string } | undefined;

export const fail = (reason: string): Read<never> => ({ ok: false, reason });
const found = <T>(value: T): Read<T> => ({ ok: true, value });

/** An own member of a plain object, or `undefined`. */
export function member(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

const absent = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

// ---------------------------------------------------------------------------------------------
// Attribute answers.

/** The source holds nothing for this attribute. */
export const unavailable = (): AttributeAnswer => ({ verification: 'not-applicable', unavailable: true });
/** The attribute does not apply to this subject (no spouse, not deceased). */
export const notApplicable = (): AttributeAnswer => ({ verification: 'not-applicable' });
export const invalid = (reason: string): AttributeAnswer => ({ verification: 'not-applicable', invalid: { reason } });

/**
 * Turns a read into an attribute answer: absent is `unavailable` (or `not-applicable` where the
 * register leaves a member out because it does not apply), a value carries the verification
 * and the record's last update.
 */
export function answerOf(read: Read<JsonValue> | { ok: true; candidates: JsonValue[] }, verification: Verification, lastUpdated: string | undefined, whenAbsent: 'unavailable' | 'not-applicable' = 'unavailable'): AttributeAnswer {
  if (read === undefined) return whenAbsent === 'unavailable' ? unavailable() : notApplicable();
  if (!read.ok) return invalid(read.reason);
  const answer: AttributeAnswer = 'candidates' in read ? { candidates: read.candidates, verification } : { value: read.value, verification };
  if (lastUpdated !== undefined) answer.lastUpdated = lastUpdated;
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Scalars.

/** Text, NFC and whitespace-normalized, case kept. */
export function readText(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('not-text');
  if (raw.length > ADAPTER_LIMITS.maxTextChars * 4) return fail('too-long');
  const text = normalizeText(raw);
  if (text.length > ADAPTER_LIMITS.maxTextChars) return fail('too-long');
  return text === '' ? undefined : found(text);
}

/** A code from a national table, kept as text: a JSON number may have lost leading zeros, so it is refused. */
export function readCode(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('code-not-text');
  const code = raw.trim();
  return code.length > 64 || !/^[\p{L}\p{N}._\-/ ]+$/u.test(code) ? fail('bad-code') : found(code);
}

/**
 * A calendar date as national records write it: `YYYYMMDD` (with `0000` or `00` for an
 * unknown day and month), `dd/mm/yyyy`, or ISO (a date-time only at midnight UTC or +07:00).
 * Gives the wire form `2001-05-09`, `2001-05` or `2001`.
 */
export function readDate(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('date-not-text');
  const text = raw.trim();
  let parsed;
  if (/^\d{4}0000$/.test(text)) parsed = parseCalendarDate(text.slice(0, 4), { format: 'iso' });
  else if (/^\d{6}00$/.test(text)) parsed = parseCalendarDate(`${text.slice(0, 4)}-${text.slice(4, 6)}`, { format: 'iso' });
  else if (/^\d{8}$/.test(text)) parsed = parseCalendarDate(text, { format: 'yyyymmdd' });
  else parsed = parseCalendarDate(text);
  if (!parsed.ok) return fail(parsed.reason === 'has-time' ? 'date-with-time' : 'bad-date');
  return found(toIsoCalendarDate(parsed.date)!);
}

export function readPersonalId(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('id-not-text');
  const id = personalIdDigits(raw);
  return id === undefined ? fail('bad-personal-id') : found(id);
}

export function readLegacyId(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  const id = checkLegacyId(raw);
  return id.ok ? found(id.value) : fail(id.reason === 'not-a-string' ? 'id-not-text' : 'bad-legacy-id');
}

export function readTaxCode(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('code-not-text');
  const code = checkTaxCode(raw);
  return code.ok ? found(code.value) : fail('bad-tax-code');
}

/** A phone number in E.164 (`+84912345678`); old 11-digit mobiles are renumbered. */
export function readPhone(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw !== 'string') return fail('phone-not-text');
  const phone = normalizePhone(raw);
  return phone.ok ? found(phone.e164) : fail('bad-phone');
}

export function readEmail(raw: unknown): Read<string> {
  const text = readText(raw);
  if (!text?.ok) return text;
  return /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(text.value) && text.value.length <= 254 ? text : fail('bad-email');
}

/**
 * An amount in đồng as digits: a JSON number only while it is an exact integer; text as digits,
 * or with the Vietnamese thousands dots (`5.000.000.000`).
 */
export function readAmount(raw: unknown): Read<string> {
  if (absent(raw)) return undefined;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? found(String(raw)) : fail('unsafe-number');
  if (typeof raw !== 'string') return fail('not-a-number');
  const text = raw.trim();
  if (/^\d{1,30}$/.test(text)) return found(text);
  return /^\d{1,3}(\.\d{3}){1,9}$/.test(text) ? found(text.replace(/\./g, '')) : fail('not-a-number');
}

/**
 * Gender codes: `1` Nam, `2` Nữ, and the words Nam/Nữ. Some systems write `0` for Nữ
 * (VIETNAM.md §5): `0` is read as Nữ only when the personal ID's century digit says female
 * too; otherwise it is ambiguous and reported.
 */
export function readGender(raw: unknown, personalId: string | undefined): Read<'male' | 'female'> {
  if (absent(raw)) return undefined;
  const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (code === undefined) return fail('unknown-gender-code');
  if (code === '1') return found('male');
  if (code === '2') return found('female');
  if (code === '0') {
    const digit = personalId === undefined ? undefined : Number(personalId[3]);
    return digit !== undefined && digit % 2 === 1 ? found('female') : fail('ambiguous-gender-code');
  }
  const word = parseGender(code);
  return word ? found(word) : fail('unknown-gender-code');
}

// ---------------------------------------------------------------------------------------------
// Names, people, addresses, documents.

export interface NameValue {
  family: string;
  middle: string;
  given: string;
}

/** `{ Ho, ChuDem, Ten }` → `{ family, middle, given }`, the register's case kept. */
export function readName(raw: unknown): Read<NameValue> {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) return fail('name-not-split');
  const parts: Array<[keyof NameValue, string]> = [
    ['family', 'Ho'],
    ['middle', 'ChuDem'],
    ['given', 'Ten'],
  ];
  const name: NameValue = { family: '', middle: '', given: '' };
  for (const [to, from] of parts) {
    const text = readText(member(raw, from));
    if (text && !text.ok) return text;
    if (text) name[to] = text.value;
  }
  if (name.given === '') return name.family === '' && name.middle === '' ? undefined : fail('name-without-given');
  return found(name);
}

export interface PersonValue {
  fullName: NameValue | string;
  personalId?: string;
  legacyId?: string;
  nationality?: string;
  title?: string;
}

/** A relative or representative: the name (split or one string), IDs, nationality. */
export function readPerson(raw: unknown, extra: { title?: unknown } = {}): Read<PersonValue> {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) return fail('person-not-object');
  const rawName = member(raw, 'HoVaTen');
  const name = typeof rawName === 'string' ? readText(rawName) : readName(rawName);
  if (name && !name.ok) return name;
  if (!name) return fail('person-without-name');
  const person: PersonValue = { fullName: name.value };
  const reads: Array<[keyof PersonValue, Read<string>]> = [
    ['personalId', readPersonalId(member(raw, 'SoDinhDanh'))],
    ['legacyId', readLegacyId(member(raw, 'SoCMND'))],
    ['nationality', readCode(member(raw, 'QuocTich'))],
    ['title', readText(extra.title)],
  ];
  for (const [key, read] of reads) {
    if (read && !read.ok) return read;
    if (read) (person as unknown as Record<string, string>)[key] = read.value;
  }
  return found(person);
}

/** A list of people: every item must read, or the attribute is invalid. */
export function readList<T>(raw: unknown, readItem: (item: unknown) => Read<T>): Read<T[]> {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return fail('not-a-list');
  if (raw.length > ADAPTER_LIMITS.maxItems) return fail('too-many-items');
  const items: T[] = [];
  for (const item of raw) {
    const read = readItem(item);
    if (read === undefined) continue;
    if (!read.ok) return read;
    items.push(read.value);
  }
  return items.length === 0 ? undefined : found(items);
}

/** An address in the 2025 units, as the catalogue carries it. */
export interface AddressValue {
  detail: string;
  wardCode: string;
  wardName: string;
  provinceCode: string;
  provinceName: string;
  /** The unit dataset the codes belong to. */
  dataset: string;
}

const addressOf = (ward: Ward, detail: string): AddressValue => ({
  detail,
  wardCode: ward.code,
  wardName: ward.fullName,
  provinceCode: ward.provinceCode,
  provinceName: provinceByCode(ward.provinceCode)?.fullName ?? '',
  dataset: UNITS_VERSION,
});

/**
 * A `DiaChi` in the 2025 units. Codes decide, names are not trusted. A district code, or a
 * province code that no longer exists, marks a pre-2025 address, converted with the 1 July
 * 2025 mapping; an old commune that was split gives one candidate address per new commune
 * (never a pick). Otherwise the codes must be a current commune of that province.
 */
export function readAddress(raw: unknown): Read<AddressValue> | { ok: true; candidates: AddressValue[] } {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) return fail('address-not-object');
  const codes = ['MaTinhThanh', 'MaQuanHuyen', 'MaPhuongXa'].map((key) => member(raw, key));
  if (codes.some((c) => c !== undefined && c !== null && typeof c !== 'string')) return fail('unit-code-not-text');
  const [province, district, ward] = codes.map((c) => (typeof c === 'string' ? c.trim() : '')) as [string, string, string];
  const country = readText(member(raw, 'QuocGia'));
  if (country?.ok && !/^(vn|vnm|việt nam|viet nam|vietnam)$/i.test(country.value)) return fail('outside-vietnam');
  const detailRead = readText(member(raw, 'ChiTiet'));
  if (detailRead && !detailRead.ok) return detailRead;
  const detail = detailRead?.value ?? '';
  if (province === '' && district === '' && ward === '') return detail === '' ? undefined : fail('no-unit-codes');

  const current = ward === '' ? undefined : wardByCode(ward);
  const isOld = district !== '' || (province !== '' && provinceByCode(province) === undefined) || !current || (province !== '' && current.provinceCode !== province);
  if (!isOld) return found(addressOf(current!, detail));

  const converted = convertOldAddress({ provinceCode: province || undefined, districtCode: district || undefined, wardCode: ward || undefined, detail });
  if (!converted.ok) return fail(converted.reason === 'nothing-to-convert' ? 'no-unit-codes' : converted.reason);
  if (converted.candidates.length === 0) return fail('no-ward');
  if (converted.candidates.length === 1) return found(addressOf(converted.candidates[0]!.ward, converted.detail));
  return { ok: true, candidates: converted.candidates.slice(0, ADAPTER_LIMITS.maxCandidates).map((c) => addressOf(c.ward, converted.detail)) };
}

/** Where national documents come from, for `fromNationalStore`. */
export type DocumentOrigin = 'national-store' | 'personal-store';

/**
 * The catalogue type of a national document: by its result or document type code in the
 * portal's table first, then by the national code of the procedure that issued it. Unknown
 * documents have no type (they answer no attribute).
 */
export function documentTypeOf(doc: Record<string, unknown>, documentTypes: Readonly<Record<string, string>>): string | undefined {
  for (const key of ['MaKetQua', 'MaGiayTo']) {
    const code = member(doc, key);
    if (typeof code === 'string' && Object.hasOwn(documentTypes, code)) return documentTypes[code];
  }
  const procedure = member(doc, 'MaTTHC');
  if (typeof procedure !== 'string') return undefined;
  const base = /^\d\.\d{6}/.exec(procedure.trim())?.[0];
  if (!base) return undefined;
  const types = Object.entries(DOCUMENT_TYPES).filter(([, t]) => t.procedures.includes(base)).map(([id]) => id);
  return types.length === 1 ? types[0] : undefined;
}

/** One national document as a catalogue {@link DocumentValue}. */
export function readDocument(doc: NationalDocument | unknown, type: string, origin: DocumentOrigin): Read<DocumentValue> {
  if (!isObject(doc)) return fail('document-not-object');
  const number = readText(member(doc, 'SoKyHieu'));
  if (!number) return fail('document-without-number');
  if (!number.ok) return number;
  const title = readText(member(doc, 'TenGiayTo'));
  if (title && !title.ok) return title;
  const value: DocumentValue = { type, number: number.value, title: title?.value ?? DOCUMENT_TYPES[type as keyof typeof DOCUMENT_TYPES]?.label.vi ?? type };
  const parts: Array<[keyof DocumentValue, Read<string>]> = [
    ['resultCode', readCode(member(doc, 'MaKetQua'))],
    ['issuer', readText(member(doc, 'CoQuanBanHanh') ?? member(doc, 'CoQuanChuQuan'))],
    ['issueDate', readDate(member(doc, 'NgayBanHanh'))],
    ['holder', readText(member(doc, 'ChuGiayTo'))],
    ['validUntil', readDate(member(doc, 'ThoiHanHieuLuc'))],
    ['storeRef', readCode(member(doc, 'MaDinhDanh') ?? member(doc, 'MaGiayToKhoQuocGia'))],
    ['procedureCode', readCode(member(doc, 'MaTTHC'))],
  ];
  for (const [key, read] of parts) {
    if (read && !read.ok) return read;
    if (read) (value as unknown as Record<string, string>)[key] = read.value;
  }
  const permanent = member(doc, 'ThoiHanVinhVien');
  if (permanent === true || permanent === 'true' || permanent === '1') value.permanent = true;
  value.fromNationalStore = origin === 'national-store';
  const files = member(doc, 'DanhSachTepDinhKem');
  if (Array.isArray(files) && files.length > 0) {
    const list: NonNullable<DocumentValue['files']> = [];
    for (const file of files.slice(0, ADAPTER_LIMITS.maxItems)) {
      const name = readText(member(file, 'TenTep'));
      if (!name?.ok) continue;
      const url = member(file, 'DuongDan');
      list.push(typeof url === 'string' && /^https:\/\/\S{1,2000}$/.test(url) ? { name: name.value, url } : { name: name.value });
    }
    if (list.length > 0) value.files = list;
  }
  return found(value);
}

/** Documents of a store grouped by catalogue type; a document of a known type that cannot be read makes its type invalid. */
export function groupDocuments(raw: unknown, documentTypes: Readonly<Record<string, string>>, origin: DocumentOrigin): { byType: Map<string, Read<DocumentValue[]>>; all: Read<DocumentValue[]> } {
  const byType = new Map<string, Read<DocumentValue[]>>();
  if (raw === undefined || raw === null) return { byType, all: undefined };
  if (!Array.isArray(raw)) return { byType, all: fail('not-a-list') };
  if (raw.length > ADAPTER_LIMITS.maxItems * 4) return { byType, all: fail('too-many-items') };
  let allFailed: Read<never> | undefined;
  for (const doc of raw) {
    const type = isObject(doc) ? documentTypeOf(doc, documentTypes) : undefined;
    if (type === undefined) continue;
    const sofar = byType.get(type);
    if (sofar && !sofar.ok) continue;
    const read = readDocument(doc, type, origin);
    if (!read?.ok) {
      byType.set(type, read);
      allFailed ??= read;
      continue;
    }
    const list = sofar?.ok ? sofar.value : [];
    if (list.length >= ADAPTER_LIMITS.maxItems) byType.set(type, fail('too-many-items'));
    else byType.set(type, found([...list, read.value]));
  }
  if (allFailed) return { byType, all: allFailed };
  const all = [...byType.values()].flatMap((r) => (r?.ok ? r.value : []));
  return { byType, all: all.length === 0 ? undefined : all.length > ADAPTER_LIMITS.maxItems ? fail('too-many-items') : found(all) };
}

/** `lastUpdated` from a record's update date, or nothing. */
export function readLastUpdated(raw: unknown): string | undefined {
  const date = readDate(raw);
  return date?.ok ? date.value : undefined;
}

export type { NationalAddress, NationalRelative };
