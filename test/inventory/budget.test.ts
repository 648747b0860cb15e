import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../src/core/result.js';
import { allocateBudget, ItemSchema, planItem, purchaseOrderDrafts, type ItemPlan } from '../../src/inventory/index.js';

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

  it('throws a usage error for a budget that is not whole cents at least 0, instead of spending everything', () => {
    for (const budget of [Number.NaN, -500, 1234.5, Infinity]) expect(() => allocateBudget(plans, budget)).toThrow(MedofficeUsageError);
    expect(allocateBudget(plans, 0).spentCents).toBe(0);
  });
});
