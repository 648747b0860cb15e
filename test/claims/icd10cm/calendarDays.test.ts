import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ageInYears, dayNumber, fiscalYearOf, isoDate } from '../../../src/claims/icd10cm/calendarDays.js';

describe('calendar days', () => {
  it('numbers days from 1970-01-01 and rejects impossible dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2015-10-01')).toBe(16_709);
    expect(dayNumber('2024-02-29')).toBeDefined();
    expect(dayNumber('2023-02-29')).toBeUndefined();
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(dayNumber('2026-1-01')).toBeUndefined();
  });

  it('starts fiscal years on October 1', () => {
    expect(fiscalYearOf(dayNumber('2026-09-30') ?? 0)).toBe(2026);
    expect(fiscalYearOf(dayNumber('2026-10-01') ?? 0)).toBe(2027);
  });

  it('counts age in whole years, a February 29 birthday reached on March 1 in common years', () => {
    expect(ageInYears('2008-02-29', '2027-02-28')).toBe(18);
    expect(ageInYears('2008-02-29', '2027-03-01')).toBe(19);
    expect(ageInYears('2000-06-15', '2000-06-14')).toBeUndefined();
  });

  describe('properties', () => {
    const days = fc.integer({ min: -200_000, max: 200_000 });

    it('isoDate and dayNumber are inverse, and agree with luxon', () => {
      fc.assert(fc.property(days, (day) => {
        const text = isoDate(day);
        return dayNumber(text) === day && DateTime.fromISO(text, { zone: 'UTC' }).toMillis() === day * 86_400_000;
      }));
    });

    it('age in years agrees with luxon, a February 29 birthday counted from March 1 in common years', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 45_000 }), (born, lived) => {
        const birth = isoDate(born);
        const on = isoDate(born + lived);
        const day = DateTime.fromISO(on, { zone: 'UTC' });
        // luxon clamps a February 29 anniversary to February 28 in common years; we count it from March 1.
        const whole = Math.floor(day.diff(DateTime.fromISO(birth, { zone: 'UTC' }), 'years').years + 1e-9);
        const expected = birth.endsWith('-02-29') && !day.isInLeapYear && on.slice(5) === '02-28' ? whole - 1 : whole;
        expect(ageInYears(birth, on)).toBe(expected);
      }));
    });
  });
});
