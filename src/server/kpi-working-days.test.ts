import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import calendar from '../../data/holidays/vn-2025-2026.json' with { type: 'json' };
import { dayNumber, isWorkingDay, workingDaysBetween } from './kpi-working-days.js';

const at = (iso: string) => Date.parse(iso);
const days = (from: string, to: string) => workingDaysBetween(at(from), at(to));

describe('workingDaysBetween', () => {
  it('counts from the day after receipt to the result day: same day 0, next working day 1', () => {
    expect(days('2025-06-02T08:00:00+07:00', '2025-06-02T17:00:00+07:00')).toBe(0);
    expect(days('2025-06-02T08:00:00+07:00', '2025-06-03T08:00:00+07:00')).toBe(1);
    expect(days('2025-06-06T16:00:00+07:00', '2025-06-09T08:00:00+07:00')).toBe(1); // Fri → Mon
  });

  it('skips Tết Ất Tỵ 2025 and the Monday swapped before it', () => {
    expect(days('2025-01-24T09:00:00+07:00', '2025-02-03T09:00:00+07:00')).toBe(1);
  });

  it('skips 30/4, 1/5 and the swapped 2/5/2025, and counts the Saturday worked back', () => {
    expect(days('2025-04-29T09:00:00+07:00', '2025-05-05T09:00:00+07:00')).toBe(1);
    expect(days('2025-04-25T09:00:00+07:00', '2025-04-28T09:00:00+07:00')).toBe(2); // Sat 26/4 worked
  });

  it('takes dates in Việt Nam, not UTC or the machine zone', () => {
    // 17:30 UTC on Sunday 8/6 is 00:30 on Monday 9/6 in Việt Nam: a working day more.
    expect(days('2025-06-05T10:00:00+07:00', '2025-06-08T17:30:00Z')).toBe(2);
    expect(days('2025-06-05T10:00:00+07:00', '2025-06-08T16:59:59Z')).toBe(1);
    expect(days('2025-12-30T18:00:00Z', '2026-01-12T09:00:00+07:00')).toBe(7);
  });

  it('refuses dates outside the committed calendar', () => {
    expect(() => days('2024-12-30T09:00:00+07:00', '2025-01-02T09:00:00+07:00')).toThrow(/2025-01-01\.\.2026-12-31; 2024-12-30/);
    expect(() => days('2026-12-30T09:00:00+07:00', '2027-01-04T09:00:00+07:00')).toThrow(RangeError);
  });

  it('never counts a listed holiday, never skips a listed working Saturday', () => {
    for (const d of calendar.days) expect(isWorkingDay(dayNumber(d.date)), d.date).toBe(false);
    for (const d of calendar.workingWeekendDays) expect(isWorkingDay(dayNumber(d.date)), d.date).toBe(true);
    for (const d of calendar.workingWeekendDays) expect(new Date(`${d.date}T00:00:00Z`).getUTCDay(), d.date).toBe(6);
  });

  it('is additive and never more than the calendar days', () => {
    const start = at('2025-01-01T00:00:00+07:00');
    const span = at('2026-12-31T23:59:59+07:00') - start;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, c) => {
        const [x, y, z] = [a, b, c].map((f) => start + Math.floor(f * span)).sort((p, q) => p - q) as [number, number, number];
        expect(workingDaysBetween(x, y) + workingDaysBetween(y, z)).toBe(workingDaysBetween(x, z));
        expect(workingDaysBetween(x, z)).toBeLessThanOrEqual(Math.ceil((z - x) / 86_400_000) + 1);
      }),
    );
  });
});
