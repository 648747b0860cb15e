import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/core/normal.js';
import { economicOrderQuantity, ItemSchema, newsvendorQuantity, perishableLevels, replenishmentLevels, roundOrder } from '../../src/inventory/index.js';
import { reviewUndershoot } from '../../src/inventory/policy/undershoot.js';

describe('fill-rate safety factor with no spread', () => {
  it('is k = 0 for (s, Q) when σ = 0 (docs: "with σ = 0, k = 0"): with no uncertainty no buffer is needed, whatever the target', () => {
    const levels = replenishmentLevels({
      replenishment: { kind: 'sQ' },
      service: { kind: 'fill', target: 0.98 },
      demand: { demandPerDay: 0, demandSdPerDay: 0, leadTimeDays: 5, leadTimeSdDays: 0 },
      eoq: 0,
    });
    expect(levels.sigma).toBe(0);
    expect(levels.k).toBe(0);
    expect(levels.safetyStock).toBe(0);
  });
});

describe('economicOrderQuantity with no demand', () => {
  it('orders nothing and never reorders: Q* = √(2K·0/h) = 0 and the cycle Q*/λ is taken as unending, not 0/0', () => {
    expect(economicOrderQuantity({ annualDemand: 0, orderCost: 12, holdingCostPerUnitYear: 0.005 })).toEqual({ quantity: 0, cycleYears: Number.POSITIVE_INFINITY });
  });
});

describe('newsvendorQuantity never orders a negative amount', () => {
  it('gives critical ratio c_u/(c_u + c_o) = 0.1, z = Φ⁻¹(0.1) = −1.28155, and quantity max(0, μ + zσ) = max(0, 1 − 12.8) = 0', () => {
    const answer = newsvendorQuantity({ mean: 1, sd: 10, underageCost: 1, overageCost: 9 });
    expect(answer.criticalRatio).toBeCloseTo(0.1, 12);
    expect(answer.z).toBeCloseTo(-1.28155, 5);
    expect(answer.quantity).toBe(0);
  });
});

describe('perishableLevels: a shelf life no longer than the protection interval takes the newsvendor level', () => {
  // Periodic review R = 7, L = 5: protection 12 days, μ = 120, σ = √(12 · 3²) = √108.
  const levels = replenishmentLevels({
    replenishment: { kind: 'periodic', reviewDays: 7 },
    service: { kind: 'fill', target: 0.98 },
    demand: { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 5, leadTimeSdDays: 0 },
    eoq: 0,
  });
  const item = ItemSchema.parse({ id: 'vax', name: 'Vaccine', unit: 'dose', packSize: 1, unitCostCents: 25, supplier: 's', leadTime: { meanDays: 5 }, shelfLifeDays: 12, shortageCostCents: 50, replenishment: { kind: 'periodic', reviewDays: 7 } });

  it('applies at a shelf life equal to the protection interval (12 days: "no longer than")', () => {
    expect(levels.protectionDays).toBe(12);
    expect(perishableLevels(item, levels).newsvendor).not.toBeNull();
  });

  it('sets S = μ + Φ⁻¹(c_u/(c_u + c_o)) σ = 120 + Φ⁻¹(2/3) √108 = 124.476, and derives the reorder point S − dR = 124.476 − 70 from it', () => {
    const expectedS = 120 + normalQuantile(2 / 3) * Math.sqrt(108);
    const { levels: perishable } = perishableLevels(item, levels);
    expect(perishable.orderUpTo).toBeCloseTo(124.476, 3);
    expect(perishable.orderUpTo).toBeCloseTo(expectedS, 9);
    expect(perishable.reorderPoint).toBeCloseTo(expectedS - 70, 9);
    expect(levels.reorderPoint).toBeCloseTo(57.633, 3);
  });
});

describe('par levels with no spread', () => {
  it('give k = 0, safety stock par − μ = 100 − 50, reorder point par − dR = 100 − 35 and order-up-to the par level', () => {
    const levels = replenishmentLevels({
      replenishment: { kind: 'par', reviewDays: 7, parLevel: 100 },
      service: { kind: 'cycle', target: 0.95 },
      demand: { demandPerDay: 5, demandSdPerDay: 0, leadTimeDays: 3, leadTimeSdDays: 0 },
      eoq: 0,
    });
    expect(levels).toMatchObject({ k: 0, safetyStock: 50, reorderPoint: 65, orderUpTo: 100 });
  });
});

describe('roundOrder says it raised to the minimum only when the raw order was below it', () => {
  it('does not flag an order already at the minimum (200 of packs of 50, minimum 200)', () => {
    expect(roundOrder(200, { packSize: 50, minimumOrder: 200, maxUsable: Number.POSITIVE_INFINITY })).toMatchObject({ quantity: 200, packs: 4, roundedUp: false, raisedToMinimum: false });
  });

  it('flags 180 as rounded up to 4 packs, which reach the minimum of 200 by rounding, not by raising', () => {
    expect(roundOrder(180, { packSize: 50, minimumOrder: 200, maxUsable: Number.POSITIVE_INFINITY })).toMatchObject({ quantity: 200, packs: 4, roundedUp: true, raisedToMinimum: false });
  });
});

describe('reviewUndershoot holds r₂ to at most max(M, d, 1)', () => {
  it('gives Poisson 10 a day with M = 5 mean 4.5 and variance 8.25: the bound is max(5, 10, 1) = 10, r₂ = min(11, 10), r₃ = 100', () => {
    // E[U] = 10/2 − 1/2 = 4.5; E[U²] = (2·100 − 3·10 + 1)/6 = 28.5; Var = 28.5 − 4.5² = 8.25.
    const under = reviewUndershoot(10, Math.sqrt(10), 5);
    expect(under.mean).toBeCloseTo(4.5, 12);
    expect(under.variance).toBeCloseTo(8.25, 12);
  });

  it('never gives a negative undershoot: with d = 0.2 and M = 0.5, whole units make r₂ = 1, so mean and variance are 0', () => {
    const under = reviewUndershoot(0.2, 0.3, 0.5);
    expect(under.mean).toBe(0);
    expect(under.variance).toBe(0);
  });
});
