import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import { samplePoisson } from '../../src/core/samplers.js';
import { allocateBudget, forecastDemand, ItemSchema, planInventory, planItem, purchaseOrderDrafts, type Item, type ItemId, type ItemPlan, type ItemStock, type LotStock } from '../../src/inventory/index.js';

function usageSeries(mean: number, days: number, seed: number, everyNth = 1): Float64Array {
  const rng = createRng(seed);
  const series = new Float64Array(days);
  for (let t = 0; t < days; t++) series[t] = t % everyNth === 0 ? samplePoisson(rng, mean) : 0;
  return series;
}

const gloves = ItemSchema.parse({ id: 'gloves', name: 'Nitrile gloves', unit: 'glove', packSize: 100, unitCostCents: 9, supplier: 'medline', leadTime: { meanDays: 3, sdDays: 1 } });
const flu = ItemSchema.parse({
  id: 'flu', name: 'Flu vaccine', unit: 'dose', packSize: 10, unitCostCents: 1800, minimumOrder: 20, supplier: 'sanofi',
  leadTime: { meanDays: 5 }, shelfLifeDays: 30, service: { kind: 'cycle', target: 0.95 },
});
const lots = (itemId: string, quantity: number, expires: string | null = null): LotStock[] =>
  quantity > 0 ? [{ itemId, lotId: 'L1', locationId: 'closet', expires, quantity } as LotStock] : [];

