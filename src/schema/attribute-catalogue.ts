/**
 * The attribute catalogue with labels and legal bases, over the value types in
 * `attribute-types.ts`. Servers, the CLI and documentation load it; the browser path does not
 * (labels would cost the core bundle about 3 KB gzip). A test keeps the two in step.
 */
import type { SourceKind } from './format-constants.js';
import type { LocalizedText } from './procedure-format.js';
import type { AttributeValueType, DOCUMENT_TYPE_IDS } from './attribute-types.js';

export interface AttributeSpec {
  type: AttributeValueType;
  /** The source answers a list (children, diplomas). */
  list?: boolean;
  label: LocalizedText;
  /** Where the law defines it, e.g. "Luật Căn cước 2023, Điều 9 k3". */
  basis?: string;
}

const t = (vi: string, en: string): LocalizedText => ({ vi, en });
const a = (type: AttributeValueType, vi: string, en: string, basis?: string, list?: boolean): AttributeSpec =>
  list ? { type, label: t(vi, en), basis, list } : { type, label: t(vi, en), basis };
const law = (k: number) => `Luật Căn cước 2023, Điều 9 k${k}`;

/**
 * Electronic document types the stores hold, with the procedures whose result they are.
 * A source adapter classifies each national document by its procedure code or result code.
 */
