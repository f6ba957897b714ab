/**
 * Fictional people and businesses, stored the way the national platforms return their records
 * (`oncefill/server`'s national shapes), so tests run the real adapters. Every name, number,
 * document and address detail here is invented; the unit codes are real (they must convert).
 *
 * What each fixture exercises:
 * - `citizens[0]` Nguyễn Thị Lan, pharmacist: UPPERCASE name, full birth date, a permanent
 *   address in an old ward that was split in 2025 (Phường Đồng Xuân → Ba Đình or Hoàn Kiếm),
 *   a current address already in the new units, a birthplace in an old province (Nam Định →
 *   Ninh Bình), a diploma and a practising certificate in the results store, a practice
 *   confirmation in her personal store, no e-mail in the population record (unavailable),
 *   no spouse (not applicable), a phone number on which the population record and her personal
 *   store disagree; she is the legal representative of `businesses[0]` and the mother of
 *   `citizens[2]`, so she may act for both.
 * - `citizens[1]` Lê Thị Hoà: name in decomposed Unicode (NFD) with stray spaces, birth year
 *   only, gender code `0` (the quirk of one national screen), an address in the former Hải
 *   Dương province, an old 11-digit mobile number, a hometown with a province only; her
 *   population lookup demands a one-time code (`otp`).
 * - `citizens[2]` Nguyễn Minh Anh, a child: a record with missing and broken parts (a birth
 *   date that does not exist, an unknown gender code, an unknown commune code, an ethnicity
 *   code sent as a number, no father).
 * - `businesses[0]` Công ty TNHH Thương mại và Dịch vụ An Khang: head office in the new units,
 *   legal representative `citizens[0]`, a petroleum retail certificate, a fire-safety approval,
 *   an expired construction permit and an expired food-safety certificate (which its reissue,
 *   2.000535, submits) in the results store.
 * - `businesses[1]` Công ty Cổ phần Thực phẩm Biển Xanh: an old three-level head office, two
 *   legal representatives (candidates, never a pick), a food-safety certificate; nobody among
 *   the citizens may act for it.
 */
import type { BusinessRecord, PersonalStoreRecord, PopulationAnswer, ResultListAnswer } from '../server/national-shapes.js';

/**
 * A person: their personal ID and their national records.
 * @example
 * const citizen: CitizenFixture = { personalId: '001090000001', population: { HoVaTen: { Ho: 'ĐẶNG', ChuDem: '', Ten: 'KHOA' } } }
 */
export interface CitizenFixture {
  personalId: string;
  population?: PopulationAnswer;
  results?: ResultListAnswer;
  personal?: PersonalStoreRecord;
  /** The population lookup demands this one-time code (the platform's code "00"; a wrong one is "01"). */
  otp?: string;
}

/**
 * An enterprise: its code and its national records.
 * @example
 * const business: BusinessFixture = { enterpriseCode: '0101234567', business: { TenDoanhNghiep: 'CÔNG TY TNHH THỬ' } }
 */
export interface BusinessFixture {
  enterpriseCode: string;
  business?: BusinessRecord;
  results?: ResultListAnswer;
}

/**
 * The records `createGatewayHandlers` serves.
 * @example
 * const mine: GatewayFixtures = { citizens: [...fixtures.citizens, extra], businesses: fixtures.businesses }
 */
export interface GatewayFixtures {
  citizens: readonly CitizenFixture[];
  businesses: readonly BusinessFixture[];
}

/**
 * The fixtures' own (fictional) national document type codes → catalogue document types;
 * `createGatewayHandlers` gives them to the gateway as `documentTypes`.
 * @example
 * FIXTURE_DOCUMENT_TYPES['KQ.TEST.VANBANG'] // 'diploma'
 */
export const FIXTURE_DOCUMENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  'KQ.TEST.VANBANG': 'diploma',
  'KQ.TEST.CCHND': 'pharmacyPracticeCertificate',
  'GT.TEST.XNTH': 'practiceConfirmation',
  'GT.TEST.PCCC': 'fireSafetyApproval',
  'GT.TEST.GPXD': 'constructionPermit',
});

const LAN = { Ho: 'NGUYỄN', ChuDem: 'THỊ', Ten: 'LAN' };

