/**
 * The population record (`CongDan`, national population database) as catalogue attributes.
 */
import { ATTRIBUTE_TYPES } from '../schema/attribute-types.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue } from '../shared/protocol.js';
import {
  answerOf,
  fail,
  invalid,
  member,
  readAddress,
  readCode,
  readDate,
  readEmail,
  readGender,
  readLastUpdated,
  readLegacyId,
  readList,
  readName,
  readPerson,
  readPersonalId,
  readPhone,
  readText,
  unavailable,
  type Read,
} from './adapt-values.js';

/** Attributes the register leaves out when they do not apply (no spouse, never had a 9-digit card, alive). */
const ABSENT_MEANS_NOT_APPLICABLE = new Set([
  'otherName',
  'legacyId',
  'spouse',
  'legalRepresentative',
  'represented',
  'children',
  'temporaryAddress',
  'temporaryAbsence',
  'householdMembers',
  'deathDate',
]);

/** The `CongDan` inside whatever the connector returned: the record itself, or the SOAP body as JSON. */
function recordOf(answer: unknown): { record: Record<string, unknown> } | { reason: string } | undefined {
  if (answer === undefined || answer === null) return undefined;
  if (!isObject(answer)) return { reason: 'record-not-object' };
  const envelope = member(answer, 'Envelope');
  if (envelope === undefined) return { record: answer };
  const people = member(member(member(envelope, 'Body'), 'CongdanCollection'), 'CongDan');
  const list = Array.isArray(people) ? people : people === undefined || people === null ? [] : [people];
  if (list.length === 0) return undefined;
  if (list.length > 1) return { reason: 'several-records' };
  return isObject(list[0]) ? { record: list[0] } : { reason: 'record-not-object' };
}

/** Birth date from `{ Nam, NgayThangNam }`: the full date when there is one, else the year; the two must agree. */
function readBirthDate(raw: unknown): Read<string> {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) return fail('bad-date');
  const full = readDate(member(raw, 'NgayThangNam'));
  const yearRaw = member(raw, 'Nam');
  const year = yearRaw === undefined || yearRaw === null || yearRaw === '' ? undefined : typeof yearRaw === 'string' && /^\d{4}$/.test(yearRaw.trim()) ? readDate(yearRaw.trim()) : fail('bad-date');
  if (full && !full.ok) return full;
  if (year && !year.ok) return year;
  if (full && year && full.value.slice(0, 4) !== year.value) return fail('birth-year-mismatch');
  return full ?? year;
}

/**
 * Every population attribute of the catalogue from one national record. Absent parts are
 * `unavailable` (or `not-applicable` where the register leaves them out because they do not
 * apply); parts that do not fit are `invalid` with a reason. `null`/`undefined` (no record)
 * makes every attribute `unavailable`. Never throws.
 * @example
 * adaptPopulationRecord({ HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'THỊ', Ten: 'LAN' }, GioiTinh: '2' }).gender
 * // { value: 'female', verification: 'verified' }
 */
export function adaptPopulationRecord(answer: unknown): Record<string, AttributeAnswer> {
  const ids = Object.keys(ATTRIBUTE_TYPES.population);
  const out: Record<string, AttributeAnswer> = {};
  const found = recordOf(answer);
  if (!found || 'reason' in found) {
    for (const id of ids) out[id] = found ? invalid(found.reason) : unavailable();
    return out;
  }
  const r = found.record;
  const get = (key: string) => member(r, key);
  const updated = readLastUpdated(get('NgayCapNhat'));
  const id = readPersonalId(get('SoDinhDanh'));
  const householdHead = get('ChuHo');

  const reads: Record<string, () => Read<JsonValue> | { ok: true; candidates: JsonValue[] }> = {
    fullName: () => readName(get('HoVaTen')) as Read<JsonValue>,
    otherName: () => readText(get('TenGoiKhac')),
    personalId: () => id,
    birthDate: () => readBirthDate(get('NgayThangNamSinh')),
    gender: () => readGender(get('GioiTinh'), id?.ok ? id.value : undefined),
    birthPlace: () => readAddress(get('NoiSinh')) as Read<JsonValue>,
    birthRegistrationPlace: () => readAddress(get('NoiDangKyKhaiSinh')) as Read<JsonValue>,
    hometown: () => readAddress(get('QueQuan')) as Read<JsonValue>,
    ethnicity: () => readCode(get('DanToc')),
    religion: () => readCode(get('TonGiao')),
    nationality: () => readCode(get('QuocTich')),
    bloodType: () => readCode(get('NhomMau')),
    legacyId: () => readLegacyId(get('SoCMND')),
    idCardIssueDate: () => readDate(get('NgayCapCCCD')),
    idCardIssuePlace: () => readText(get('NoiCapCCCD')),
    idCardExpiry: () => readDate(get('NgayHetHanCCCD')),
    father: () => readPerson(get('Cha')) as Read<JsonValue>,
    mother: () => readPerson(get('Me')) as Read<JsonValue>,
    spouse: () => readPerson(get('VoChong')) as Read<JsonValue>,
    children: () => readList(get('Con'), (item) => readPerson(item)) as Read<JsonValue>,
    legalRepresentative: () => readPerson(get('NguoiDaiDien')) as Read<JsonValue>,
    represented: () => readList(get('NguoiDuocDaiDien'), (item) => readPerson(item)) as Read<JsonValue>,
    permanentAddress: () => readAddress(get('ThuongTru')) as Read<JsonValue>,
    temporaryAddress: () => readAddress(get('TamTru')) as Read<JsonValue>,
    currentAddress: () => readAddress(get('NoiOHienTai')) as Read<JsonValue>,
    temporaryAbsence: () => readCode(get('TamVang')),
    residenceFileNumber: () => readText(get('SoHoSoCuTru')),
    maritalStatus: () => readCode(get('TinhTrangHonNhan')),
    relationToHouseholdHead: () => readCode(member(householdHead, 'QuanHe')),
    householdHead: () => readPerson(householdHead) as Read<JsonValue>,
    householdMembers: () => readList(get('ThanhVienHoGiaDinh'), (item) => readPerson(item)) as Read<JsonValue>,
    deathDate: () => readDate(get('NgayChet')),
    phone: () => readPhone(get('SoDienThoai')),
    email: () => readEmail(get('ThuDienTu')),
    occupation: () => readText(get('NgheNghiep')),
  };
  for (const attribute of ids) {
    const read = reads[attribute];
    out[attribute] = read ? answerOf(read(), 'verified', updated, ABSENT_MEANS_NOT_APPLICABLE.has(attribute) ? 'not-applicable' : 'unavailable') : unavailable();
  }
  return out;
}
