/**
 * `oncefill/vn`: browser-safe Vietnamese data helpers. Every function takes any input and
 * returns a result or a reported problem; none throws on bad data (`createUnitIndex` throws
 * only when handed something that is not the unit list).
 */
export { version } from '../shared/version.js';

// Text and names
export { normalizeText } from './normalize-text.js';
export { foldKey, toneKey } from './fold-key.js';
export { properCaseName } from './proper-case-name.js';
export { joinName, type NameParts } from './join-name.js';
export { checkName, type CheckNameResult, type NameWarning } from './check-name.js';
export { parseGender, type Gender } from './parse-gender.js';

// Calendar dates
export { isCalendarDate, CALENDAR_YEAR_RANGE, type CalendarDate, type CalendarDatePrecision } from './calendar-date.js';
export {
  parseCalendarDate,
  type CalendarDateFormat,
  type ParseCalendarDateOptions,
  type ParseCalendarDateReason,
  type ParseCalendarDateResult,
} from './parse-calendar-date.js';
export { formatCalendarDate, toIsoCalendarDate } from './format-calendar-date.js';

// Identifiers and phone numbers
export {
  checkPersonalId,
  type CheckPersonalIdOptions,
  type CheckPersonalIdReason,
  type CheckPersonalIdResult,
  type PersonalIdMismatch,
} from './check-personal-id.js';
export { parseIsoCalendarDate } from './parse-iso-calendar-date.js';
export { personalIdDigits } from './personal-id-digits.js';
export { checkLegacyId, type CheckLegacyIdResult } from './check-legacy-id.js';
export { checkTaxCode, type CheckTaxCodeOptions, type CheckTaxCodeReason, type CheckTaxCodeResult, type TaxCodeKind } from './check-tax-code.js';
export { normalizePhone, PHONE_RENUMBERING, type NormalizePhoneReason, type NormalizePhoneResult, type PhoneKind } from './normalize-phone.js';

// Administrative units
export { oldProvinceByCode, type OldProvince } from './old-province.js';
export {
  createUnitIndex,
  type Province,
  type ProvinceType,
  type Ward,
  type WardType,
  type WardCandidate,
  type UnitIndex,
  type UnitList,
} from './unit-index.js';
export { parseAddress, type ParsedAddress, type AddressProblem } from './parse-address.js';
