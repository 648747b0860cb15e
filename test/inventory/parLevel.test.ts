import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSchema, planInventory, planItem, type ItemId } from '../../src/inventory/index.js';

const asOf = '2026-11-02';
const none = { lots: [], onOrder: 0, allocated: 0 };
const gauze = (parLevel: number, service?: { kind: 'fill' | 'cycle'; target: number }) =>
  ItemSchema.parse({ id: 'gauze', name: 'Gauze', unit: 'pad', packSize: 10, unitCostCents: 20, supplier: 's', leadTime: { meanDays: 3 }, replenishment: { kind: 'par', reviewDays: 7, parLevel }, ...(service === undefined ? {} : { service }) });
// About 12 pads a day: 121 expected over the 10 days of lead time and review.
const usage = Float64Array.from({ length: 90 }, (_, t) => 10 + (t % 3) * 2);
const safetyReason = (parLevel: number, service?: { kind: 'fill' | 'cycle'; target: number }): string =>
  planItem(gauze(parLevel, service), usage, none, { asOf }).reasons.find((reason) => reason.code === 'safety_stock')?.text ?? '';

describe('a par item', () => {
  it('has a safety-stock reason that describes the par level as given and claims no service target', () => {
    const text = safetyReason(80);
    expect(text).not.toMatch(/fill rate|cycle service/);
    expect(text).toMatch(/par level 80 as given − 121\.4 expected over 10\.0 days/);
    expect(text).toMatch(/not sized for a service target/);
    expect(text).toMatch(/below the expected demand/);
    expect(safetyReason(200, { kind: 'cycle', target: 0.95 })).not.toMatch(/95\.0%|cycle service|fill rate|below the expected demand/);
  });

  it('is warned about (inventory.par_below_demand) when its par level is below expected demand over lead time and review', () => {
    const low = planInventory({ items: [gauze(80)], usage: new Map([['gauze' as ItemId, usage]]), stock: new Map() }, { asOf });
    expect(low.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['inventory.par_below_demand', 'warning', ['items', 0]]]);
    const enough = planInventory({ items: [gauze(200)], usage: new Map([['gauze' as ItemId, usage]]), stock: new Map() }, { asOf });
    expect(enough.issues).toEqual([]);
  });

  it('property: the warning comes exactly when the par level is below the expected demand, and the reason never names a target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 14 }), (parLevel, perDay, reviewDays) => {
        const item = ItemSchema.parse({ ...gauze(parLevel), replenishment: { kind: 'par', reviewDays, parLevel } });
        const daily = Float64Array.from({ length: 60 }, (_, t) => perDay + (t % 2));
        const plan = planInventory({ items: [item], usage: new Map([[item.id, daily]]), stock: new Map() }, { asOf });
        const levels = plan.plans[0]?.levels;
        const warned = plan.issues.some((issue) => issue.code === 'inventory.par_below_demand');
        expect(warned).toBe(parLevel < (levels?.expectedDemand ?? 0));
        expect(plan.plans[0]?.reasons.find((reason) => reason.code === 'safety_stock')?.text).not.toMatch(/fill rate|cycle service/);
      }),
      { numRuns: 80 },
    );
  });

  it('a periodic item still names its service target', () => {
    const periodic = ItemSchema.parse({ ...gauze(80), replenishment: { kind: 'periodic', reviewDays: 7 }, service: { kind: 'cycle', target: 0.95 } });
    expect(planItem(periodic, usage, none, { asOf }).reasons.find((reason) => reason.code === 'safety_stock')?.text).toMatch(/for 95\.0% cycle service/);
  });
});
