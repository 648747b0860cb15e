import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { expiringSoon, holtWinters, ItemSchema, pickFirstExpiry, planItem, stockPosition, type LotStock } from '../../src/inventory/index.js';

const asOf = '2026-11-02';
const parameters = { alpha: 0.2, beta: 0.1, gamma: 0.1 };
const lot = (expires: unknown): LotStock => ({ itemId: 'v', lotId: 'L1', locationId: 'clinic', expires, quantity: 40 }) as unknown as LotStock;

describe('API misuse throws MedofficeUsageError naming the bad input, never NaN', () => {
  it('holtWinters refuses a period that is not a whole number at least 1', () => {
    const y = Array.from({ length: 12 }, (_, t) => 5 + (t % 3));
    for (const period of [0, 1.5, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => holtWinters(y, { ...parameters, period }), String(period)).toThrow(MedofficeUsageError);
      expect(() => holtWinters(y, { ...parameters, period }), String(period)).toThrow(/period/);
    }
    const fit = holtWinters(y, { ...parameters, period: 1 });
    expect([fit.level, fit.trend, fit.errors.rmse].every(Number.isFinite)).toBe(true);
  });

  it('property: holtWinters either throws MedofficeUsageError or fits finite numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double({ min: -3, max: 8, noNaN: true })), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 24 }), (period, y) => {
        let fit: ReturnType<typeof holtWinters>;
        try {
          fit = holtWinters(y, { ...parameters, period });
        } catch (error) {
          expect(error).toBeInstanceOf(MedofficeUsageError);
          return;
        }
        expect(Number.isInteger(period) && period >= 1).toBe(true);
        expect([fit.level, fit.trend, ...fit.seasonals].every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('a lot that is not an object is refused, naming its place, not crashing with a TypeError', () => {
    for (const bad of [null, undefined, 5, 'L1']) {
      const calls = [
        () => stockPosition({ stock: [bad as never], onOrder: 0, allocated: 0, demandPerDay: 5, asOf, horizonDays: 10 }),
        () => expiringSoon([bad as never], asOf, 30),
        () => pickFirstExpiry([bad as never], 5, asOf),
      ];
      for (const call of calls) expect(call, String(bad)).toThrow(/lots\[0\] must be a lot object/);
    }
  });

  it('a lot whose expires is not YYYY-MM-DD is refused, naming the lot, by stockPosition, planItem, expiringSoon and pickFirstExpiry', () => {
    const item = ItemSchema.parse({ id: 'v', name: 'V', unit: 'dose', packSize: 1, unitCostCents: 100, supplier: 's', leadTime: { meanDays: 3 } });
    for (const expires of ['2026-11-5', '11/05/2026', '2026-02-30', '2026-11-05T00:00', '', undefined, 20_000]) {
      const calls = [
        () => stockPosition({ stock: [lot(expires)], onOrder: 0, allocated: 0, demandPerDay: 5, asOf, horizonDays: 10 }),
        () => planItem(item, Float64Array.from({ length: 30 }, () => 5), { lots: [lot(expires)], onOrder: 0, allocated: 0 }, { asOf }),
        () => expiringSoon([lot(expires)], asOf, 30),
        () => pickFirstExpiry([lot(expires)], 5, asOf),
      ];
      for (const call of calls) {
        expect(call, String(expires)).toThrow(MedofficeUsageError);
        expect(call, String(expires)).toThrow(/lots\[0\]\.expires \(lot L1 of v\) is/);
      }
    }
    expect(stockPosition({ stock: [lot('2026-11-05'), lot(null)], onOrder: 0, allocated: 0, demandPerDay: 5, asOf, horizonDays: 10 }).position).toBe(60);
  });
});
