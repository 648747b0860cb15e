import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import {
  economicOrderQuantity,
  holt,
  intermittent,
  newsvendorQuantity,
  replenishmentLevels,
  roundOrder,
  safetyFactorForCycleService,
  safetyFactorForFillRate,
  ses,
  solveLoss,
} from '../../../src/inventory/index.js';

describe('policy edge cases', () => {
  it('throws a usage error for service targets and costs outside their ranges', () => {
    expect(() => safetyFactorForCycleService(1)).toThrow(MedofficeUsageError);
    expect(() => safetyFactorForFillRate({ fillRate: 0, orderQuantity: 10, sigma: 1 })).toThrow(MedofficeUsageError);
    expect(() => newsvendorQuantity({ mean: 10, sd: 2, underageCost: 0, overageCost: 1 })).toThrow(MedofficeUsageError);
    expect(() => newsvendorQuantity({ mean: 10, sd: -2, underageCost: 1, overageCost: 1 })).toThrow(MedofficeUsageError);
  });

  it('throws a usage error for smoothing parameters outside [0, 1]', () => {
    expect(() => ses([1, 2, 3], { alpha: 2 })).toThrow(MedofficeUsageError);
    expect(() => holt([1, 2, 3], { alpha: 0.5, beta: -0.1 })).toThrow(MedofficeUsageError);
    expect(() => intermittent([0, 2, 0, 3], { method: 'tsb', alpha: 0.1, beta: Number.NaN })).toThrow(MedofficeUsageError);
    expect(ses([1, 2, 3], { alpha: 1 }).level).toBe(3);
  });

  it('throws a usage error, not NaN or a silent answer, for rounding rules and loss targets that make no sense', () => {
    const rules = { packSize: 10, minimumOrder: 0, maxUsable: Infinity };
    expect(() => roundOrder(25, { ...rules, packSize: 0 })).toThrow(MedofficeUsageError);
    expect(() => roundOrder(25, { ...rules, packSize: Number.NaN })).toThrow(MedofficeUsageError);
    expect(() => roundOrder(25, { ...rules, packSize: Infinity })).toThrow(MedofficeUsageError);
    expect(() => roundOrder(Infinity, rules)).toThrow(MedofficeUsageError);
    expect(() => roundOrder(Number.NaN, rules)).toThrow(MedofficeUsageError);
    expect(() => roundOrder(25, { ...rules, minimumOrder: Number.NaN })).toThrow(MedofficeUsageError);
    expect(() => roundOrder(25, { ...rules, maxUsable: Number.NaN })).toThrow(MedofficeUsageError);
    expect(() => roundOrder(25, { ...rules, maxUsable: -1 })).toThrow(MedofficeUsageError);
    expect(roundOrder(-5, rules).quantity).toBe(0);
    for (const target of [-1, 0, Number.NaN, Infinity]) expect(() => solveLoss(target)).toThrow(MedofficeUsageError);
    expect(() => safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: Number.NaN, sigma: 10 })).toThrow(MedofficeUsageError);
    expect(() => safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: 100, sigma: Number.NaN })).toThrow(MedofficeUsageError);
    expect(() => safetyFactorForFillRate({ fillRate: 0.98, orderQuantity: 100, sigma: -1 })).toThrow(MedofficeUsageError);
  });

  it('replenishmentLevels refuses demand figures that are not finite, and an unbounded undershoot with no largest day', () => {
    const service = { kind: 'fill', target: 0.98 } as const;
    const demand = { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 4, leadTimeSdDays: 1 };
    expect(() => replenishmentLevels({ replenishment: { kind: 'sQ' }, service, demand: { ...demand, demandPerDay: Number.NaN }, eoq: 100 })).toThrow(MedofficeUsageError);
    expect(() => replenishmentLevels({ replenishment: { kind: 'periodic', reviewDays: 7 }, service, demand: { ...demand, leadTimeSdDays: -1 }, eoq: 0 })).toThrow(MedofficeUsageError);
    expect(() => replenishmentLevels({ replenishment: { kind: 'sS' }, service, demand, eoq: Infinity })).toThrow(MedofficeUsageError);
    const decayed = { ...demand, demandPerDay: 1e-320 };
    expect(() => replenishmentLevels({ replenishment: { kind: 'sQ' }, service, demand: decayed, eoq: 10 })).toThrow(MedofficeUsageError);
    expect(replenishmentLevels({ replenishment: { kind: 'sQ' }, service, demand: { ...decayed, largestDay: 20 }, eoq: 10 }).undershoot).toBeCloseTo(9.5, 9);
  });

  it('handles no demand and no variability', () => {
    expect(economicOrderQuantity({ annualDemand: 0, orderCost: 10, holdingCostPerUnitYear: 1 }).quantity).toBe(0);
    expect(safetyFactorForFillRate({ fillRate: 0.95, orderQuantity: 10, sigma: 0 })).toBe(0);
    expect(newsvendorQuantity({ mean: 10, sd: 0, underageCost: 3, overageCost: 1 }).quantity).toBe(10);
  });
});
