/**
 * Calendar dates as the registers hold them: a year, a month and a day, any of the last two
 * possibly unknown (births registered before 2016 may carry the year only). Plain numbers,
 * never a `Date`: a `Date` is an instant, and turning it back into a day depends on the
 * time zone of whoever reads it.
 */

/** A calendar date; `day` requires `month`. Year-only and month-and-year dates are valid. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

/** How much of a date is known. */
export type CalendarDatePrecision = 'year' | 'month' | 'day';

/**
 * Years oncefill accepts. Wide enough for every living person and every document still in
 * force; narrow enough that `20010509` cannot be read as day 20, month 01, year 0509, and that
 * sentinels such as 31/12/9999 ("no expiry") are reported instead of shown as dates.
 * @example
 * dateInput.min = `${CALENDAR_YEAR_RANGE.min}-01-01`
 */
export const CALENDAR_YEAR_RANGE = { min: 1800, max: 2199 } as const;

/** @internal Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** @internal The date built from parts if they form a real date in range, else undefined. */
export function makeCalendarDate(year: number, month?: number, day?: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_RANGE.min || year > CALENDAR_YEAR_RANGE.max) return undefined;
  if (month === undefined) return day === undefined ? { year } : undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return { year, month };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * True for a real calendar date in range: integers, month 1–12, a day that exists in that
 * month (29/02 only in leap years, never 31/04), and no day without a month.
 * @example
 * isCalendarDate({ year: 2024, month: 2, day: 29 }) // true
 * isCalendarDate({ year: 2023, month: 2, day: 29 }) // false
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'object' || value === null) return false;
  const { year, month, day } = value as Record<string, unknown>;
  if (typeof year !== 'number' || (month !== undefined && typeof month !== 'number') || (day !== undefined && typeof day !== 'number')) return false;
  return makeCalendarDate(year, month as number | undefined, day as number | undefined) !== undefined;
}

/** @internal How much of a valid date is known. */
export function precisionOf(date: CalendarDate): CalendarDatePrecision {
  return date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
}
