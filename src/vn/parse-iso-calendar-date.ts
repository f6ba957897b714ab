import { makeCalendarDate, type CalendarDate } from './calendar-date.js';

const WIRE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads the protocol's wire form of a calendar date (`2001-05-09`, `2001-05` or `2001`) and
 * nothing else; `undefined` when it is not one or not a real date. The lean reader for the
 * prefill path; `parseCalendarDate` reads every written form people use.
 * @example
 * parseIsoCalendarDate('1962') // { year: 1962 }
 */
export function parseIsoCalendarDate(text: unknown): CalendarDate | undefined {
  const m = typeof text === 'string' ? WIRE.exec(text) : null;
  return m ? makeCalendarDate(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])) : undefined;
}
