/**
 * The value type of every catalogue attribute, compact enough for the browser path
 * (`parseProcedure`, `resolvePrefill`). Labels and legal bases live in
 * `attribute-catalogue.ts`, which only servers, the CLI and documentation load.
 *
 * Values travel as JSON in these shapes:
 * - `date`: calendar date as text: `2001-05-09`, `2001-05` or year-only `2001`;
 * - `name`: `{ family, middle, given }` (middle may be empty or several words);
 * - `gender`: `male | female`;
 * - `address`: `{ detail, wardCode, wardName, provinceCode, provinceName, dataset }`;
 * - `document`: a {@link DocumentValue};
 * - `person`: `{ fullName, personalId?, legacyId?, nationality?, title? }`;
 * - `integer`, `decimal`: JSON number or digit string (decimals keep their digits as text);
 * - everything else: a string. IDs and codes are always strings (leading zeros).
 */
import type { SourceKind } from './format-constants.js';

export type AttributeValueType =
  | 'text'
  | 'name'
  | 'code'
  | 'date'
  | 'gender'
  | 'personal-id'
  | 'legacy-id'
  | 'tax-code'
  | 'phone'
  | 'email'
  | 'address'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'person'
  | 'document';

/** A document from the national document store or the personal store. */
export interface DocumentValue {
  /** Document type id from `DOCUMENT_TYPE_IDS`. */
  type: string;
  /** Mã kết quả: the result code of the procedure that issued it. */
  resultCode?: string;
  /** Số ký hiệu: the document number. */
  number: string;
  /** Tên giấy tờ. */
  title: string;
  /** Cơ quan ban hành. */
  issuer?: string;
  issueDate?: string;
  /** Chủ giấy tờ: the holder's name. */
  holder?: string;
  /** Valid until (calendar date); absent with `permanent` for documents without expiry. */
  validUntil?: string;
  permanent?: boolean;
  /** Mã giấy tờ in the national store (MaGiayToKhoQuocGia / MaDinhDanh). */
  storeRef?: string;
  /** National code of the procedure that issued it (MaTTHC). */
  procedureCode?: string;
  /** Taken from the national store on Cổng DVCQG (DuocLayTuKhoDMQuocGia). */
  fromNationalStore?: boolean;
  files?: Array<{ name: string; url?: string }>;
}

/** Parts of compound values, addressable as `attribute.part`. */
export const PART_TYPES: Record<'person' | 'document' | 'name' | 'address', Record<string, AttributeValueType>> = {
  person: { fullName: 'name', personalId: 'personal-id', legacyId: 'legacy-id', nationality: 'code', title: 'text' },
  document: {
    number: 'text',
    title: 'text',
    issuer: 'text',
    issueDate: 'date',
    holder: 'text',
    validUntil: 'date',
    resultCode: 'code',
    storeRef: 'code',
    procedureCode: 'code',
  },
  name: { family: 'text', middle: 'text', given: 'text' },
  address: { detail: 'text', wardCode: 'code', wardName: 'text', provinceCode: 'code', provinceName: 'text' },
};

/** Electronic document types the stores hold. */
export const DOCUMENT_TYPE_IDS = [
  'diploma',
  'pharmacyPracticeCertificate',
  'practiceConfirmation',
  'foodSafetyCertificate',
  'petroleumRetailCertificate',
  'constructionPermit',
  'fireSafetyApproval',
  'fireSafetyTraining',
  'environmentTraining',
  'foodSafetyTraining',
  'healthCertificate',
  'criminalRecord',
  'vehicleRegistration',
  'vehicleInspection',
  'oversizeVehiclePermit',
  'enterpriseRegistration',
  'identityCard',
  'portrait',
] as const;

type Spec = AttributeValueType | `${AttributeValueType}[]`;

