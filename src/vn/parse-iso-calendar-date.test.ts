import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from './parse-calendar-date.js';
import { parseIsoCalendarDate } from './parse-iso-calendar-date.js';

describe('parseIsoCalendarDate', () => {
  it('reads the three wire forms and checks the calendar', () => {
    expect(parseIsoCalendarDate('2001-05-09')).toEqual({ year: 2001, month: 5, day: 9 });
    expect(parseIsoCalendarDate('2001-05')).toEqual({ year: 2001, month: 5 });
    expect(parseIsoCalendarDate('1962')).toEqual({ year: 1962 });
    for (const bad of ['2001-04-31', '2023-02-29', '09/05/2001', '20010509', '2001-5-9', ' 2001', '', 2001, null]) expect(parseIsoCalendarDate(bad)).toBeUndefined();
  });

  it('agrees with parseCalendarDate in its iso mode on wire-shaped text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1700, max: 2300 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2 }), (y, m, d, parts) => {
        const text = [String(y), String(m).padStart(2, '0'), String(d).padStart(2, '0')].slice(0, parts + 1).join('-');
        const full = parseCalendarDate(text, { format: 'iso' });
        expect(parseIsoCalendarDate(text)).toEqual(full.ok ? full.date : undefined);
      }),
    );
  });
});
