import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumber } from '../../src/core/calendarDay.js';
import { usageSinceStocked } from '../../src/inventory/usageSinceStocked.js';

describe('usageSinceStocked', () => {
  it('keeps the days from the stocking day to the day before the plan', () => {
    expect(usageSinceStocked([4, 0, 2, 3], '2026-10-31', '2026-11-02')).toEqual({ usage: [2, 3], unitsBefore: 4 });
    expect(usageSinceStocked([4, 0, 2, 3], null, '2026-11-02')).toEqual({ usage: [4, 0, 2, 3], unitsBefore: 0 });
    expect(usageSinceStocked([4, 0, 2, 3], '2020-01-01', '2026-11-02').usage).toEqual([4, 0, 2, 3]);
    expect(usageSinceStocked([4, 0, 2, 3], '2026-11-02', '2026-11-02')).toEqual({ usage: [], unitsBefore: 9 });
    expect(usageSinceStocked([4, 0, 2, 3], '2027-01-01', '2026-11-02').usage).toEqual([]);
  });

  it('cuts a typed array without copying it', () => {
    const series = Float64Array.from([1, 2, 3, 4]);
    const { usage } = usageSinceStocked(series, '2026-11-01', '2026-11-03');
    expect(usage).toBeInstanceOf(Float64Array);
    expect((usage as Float64Array).buffer).toBe(series.buffer);
    expect(Array.from(usage)).toEqual([3, 4]);
  });

  describe('properties', () => {
    it('splits the history without losing a unit: kept days plus cut units add up', () => {
      fc.assert(
        fc.property(fc.array(fc.nat(50), { maxLength: 60 }), fc.integer({ min: -10, max: 80 }), (series, back) => {
          const asOf = '2026-11-02';
          const since = dateOfDayNumber((dayNumber(asOf) ?? 0) - back);
          const { usage, unitsBefore } = usageSinceStocked(series, since, asOf);
          expect(usage.length).toBe(Math.max(0, Math.min(series.length, back)));
          const kept = Array.from(usage).reduce((a, b) => a + b, 0);
          expect(kept + unitsBefore).toBe(series.reduce((a, b) => a + b, 0));
          expect(Array.from(usage)).toEqual(series.slice(series.length - usage.length));
        }),
      );
    });
  });
});
