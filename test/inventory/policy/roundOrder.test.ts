import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../../src/inventory/index.js';

describe('roundOrder', () => {
  it('rounds up to packs, raises to the minimum order, and cuts to what can be used before expiry', () => {
    expect(roundOrder(130, { packSize: 50, minimumOrder: 0, maxUsable: Infinity })).toMatchObject({ quantity: 150, packs: 3, roundedUp: true });
    expect(roundOrder(130, { packSize: 50, minimumOrder: 200, maxUsable: Infinity })).toMatchObject({ quantity: 200, raisedToMinimum: true });
    expect(roundOrder(130, { packSize: 50, minimumOrder: 0, maxUsable: 120 })).toMatchObject({ quantity: 100, cappedByExpiry: true });
    expect(roundOrder(130, { packSize: 50, minimumOrder: 200, maxUsable: 180 })).toMatchObject({ quantity: 0, cappedByExpiry: true });
    expect(roundOrder(0, { packSize: 50, minimumOrder: 200, maxUsable: 180 }).quantity).toBe(0);
    expect(roundOrder(100, { packSize: 50, minimumOrder: 0, maxUsable: Infinity })).toMatchObject({ quantity: 100, roundedUp: false });
  });

  it('never exceeds what can be used, not even by rounding noise (fast-check counterexample)', () => {
    const order = roundOrder(4992.000000008001, { packSize: 8, minimumOrder: 0, maxUsable: 4999.999999992 });
    expect(order).toMatchObject({ quantity: 4992, cappedByExpiry: true });
  });

  it('property: a multiple of the pack, zero or at least the minimum, never above what can be used, never below the need unless capped', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 5000, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 5000, noNaN: true })),
        (raw, packSize, minimumOrder, maxUsable) => {
          const order = roundOrder(raw, { packSize, minimumOrder, maxUsable });
          expect(order.quantity % packSize).toBe(0);
          expect(order.quantity === 0 || order.quantity >= minimumOrder).toBe(true);
          expect(order.quantity).toBeLessThanOrEqual(maxUsable);
          if (!order.cappedByExpiry && raw > 0) expect(order.quantity).toBeGreaterThanOrEqual(raw - 1e-6);
        },
      ),
    );
  });
});
