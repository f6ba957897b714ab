/**
 * The records national platforms return, as portals' connectors receive them (member names in
 * Vietnamese, as the platforms write them). The adapters (`adapt-*.ts`) turn them into
 * catalogue attributes. Every member is optional and typed `unknown`-tolerant: real records
 * miss parts, and the adapters report what does not fit instead of trusting these types.
 *
 * Evidence (`../shared/domain/VIETNAM.md` §1b, source S9): the population record
 * (`CongDan`), its address (`DiaChi`), relatives (`NguoiThan`), the household head (`ChuHo`),
 * and the results store's answer (`DanhSachGiayToKetQua`) and document fields (`GiayToSoHoa`)
 * were read in a provincial system's integration code. Members marked [R] below were not
 * seen there and follow the Luật Căn cước 2023 field list or common practice; a portal whose
 * connector names them differently maps them before returning the record.
 */

/**
 * `DiaChi`: an address as codes (names are resolved from the unit tables, not trusted).
 * @example
 * const old: NationalAddress = { MaTinhThanh: '01', MaQuanHuyen: '002', MaPhuongXa: '00040', ChiTiet: 'Số 12 phố Hàng Chiếu' }
 */
export interface NationalAddress {
  /** Province code: two digits (old or 2025 GSO code). */
  MaTinhThanh?: string;
  /** District code: three digits; present in pre-2025 (three-level) addresses only. */
  MaQuanHuyen?: string;
  /** Commune code: five digits. */
  MaPhuongXa?: string;
  TenTinhThanh?: string;
  TenQuanHuyen?: string;
  TenPhuongXa?: string;
  /** Số nhà, đường, thôn/tổ. */
  ChiTiet?: string;
  /** Country (code or name); absent or Việt Nam for domestic addresses. */
  QuocGia?: string;
}

/**
 * `HoVaTen` as the population record splits it.
 * @example
 * const name: NationalName = { Ho: 'NGUYỄN', ChuDem: 'THỊ', Ten: 'LAN' }
 */
export interface NationalName {
  Ho?: string;
  ChuDem?: string;
  Ten?: string;
}

/**
 * `NguoiThan`: a relative or representative.
 * @example
 * const father: NationalRelative = { HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'VĂN', Ten: 'BÌNH' }, SoDinhDanh: '036058001234', QuocTich: 'VN' }
 */
export interface NationalRelative {
  /** Split like the person's own name, or one string. */
  HoVaTen?: NationalName | string;
  QuocTich?: string;
  SoDinhDanh?: string;
  SoCMND?: string;
}

/**
 * `ChuHo`: the household head, with the person's relation to them.
 * @example
 * const head: NationalHouseholdHead = { QuanHe: '01', HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'THỊ', Ten: 'LAN' } }
 */
export interface NationalHouseholdHead extends NationalRelative {
  /** Relation to the household head (code). */
  QuanHe?: string;
}

/**
 * `CongDan`: one person in the national population database.
 * @example
 * const record: PopulationRecord = { SoDinhDanh: '001190012345', NgayThangNamSinh: { Nam: '1990', NgayThangNam: '19900509' }, GioiTinh: '2' }
 */
export interface PopulationRecord {
  SoDinhDanh?: string;
  /** The former 9-digit identity-card number. */
  SoCMND?: string;
  HoVaTen?: NationalName;
  /** [R] Tên gọi khác. */
  TenGoiKhac?: string;
  /** `Nam` (year) and `NgayThangNam` (`YYYYMMDD`); the full date may be absent on old records. */
  NgayThangNamSinh?: { Nam?: string; NgayThangNam?: string };
  /** `1` Nam, `2` Nữ; some systems write `0` for Nữ (VIETNAM.md §5). */
  GioiTinh?: string;
  DanToc?: string;
  TonGiao?: string;
  QuocTich?: string;
  NhomMau?: string;
  TinhTrangHonNhan?: string;
  /** [R] Nơi sinh (new in Luật Căn cước 2023). */
  NoiSinh?: NationalAddress;
  NoiDangKyKhaiSinh?: NationalAddress;
  QueQuan?: NationalAddress;
  ThuongTru?: NationalAddress;
  /** [R] Nơi tạm trú. */
  TamTru?: NationalAddress;
  NoiOHienTai?: NationalAddress;
  /** [R] Identity-card issue date, issuing authority and expiry (`YYYYMMDD`). */
  NgayCapCCCD?: string;
  NoiCapCCCD?: string;
  NgayHetHanCCCD?: string;
  Cha?: NationalRelative;
  Me?: NationalRelative;
  VoChong?: NationalRelative;
  NguoiDaiDien?: NationalRelative;
  /** [R] People this person legally represents. */
  NguoiDuocDaiDien?: NationalRelative[];
  /** [R] Children (Luật Căn cước 2023 Điều 9 item 15). */
  Con?: NationalRelative[];
  ChuHo?: NationalHouseholdHead;
  /** [R] Other members of the household. */
  ThanhVienHoGiaDinh?: NationalRelative[];
  /** [R] Temporary absence declaration (code). */
  TamVang?: string;
  /** [R] Số hồ sơ cư trú. */
  SoHoSoCuTru?: string;
  SoSoHoKhau?: string;
  /** [R] Date of death or disappearance (`YYYYMMDD`). */
  NgayChet?: string;
  /** [R] Mobile number (item 25, new in 2023). */
  SoDienThoai?: string;
  ThuDienTu?: string;
  /** [R] Occupation (residence database). */
  NgheNghiep?: string;
  /** [R] When the record last changed (`YYYYMMDD` or an ISO date). */
  NgayCapNhat?: string;
}

