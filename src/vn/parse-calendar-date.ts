import { makeCalendarDate, precisionOf, type CalendarDate, type CalendarDatePrecision } from './calendar-date.js';
import { normalizeText } from './normalize-text.js';

/**
 * Which written forms to accept:
 * - `auto` (default): any of the forms below;
 * - `iso`: the wire form `2001-05-09`, `2001-05` or `2001` (what the gateway protocol carries);
 * - `dmy`: `09/05/2001`, `9-5-2001`, `09.05.2001`, `05/2001`, `2001`, and
 *   "ngày 9 tháng 5 năm 2001" as printed on Vietnamese forms;
 * - `yyyymmdd`: `20010509` (population-database API);
 * - `ddmmyyyy`: `09052001` (CCCD QR code).
 */
export type CalendarDateFormat = 'auto' | 'iso' | 'dmy' | 'yyyymmdd' | 'ddmmyyyy';

export interface ParseCalendarDateOptions {
  format?: CalendarDateFormat;
}

export type ParseCalendarDateReason =
  | 'not-a-string'
  | 'empty'
  /** Not one of the accepted forms. */
  | 'unrecognized'
  /** The right shape, but no such day (31/04, 29/02/2023, month 13). */
  | 'invalid-date'
  /** A year outside `CALENDAR_YEAR_RANGE`. */
  | 'out-of-range'
  /** Eight digits that read as a real date both as `yyyymmdd` and as `ddmmyyyy`. */
  | 'ambiguous'
  /** A date-time whose time is not midnight: the calendar day depends on a time zone. */
  | 'has-time';

export type ParseCalendarDateResult =
  | { ok: true; date: CalendarDate; precision: CalendarDatePrecision }
  | { ok: false; reason: ParseCalendarDateReason };

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.*)?)?)?$/;
/** Midnight with no zone, UTC or Vietnam's +07:00: the date part is the calendar date meant. */
const ISO_MIDNIGHT = /^T00:00(?::00(?:\.0+)?)?(?:Z|\+07:?00)?$/;
const YMD = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const MY = /^(\d{1,2})[/.-](\d{4})$/;
const WORDS = /^(?:(?:ngày\s*(\d{1,2})\s*,?\s*)?tháng\s*(\d{1,2})\s*,?\s*)?năm\s*(\d{4})$/;

/**
 * Parses a written calendar date into `{ year, month?, day? }` without ever building a `Date`,
 * so no time zone can move the day. Checks the calendar (leap years, 31/04). Never throws.
 * @example
 * parseCalendarDate('09/05/2001') // { ok: true, date: { year: 2001, month: 5, day: 9 }, precision: 'day' }
 * parseCalendarDate('1962')       // { ok: true, date: { year: 1962 }, precision: 'year' }
 * parseCalendarDate('31/04/2001') // { ok: false, reason: 'invalid-date' }
 */
export function parseCalendarDate(text: unknown, options: ParseCalendarDateOptions = {}): ParseCalendarDateResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not-a-string' };
  const value = normalizeText(text);
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > 64) return { ok: false, reason: 'unrecognized' };
  const format = options.format ?? 'auto';
  const any = format === 'auto';

  if (any || format === 'iso') {
    const m = ISO.exec(value);
    if (m) {
      if (m[4] !== undefined && !ISO_MIDNIGHT.test(m[4])) return { ok: false, reason: 'has-time' };
      return build(m[1]!, m[2], m[3]);
    }
  }
  if (any || format === 'dmy') {
    let m = DMY.exec(value);
    if (m) return build(m[4]!, m[3], m[1]);
    m = MY.exec(value);
    if (m) return build(m[2]!, m[1]);
    if (!any && /^\d{4}$/.test(value)) return build(value);
    m = WORDS.exec(value.toLocaleLowerCase('vi'));
    if (m && (m[1] === undefined || m[2] !== undefined)) return build(m[3]!, m[2], m[1]);
  }
  if (/^\d{8}$/.test(value) && (any || format === 'yyyymmdd' || format === 'ddmmyyyy')) {
    const tries: ParseCalendarDateResult[] = [];
    if (format !== 'ddmmyyyy') tries.push(build(value.slice(0, 4), value.slice(4, 6), value.slice(6)));
    if (format !== 'yyyymmdd') tries.push(build(value.slice(4), value.slice(2, 4), value.slice(0, 2)));
    const valid = tries.filter((r) => r.ok);
    if (valid.length > 1) return { ok: false, reason: 'ambiguous' };
    if (valid[0]) return valid[0];
    return { ok: false, reason: tries.some((r) => !r.ok && r.reason === 'invalid-date') ? 'invalid-date' : 'out-of-range' };
  }
  if (any) {
    // Year first with other separators or single digits (2001/05/09, 2001-5-9): never day first.
    const m = YMD.exec(value);
    if (m) return build(m[1]!, m[3], m[4]);
  }
  return { ok: false, reason: 'unrecognized' };
}

function build(year: string, month?: string, day?: string): ParseCalendarDateResult {
  const y = Number(year);
  const date = makeCalendarDate(y, month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
  if (date) return { ok: true, date, precision: precisionOf(date) };
  return { ok: false, reason: makeCalendarDate(y) ? 'invalid-date' : 'out-of-range' };
}
