/**
 * The citizen's personal data store on Cổng DVCQG as catalogue attributes. Everything in it was
 * declared or saved by the citizen: `user-provided`, never locking a field.
 */
import { ATTRIBUTE_TYPES } from '../schema/attribute-types.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue } from '../shared/protocol.js';
import type { AdaptDocumentsOptions } from './adapt-results.js';
import { answerOf, groupDocuments, invalid, member, readAddress, readEmail, readLastUpdated, readPhone, unavailable, type Read } from './adapt-values.js';

/**
 * Every personal-store attribute of the catalogue from one store record (`SoDienThoai`,
 * `SoDienThoaiCoDinh`, `ThuDienTu`, `DiaChiLienHe`, `DanhSachTaiLieu`). Never throws.
 * @example
 * adaptPersonalStore({ SoDienThoai: '0987 654 321' }).phone // { value: '+84987654321', verification: 'user-provided' }
 */
export function adaptPersonalStore(record: unknown, options: AdaptDocumentsOptions = {}): Record<string, AttributeAnswer> {
  const ids = Object.keys(ATTRIBUTE_TYPES.personal);
  const out: Record<string, AttributeAnswer> = {};
  if (record === undefined || record === null || !isObject(record)) {
    for (const id of ids) out[id] = record === undefined || record === null ? unavailable() : invalid('record-not-object');
    return out;
  }
  const updated = readLastUpdated(member(record, 'NgayCapNhat'));
  const reads: Record<string, () => Read<JsonValue> | { ok: true; candidates: JsonValue[] }> = {
    phone: () => readPhone(member(record, 'SoDienThoai')),
    landline: () => readPhone(member(record, 'SoDienThoaiCoDinh')),
    email: () => readEmail(member(record, 'ThuDienTu')),
    contactAddress: () => readAddress(member(record, 'DiaChiLienHe')) as Read<JsonValue>,
    savedDocuments: () => groupDocuments(member(record, 'DanhSachTaiLieu'), options.documentTypes ?? {}, 'personal-store').all as Read<JsonValue>,
  };
  for (const id of ids) out[id] = reads[id] ? answerOf(reads[id]!(), 'user-provided', updated) : unavailable();
  return out;
}
