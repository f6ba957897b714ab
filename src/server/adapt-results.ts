/**
 * The national results store's answer (Kho dữ liệu điện tử on Cổng DVCQG) as catalogue
 * attributes: one list per document type.
 */
import { DOCUMENT_TYPE_IDS } from '../schema/attribute-types.js';
import { isObject } from '../shared/is-object.js';
import type { AttributeAnswer, JsonValue } from '../shared/protocol.js';
import { answerOf, groupDocuments, invalid, member, readLastUpdated, unavailable, type Read } from './adapt-values.js';

/**
 * Options of the store adapters.
 * @example
 * adaptResultList(answer, { documentTypes: { 'G17.KQ.0001': 'diploma' } } satisfies AdaptDocumentsOptions)
 */
export interface AdaptDocumentsOptions {
  /**
   * National result or document type codes (`MaKetQua`, `MaGiayTo`) → catalogue document type
   * (`diploma`, …). Documents without an entry are typed by the national code of the procedure
   * that issued them (`MaTTHC`); documents neither names are left out.
   */
  documentTypes?: Readonly<Record<string, string>>;
}

/**
 * Every `results.<documentType>` attribute from the store's answer
 * `{ errorCode, message, result: { DanhSachGiayToKetQua } }`. A type with no document is
 * `unavailable`; a document of a known type that cannot be read (no number, a date that does
 * not exist) makes its type `invalid`; an error code other than `0` makes everything invalid.
 * Never throws.
 * @example
 * adaptResultList({ errorCode: '0', result: { DanhSachGiayToKetQua: [{ SoKyHieu: 'B0123456', MaTTHC: '1.005092.000.00.00.H31', TenGiayTo: 'Bằng Dược sĩ' }] } }).diploma
 * // { value: [{ type: 'diploma', number: 'B0123456', … }], verification: 'verified' }
 */
export function adaptResultList(answer: unknown, options: AdaptDocumentsOptions = {}): Record<string, AttributeAnswer> {
  const out: Record<string, AttributeAnswer> = {};
  const fill = (make: () => AttributeAnswer) => {
    for (const id of DOCUMENT_TYPE_IDS) out[id] = make();
    return out;
  };
  if (answer === undefined || answer === null) return fill(unavailable);
  if (!isObject(answer)) return fill(() => invalid('record-not-object'));
  const code = member(answer, 'errorCode');
  if (code !== undefined && code !== null && String(code) !== '0' && String(code) !== '00') return fill(() => invalid('store-error'));
  const list = member(member(answer, 'result'), 'DanhSachGiayToKetQua');
  const { byType, all } = groupDocuments(list, options.documentTypes ?? {}, 'national-store');
  if (all && !all.ok && byType.size === 0) return fill(() => invalid(all.reason));
  const updated = readLastUpdated(member(answer, 'NgayCapNhat'));
  for (const id of DOCUMENT_TYPE_IDS) out[id] = answerOf(byType.get(id) as Read<JsonValue>, 'verified', updated);
  return out;
}