const citizens: CitizenFixture[] = [
  {
    personalId: '001190012345',
    population: {
      SoDinhDanh: '001190012345',
      SoCMND: '013456789',
      HoVaTen: LAN,
      NgayThangNamSinh: { Nam: '1990', NgayThangNam: '19900509' },
      GioiTinh: '2',
      DanToc: '01',
      TonGiao: '00',
      QuocTich: 'VN',
      NhomMau: 'O',
      TinhTrangHonNhan: '1',
      NoiSinh: { MaTinhThanh: '36', MaQuanHuyen: '356', MaPhuongXa: '13636', TenPhuongXa: 'Phường Vị Xuyên', ChiTiet: 'Bệnh viện Phụ sản Nam Định' },
      NoiDangKyKhaiSinh: { MaTinhThanh: '36', MaQuanHuyen: '356', MaPhuongXa: '13636', TenPhuongXa: 'Phường Vị Xuyên' },
      QueQuan: { MaTinhThanh: '36', MaQuanHuyen: '356', MaPhuongXa: '13666', TenPhuongXa: 'Phường Trần Hưng Đạo' },
      ThuongTru: {
        MaTinhThanh: '01',
        MaQuanHuyen: '002',
        MaPhuongXa: '00040',
        TenTinhThanh: 'Thành phố Hà Nội',
        TenQuanHuyen: 'Quận Hoàn Kiếm',
        TenPhuongXa: 'Phường Đồng Xuân',
        ChiTiet: 'Số 12 phố Hàng Chiếu',
        QuocGia: 'VN',
      },
      NoiOHienTai: { MaTinhThanh: '01', MaPhuongXa: '00004', ChiTiet: 'Số 5 phố Hoàng Diệu' },
      NgayCapCCCD: '20210315',
      NoiCapCCCD: 'CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
      NgayHetHanCCCD: '20300509',
      Cha: { HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'VĂN', Ten: 'BÌNH' }, SoDinhDanh: '036058001234', QuocTich: 'VN' },
      Me: { HoVaTen: { Ho: 'PHẠM', ChuDem: 'THỊ', Ten: 'HẠNH' }, SoDinhDanh: '036161002345', QuocTich: 'VN' },
      Con: [{ HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'MINH', Ten: 'ANH' }, SoDinhDanh: '001212000123', QuocTich: 'VN' }],
      ChuHo: { QuanHe: '01', HoVaTen: LAN, SoDinhDanh: '001190012345' },
      SoHoSoCuTru: 'HK-0100-2019-004512',
      SoDienThoai: '0912 345 678',
      NgheNghiep: 'Dược sĩ',
      NgayCapNhat: '20250815',
    },
    results: {
      errorCode: '0',
      message: 'Thành công',
      result: {
        DanhSachGiayToKetQua: [
          {
            MaKetQua: 'KQ.TEST.VANBANG',
            TenGiayTo: 'Bằng Dược sĩ đại học',
            SoKyHieu: 'B0123456',
            CoQuanChuQuan: 'Trường Đại học Dược Hà Nội',
            NgayBanHanh: '20120630',
            ThoiHanVinhVien: true,
            ChuGiayTo: 'NGUYỄN THỊ LAN',
            MaDinhDanh: 'KHO.0001.2012.000123',
            MaTTHC: '1.005092.000.00.00.H26',
            DanhSachTepDinhKem: [{ TenTep: 'bang-duoc-si.pdf', DuongDan: 'https://kho.example.gov.vn/tep/000123' }],
          },
          {
            MaKetQua: 'KQ.TEST.CCHND',
            TenGiayTo: 'Chứng chỉ hành nghề dược',
            SoKyHieu: '0123/HN-CCHND',
            CoQuanBanHanh: 'Sở Y tế Hà Nội',
            NgayBanHanh: '15/08/2015',
            ThoiHanVinhVien: 'true',
            ChuGiayTo: 'NGUYỄN THỊ LAN',
            MaDinhDanh: 'KHO.0001.2015.004567',
            MaTTHC: '1.004616.000.00.00.H26',
          },
        ],
      },
      NgayCapNhat: '2025-09-01',
    },
    personal: {
      SoDienThoai: '0987 654 321',
      ThuDienTu: 'lan.nguyen@example.vn',
      DiaChiLienHe: { MaTinhThanh: '01', MaPhuongXa: '00070', ChiTiet: 'Số 12 phố Hàng Chiếu' },
      DanhSachTaiLieu: [
        {
          MaGiayTo: 'GT.TEST.XNTH',
          TenGiayTo: 'Giấy xác nhận thời gian thực hành chuyên môn',
          SoKyHieu: '45/XN-NTAK',
          CoQuanBanHanh: 'Nhà thuốc An Khang',
          NgayBanHanh: '20240110',
          SoLuotTaiSuDung: 2,
        },
      ],
      NgayCapNhat: '2025-10-02',
    },
  },
  {
    personalId: '030162004567',
    otp: '246810',
    population: {
      SoDinhDanh: '030162004567',
      HoVaTen: { Ho: 'LE\u0302', ChuDem: ' THI\u0323 ', Ten: 'HOA\u0300' },
      NgayThangNamSinh: { Nam: '1962' },
      GioiTinh: '0',
      DanToc: '01',
      QuocTich: 'VN',
      ThuongTru: { MaTinhThanh: '30', MaQuanHuyen: '288', MaPhuongXa: '10513', TenPhuongXa: 'Phường Ngọc Châu', ChiTiet: 'Số 8 đường Nguyễn Du' },
      NoiOHienTai: { MaTinhThanh: '30', MaQuanHuyen: '288', MaPhuongXa: '10513', ChiTiet: 'Số 8 đường Nguyễn Du' },
      QueQuan: { MaTinhThanh: '30', TenTinhThanh: 'Tỉnh Hải Dương' },
      VoChong: { HoVaTen: 'TRẦN VĂN HÙNG', SoDinhDanh: '030060001111', QuocTich: 'VN' },
      SoDienThoai: '0168 123 4567',
      NgayCapNhat: '20240301',
    },
    results: { errorCode: '0', message: 'Thành công', result: { DanhSachGiayToKetQua: [] } },
    personal: { SoDienThoai: '+84 38 123 4567' },
  },
  {
    personalId: '001212000123',
    population: {
      SoDinhDanh: '001212000123',
      HoVaTen: { Ho: 'NGUYỄN', ChuDem: 'MINH', Ten: 'ANH' },
      NgayThangNamSinh: { Nam: '2012', NgayThangNam: '20120230' },
      GioiTinh: '9',
      DanToc: 1 as unknown as string,
      QuocTich: 'VN',
      ThuongTru: { MaTinhThanh: '01', MaQuanHuyen: '002', MaPhuongXa: '00040', ChiTiet: 'Số 12 phố Hàng Chiếu' },
      NoiOHienTai: { MaTinhThanh: '01', MaPhuongXa: '99999', ChiTiet: 'Số 5 phố Hoàng Diệu' },
      Me: { HoVaTen: LAN, SoDinhDanh: '001190012345', QuocTich: 'VN' },
      NguoiDaiDien: { HoVaTen: LAN, SoDinhDanh: '001190012345', QuocTich: 'VN' },
      NgayCapNhat: '20250815',
    },
  },
];

