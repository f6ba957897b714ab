import { describe, expect, it } from 'vitest';
import { formatCalendarDate, toIsoCalendarDate } from './format-calendar-date.js';

describe('formatCalendarDate', () => {
  it('displays dd/mm/yyyy, mm/yyyy or yyyy', () => {
    expect(formatCalendarDate({ year: 2001, month: 5, day: 9 })).toBe('09/05/2001');
    expect(formatCalendarDate({ year: 2001, month: 5 })).toBe('05/2001');
    expect(formatCalendarDate({ year: 1962 })).toBe('1962');
  });

  it('gives <input type=date> a value only for a full date', () => {
    expect(formatCalendarDate({ year: 2001, month: 5, day: 9 }, 'input')).toBe('2001-05-09');
    expect(formatCalendarDate({ year: 2001, month: 5 }, 'input')).toBeUndefined();
    expect(formatCalendarDate({ year: 1962 }, 'input')).toBeUndefined();
  });

  it('gives undefined for an invalid date', () => {
    expect(formatCalendarDate({ year: 2023, month: 2, day: 29 })).toBeUndefined();
    expect(formatCalendarDate(null as never)).toBeUndefined();
  });
});

describe('toIsoCalendarDate', () => {
  it('writes the wire form at the precision known', () => {
    expect(toIsoCalendarDate({ year: 2001, month: 5, day: 9 })).toBe('2001-05-09');
    expect(toIsoCalendarDate({ year: 2001, month: 5 })).toBe('2001-05');
    expect(toIsoCalendarDate({ year: 2001 })).toBe('2001');
    expect(toIsoCalendarDate({ year: 2001, month: 4, day: 31 })).toBeUndefined();
  });
});
