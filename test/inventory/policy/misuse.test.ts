import { describe, expect, it } from 'vitest';
import { MedofficeUsageError } from '../../../src/core/result.js';
import { economicOrderQuantity, newsvendorQuantity, safetyFactorForCycleService, safetyFactorForFillRate } from '../../../src/inventory/index.js';

describe('policy edge cases', () => {
  it('throws a usage error for service targets and costs outside their ranges', () => {
    expect(() => safetyFactorForCycleService(1)).toThrow(MedofficeUsageError);
    expect(() => safetyFactorForFillRate({ fillRate: 0, orderQuantity: 10, sigma: 1 })).toThrow(MedofficeUsageError);
    expect(() => newsvendorQuantity({ mean: 10, sd: 2, underageCost: 0, overageCost: 1 })).toThrow(MedofficeUsageError);
  });

  it('handles no demand and no variability', () => {
    expect(economicOrderQuantity({ annualDemand: 0, orderCost: 10, holdingCostPerUnitYear: 1 }).quantity).toBe(0);
    expect(safetyFactorForFillRate({ fillRate: 0.95, orderQuantity: 10, sigma: 0 })).toBe(0);
    expect(newsvendorQuantity({ mean: 10, sd: 0, underageCost: 3, overageCost: 1 }).quantity).toBe(10);
  });
});
