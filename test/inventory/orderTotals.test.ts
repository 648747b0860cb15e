import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inventoryCommand } from '../../src/cli/inventory.js';
import { ItemSchema, planInventory, type Item, type ItemId } from '../../src/inventory/index.js';
import { fakeIo } from '../cli/fakeIo.js';

const asOf = '2026-11-02';
const item = (id: string, unitCostCents: number, supplier = 's'): Item =>
  ItemSchema.parse({ id, name: id, unit: 'each', packSize: 1, unitCostCents, supplier, leadTime: { meanDays: 3 }, replenishment: { kind: 'periodic', reviewDays: 7 } });
const daily = (units: number): Float64Array => Float64Array.from({ length: 60 }, () => units);

describe('sums of cents in a plan', () => {
  it('two orders that are each priceable but whose supplier total passes 2^53 cents: the second is reported, not crashed on', () => {
    // 5 × 10^8 a day for 10 days at $10,000: 5 × 10^15 cents a line, 10^16 together.
    const items = [item('a', 1_000_000), item('b', 1_000_000)];
    const usage = new Map<ItemId, Float64Array>(items.map((entry) => [entry.id, daily(5e8)]));
    const plan = planInventory({ items, usage, stock: new Map() }, { asOf });
    expect(plan.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.path])).toEqual([['inventory.order_total_too_large', ['items', 1]]]);
    expect(plan.plans.map((entry) => entry.order.quantity > 0)).toEqual([true, false]);
    for (const po of plan.purchaseOrders) expect(Number.isSafeInteger(po.totalCents)).toBe(true);
    const budgeted = planInventory({ items, usage, stock: new Map() }, { asOf, budgetCents: 100_000 });
    expect(Number.isSafeInteger(budgeted.budget?.wantedCents)).toBe(true);
  });

  it('the command line prints the plan and exits 1 with the issue at the item row, not 2 from an internal error', async () => {
    const io = fakeIo({
      'items.csv': 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days,policy,review_days\na,Item A,each,1,"10,000.00",s,3,periodic,7\nb,Item B,each,1,"10,000.00",s,3,periodic,7\n',
      'usage.csv': `item_id,date,quantity\n${Array.from({ length: 60 }, (_, day) => ['a', 'b'].map((id) => `${id},${new Date(Date.UTC(2026, 8, 3 + day)).toISOString().slice(0, 10)},500000000\n`).join('')).join('')}`,
    });
    for (const format of [[], ['--budget', '1000000'], ['--format', 'csv'], ['--format', 'json']]) {
      const run = fakeIo(Object.fromEntries(io.files));
      expect(await inventoryCommand.run(['plan', '--items', 'items.csv', '--usage', 'usage.csv', '--as-of', asOf, ...format], run), format.join(' ')).toBe(1);
      expect(run.stderr()).toContain('error inventory.order_total_too_large at items.csv[3]');
      expect(run.stderr()).not.toContain('formatCents');
      expect(run.stdout()).not.toBe('');
    }
  });

  it('property: every total is a safe integer and the totals add up', () => {
    const costs = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 1_000_000, max: 1e9 }));
    const uses = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1e7, max: 1e9 }));
    const line = fc.record({ cost: costs, use: uses, supplier: fc.constantFrom('s1', 's2') });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }), (lines, budgetCents) => {
        const items = lines.map((entry, i) => item(`i${i}`, entry.cost, entry.supplier));
        const usage = new Map<ItemId, Float64Array>(items.map((entry, i) => [entry.id, daily(lines[i]?.use ?? 0)]));
        const plan = planInventory({ items, usage, stock: new Map() }, budgetCents === undefined ? { asOf } : { asOf, budgetCents });
        let all = 0;
        for (const po of plan.purchaseOrders) {
          expect(Number.isSafeInteger(po.totalCents)).toBe(true);
          expect(po.totalCents).toBe(po.lines.reduce((sum, entry) => sum + entry.lineCents, 0));
          all += po.totalCents;
        }
        const planned = plan.plans.reduce((sum, entry) => sum + entry.costCents, 0);
        expect(Number.isSafeInteger(planned)).toBe(true);
        expect(all).toBe(planned);
        if (plan.budget !== undefined) {
          expect(Number.isSafeInteger(plan.budget.wantedCents)).toBe(true);
          expect(plan.budget.spentCents).toBe(planned);
        }
        // An order is dropped only with an error that says why, at its item.
        const dropped = plan.issues.filter((issue) => issue.code === 'inventory.order_too_large' || issue.code === 'inventory.order_total_too_large');
        for (const issue of dropped) expect(plan.plans[issue.path[1] as number]?.order.quantity).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
