import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { expiringSoon, pickFirstExpiry, stockPosition, stockStatus, type LotStock } from '../../src/inventory/index.js';

const lot = (lotId: string, expires: string | null, quantity: number): LotStock =>
  ({ itemId: 'flu', lotId, locationId: 'fridge', expires, quantity }) as LotStock;

describe('stock position', () => {
  it('discounts what expires before demand reaches it within the horizon', () => {
    // The 5 allocated units take 5 of lot A (earliest expiry); at 5 a day the other 25 of A are usable
    // on Nov 2, 3 and 4: 15 used, 10 lost; lot B expires beyond the horizon.
    const position = stockPosition({
      stock: [lot('A', '2026-11-04', 30), lot('B', '2027-06-01', 50), lot('X', '2026-10-30', 7)],
      onOrder: 40,
      allocated: 5,
      demandPerDay: 5,
      asOf: '2026-11-02',
      horizonDays: 10,
    });
    expect(position).toEqual({ onHand: 87, usableOnHand: 80, onOrder: 40, allocated: 5, expiringBeforeUse: 10, position: 105 });
  });

  it('counts allocated units once: they take the earliest-expiring lot first, so they are not also expiring before use', () => {
    // 100 doses expiring in 2 days, all 100 allocated to tomorrow's clinic, 10 a day over L + R = 10 days.
    const before = { stock: [lot('A', '2026-11-04', 100)], onOrder: 0, allocated: 100, demandPerDay: 10, asOf: '2026-11-02', horizonDays: 10 };
    expect(stockPosition(before)).toMatchObject({ allocated: 100, expiringBeforeUse: 0, position: 0 });
    // The same stock after the clinic has used its 100 doses has the same position.
    expect(stockPosition({ ...before, stock: [], allocated: 0 }).position).toBe(0);
    // Half allocated: the other 50 are usable 3 days at 10 a day, so 20 of them expire unused.
    expect(stockPosition({ ...before, allocated: 50 })).toMatchObject({ expiringBeforeUse: 20, position: 30 });
  });

  it('property: allocating x units is issuing them first expiry first out, lowers the position by 0 to x, and no unit is both allocated and expiring', () => {
    const dates = ['2026-10-30', '2026-11-02', '2026-11-03', '2026-11-05', '2026-11-20', '2027-03-01', null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ expires: fc.constantFrom(...dates), quantity: fc.integer({ min: 0, max: 100 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (specs, onOrder, allocated, demandPerDay, horizonDays) => {
          const stock = specs.map((s, i) => lot(`L${i}`, s.expires, s.quantity));
          const base = { stock, onOrder, demandPerDay, asOf: '2026-11-02', horizonDays };
          const free = stockPosition({ ...base, allocated: 0 });
          const held = stockPosition({ ...base, allocated });
          // The allocated units as if already issued, first expiry first out.
          const { picks, shortfall } = pickFirstExpiry(stock, allocated, '2026-11-02');
          const left = stock.map((l) => ({ ...l, quantity: l.quantity - picks.filter((p) => p.lotId === l.lotId).reduce((sum, p) => sum + p.quantity, 0) }));
          const issued = stockPosition({ ...base, stock: left, allocated: shortfall });
          expect(held.position).toBeCloseTo(issued.position, 9);
          expect(held.expiringBeforeUse).toBeCloseTo(issued.expiringBeforeUse, 9);
          expect(free.position - held.position).toBeGreaterThanOrEqual(-1e-9);
          expect(free.position - held.position).toBeLessThanOrEqual(allocated + 1e-9);
          expect(held.expiringBeforeUse + Math.min(allocated, held.usableOnHand)).toBeLessThanOrEqual(held.usableOnHand + 1e-9);
        },
      ),
    );
  });

  it('counts a lot whose last usable day is the last day of the horizon as within the horizon', () => {
    // A lot expiring t days ahead is usable on n = t + 1 days (asOf through its expiry day) and counts as expiring
    // when n ≤ T. Expiring Nov 11 from Nov 2 gives n = 10 = T: at 1 a day demand reaches 10 of its 50, so 40 are lost.
    const base = { onOrder: 0, allocated: 0, demandPerDay: 1, asOf: '2026-11-02', horizonDays: 10 };
    expect(stockPosition({ ...base, stock: [lot('L1', '2026-11-11', 50)] })).toMatchObject({ expiringBeforeUse: 40, position: 10 });
    // A day later it outlives the horizon and is not discounted.
    expect(stockPosition({ ...base, stock: [lot('L1', '2026-11-12', 50)] })).toMatchObject({ expiringBeforeUse: 0, position: 50 });
  });

  it('lists lots expiring soon, soonest first, with days left', () => {
    const soon = expiringSoon([lot('B', '2026-11-20', 5), lot('A', '2026-11-01', 2), lot('C', '2027-11-01', 5), lot('N', null, 9)], '2026-11-02', 30);
    expect(soon.map((l) => [l.lotId, l.daysLeft])).toEqual([['A', -1], ['B', 18]]);
  });

  it('throws a usage error for a day that is not YYYY-MM-DD, rather than a NaN position or a missing lot', () => {
    const stock = [lot('A', '2026-11-02', 30)];
    for (const asOf of ['11/02/2026', '2026-11-2', '2026-11-02T08:00:00-05:00']) {
      expect(() => stockPosition({ stock, onOrder: 0, allocated: 0, demandPerDay: 5, asOf, horizonDays: 10 })).toThrow(MedofficeUsageError);
      expect(() => expiringSoon(stock, asOf, 30)).toThrow(MedofficeUsageError);
    }
  });

  it('throws a usage error for units on order or allocated, demand or a horizon that is NaN or negative, rather than a NaN position', () => {
    const stock = [lot('A', '2026-12-02', 30)];
    const base = { stock, onOrder: 0, allocated: 0, demandPerDay: 5, asOf: '2026-11-02', horizonDays: 10 };
    expect(stockPosition(base).position).toBe(30);
    for (const name of ['onOrder', 'allocated', 'demandPerDay', 'horizonDays'] as const) {
      for (const bad of [Number.NaN, -2]) expect(() => stockPosition({ ...base, [name]: bad })).toThrow(new RegExp(`stockPosition: ${name} must be`));
    }
    expect(() => stockPosition({ ...base, stock: [lot('B', null, Number.NaN)] })).toThrow(MedofficeUsageError);
  });

  it('names the status, most urgent first', () => {
    const base = { usableOnHand: 50, position: 150, reorderPoint: 100, safetyStock: 20, maxLevel: 300, demandPerDay: 5, overstockDays: 90 };
    expect(stockStatus({ ...base, usableOnHand: 0 })).toBe('stock-out');
    expect(stockStatus({ ...base, usableOnHand: 10 })).toBe('low');
    expect(stockStatus({ ...base, position: 90 })).toBe('reorder');
    expect(stockStatus({ ...base, position: 500 })).toBe('overstock');
    expect(stockStatus(base)).toBe('in-stock');
    // On hand exactly at safety stock is not below it, so not low.
    expect(stockStatus({ usableOnHand: 30, position: 200, reorderPoint: 100, safetyStock: 30, maxLevel: 300, demandPerDay: 10, overstockDays: 90 })).toBe('in-stock');
    // Above the maximum but covering only 50 days of demand (fewer than overstockDays) is not overstock.
    expect(stockStatus({ usableOnHand: 500, position: 500, reorderPoint: 100, safetyStock: 30, maxLevel: 300, demandPerDay: 10, overstockDays: 90 })).toBe('in-stock');
  });

  it('property: position = usable + on order − allocated − expiring, and expiring never exceeds usable stock', () => {
    const dates = ['2026-10-30', '2026-11-02', '2026-11-05', '2026-11-20', '2027-03-01', null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ expires: fc.constantFrom(...dates), quantity: fc.integer({ min: 0, max: 100 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (specs, onOrder, allocated, demandPerDay, horizonDays) => {
          const stock = specs.map((s, i) => lot(`L${i}`, s.expires, s.quantity));
          const p = stockPosition({ stock, onOrder, allocated, demandPerDay, asOf: '2026-11-02', horizonDays });
          expect(p.position).toBeCloseTo(p.usableOnHand + onOrder - allocated - p.expiringBeforeUse, 9);
          expect(p.expiringBeforeUse).toBeGreaterThanOrEqual(0);
          expect(p.expiringBeforeUse).toBeLessThanOrEqual(p.usableOnHand + 1e-9);
          expect(p.onHand).toBe(stock.reduce((sum, l) => sum + l.quantity, 0));
        },
      ),
    );
  });
});
