/**
 * Working days of Vietnamese state agencies between two instants, counted on calendar dates in
 * Asia/Ho_Chi_Minh. Việt Nam has kept UTC+7 without daylight saving since 1975, so a date is
 * `floor((epochMs + 7 h) / 1 day)`: no `Date` time-zone lookups, whatever the machine's zone.
 */
import calendar from '../../data/holidays/vn-2025-2026.json' with { type: 'json' };

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Days since 1970-01-01 of an ISO calendar date (`2025-06-02`). */
export const dayNumber = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;

/** The calendar date in Việt Nam of an instant, as days since 1970-01-01. */
export const vietnamDay = (epochMs: number): number => Math.floor((epochMs + VN_OFFSET_MS) / DAY_MS);

/** The ISO date of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const NON_WORKING = new Set(calendar.days.map((d) => dayNumber(d.date)));
const WORKING_WEEKEND = new Set(calendar.workingWeekendDays.map((d) => dayNumber(d.date)));

/** The days the committed calendar covers (`data/holidays/vn-2025-2026.json`). */
export const HOLIDAY_CALENDAR_RANGE = { from: calendar.from, to: calendar.to } as const;
const FIRST = dayNumber(calendar.from);
const LAST = dayNumber(calendar.to);

/** The day lies in the calendar's years (holidays are known). */
export const inHolidayCalendar = (day: number): boolean => day >= FIRST && day <= LAST;

/** A working day of state agencies: not a Saturday or Sunday unless worked back, not a holiday or swapped day. */
export function isWorkingDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday === 0 || weekday === 6) return WORKING_WEEKEND.has(day);
  return !NON_WORKING.has(day);
}

/**
 * Working days from the receipt date (excluded) to the result date (included), both taken in
 * Asia/Ho_Chi_Minh: a result on the day of receipt is 0, on the next working day 1. Days beyond
 * the committed calendar (2025–2026) throw a `RangeError`: their holidays are unknown.
 * @example
 * workingDaysBetween(Date.parse('2025-04-29T09:00:00+07:00'), Date.parse('2025-05-05T16:00:00+07:00')) // 1: 30/4, 1/5 and the swapped 2/5 are off, then a weekend
 */
export function workingDaysBetween(receivedAtMs: number, resultAtMs: number): number {
  const from = vietnamDay(receivedAtMs);
  const to = vietnamDay(resultAtMs);
  if (!inHolidayCalendar(from) || !inHolidayCalendar(to))
    throw new RangeError(`[oncefill] the holiday calendar covers ${calendar.from}..${calendar.to}; ${isoDay(inHolidayCalendar(from) ? to : from)} is outside it`);
  let days = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) days++;
  return days;
}
