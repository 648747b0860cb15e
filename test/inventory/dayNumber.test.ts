import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate } from '../../src/core/time.js';
import { dayNumber } from '../../src/inventory/dayNumber.js';

describe('dayNumber', () => {
  it('counts days from 1970-01-01 and rejects dates that are not on the calendar', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayNumber('2026-02-29')).toBeUndefined();
    expect(dayNumber('2026-13-01')).toBeUndefined();
    expect(dayNumber('2026-1-01')).toBeUndefined();
  });

  it('property: agrees with the core calendar (isIsoDate, daysBetween)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(dayNumber(text) !== undefined).toBe(isIsoDate(text));
        if (isIsoDate(text)) expect(dayNumber(text)).toBe(daysBetween('1970-01-01', text));
      }),
    );
  });
});
