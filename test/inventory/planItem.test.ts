import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { ItemSchema, planItem, type ItemStock, type LotStock } from '../../src/inventory/index.js';

const steady = Float64Array.from({ length: 200 }, (_, t) => 9 + (t % 3));
const none: ItemStock = { lots: [], onOrder: 0, allocated: 0 };
const item = ItemSchema.parse({ id: 'g', name: 'Gauze', unit: 'pad', packSize: 10, unitCostCents: 100, supplier: 's', leadTime: { meanDays: 5, sdDays: 1 } });
const lot = (quantity: number): LotStock => ({ itemId: 'g', lotId: 'L1', locationId: 'closet', expires: null, quantity }) as LotStock;

describe('planItem order quantity', () => {
  it('an order cost of 0 gives an EOQ of one pack, so (s, Q) still orders at a stock-out', () => {
    const sQ = planItem({ ...item, orderCostCents: 0, replenishment: { kind: 'sQ' } }, steady, none, { asOf: '2026-11-02' });
    expect(sQ.status).toBe('stock-out');
    expect(sQ.eoq).toBe(10);
    expect(sQ.order.quantity).toBeGreaterThanOrEqual(sQ.levels.reorderPoint);
    expect(sQ.order.quantity % 10).toBe(0);
    const sS = planItem({ ...item, orderCostCents: 0, replenishment: { kind: 'sS' } }, steady, none, { asOf: '2026-11-02' });
    expect(sS.eoq).toBe(10);
    expect(sS.levels.orderUpTo).toBeCloseTo(sS.levels.reorderPoint + 10, 9);
  });

  it("keeps Q between one pack and a year's demand, and at 0 only when there is no demand", () => {
    const sparse = planItem({ ...item, packSize: 2000, replenishment: { kind: 'sQ' } }, steady, none, { asOf: '2026-11-02' });
    expect(sparse.eoq).toBe(2000);
    const free = planItem({ ...item, holdingRatePerYear: 0, replenishment: { kind: 'sQ' } }, steady, none, { asOf: '2026-11-02' });
    expect(free.eoq).toBeCloseTo(free.forecast.perDay * 365, 9);
    expect(planItem({ ...item, replenishment: { kind: 'sQ' } }, new Float64Array(30), none, { asOf: '2026-11-02' }).eoq).toBe(0);
  });
});

describe('planItem refuses inputs it cannot plan', () => {
  it('throws a usage error for an asOf that is not a calendar date YYYY-MM-DD', () => {
    for (const asOf of ['11/02/2026', '2026-11-02T08:00:00-05:00', '2026-02-30', '2026-11-2', '']) {
      expect(() => planItem(item, steady, { ...none, lots: [lot(100)] }, { asOf })).toThrow(MedofficeUsageError);
    }
  });

  it('throws a usage error for usage that is NaN, infinite or negative, instead of planning no order', () => {
    for (const bad of [Number.NaN, Infinity, -50]) {
      const usage = Float64Array.from(steady);
      usage[150] = bad;
      expect(() => planItem(item, usage, none, { asOf: '2026-11-02' })).toThrow(MedofficeUsageError);
    }
  });

  it('throws a usage error for units on order, allocated or in a lot that are not finite numbers at least 0', () => {
    const bad: ItemStock[] = [
      { ...none, onOrder: Number.NaN },
      { ...none, onOrder: Infinity },
      { ...none, allocated: -1000 },
      { ...none, allocated: Number.NaN },
      { ...none, lots: [lot(Number.NaN)] },
      { ...none, lots: [lot(-5)] },
    ];
    for (const stock of bad) expect(() => planItem(item, steady, stock, { asOf: '2026-11-02' })).toThrow(MedofficeUsageError);
    expect(() => planItem(item, steady, none, { asOf: '2026-11-02', overstockDays: Number.NaN })).toThrow(MedofficeUsageError);
    expect(planItem(item, steady, { lots: [lot(40)], onOrder: 20, allocated: 5 }, { asOf: '2026-11-02' }).position.position).toBe(55);
  });
});
