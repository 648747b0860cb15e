import { describe, expect, it } from 'vitest';
import { ItemSchema, planInventory, planItem, readItemsCsv, type ItemId } from '../../src/inventory/index.js';

const asOf = '2026-11-02';
const none = { lots: [], onOrder: 0, allocated: 0 };
const gloves = ItemSchema.parse({ id: 'gloves', name: 'Gloves', unit: 'glove', packSize: 1, unitCostCents: 9, supplier: 's', leadTime: { meanDays: 3, sdDays: 0 } });

describe('planInventory forecast warnings', () => {
  it('warns that a seasonal item with less than two years of usage is planned without the seasonal method', () => {
    const flu = ItemSchema.parse({ ...gloves, id: 'flu', seasonal: true });
    const short = new Float64Array(400).map((_, t) => (t % 3 === 0 ? 6 : 0));
    const plan = planInventory({ items: [gloves, flu], usage: new Map([[gloves.id, new Float64Array(400).fill(5)], [flu.id, short]]), stock: new Map() }, { asOf });
    expect(plan.plans[1]?.forecast.method).toBe('sba');
    expect(plan.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['inventory.seasonal_history', 'warning', ['items', 1]]]);
    // Two years are enough: no warning, and Holt-Winters though the daily class is intermittent.
    const long = new Float64Array(728).map((_, t) => (t % 3 === 0 ? 6 : 0));
    const enough = planInventory({ items: [flu], usage: new Map([[flu.id, long]]), stock: new Map() }, { asOf });
    expect([enough.plans[0]?.forecast.method, enough.plans[0]?.forecast.pattern.demandClass, enough.issues]).toEqual(['holt-winters', 'intermittent', []]);
  });

  it('one day of usage: safety stock from Poisson σ = √d, not 0, said in the reason and warned about', () => {
    const plan = planItem(gloves, [40], none, { asOf });
    expect(plan.levels.safetyStock).toBeGreaterThan(0);
    // σ over L + R = 10 days with a fixed lead time: √(10(1 + 10c)/(1 + c)) σ_d, c = α/(2 − α) for SES's α = 0.1
    // (the forecast rate's error repeats on each day), with σ_d = √40.
    const c = 0.1 / 1.9;
    expect(plan.levels.sigma).toBeCloseTo(Math.sqrt((10 * (1 + 10 * c)) / (1 + c)) * Math.sqrt(40), 9);
    expect(plan.forecast.spreadKnown).toBe(false);
    expect(plan.reasons.find((reason) => reason.code === 'safety_stock')?.text).toMatch(/assuming Poisson demand/);
    const planned = planInventory({ items: [gloves], usage: new Map([[gloves.id, Float64Array.of(40)]]), stock: new Map() }, { asOf });
    expect(planned.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([['inventory.spread_unknown', 'warning', ['items', 0]]]);
    // A week of scored errors measures the spread; two equal days do not.
    const equal = planInventory({ items: [gloves], usage: new Map([[gloves.id, Float64Array.of(40, 40)]]), stock: new Map() }, { asOf });
    expect(equal.issues.map((issue) => issue.code)).toEqual(['inventory.spread_unknown']);
    expect(equal.plans[0]?.levels.safetyStock).toBeCloseTo(plan.levels.safetyStock, 9);
    const measured = planInventory({ items: [gloves], usage: new Map([[gloves.id, Float64Array.of(40, 38, 45, 41, 39, 44, 40, 42)]]), stock: new Map() }, { asOf });
    expect(measured.issues).toEqual([]);
  });

  it('names each item by the path it is given (readItemsCsv gives [file, line]), otherwise by its index in items', () => {
    const text = 'id,name,unit,pack_size,unit_cost,supplier,lead_time_days\nbad,B,u,0,1,s,3\n\ng1,G,u,1,1,s,3\ng2,G,u,1,1,s,3\n';
    const { items, stock, paths } = readItemsCsv(text, 'supplies.csv');
    const usage = new Map([['g1' as ItemId, new Float64Array(30).fill(2)]]);
    expect(planInventory({ items, usage, stock, paths }, { asOf }).issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.no_usage', ['supplies.csv', 5]]]);
    expect(planInventory({ items, usage, stock }, { asOf }).issues.map((issue) => [issue.code, issue.path])).toEqual([['inventory.no_usage', ['items', 1]]]);
  });
});
