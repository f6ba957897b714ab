import { isCalendarDate, type CalendarDate } from './calendar-date.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Formats a calendar date:
 * - `display` (default): `dd/mm/yyyy`, `mm/yyyy` or `yyyy`, as Vietnamese forms print dates;
 * - `input`: `yyyy-mm-dd` for `<input type="date">`, or `undefined` when the day is unknown
 *   (never an invented 01/01: ask the person instead).
 * Gives `undefined` for anything that is not a valid {@link CalendarDate}.
 * @example
 * formatCalendarDate({ year: 2001, month: 5, day: 9 })          // '09/05/2001'
 * formatCalendarDate({ year: 1962 }, 'input')                    // undefined
 */
export function formatCalendarDate(date: CalendarDate, style: 'display' | 'input' = 'display'): string | undefined {
  if (!isCalendarDate(date)) return undefined;
  if (style === 'input') return date.day === undefined ? undefined : toIsoCalendarDate(date);
  const year = pad(date.year, 4);
  if (date.month === undefined) return year;
  return date.day === undefined ? `${pad(date.month)}/${year}` : `${pad(date.day)}/${pad(date.month)}/${year}`;
}

/**
 * The wire form of a calendar date, as the gateway protocol and the attribute catalogue carry
 * it: `2001-05-09`, `2001-05` or `2001`. Read it back with
 * `parseCalendarDate(text, { format: 'iso' })`. Gives `undefined` for an invalid date.
 * @example
 * toIsoCalendarDate({ year: 2001, month: 5 }) // '2001-05'
 */
export function toIsoCalendarDate(date: CalendarDate): string | undefined {
  if (!isCalendarDate(date)) return undefined;
  const year = pad(date.year, 4);
  if (date.month === undefined) return year;
  return date.day === undefined ? `${year}-${pad(date.month)}` : `${year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Wire text already read by `parseIsoCalendarDate` (`2001-05-09`, `2001-05`, `2001`) as Vietnamese
 * forms write it (`09/05/2001`, `05/2001`, `2001`): the same as `formatCalendarDate` of its date,
 * without building the date again (the browser path's small form).
 * @example
 * displayIsoDate('2001-05-09') // '09/05/2001'
 */
export const displayIsoDate = (iso: string): string => iso.split('-').reverse().join('/');
