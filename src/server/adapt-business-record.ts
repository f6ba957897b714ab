/**
 * An enterprise in the national business registration database as catalogue attributes.
 */
import { ATTRIBUTE_TYPES } from '../schema/attribute-types.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue } from '../shared/protocol.js';
import {
  ADAPTER_LIMITS,
  answerOf,
  fail,
  invalid,
  member,
  readAddress,
  readAmount,
  readCode,
  readDate,
  readEmail,
  readLastUpdated,
  readPerson,
  readPhone,
  readTaxCode,
  readText,
  unavailable,
  type PersonValue,
  type Read,
} from './adapt-values.js';

const ABSENT_MEANS_NOT_APPLICABLE = new Set(['foreignName', 'abbreviation', 'fax', 'website', 'registrationChangeDate']);

/** The legal representatives: one is the value; several (the law allows it) are candidates, never a pick. */
function readRepresentatives(raw: unknown): Read<JsonValue> | { ok: true; candidates: JsonValue[] } {
  if (raw === undefined || raw === null) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > ADAPTER_LIMITS.maxCandidates) return fail('too-many-items');
  const people: PersonValue[] = [];
  for (const item of list) {
    const person = readPerson(item, { title: member(item, 'ChucDanh') });
    if (person === undefined) continue;
    if (!person.ok) return person;
    people.push(person.value);
  }
  if (people.length === 0) return undefined;
  return people.length === 1 ? { ok: true, value: people[0] as unknown as JsonValue } : { ok: true, candidates: people as unknown as JsonValue[] };
}

/**
 * Every business attribute of the catalogue from one registry record. Never throws.
 * @example
 * adaptBusinessRecord({ MaSoDoanhNghiep: '0201234567', TenDoanhNghiep: 'CÔNG TY TNHH AN KHANG' }).enterpriseCode
 * // { value: '0201234567', verification: 'verified' }
 */
export function adaptBusinessRecord(record: unknown): Record<string, AttributeAnswer> {
  const ids = Object.keys(ATTRIBUTE_TYPES.business);
  const out: Record<string, AttributeAnswer> = {};
  if (record === undefined || record === null || !isObject(record)) {
    for (const id of ids) out[id] = record === undefined || record === null ? unavailable() : invalid('record-not-object');
    return out;
  }
  const get = (key: string) => member(record, key);
  const updated = readLastUpdated(get('NgayCapNhat'));
  const reads: Record<string, () => Read<JsonValue> | { ok: true; candidates: JsonValue[] }> = {
    enterpriseCode: () => readTaxCode(get('MaSoDoanhNghiep')),
    name: () => readText(get('TenDoanhNghiep')),
    foreignName: () => readText(get('TenTiengNuocNgoai')),
    abbreviation: () => readText(get('TenVietTat')),
    legalForm: () => readCode(get('LoaiHinhDoanhNghiep')),
    status: () => readCode(get('TinhTrangHoatDong')),
    headOffice: () => readAddress(get('DiaChiTruSo')) as Read<JsonValue>,
    phone: () => readPhone(get('DienThoai')),
    fax: () => readPhone(get('Fax')),
    email: () => readEmail(get('ThuDienTu')),
    website: () => readText(get('Website')),
    registrationDate: () => readDate(get('NgayDangKyLanDau')),
    registrationChangeDate: () => readDate(get('NgayDangKyThayDoi')),
    registrationIssuer: () => readText(get('CoQuanDangKy')),
    charterCapital: () => readAmount(get('VonDieuLe')),
    legalRepresentative: () => readRepresentatives(get('NguoiDaiDienPhapLuat')),
  };
  for (const id of ids) {
    const read = reads[id];
    out[id] = read ? answerOf(read(), 'verified', updated, ABSENT_MEANS_NOT_APPLICABLE.has(id) ? 'not-applicable' : 'unavailable') : unavailable();
  }
  return out;
}
