import type { SourceKind } from './protocol.js';

/**
 * A dossier component satisfied by reusing a document the state already holds, in the terms
 * of the national dossier system (`ThanhPhanHoSo`, `GiayToSoHoa`).
 * @example
 * const ref: ReuseReference = { source: 'results', documentType: 'diploma', documentNumber: 'B0123456', resultCode: 'KQ.1', fromNationalStore: true }
 */
export interface ReuseReference {
  /** The source the document came from. */
  source: SourceKind;
  /** Document type id from the attribute catalogue (`diploma`, …). */
  documentType: string;
  /** Số ký hiệu (`SoKyHieu`): the document number. */
  documentNumber: string;
  /** Mã kết quả (`MaKetQua`): the result code of the procedure that issued it. */
  resultCode?: string;
  /** Mã giấy tờ in the national store (`MaGiayToKhoQuocGia` / `MaDinhDanh`). */
  storeRef?: string;
  /** National code of the procedure that issued it (`MaTTHC`). */
  procedureCode?: string;
  /** Taken from the national store on Cổng DVCQG (`DuocLayTuKhoDMQuocGia`). */
  fromNationalStore: boolean;
  /** The source's record id. */
  recordId?: string;
}
