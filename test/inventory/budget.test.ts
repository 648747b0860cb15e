import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { allocateBudget, ItemSchema, planInventory, planItem, purchaseOrderDrafts, type ItemPlan } from '../../src/inventory/index.js';

const usage = Float64Array.from({ length: 200 }, (_, t) => 9 + (t % 3));
const none = { lots: [], onOrder: 0, allocated: 0 };
const base = { name: 'Item', unit: 'each', unitCostCents: 100, supplier: 'medline', leadTime: { meanDays: 5 } };
// One plan rounded up to whole packs, one raised to its minimum order, one cut to what can be used before it expires.
const plans: ItemPlan[] = [
  planItem(ItemSchema.parse({ ...base, id: 'rounded', packSize: 7 }), usage, none, { asOf: '2026-11-02' }),
  planItem(ItemSchema.parse({ ...base, id: 'minimum', packSize: 10, minimumOrder: 300 }), usage, none, { asOf: '2026-11-02' }),
  planItem(ItemSchema.parse({ ...base, id: 'capped', packSize: 10, shelfLifeDays: 3, replenishment: { kind: 'periodic', reviewDays: 30 } }), usage, none, { asOf: '2026-11-02' }),
];
const STALE = ['rounding', 'minimum_order', 'expiry_cap'];

describe('allocateBudget', () => {
  it('the plans start with rounding, minimum-order and expiry reasons to lose', () => {
    expect(plans.map((plan) => [plan.order.roundedUp, plan.order.raisedToMinimum, plan.order.cappedByExpiry])).toEqual([
      [true, false, false],
      [true, true, false],
      [true, false, true],
    ]);
  });

  it('after a cut, the plan describes the funded order: no stale rounding, minimum or expiry reasons or flags', () => {
    const wanted = plans.reduce((sum, plan) => sum + plan.costCents, 0);
    const funded = allocateBudget(plans, Math.floor(wanted / 3));
    const cut = funded.plans.filter((plan) => plan.reasons.some((reason) => reason.code === 'budget_cut'));
    expect(cut.length).toBeGreaterThan(0);
    for (const plan of cut) {
      expect(plan.reasons.map((reason) => reason.code).filter((code) => STALE.includes(code))).toEqual([]);
      expect(plan.order).toMatchObject({ roundedUp: false, raisedToMinimum: false, cappedByExpiry: false });
      expect(plan.reasons.at(-1)?.value).toBe((plans.find((p) => p.itemId === plan.itemId) as ItemPlan).order.quantity - plan.order.quantity);
    }
    for (const line of purchaseOrderDrafts(cut).flatMap((draft) => draft.lines)) expect(line.reasons.some((reason) => reason.code === 'rounding')).toBe(false);
  });

  it('property: a cut plan keeps no stale reasons and its order and cost match its line; an uncut plan is returned as it was', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: plans.reduce((sum, plan) => sum + plan.costCents, 0) }), (budgetCents) => {
        const funded = allocateBudget(plans, budgetCents);
        funded.plans.forEach((plan, i) => {
          const line = funded.lines[i];
          expect(plan.order.quantity).toBe(line?.quantity);
          expect(plan.costCents).toBe(line?.costCents);
          if (line?.cutUnits === 0) {
            expect(plan).toBe(plans[i]);
            return;
          }
          expect(plan.reasons.some((reason) => STALE.includes(reason.code))).toBe(false);
          expect(plan.order.roundedUp || plan.order.raisedToMinimum || plan.order.cappedByExpiry).toBe(false);
          expect(plan.order.quantity).toBeLessThan(plans[i]?.rawQuantity ?? 0);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps an order of more than 2^31 − 1 packs whole: a free item used 10^8 a day is not wrapped to a negative order', () => {
    // The review's case: 10^8 a day for 60 days, L = 30 + R = 7 days, pack of 1, free: 3.7 × 10^9 packs.
    const free = ItemSchema.parse({ id: 'free', name: 'Free sample', unit: 'u', packSize: 1, unitCostCents: 0, supplier: 's', leadTime: { meanDays: 30 } });
    const input = { items: [free], usage: new Map([[free.id, new Float64Array(60).fill(1e8)]]), stock: new Map([[free.id, none]]) };
    const wanted = planInventory(input, { asOf: '2026-11-02' }).plans[0] as ItemPlan;
    expect(wanted.order.quantity).toBe(3_700_000_000);
    const funded = planInventory(input, { asOf: '2026-11-02', budgetCents: 100 });
    expect(funded.plans[0]?.order.quantity).toBe(3_700_000_000);
    expect(funded.budget?.lines[0]).toMatchObject({ wantedPacks: 3_700_000_000, allocatedPacks: 3_700_000_000, cutUnits: 0 });
    expect(funded.plans[0]?.reasons.some((reason) => reason.code === 'budget_cut')).toBe(false);
  });

  it('property: orders past 2^31 packs stay whole, at least 0, within what was wanted and within the budget, cut or not', () => {
    // One cent a unit: 3.7 × 10^9 cents wanted, so budgets above 2^31 cents fund more than 2^31 − 1 packs.
    const cent = ItemSchema.parse({ id: 'cent', name: 'Penny item', unit: 'u', packSize: 1, unitCostCents: 1, supplier: 's', leadTime: { meanDays: 30 } });
    const [plan] = planInventory({ items: [cent], usage: new Map([[cent.id, new Float64Array(60).fill(1e8)]]), stock: new Map() }, { asOf: '2026-11-02' }).plans;
    expect(plan?.order.packs).toBe(3_700_000_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000_000 }), (budgetCents) => {
        const line = allocateBudget([plan as ItemPlan], budgetCents).lines[0];
        expect(Number.isInteger(line?.allocatedPacks)).toBe(true);
        expect(line?.allocatedPacks).toBeGreaterThanOrEqual(0);
        expect(line?.allocatedPacks).toBeLessThanOrEqual(3_700_000_000);
        expect(line?.costCents).toBeLessThanOrEqual(budgetCents);
        expect(line?.cutUnits).toBeGreaterThanOrEqual(0);
      }),
      { examples: [[2_147_483_648], [3_000_000_000], [4_000_000_000]], numRuns: 60 },
    );
  });

  it('throws a usage error for a budget that is not whole cents at least 0, instead of spending everything', () => {
    for (const budget of [Number.NaN, -500, 1234.5, Infinity]) expect(() => allocateBudget(plans, budget)).toThrow(MedofficeUsageError);
    expect(allocateBudget(plans, 0).spentCents).toBe(0);
  });
});
