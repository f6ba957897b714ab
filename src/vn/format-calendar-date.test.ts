import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayIsoDate, formatCalendarDate, toIsoCalendarDate } from './format-calendar-date.js';
import { parseIsoCalendarDate } from './parse-iso-calendar-date.js';

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

describe('displayIsoDate', () => {
  it('writes every wire date parseIsoCalendarDate reads exactly as formatCalendarDate writes its date', () => {
    const wire = fc
      .tuple(fc.integer({ min: 1790, max: 2210 }), fc.option(fc.integer({ min: 0, max: 13 })), fc.option(fc.integer({ min: 0, max: 32 })))
      .map(([y, m, d]) => [String(y), m === null ? '' : `-${String(m).padStart(2, '0')}`, m === null || d === null ? '' : `-${String(d).padStart(2, '0')}`].join(''));
    fc.assert(
      fc.property(wire, (text) => {
        const date = parseIsoCalendarDate(text);
        if (date) expect(displayIsoDate(text)).toBe(formatCalendarDate(date));
      }),
      { numRuns: 5000 },
    );
    expect(displayIsoDate('2001-05-09')).toBe('09/05/2001');
    expect(displayIsoDate('2001-05')).toBe('05/2001');
    expect(displayIsoDate('2001')).toBe('2001');
  });
});
