import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { isExpired, pickFirstExpiry, type LotStock } from '../../src/inventory/index.js';

const lot = (lotId: string, expires: string | null, quantity: number): LotStock =>
  ({ itemId: 'flu', lotId, locationId: 'fridge', expires, quantity }) as LotStock;

describe('pickFirstExpiry', () => {
  it('takes the earliest unexpired lot first and skips expired ones', () => {
    const lots = [lot('late', '2027-05-01', 10), lot('never', null, 10), lot('gone', '2026-11-01', 10), lot('soon', '2026-12-01', 4)];
    const { picks, shortfall } = pickFirstExpiry(lots, 20, '2026-11-02');
    expect(picks.map((p) => [p.lotId, p.quantity])).toEqual([['soon', 4], ['late', 10], ['never', 6]]);
    expect(shortfall).toBe(0);
    expect(pickFirstExpiry(lots, 40, '2026-11-02').shortfall).toBe(16);
  });

  it('throws a usage error for a day that is not YYYY-MM-DD, rather than comparing it as text', () => {
    const lots = [lot('today', '2026-11-02', 10)];
    expect(pickFirstExpiry(lots, 5, '2026-11-02').picks).toHaveLength(1);
    for (const asOf of ['2026-11-02T09:00', '10/01/2026', '']) {
      expect(() => pickFirstExpiry(lots, 5, asOf)).toThrow(MedofficeUsageError);
      expect(() => isExpired(null, asOf)).toThrow(MedofficeUsageError);
    }
  });

  it('throws a usage error for a quantity, or a lot quantity, that is not a finite number at least 0, rather than NaN picks', () => {
    const lots = [lot('today', '2026-11-02', 10)];
    for (const quantity of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(() => pickFirstExpiry(lots, quantity, '2026-11-02')).toThrow(/pickFirstExpiry: quantity must be a finite number at least 0/);
      expect(() => pickFirstExpiry([lot('odd', '2026-12-01', quantity)], 1, '2026-11-02')).toThrow(/lots\[0\]\.quantity/);
    }
    expect(pickFirstExpiry(lots, 0, '2026-11-02')).toEqual({ picks: [], shortfall: 0 });
  });

  it('breaks a tie in expiry by lot id, so lots expiring the same day are picked in lot-id order whatever order they come in', () => {
    const lots = [lot('B', '2027-01-31', 10), lot('A', '2027-01-31', 10)];
    expect(pickFirstExpiry(lots, 5, '2026-11-02').picks.map((p) => [p.lotId, p.quantity])).toEqual([['A', 5]]);
    expect(pickFirstExpiry(lots, 15, '2026-11-02').picks.map((p) => [p.lotId, p.quantity])).toEqual([['A', 10], ['B', 5]]);
    expect(pickFirstExpiry([...lots].reverse(), 5, '2026-11-02').picks.map((p) => p.lotId)).toEqual(['A']);
  });

  it('property: picks plus shortfall make the quantity, and no later lot is opened while an earlier one has stock', () => {
    const dates = ['2026-10-01', '2026-11-02', '2026-12-01', '2027-01-01', null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ expires: fc.constantFrom(...dates), quantity: fc.integer({ min: 0, max: 30 }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 150 }),
        (specs, want) => {
          const lots = specs.map((s, i) => lot(`L${i}`, s.expires, s.quantity));
          const { picks, shortfall } = pickFirstExpiry(lots, want, '2026-11-02');
          expect(picks.reduce((sum, p) => sum + p.quantity, 0) + shortfall).toBe(want);
          const taken = new Map(picks.map((p) => [p.lotId, p.quantity]));
          const usable = lots.filter((l) => l.expires === null || l.expires >= '2026-11-02');
          for (const later of usable) {
            if (!taken.has(later.lotId)) continue;
            for (const earlier of usable) {
              const isEarlier = later.expires === null ? earlier.expires !== null : earlier.expires !== null && earlier.expires < later.expires;
              if (isEarlier) expect(taken.get(earlier.lotId) ?? 0).toBe(earlier.quantity);
            }
          }
          for (const p of picks) expect(lots.find((l) => l.lotId === p.lotId)?.expires ?? '9999').not.toBe('2026-10-01');
        },
      ),
    );
  });
});
