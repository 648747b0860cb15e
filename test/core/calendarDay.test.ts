import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from '../../src/core/calendarDay.js';
import { addDays, daysBetween, isIsoDate } from '../../src/core/time.js';

describe('calendar day numbers', () => {
  it('counts days from 1970-01-01 and rejects dates that are not on the calendar', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayNumber('2000-02-29')).toBe(11016);
    expect(dayNumber('1900-02-29')).toBeUndefined();
    expect(dayNumber('2026-02-29')).toBeUndefined();
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(dayNumber('2026-1-01')).toBeUndefined();
    expect(dateOfDayNumber(20759)).toBe('2026-11-02');
    expect(dateOfDayNumber(-1)).toBe('1969-12-31');
  });

  it('agrees with luxon on which texts are dates and how far apart they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const luxon = DateTime.fromISO(text, { zone: 'UTC' });
        expect(dayNumber(text) !== undefined).toBe(luxon.isValid);
        expect(isIsoDate(text)).toBe(luxon.isValid);
        if (luxon.isValid) expect(dayNumber(text)).toBe(Math.round(luxon.diff(DateTime.fromISO('1970-01-01', { zone: 'UTC' }), 'days').days));
      }),
    );
  });

  it('date of day number inverts day number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(dayNumber(dateOfDayNumber(n))).toBe(n);
      }),
    );
  });

  it('addDays refuses a date that does not exist, daysBetween answers NaN', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
  });
});
