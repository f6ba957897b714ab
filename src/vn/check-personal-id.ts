import { isCalendarDate, type CalendarDate } from './calendar-date.js';
import { idDigits } from './id-digits.js';
import { oldProvinces, type OldProvince } from './old-province.js';
import { parseCalendarDate } from './parse-calendar-date.js';
import type { Gender } from './parse-gender.js';

/** What the ID says that a record contradicts. Reported, never a reason to reject. */
export type PersonalIdMismatch = 'birth-year' | 'gender';

export type CheckPersonalIdReason =
  | 'not-a-string'
  | 'empty'
  /** Characters other than digits, spaces, dots and dashes. */
  | 'not-digits'
  | 'wrong-length'
  /** Nine digits: an old identity-card (CMND) number; see `checkLegacyId`. */
  | 'legacy-id'
  /** The first three digits are not one of the 63 province codes of TT 07/2016/TT-BCA. */
  | 'unknown-prefix';

export type CheckPersonalIdResult =
  | {
      ok: true;
      /** The 12 digits. */
      value: string;
      /** Digits 1–3. */
      prefix: string;
      /** Where the birth was registered, as the province was then: never the person's current province. */
      birthProvince: OldProvince;
      /** From digit 4: even is male, odd is female. */
      gender: Gender;
      /** From digit 4: 1900, 2000, 2100, 2200 or 2300. */
      century: number;
      /** Century + digits 5–6. */
      birthYear: number;
      /** Where the record given in `options` disagrees with the ID. Empty when none was given. */
      mismatches: PersonalIdMismatch[];
    }
  | { ok: false; reason: CheckPersonalIdReason };

export interface CheckPersonalIdOptions {
  /** The birth date on record (a calendar date, or text `parseCalendarDate` reads). */
  birthDate?: CalendarDate | string;
  /** The gender on record. */
  gender?: Gender;
}

/**
 * Checks a 12-digit personal identification number (số định danh cá nhân, the CCCD number):
 * `PPP G YY RRRRRR` (NĐ 137/2015 Điều 13, TT 07/2016/TT-BCA Điều 7). The prefix must be one of
 * the 63 birth-registration province codes, including those of provinces merged in 2025 (issued
 * numbers never change). There is no check digit. Given a record, it compares the century/sex
 * digit and the year and reports each disagreement in `mismatches` instead of rejecting: a
 * number can legitimately disagree after a re-determination of gender or a corrected birth
 * year (TT 59/2021 Điều 6), and a 12-digit CMND of 2012–2016 has the same length.
 * A record value that cannot be read is not compared. Never throws.
 * @example
 * checkPersonalId('001090012345', { birthDate: '09/05/1990', gender: 'male' })
 * // { ok: true, prefix: '001', birthProvince: { code: '01', … }, gender: 'male', birthYear: 1990, mismatches: [] … }
 */
export function checkPersonalId(text: unknown, options: CheckPersonalIdOptions = {}): CheckPersonalIdResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  if (text.length > 64) return { ok: false, reason: 'wrong-length' };
  const value = idDigits(text);
  if (value === undefined) return { ok: false, reason: 'not-digits' };
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length === 9) return { ok: false, reason: 'legacy-id' };
  if (value.length !== 12) return { ok: false, reason: 'wrong-length' };
  const prefix = value.slice(0, 3);
  const birthProvince = prefix[0] === '0' ? oldProvinces().get(prefix.slice(1)) : undefined;
  if (!birthProvince) return { ok: false, reason: 'unknown-prefix' };

  const g = Number(value[3]);
  const century = 1900 + 100 * Math.floor(g / 2);
  const gender: Gender = g % 2 === 0 ? 'male' : 'female';
  const birthYear = century + Number(value.slice(4, 6));

  const mismatches: PersonalIdMismatch[] = [];
  const recordYear = yearOf(options.birthDate);
  if (recordYear !== undefined && recordYear !== birthYear) mismatches.push('birth-year');
  if ((options.gender === 'male' || options.gender === 'female') && options.gender !== gender) mismatches.push('gender');
  return { ok: true, value, prefix, birthProvince, gender, century, birthYear, mismatches };
}

function yearOf(date: CalendarDate | string | undefined): number | undefined {
  if (typeof date === 'string') {
    const parsed = parseCalendarDate(date);
    return parsed.ok ? parsed.date.year : undefined;
  }
  return isCalendarDate(date) ? date.year : undefined;
}