/**
 * The population lookup as the platform answers it: the SOAP body turned into JSON, or the `CongDan` alone.
 * @example
 * const answer: PopulationAnswer = { Envelope: { Body: { CongdanCollection: { CongDan: record } } } }
 */
export type PopulationAnswer = PopulationRecord | { Envelope?: { Body?: { CongdanCollection?: { CongDan?: PopulationRecord | PopulationRecord[] } } } };

/**
 * One attached file of a stored document.
 * @example
 * const file: NationalFile = { TenTep: 'bang.pdf', DuongDan: 'https://kho.example.gov.vn/tep/1' }
 */
export interface NationalFile {
  TenTep?: string;
  DuongDan?: string;
}

/**
 * One document of the results store (`DanhSachGiayToKetQua[i]`, with the `GiayToSoHoa` members).
 * @example
 * const doc: NationalDocument = { SoKyHieu: 'B0123456', TenGiayTo: 'Bằng Dược sĩ', MaTTHC: '1.005092.000.00.00.H26' }
 */
export interface NationalDocument {
  /** Mã kết quả: the result type in the national result catalogue. */
  MaKetQua?: string;
  /** Mã giấy tờ (document type code); the personal store's documents carry this. */
  MaGiayTo?: string;
  TenGiayTo?: string;
  /** Số ký hiệu: the document number. */
  SoKyHieu?: string;
  /** Cơ quan chủ quản / ban hành: the issuer. */
  CoQuanChuQuan?: string;
  CoQuanBanHanh?: string;
  NgayBanHanh?: string;
  ThoiHanHieuLuc?: string;
  ThoiHanVinhVien?: boolean | string;
  /** Chủ giấy tờ: the holder's name. */
  ChuGiayTo?: string;
  /** Mã định danh of the digitised document in the national store. */
  MaDinhDanh?: string;
  MaGiayToKhoQuocGia?: string;
  /** National code of the procedure that issued it (an instance code such as `1.004616.000.00.00.H56`). */
  MaTTHC?: string;
  DanhSachTepDinhKem?: NationalFile[];
}

/**
 * The results store's answer: `{ errorCode, message, signature, result: { DanhSachGiayToKetQua } }`.
 * @example
 * const answer: ResultListAnswer = { errorCode: '0', result: { DanhSachGiayToKetQua: [doc] } }
 */
export interface ResultListAnswer {
  errorCode?: string | number;
  message?: string;
  signature?: string;
  result?: { DanhSachGiayToKetQua?: NationalDocument[] };
  /** [R] When the store last changed for this holder. */
  NgayCapNhat?: string;
}

/**
 * [R] The citizen's personal data store on Cổng DVCQG (`Kho lưu trữ công dân`): contact data
 * the citizen declared and documents they saved (`TaiLieuKhoLuuTruCongDan`).
 * @example
 * const store: PersonalStoreRecord = { SoDienThoai: '0987654321', ThuDienTu: 'lan@example.vn' }
 */
export interface PersonalStoreRecord {
  SoDienThoai?: string;
  SoDienThoaiCoDinh?: string;
  ThuDienTu?: string;
  DiaChiLienHe?: NationalAddress;
  DanhSachTaiLieu?: Array<NationalDocument & { SoLuotTaiSuDung?: number }>;
  NgayCapNhat?: string;
}

/**
 * [R] A legal representative in the business registry: the name comes as one string.
 * @example
 * const rep: NationalLegalRepresentative = { HoVaTen: 'NGUYỄN THỊ LAN', SoDinhDanh: '001190012345', ChucDanh: 'Giám đốc' }
 */
export interface NationalLegalRepresentative {
  HoVaTen?: string;
  SoDinhDanh?: string;
  ChucDanh?: string;
  QuocTich?: string;
}

/**
 * [R] An enterprise in the national business registration database.
 * @example
 * const record: BusinessRecord = { MaSoDoanhNghiep: '0201234567', TenDoanhNghiep: 'CÔNG TY TNHH AN KHANG', VonDieuLe: '5.000.000.000' }
 */
export interface BusinessRecord {
  MaSoDoanhNghiep?: string;
  TenDoanhNghiep?: string;
  TenTiengNuocNgoai?: string;
  TenVietTat?: string;
  /** Legal form (code). */
  LoaiHinhDoanhNghiep?: string;
  /** Operating status (code). */
  TinhTrangHoatDong?: string;
  DiaChiTruSo?: NationalAddress;
  DienThoai?: string;
  Fax?: string;
  ThuDienTu?: string;
  Website?: string;
  /** First registration date (`YYYYMMDD`, `dd/mm/yyyy` or ISO). */
  NgayDangKyLanDau?: string;
  NgayDangKyThayDoi?: string;
  CoQuanDangKy?: string;
  /** Charter capital in đồng: digits as text, or a JSON number. */
  VonDieuLe?: string | number;
  NguoiDaiDienPhapLuat?: NationalLegalRepresentative[];
  NgayCapNhat?: string;
}