const businesses: BusinessFixture[] = [
  {
    enterpriseCode: '0201234567',
    business: {
      MaSoDoanhNghiep: '0201234567',
      TenDoanhNghiep: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG',
      TenTiengNuocNgoai: 'AN KHANG TRADING AND SERVICES COMPANY LIMITED',
      TenVietTat: 'AN KHANG CO., LTD',
      LoaiHinhDoanhNghiep: 'TNHH2TV',
      TinhTrangHoatDong: 'DANG_HOAT_DONG',
      DiaChiTruSo: { MaTinhThanh: '31', MaPhuongXa: '11311', ChiTiet: 'Số 20 đường Hoàng Văn Thụ' },
      DienThoai: '0225 3823 456',
      ThuDienTu: 'info@ankhang.example.vn',
      NgayDangKyLanDau: '20100412',
      NgayDangKyThayDoi: '05/03/2024',
      CoQuanDangKy: 'Phòng Đăng ký kinh doanh thành phố Hải Phòng',
      VonDieuLe: '5.000.000.000',
      NguoiDaiDienPhapLuat: [{ HoVaTen: 'NGUYỄN THỊ LAN', SoDinhDanh: '001190012345', ChucDanh: 'Giám đốc', QuocTich: 'VN' }],
      NgayCapNhat: '20240305',
    },
    results: {
      errorCode: '0',
      message: 'Thành công',
      result: {
        DanhSachGiayToKetQua: [
          {
            MaKetQua: 'KQ.TEST.BLXD',
            TenGiayTo: 'Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
            SoKyHieu: '12/GCN-SCT',
            CoQuanBanHanh: 'Sở Công Thương thành phố Hải Phòng',
            NgayBanHanh: '20220915',
            ThoiHanHieuLuc: '20270915',
            ChuGiayTo: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG',
            MaDinhDanh: 'KHO.0031.2022.000777',
            MaTTHC: '2.000648.000.00.00.H31',
          },
          {
            MaGiayTo: 'GT.TEST.PCCC',
            TenGiayTo: 'Văn bản nghiệm thu về phòng cháy và chữa cháy',
            SoKyHieu: '88/NT-PCCC',
            CoQuanBanHanh: 'Công an thành phố Hải Phòng',
            NgayBanHanh: '20220601',
            MaDinhDanh: 'KHO.0031.2022.000501',
          },
          {
            MaGiayTo: 'GT.TEST.GPXD',
            TenGiayTo: 'Giấy phép xây dựng',
            SoKyHieu: '301/GPXD',
            CoQuanBanHanh: 'Sở Xây dựng thành phố Hải Phòng',
            NgayBanHanh: '20180110',
            ThoiHanHieuLuc: '20200110',
            MaDinhDanh: 'KHO.0031.2018.000042',
          },
          {
            TenGiayTo: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
            SoKyHieu: '07/2022/ATTP-CNĐK',
            CoQuanBanHanh: 'Sở Công Thương thành phố Hải Phòng',
            NgayBanHanh: '20220418',
            ThoiHanHieuLuc: '20250418',
            ChuGiayTo: 'CÔNG TY TNHH THƯƠNG MẠI VÀ DỊCH VỤ AN KHANG',
            MaDinhDanh: 'KHO.0031.2022.000312',
            MaTTHC: '2.000535.000.00.00.H31',
          },
        ],
      },
    },
  },
  {
    enterpriseCode: '0801234568',
    business: {
      MaSoDoanhNghiep: '0801234568',
      TenDoanhNghiep: 'CÔNG TY CỔ PHẦN THỰC PHẨM BIỂN XANH',
      LoaiHinhDoanhNghiep: 'CP',
      TinhTrangHoatDong: 'DANG_HOAT_DONG',
      DiaChiTruSo: { MaTinhThanh: '30', MaQuanHuyen: '288', MaPhuongXa: '10531', ChiTiet: 'Số 15 đường Thanh Bình' },
      DienThoai: '0220 3856 789',
      NgayDangKyLanDau: '2016-07-01',
      CoQuanDangKy: 'Phòng Đăng ký kinh doanh tỉnh Hải Dương',
      VonDieuLe: 12_000_000_000,
      NguoiDaiDienPhapLuat: [
        { HoVaTen: 'TRẦN VĂN HÙNG', SoDinhDanh: '030060001111', ChucDanh: 'Chủ tịch Hội đồng quản trị', QuocTich: 'VN' },
        { HoVaTen: 'ĐỖ THU HƯƠNG', SoDinhDanh: '030185003333', ChucDanh: 'Tổng giám đốc', QuocTich: 'VN' },
      ],
    },
    results: {
      errorCode: '0',
      result: {
        DanhSachGiayToKetQua: [
          {
            TenGiayTo: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
            SoKyHieu: '56/2024/ATTP-CNĐK',
            CoQuanBanHanh: 'Sở Công Thương tỉnh Hải Dương',
            NgayBanHanh: '20240220',
            ThoiHanHieuLuc: '20270220',
            ChuGiayTo: 'CÔNG TY CỔ PHẦN THỰC PHẨM BIỂN XANH',
            MaDinhDanh: 'KHO.0030.2024.000056',
            MaTTHC: '2.000535.000.00.00.H23',
          },
        ],
      },
    },
  },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Fictional citizens and businesses in the national platforms' shapes; frozen (copy with
 * `structuredClone` to change one in a test). `citizens[0]` may act for `businesses[0]` (she is
 * its legal representative) and for `citizens[2]` (her child).
 * @example
 * const lan = fixtures.citizens[0] // { personalId: '001190012345', population: { HoVaTen: { Ho: 'NGUYỄN', … } }, results, personal }
 */
export const fixtures: GatewayFixtures = deepFreeze({ citizens, businesses });
