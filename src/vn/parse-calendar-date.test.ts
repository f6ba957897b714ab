import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.js';
import { parseCalendarDate } from './parse-calendar-date.js';

const day = (year: number, month: number, d: number) => ({ ok: true, date: { year, month, day: d }, precision: 'day' });

describe('parseCalendarDate', () => {
  it.each([
    ['09/05/2001', 'printed cards and forms'],
    ['9/5/2001', 'single digits'],
    ['09-05-2001', 'dashes'],
    ['09.05.2001', 'dots'],
    ['20010509', 'YYYYMMDD, population-database API'],
    ['09052001', 'ddMMyyyy, CCCD QR code'],
    ['2001-05-09', 'ISO / wire form'],
    ['2001/5/9', 'year first with slashes'],
    ['Ngày 09 tháng 05 năm 2001', 'printed in words'],
    ['ngày 9 tháng 5 năm 2001', 'in words, lower case'],
    [' 09/05/2001 '.normalize('NFD'), 'padded'],
    ['2001-05-09T00:00:00', 'midnight without a zone'],
    ['2001-05-09T00:00:00.000Z', 'midnight UTC'],
    ['2001-05-09T00:00:00+07:00', 'midnight in Vietnam'],
  ])('reads %s (%s) as 9 May 2001', (text) => {
    expect(parseCalendarDate(text)).toEqual(day(2001, 5, 9));
  });

  it('reads year-only and month-and-year dates, never inventing the missing parts', () => {
    expect(parseCalendarDate('1962')).toEqual({ ok: true, date: { year: 1962 }, precision: 'year' });
    expect(parseCalendarDate('năm 1962')).toEqual({ ok: true, date: { year: 1962 }, precision: 'year' });
    expect(parseCalendarDate('05/1962')).toEqual({ ok: true, date: { year: 1962, month: 5 }, precision: 'month' });
    expect(parseCalendarDate('1962-05')).toEqual({ ok: true, date: { year: 1962, month: 5 }, precision: 'month' });
    expect(parseCalendarDate('tháng 5 năm 1962')).toEqual({ ok: true, date: { year: 1962, month: 5 }, precision: 'month' });
    const yearOnly = parseCalendarDate('1962');
    expect(yearOnly.ok && Object.keys(yearOnly.date)).toEqual(['year']);
  });

  it('checks the calendar: leap years, 30-day months, month 13', () => {
    expect(parseCalendarDate('29/02/2024')).toEqual(day(2024, 2, 29));
    expect(parseCalendarDate('29/02/2000')).toEqual(day(2000, 2, 29));
    expect(parseCalendarDate('29/02/2023')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('29/02/1900')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('31/04/2001')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('31/06/2001')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('00/05/2001')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('2001-13-01')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('13/2001')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('20010230')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCalendarDate('ngày 9 năm 2001')).toEqual({ ok: false, reason: 'unrecognized' });
  });

  it('reports years outside the range, including "no expiry" sentinels', () => {
    expect(parseCalendarDate('31/12/9999')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCalendarDate('0509')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCalendarDate('1799')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCalendarDate('2199')).toMatchObject({ ok: true });
  });

  it('tells YYYYMMDD and ddMMyyyy apart by the year range, and can be told which one to read', () => {
    expect(parseCalendarDate('19121015')).toEqual(day(1912, 10, 15));
    expect(parseCalendarDate('15101912')).toEqual(day(1912, 10, 15));
    expect(parseCalendarDate('20010509', { format: 'ddmmyyyy' })).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCalendarDate('09052001', { format: 'yyyymmdd' })).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCalendarDate('09052001', { format: 'ddmmyyyy' })).toEqual(day(2001, 5, 9));
  });

  it('reads only the wire form with format "iso"', () => {
    expect(parseCalendarDate('2001-05-09', { format: 'iso' })).toEqual(day(2001, 5, 9));
    expect(parseCalendarDate('2001', { format: 'iso' })).toMatchObject({ ok: true, date: { year: 2001 } });
    for (const text of ['09/05/2001', '20010509', '2001/05/09', '2001-5-9']) expect(parseCalendarDate(text, { format: 'iso' })).toEqual({ ok: false, reason: 'unrecognized' });
  });

  it('refuses a date-time whose day depends on the time zone', () => {
    expect(parseCalendarDate('2001-05-08T17:00:00.000Z')).toEqual({ ok: false, reason: 'has-time' });
    expect(parseCalendarDate('2001-05-09T00:00:00-05:00')).toEqual({ ok: false, reason: 'has-time' });
  });

  it('reports what is not a date instead of guessing', () => {
    expect(parseCalendarDate(20010509)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(parseCalendarDate(null)).toEqual({ ok: false, reason: 'not-a-string' });
    expect(parseCalendarDate('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCalendarDate('May 9, 2001')).toEqual({ ok: false, reason: 'unrecognized' });
    expect(parseCalendarDate('9/5/01')).toEqual({ ok: false, reason: 'unrecognized' });
    expect(parseCalendarDate('1'.repeat(10_000))).toEqual({ ok: false, reason: 'unrecognized' });
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates, year-only and month-and-year', () => {
    for (const d of [{ year: 2024, month: 2, day: 29 }, { year: 1962 }, { year: 1962, month: 12 }]) expect(isCalendarDate(d)).toBe(true);
  });

  it('refuses impossible or malformed dates', () => {
    for (const d of [{ year: 2023, month: 2, day: 29 }, { year: 2001, day: 9 }, { year: 2001.5 }, { year: '2001' }, { year: 2001, month: 0 }, { year: 10_000 }, null, '2001-05-09', undefined])
      expect(isCalendarDate(d)).toBe(false);
  });
});
