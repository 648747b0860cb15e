import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { economicOrderQuantity, holt, intermittent, newsvendorQuantity, safetyFactorForCycleService, safetyFactorForFillRate, ses } from '../../../src/inventory/index.js';

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

  it('handles no demand and no variability', () => {
    expect(economicOrderQuantity({ annualDemand: 0, orderCost: 10, holdingCostPerUnitYear: 1 }).quantity).toBe(0);
    expect(safetyFactorForFillRate({ fillRate: 0.95, orderQuantity: 10, sigma: 0 })).toBe(0);
    expect(newsvendorQuantity({ mean: 10, sd: 0, underageCost: 3, overageCost: 1 }).quantity).toBe(10);
  });
});
