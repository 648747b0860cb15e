import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../src/core/isoInstant.js';

describe('isoInstant', () => {
  it('formats the epoch, a leap day and the last millisecond of 9999', () => {
    expect(isoInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoInstant(Date.UTC(2024, 1, 29, 23, 59, 59, 7))).toBe('2024-02-29T23:59:59.007Z');
    expect(isoInstant(Date.UTC(9999, 11, 31, 23, 59, 59, 999))).toBe('9999-12-31T23:59:59.999Z');
    expect(isoInstant(Date.UTC(1900, 2, 1))).toBe('1900-03-01T00:00:00.000Z');
  });
  describe('properties', () => {
    it('agrees with luxon for every instant from year 1 to 9999', () => {
      fc.assert(fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        expect(isoInstant(ms)).toBe(DateTime.fromMillis(ms, { zone: 'utc' }).toISO());
      }), { numRuns: 2000 });
    });
  });
});
