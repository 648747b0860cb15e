import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSchema, planInventory, type Item, type ItemId } from '../../src/inventory/index.js';

const asOf = '2026-11-02';
const gloves = ItemSchema.parse({ id: 'gloves', name: 'Gloves', unit: 'box', packSize: 1, unitCostCents: 500, supplier: 'medline', leadTime: { meanDays: 3 } });
const masks = ItemSchema.parse({ id: 'masks', name: 'Masks', unit: 'box', packSize: 10, unitCostCents: 120, supplier: 'medline', leadTime: { meanDays: 2 } });
const gauze = ItemSchema.parse({ id: 'gauze', name: 'Gauze', unit: 'pad', packSize: 10, unitCostCents: 20, supplier: 'mckesson', leadTime: { meanDays: 4 } });
const usage = new Map<ItemId, Float64Array>([
  [gloves.id, Float64Array.from({ length: 60 }, () => 10)],
  [masks.id, Float64Array.from({ length: 60 }, (_, t) => 20 + (t % 5))],
  [gauze.id, Float64Array.from({ length: 60 }, (_, t) => (t % 2) * 6)],
]);
const stock = new Map([[gloves.id, { lots: [], onOrder: 0, allocated: 0 }]]);

const orderOf = (plan: ReturnType<typeof planInventory>): unknown => plan.purchaseOrders.map((po) => [po.supplier, po.lines.map((line) => [line.itemId, line.quantity]), po.totalCents]);

describe('planInventory given the same item id twice', () => {
  it('reports inventory.duplicate_item at the second copy and plans only the first', () => {
    const once = planInventory({ items: [gloves], usage, stock }, { asOf });
    const twice = planInventory({ items: [gloves, { ...gloves, name: 'Gloves (dup)' }], usage, stock }, { asOf });
    expect(twice.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['inventory.duplicate_item', 'error', ['items', 1]]]);
    expect(twice.plans.map((plan) => plan.itemId)).toEqual(['gloves']);
    expect(orderOf(twice)).toEqual(orderOf(once));
    expect(twice.purchaseOrders[0]?.totalCents).toBe(50_000);
  });

  it('names the second copy by its index even when paths are given (they are keyed by id)', () => {
    const paths = new Map([[gloves.id, ['items.csv', 2] as const]]);
    const plan = planInventory({ items: [masks, gloves, gloves], usage, stock, paths }, { asOf });
    expect(plan.issues.filter((issue) => issue.code === 'inventory.duplicate_item').map((issue) => issue.path)).toEqual([['items', 2]]);
  });

  it('property: duplicate ids never double the order, with or without a budget', () => {
    const catalogue: readonly Item[] = [gloves, masks, gauze];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }), fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }), (picks, budgetCents) => {
        const items = picks.map((i) => catalogue[i] as Item);
        const distinct = items.filter((item, index) => items.findIndex((other) => other.id === item.id) === index);
        const settings = budgetCents === undefined ? { asOf } : { asOf, budgetCents };
        const all = planInventory({ items, usage, stock }, settings);
        const deduplicated = planInventory({ items: distinct, usage, stock }, settings);
        expect(orderOf(all)).toEqual(orderOf(deduplicated));
        expect(all.plans.map((plan) => plan.itemId)).toEqual(distinct.map((item) => item.id));
        const repeats = all.issues.filter((issue) => issue.code === 'inventory.duplicate_item');
        expect(repeats.length).toBe(items.length - distinct.length);
        for (const issue of repeats) {
          const index = issue.path[1] as number;
          expect(items.findIndex((item) => item.id === items[index]?.id)).toBeLessThan(index);
        }
      }),
      { numRuns: 60 },
    );
  });
});