describe('planItem', () => {
  it('orders up to S for a periodic item and explains the order in words and numbers', () => {
    const plan = planItem(gloves, usageSeries(120, 365, 1), { lots: lots('gloves', 300), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.forecast.method).toBe('ses');
    expect(plan.forecast.pattern.demandClass).toBe('smooth');
    expect(plan.levels.protectionDays).toBe(10);
    expect(plan.order.quantity % 100).toBe(0);
    expect(plan.order.quantity).toBeGreaterThanOrEqual(plan.levels.orderUpTo - plan.position.position);
    expect(plan.reasons.map((r) => r.code)).toEqual(['forecast', 'safety_stock', 'position', 'rule', 'rounding']);
    expect(plan.costCents).toBe(plan.order.quantity * 9);
  });

  it('never orders more vaccine than can be used before it expires', () => {
    const plan = planItem({ ...flu, replenishment: { kind: 'periodic', reviewDays: 60 } }, usageSeries(2, 365, 2), { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.order.cappedByExpiry).toBe(true);
    expect(plan.order.quantity).toBeLessThanOrEqual(plan.maxUsable);
    expect(plan.reasons.some((r) => r.code === 'expiry_cap')).toBe(true);
    expect(plan.status).toBe('stock-out');
  });

  it('orders a short-lived perishable by the newsvendor rule when its shortage cost is known', () => {
    const clinicVaccine = { ...flu, shelfLifeDays: 10, shortageCostCents: 5400, replenishment: { kind: 'periodic', reviewDays: 7 } as const };
    const plan = planItem(clinicVaccine, usageSeries(8, 365, 5), { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.newsvendor?.criticalRatio).toBeCloseTo(5400 / (5400 + 1800), 12);
    expect(plan.levels.orderUpTo).toBeCloseTo(plan.levels.expectedDemand + (plan.newsvendor?.z ?? 0) * plan.levels.sigma, 9);
    expect(plan.reasons.map((r) => r.code)).toContain('newsvendor');
    const keeps = planItem({ ...clinicVaccine, shelfLifeDays: 200 }, usageSeries(8, 365, 5), { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(keeps.newsvendor).toBeNull();
  });

  it('keeps the service-target levels of a continuous-review perishable, so S stays an order quantity above s', () => {
    const vaccine = { ...flu, shelfLifeDays: 5, shortageCostCents: 5000, unitCostCents: 1000, leadTime: { meanDays: 7, sdDays: 0 }, replenishment: { kind: 'sS' } as const };
    const plan = planItem(vaccine, usageSeries(8, 365, 5), { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.newsvendor).toBeNull();
    expect(plan.levels.orderUpTo - plan.levels.reorderPoint).toBeCloseTo(plan.eoq, 9);
    expect(plan.levels.orderUpTo - plan.levels.reorderPoint).toBeGreaterThan(8);
  });

  it('uses SBA for intermittent demand and Holt-Winters for seasonal items with two years of history', () => {
    expect(forecastDemand(usageSeries(4, 730, 3, 3)).method).toBe('sba');
    const season = new Float64Array(3 * 364);
    const rng = createRng(4);
    for (let t = 0; t < season.length; t++) season[t] = samplePoisson(rng, 30 + 20 * Math.cos((2 * Math.PI * t) / 364));
    const seasonal = forecastDemand(season, { seasonal: true });
    expect(seasonal.method).toBe('holt-winters');
    // The series ends at the seasonal peak's start (day 0 of a cycle): the forecast sits near the peak, not the mean.
    expect(seasonal.perDay).toBeGreaterThan(40);
    expect(forecastDemand(season).perDay).toBeLessThan(seasonal.perDay);
  });

  it('property: quantities are whole packs, zero or at least the minimum, and never above what can be used before expiry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 5, max: 400 }), { nil: null }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        (mean, packSize, minimumOrder, shelfLifeDays, onHand, sparsity) => {
          const item = { ...flu, packSize, minimumOrder, shelfLifeDays };
          const plan = planItem(item, usageSeries(mean, 200, mean + packSize, sparsity), { lots: lots('flu', onHand, shelfLifeDays === null ? null : '2026-11-20'), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
          expect(plan.order.quantity % packSize).toBe(0);
          expect(plan.order.quantity === 0 || plan.order.quantity >= minimumOrder).toBe(true);
          expect(plan.order.quantity).toBeLessThanOrEqual(plan.maxUsable);
          expect(plan.order.quantity).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('orders under an (s, Q) or (s, S) rule when the position is exactly at the reorder point', () => {
    // One a day with no spread and a 5-day lead time with none: the reorder point is 5 units.
    const exact = (kind: 'sQ' | 'sS') =>
      ItemSchema.parse({ id: 'gauze', name: 'Gauze', unit: 'pad', packSize: 1, unitCostCents: 100, supplier: 'medline', leadTime: { meanDays: 5, sdDays: 0 }, replenishment: { kind } });
    for (const kind of ['sQ', 'sS'] as const) {
      const at = planItem(exact(kind), new Float64Array(60).fill(1), { lots: lots('gauze', 5), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
      expect(at.levels.reorderPoint).toBe(5);
      expect(at.position.position).toBe(5);
      expect(at.status).toBe('reorder');
      expect(at.rawQuantity).toBeGreaterThan(0);
      expect(at.order.quantity).toBeGreaterThan(0);
      const above = planItem(exact(kind), new Float64Array(60).fill(1), { lots: lots('gauze', 6), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
      expect([above.status, above.order.quantity]).toEqual(['in-stock', 0]);
    }
  });

  it('property: under an (s, Q) or (s, S) rule, a position at or below the reorder point with demand above 0 orders something', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sQ' as const, 'sS' as const),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 0, -1, 1, -0.5, 0.5, -20),
        (kind, mean, leadDays, sparsity, offset) => {
          const item = { ...gloves, packSize: 1, leadTime: { meanDays: leadDays, sdDays: 0 }, replenishment: { kind } };
          const usage = usageSeries(mean, 200, mean + leadDays, sparsity);
          // The levels do not depend on the stock, so a first plan with none gives the reorder point to stand at.
          const reorderPoint = planItem(item, usage, { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' }).levels.reorderPoint;
          const onHand = Math.max(0, reorderPoint + offset);
          const plan = planItem(item, usage, { lots: lots('gloves', onHand), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
          if (plan.forecast.perDay <= 0) return;
          if (plan.status === 'reorder' || plan.position.position <= plan.levels.reorderPoint) {
            expect(plan.rawQuantity).toBeGreaterThan(0);
            expect(plan.order.quantity).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('budget and purchase orders', () => {
  const items: Item[] = Array.from({ length: 6 }, (_, i) =>
    ItemSchema.parse({ id: `item-${i}`, name: `Item ${i}`, unit: 'each', packSize: 5 + i, unitCostCents: 100 * (i + 1), minimumOrder: i % 2 === 0 ? 0 : 20, supplier: i < 3 ? 'medline' : 'henry-schein', leadTime: { meanDays: 4 }, criticality: 1 + (i % 3) }),
  );
  const usage = new Map<ItemId, Float64Array>(items.map((item, i) => [item.id, usageSeries(5 + i, 180, i)]));
  const stock = new Map<ItemId, ItemStock>(items.map((item) => [item.id, { lots: [], onOrder: 0, allocated: 0 }]));

  it('cuts orders to the budget and says what the cut costs in service', () => {
    const full = planInventory({ items, usage, stock }, { asOf: '2026-11-02' });
    const wanted = full.plans.reduce((sum, p) => sum + p.costCents, 0);
    const funded = planInventory({ items, usage, stock }, { asOf: '2026-11-02', budgetCents: Math.floor(wanted / 2) });
    const budget = funded.budget;
    expect(budget?.spentCents).toBeLessThanOrEqual(Math.floor(wanted / 2));
    expect(budget?.wantedCents).toBe(wanted);
    const cut = budget?.lines.filter((line) => line.cutUnits > 0) ?? [];
    expect(cut.length).toBeGreaterThan(0);
    for (const line of cut) expect(line.fillRate.funded).toBeLessThan(line.fillRate.planned);
    const cutPlans = funded.plans.filter((plan) => plan.reasons.some((r) => r.code === 'budget_cut'));
    expect(cutPlans.length).toBe(cut.length);
  });

  it('drafts one purchase order per supplier with line totals', () => {
    const plan = planInventory({ items, usage, stock }, { asOf: '2026-11-02' });
    expect(plan.purchaseOrders.map((po) => po.supplier)).toEqual(['henry-schein', 'medline']);
    for (const po of plan.purchaseOrders) expect(po.totalCents).toBe(po.lines.reduce((sum, line) => sum + line.quantity * line.unitCostCents, 0));
    expect(purchaseOrderDrafts([])).toEqual([]);
  });

  it('plans an item too young for a forced Holt-Winters by its demand class, with a warning, and keeps the rest of the batch', () => {
    const older = { ...gloves, id: 'gloves-old' as ItemId };
    const plan = planInventory(
      { items: [older, gloves], usage: new Map<ItemId, Float64Array>([[older.id, usageSeries(120, 800, 3)], [gloves.id, usageSeries(120, 30, 4)]]), stock: new Map() },
      { asOf: '2026-11-02', forecast: { method: 'holt-winters' } },
    );
    expect(plan.plans.map((p) => p.forecast.method)).toEqual(['holt-winters', 'ses']);
    expect(plan.issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.forecast_method', ['items', 1]]]);
  });

  it('forecasts an item stocked partway through the history from its own first day, and warns of usage dated before it', () => {
    const history = new Float64Array(400);
    history.fill(12, 300); // stocked 100 days before the plan, 12 a day since
    const late = { ...gloves, id: 'gloves-late' as ItemId };
    const since = { ...late, stockedSince: '2026-07-25' as Item['stockedSince'] };
    const whole = planInventory({ items: [late], usage: new Map([[late.id, history]]), stock: new Map() }, { asOf: '2026-11-02' });
    const own = planInventory({ items: [since], usage: new Map([[since.id, history]]), stock: new Map() }, { asOf: '2026-11-02' });
    expect(own.plans[0]?.forecast.perDay).toBeCloseTo(12, 6);
    expect(whole.plans[0]?.forecast.perDay).toBeLessThan(own.plans[0]?.forecast.perDay ?? 0);
    expect(own.issues).toEqual([]);
    history[299] = 5;
    const stray = planInventory({ items: [since], usage: new Map([[since.id, history]]), stock: new Map() }, { asOf: '2026-11-02' });
    expect(stray.issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.usage_before_stocked', ['items', 0]]]);
    expect(stray.issues[0]?.message).toMatch(/^5 units of gloves-late/);
    const future = planInventory({ items: [{ ...since, stockedSince: '2026-12-01' as Item['stockedSince'] }], usage: new Map(), stock: new Map() }, { asOf: '2026-11-02' });
    expect(future.issues.map((issue) => issue.code)).toEqual(['inventory.no_usage']);
    const alone = planItem(since, history, { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(alone.forecast.perDay).toBeCloseTo(12, 6);
    expect(alone).toEqual(planItem(since, history.subarray(300), { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' }));
  });

  it('checks the planning day once, up front, even with nothing to plan', () => {
    const empty = { items: [], usage: new Map(), stock: new Map() };
    expect(planInventory(empty, { asOf: '2026-11-02' }).plans).toEqual([]);
    for (const asOf of ['11/02/2026', '2026-11-2', '2026-11-02T08:00:00-05:00']) expect(() => planInventory(empty, { asOf })).toThrow(MedofficeUsageError);
  });

  it('warns about an item with no usage history', () => {
    const plan = planInventory({ items, usage: new Map(), stock }, { asOf: '2026-11-02' });
    expect(plan.issues.map((issue) => [issue.code, issue.path])).toContainEqual(['inventory.no_usage', ['items', 0]]);
  });

  it('cuts nothing when the budget covers the order, and spends more of a tight budget on the critical item', () => {
    const plans = planInventory({ items, usage, stock }, { asOf: '2026-11-02' }).plans;
    const wanted = plans.reduce((sum, p) => sum + p.costCents, 0);
    expect(allocateBudget(plans, wanted).lines.every((line) => line.cutUnits === 0)).toBe(true);
    const twin = (criticality: number, id: string): ItemPlan => ({ ...(plans[0] as ItemPlan), itemId: id as ItemId, criticality });
    const tight = allocateBudget([twin(1, 'routine'), twin(5, 'critical')], Math.floor((plans[0] as ItemPlan).costCents / 2));
    expect(tight.lines[1]?.allocatedPacks).toBeGreaterThan(tight.lines[0]?.allocatedPacks ?? 0);
  });

  it('says how much of an (s, Q) reorder point is the expected undershoot of a daily review', () => {
    const plan = planItem({ ...gloves, replenishment: { kind: 'sQ' } }, usageSeries(10, 365, 5), { lots: lots('gloves', 20), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.levels.undershoot).toBeGreaterThan(4);
    expect(plan.reasons.find((r) => r.code === 'position')?.text).toMatch(/reorder at \d+ \(with \d+(\.\d)? glove of expected undershoot below it at a daily review\)/);
    const periodic = planItem(gloves, usageSeries(10, 365, 5), { lots: lots('gloves', 20), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(periodic.reasons.find((r) => r.code === 'position')?.text).not.toContain('undershoot');
  });

  it('raises a small order to the minimum and says so', () => {
    const plan = planItem({ ...flu, minimumOrder: 200, shelfLifeDays: null }, usageSeries(3, 200, 9), { lots: lots('flu', 10), onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' });
    expect(plan.order.quantity).toBe(200);
    expect(plan.reasons.map((r) => r.code)).toContain('minimum_order');
  });

  it('property: allocations never exceed the budget nor the wanted packs, and keep pack and minimum rules', () => {
    const plans: readonly ItemPlan[] = planInventory({ items, usage, stock }, { asOf: '2026-11-02' }).plans;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (budgetCents) => {
        const allocation = allocateBudget(plans, budgetCents);
        expect(allocation.spentCents).toBeLessThanOrEqual(budgetCents);
        expect(allocation.spentCents).toBe(allocation.lines.reduce((sum, line) => sum + line.costCents, 0));
        allocation.lines.forEach((line, i) => {
          const plan = plans[i] as ItemPlan;
          expect(line.allocatedPacks).toBeLessThanOrEqual(line.wantedPacks);
          expect(line.quantity === 0 || line.quantity >= plan.minimumOrder).toBe(true);
          expect(line.quantity % plan.packSize).toBe(0);
        });
      }),
    );
  });
});

describe('figures past the item limits', () => {
  it('are refused by the item schema at their field', () => {
    const base = { id: 'b', name: 'B', unit: 'each', packSize: 10, unitCostCents: 100, supplier: 's1' };
    const failing = (input: object) => {
      const parsed = ItemSchema.safeParse({ ...base, ...input });
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(failing({ leadTime: { meanDays: 3660, sdDays: 3660 } })).toEqual([]);
    expect(failing({ leadTime: { meanDays: 1e300, sdDays: 1 } })).toEqual(['leadTime.meanDays']);
    expect(failing({ leadTime: { meanDays: 3, sdDays: 3661 } })).toEqual(['leadTime.sdDays']);
    expect(failing({ leadTime: { meanDays: 3 }, replenishment: { kind: 'periodic', reviewDays: 9007199254740991 } })).toEqual(['replenishment.reviewDays']);
    expect(failing({ leadTime: { meanDays: 3 }, shelfLifeDays: 36_601 })).toEqual(['shelfLifeDays']);
    expect(failing({ leadTime: { meanDays: 3 }, unitCostCents: 1e9 + 1 })).toEqual(['unitCostCents']);
  });

  it('a day of usage past the limit is a usage error of planItem', () => {
    expect(() => planItem(gloves, [1, 2e9], { lots: [], onOrder: 0, allocated: 0 }, { asOf: '2026-11-02' })).toThrow(MedofficeUsageError);
  });

  it('an order too large to price in whole cents is reported and dropped; the other items are planned', () => {
    const costly = ItemSchema.parse({ id: 'costly', name: 'C', unit: 'each', packSize: 1, unitCostCents: 1e9, supplier: 's1', leadTime: { meanDays: 3660 } });
    const usage = new Map([['costly' as ItemId, new Float64Array(60).fill(1e9)], [gloves.id, usageSeries(150, 60, 3)]]);
    const plan = planInventory({ items: [costly, gloves], usage, stock: new Map() }, { asOf: '2026-11-02' });
    expect(plan.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['inventory.order_too_large', 'error', ['items', 0]]]);
    expect([plan.plans[0]?.order.quantity, plan.plans[0]?.costCents, plan.plans[0]?.reasons.some((reason) => reason.code === 'rounding')]).toEqual([0, 0, false]);
    expect(plan.plans[1]?.order.quantity).toBeGreaterThan(0);
    expect(plan.purchaseOrders.flatMap((order) => order.lines.map((line) => line.itemId))).toEqual([gloves.id]);
  });
});