/** Value type per attribute and source kind; `[]` marks a list answer. */
export const ATTRIBUTE_TYPES: Record<SourceKind, Record<string, Spec>> = {
  // Luật Căn cước 2023 Điều 9, and occupation from the residence database (NĐ 62/2021).
  population: {
    fullName: 'name',
    otherName: 'text',
    personalId: 'personal-id',
    birthDate: 'date',
    gender: 'gender',
    birthPlace: 'address',
    birthRegistrationPlace: 'address',
    hometown: 'address',
    ethnicity: 'code',
    religion: 'code',
    nationality: 'code',
    bloodType: 'code',
    legacyId: 'legacy-id',
    idCardIssueDate: 'date',
    idCardIssuePlace: 'text',
    idCardExpiry: 'date',
    father: 'person',
    mother: 'person',
    spouse: 'person',
    children: 'person[]',
    legalRepresentative: 'person',
    represented: 'person[]',
    permanentAddress: 'address',
    temporaryAddress: 'address',
    currentAddress: 'address',
    temporaryAbsence: 'boolean',
    residenceFileNumber: 'text',
    maritalStatus: 'code',
    relationToHouseholdHead: 'code',
    householdHead: 'person',
    householdMembers: 'person[]',
    deathDate: 'date',
    phone: 'phone',
    email: 'email',
    occupation: 'text',
  },
  results: Object.fromEntries(DOCUMENT_TYPE_IDS.map((id) => [id, 'document[]' as const])),
  personal: { phone: 'phone', landline: 'phone', email: 'email', contactAddress: 'address', savedDocuments: 'document[]' },
  business: {
    enterpriseCode: 'tax-code',
    name: 'text',
    foreignName: 'text',
    abbreviation: 'text',
    legalForm: 'code',
    status: 'code',
    headOffice: 'address',
    phone: 'phone',
    fax: 'phone',
    email: 'email',
    website: 'text',
    registrationDate: 'date',
    registrationChangeDate: 'date',
    registrationIssuer: 'text',
    charterCapital: 'decimal',
    legalRepresentative: 'person',
  },
};

/** What a catalogue lookup gives: the value type, and whether the answer is a list. */
export interface ResolvedAttribute {
  type: AttributeValueType;
  list: boolean;
  /** The base attribute (before the dotted part). */
  base: string;
  /** The part path under the base, if any. */
  parts: string[];
}

/**
 * Looks up `attribute` (possibly dotted, `legalRepresentative.fullName`) for a source kind.
 * @example
 * lookupAttribute('business', 'legalRepresentative.personalId') // { type: 'personal-id', list: false, … }
 */
export function lookupAttribute(source: SourceKind, attribute: string): ResolvedAttribute | undefined {
  const [base, ...parts] = attribute.split('.');
  const kinds = ATTRIBUTE_TYPES[source];
  if (!base || !kinds || !Object.hasOwn(kinds, base)) return undefined;
  const spec = kinds[base]!;
  const list = spec.endsWith('[]');
  let type = (list ? spec.slice(0, -2) : spec) as AttributeValueType;
  for (const part of parts) {
    const table = PART_TYPES[type as keyof typeof PART_TYPES];
    if (!table || !Object.hasOwn(table, part)) return undefined;
    type = table[part]!;
  }
  return { type, list, base, parts };
}

/** Which attribute value types each field type can hold. */
export const FIELD_ACCEPTS: Record<string, readonly AttributeValueType[]> = {
  text: ['text', 'name', 'code', 'personal-id', 'legacy-id', 'tax-code', 'phone', 'email', 'address', 'date', 'gender', 'integer', 'decimal'],
  textarea: ['text', 'name', 'code', 'address'],
  integer: ['integer'],
  decimal: ['integer', 'decimal'],
  date: ['date'],
  select: ['text', 'code', 'gender', 'boolean'],
  radio: ['text', 'code', 'gender', 'boolean'],
  checkbox: ['boolean'],
  'multi-choice': ['text', 'code'],
  email: ['email'],
  phone: ['phone'],
  'personal-id': ['personal-id', 'legacy-id'],
  'tax-code': ['tax-code', 'personal-id'],
  address: ['address'],
  file: ['document'],
  group: ['person', 'document'],
};