export const DOCUMENT_TYPES: Record<(typeof DOCUMENT_TYPE_IDS)[number], { label: LocalizedText; procedures: readonly string[] }> = {
  diploma: { label: t('Văn bằng, chứng chỉ', 'Diploma or certificate'), procedures: ['1.005092', '3.000467'] },
  pharmacyPracticeCertificate: { label: t('Chứng chỉ hành nghề dược', 'Pharmacy practice certificate'), procedures: ['1.004616'] },
  practiceConfirmation: { label: t('Giấy xác nhận thời gian thực hành', 'Practice time confirmation'), procedures: [] },
  foodSafetyCertificate: { label: t('Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'Food safety certificate'), procedures: ['2.000535'] },
  petroleumRetailCertificate: {
    label: t('Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'Petroleum retail store certificate'),
    procedures: ['2.000648', '2.000645'],
  },
  constructionPermit: { label: t('Giấy phép xây dựng', 'Construction permit'), procedures: [] },
  fireSafetyApproval: { label: t('Văn bản thẩm duyệt, nghiệm thu phòng cháy chữa cháy', 'Fire safety approval'), procedures: [] },
  fireSafetyTraining: { label: t('Chứng nhận huấn luyện PCCC', 'Fire safety training certificate'), procedures: [] },
  environmentTraining: { label: t('Chứng nhận đào tạo bảo vệ môi trường', 'Environmental protection training certificate'), procedures: [] },
  foodSafetyTraining: { label: t('Giấy xác nhận tập huấn kiến thức an toàn thực phẩm', 'Food safety training confirmation'), procedures: [] },
  healthCertificate: { label: t('Giấy chứng nhận đủ sức khỏe', 'Health certificate'), procedures: [] },
  criminalRecord: { label: t('Phiếu lý lịch tư pháp', 'Criminal record certificate'), procedures: [] },
  vehicleRegistration: { label: t('Giấy chứng nhận đăng ký xe', 'Vehicle registration certificate'), procedures: [] },
  vehicleInspection: { label: t('Giấy chứng nhận kiểm định', 'Vehicle inspection certificate'), procedures: [] },
  oversizeVehiclePermit: { label: t('Giấy phép lưu hành xe quá tải trọng, quá khổ giới hạn', 'Oversize vehicle permit'), procedures: ['1.000028'] },
  enterpriseRegistration: { label: t('Giấy chứng nhận đăng ký doanh nghiệp', 'Enterprise registration certificate'), procedures: [] },
  identityCard: { label: t('Thẻ căn cước', 'Identity card'), procedures: [] },
  portrait: { label: t('Ảnh chân dung', 'Portrait photo'), procedures: [] },
};

/** The population record: Luật Căn cước 2023 Điều 9 (26 items) and the residence database. */
const population: Record<string, AttributeSpec> = {
  fullName: a('name', 'Họ, chữ đệm và tên khai sinh', 'Full name at birth', law(1)),
  otherName: a('text', 'Tên gọi khác', 'Other name', law(2)),
  personalId: a('personal-id', 'Số định danh cá nhân', 'Personal identification number', law(3)),
  birthDate: a('date', 'Ngày, tháng, năm sinh', 'Date of birth', law(4)),
  gender: a('gender', 'Giới tính', 'Gender', law(5)),
  birthPlace: a('address', 'Nơi sinh', 'Place of birth', law(6)),
  birthRegistrationPlace: a('address', 'Nơi đăng ký khai sinh', 'Place of birth registration', law(7)),
  hometown: a('address', 'Quê quán', 'Place of origin', law(8)),
  ethnicity: a('code', 'Dân tộc', 'Ethnicity', law(9)),
  religion: a('code', 'Tôn giáo', 'Religion', law(10)),
  nationality: a('code', 'Quốc tịch', 'Nationality', law(11)),
  bloodType: a('code', 'Nhóm máu', 'Blood type', law(12)),
  legacyId: a('legacy-id', 'Số Chứng minh nhân dân 9 số', 'Former 9-digit ID number', law(13)),
  idCardIssueDate: a('date', 'Ngày cấp thẻ căn cước', 'Identity card issue date', law(14)),
  idCardIssuePlace: a('text', 'Nơi cấp thẻ căn cước', 'Identity card issuing authority', law(14)),
  idCardExpiry: a('date', 'Thời hạn sử dụng thẻ căn cước', 'Identity card expiry', law(14)),
  father: a('person', 'Cha', 'Father', law(15)),
  mother: a('person', 'Mẹ', 'Mother', law(15)),
  spouse: a('person', 'Vợ hoặc chồng', 'Spouse', law(15)),
  children: a('person', 'Con', 'Children', law(15), true),
  legalRepresentative: a('person', 'Người đại diện hợp pháp', 'Legal representative', law(15)),
  represented: a('person', 'Người được đại diện', 'Represented person', law(15), true),
  permanentAddress: a('address', 'Nơi thường trú', 'Permanent residence', law(16)),
  temporaryAddress: a('address', 'Nơi tạm trú', 'Temporary residence', law(17)),
  currentAddress: a('address', 'Nơi ở hiện tại', 'Current residence', law(18)),
  temporaryAbsence: a('boolean', 'Đang khai báo tạm vắng', 'Temporary absence declared', law(19)),
  residenceFileNumber: a('text', 'Số hồ sơ cư trú', 'Residence file number', law(20)),
  maritalStatus: a('code', 'Tình trạng hôn nhân', 'Marital status', law(21)),
  relationToHouseholdHead: a('code', 'Mối quan hệ với chủ hộ', 'Relationship to head of household', law(22)),
  householdHead: a('person', 'Chủ hộ', 'Head of household', law(23)),
  householdMembers: a('person', 'Thành viên hộ gia đình', 'Household members', law(23), true),
  deathDate: a('date', 'Ngày, tháng, năm chết hoặc mất tích', 'Date of death or disappearance', law(24)),
  phone: a('phone', 'Số thuê bao di động', 'Mobile number', law(25)),
  email: a('email', 'Địa chỉ thư điện tử', 'E-mail address', law(25)),
  occupation: a('text', 'Nghề nghiệp', 'Occupation', 'Nghị định 62/2021/NĐ-CP, Điều 9'),
};

/** The national document store (Kho dữ liệu điện tử on Cổng DVCQG): one list per document type. */
const results: Record<string, AttributeSpec> = Object.fromEntries(
  Object.entries(DOCUMENT_TYPES).map(([type, { label }]) => [type, { type: 'document', list: true, label } satisfies AttributeSpec]),
);

/** The citizen's personal data store on the national portal: contact data and saved documents. */
const personal: Record<string, AttributeSpec> = {
  phone: a('phone', 'Số điện thoại liên hệ', 'Contact phone'),
  landline: a('phone', 'Số điện thoại cố định', 'Landline'),
  email: a('email', 'Thư điện tử liên hệ', 'Contact e-mail'),
  contactAddress: a('address', 'Địa chỉ liên hệ', 'Contact address'),
  savedDocuments: a('document', 'Giấy tờ đã lưu', 'Saved documents', undefined, true),
};

/** The national business registry (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp). */
const business: Record<string, AttributeSpec> = {
  enterpriseCode: a('tax-code', 'Mã số doanh nghiệp', 'Enterprise code'),
  name: a('text', 'Tên doanh nghiệp', 'Enterprise name'),
  foreignName: a('text', 'Tên bằng tiếng nước ngoài', 'Name in a foreign language'),
  abbreviation: a('text', 'Tên viết tắt', 'Abbreviated name'),
  legalForm: a('code', 'Loại hình doanh nghiệp', 'Legal form'),
  status: a('code', 'Tình trạng hoạt động', 'Operating status'),
  headOffice: a('address', 'Địa chỉ trụ sở chính', 'Head office address'),
  phone: a('phone', 'Điện thoại', 'Phone'),
  fax: a('phone', 'Fax', 'Fax'),
  email: a('email', 'Thư điện tử', 'E-mail'),
  website: a('text', 'Website', 'Website'),
  registrationDate: a('date', 'Ngày đăng ký lần đầu', 'First registration date'),
  registrationChangeDate: a('date', 'Ngày đăng ký thay đổi gần nhất', 'Latest amendment date'),
  registrationIssuer: a('text', 'Cơ quan đăng ký kinh doanh', 'Business registration office'),
  charterCapital: a('decimal', 'Vốn điều lệ', 'Charter capital'),
  legalRepresentative: a('person', 'Người đại diện theo pháp luật', 'Legal representative'),
};

/**
 * The catalogue by source kind.
 * @example
 * attributeCatalogue.population.birthDate.type // 'date'
 */
export const attributeCatalogue: Record<SourceKind, Record<string, AttributeSpec>> = { population, results, personal, business };

