import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalLoss } from '../../../src/core/normal.js';
import { cycleServiceFor, fillRateFor, protectionSigma, replenishmentLevels, safetyFactorForFillRate, solveLoss } from '../../../src/inventory/index.js';

describe('service levels and safety stock', () => {
  it('property: solveLoss inverts the normal loss function', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 20, noNaN: true }), (target) => {
        expect(normalLoss(solveLoss(target))).toBeCloseTo(target, 9);
      }),
    );
  });

  it('property: the fill rate of the solved safety factor is the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0.5, max: 300, noNaN: true }), (fillRate, orderQuantity, sigma) => {
        const k = safetyFactorForFillRate({ fillRate, orderQuantity, sigma });
        expect(fillRateFor({ k, orderQuantity, sigma })).toBeCloseTo(fillRate, 8);
      }),
    );
  });

  it('combines demand and lead-time variability; each alone is the special case', () => {
    const both = { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 4, leadTimeSdDays: 1 };
    expect(protectionSigma(both)).toBeCloseTo(Math.sqrt(4 * 9 + 100 * 1), 12);
    expect(protectionSigma({ ...both, leadTimeSdDays: 0 })).toBeCloseTo(3 * 2, 12);
    expect(protectionSigma({ ...both, demandSdPerDay: 0 })).toBeCloseTo(10, 12);
    expect(protectionSigma(both, 3)).toBeCloseTo(Math.sqrt(7 * 9 + 100), 12);
  });

  it('sets (s, Q), (s, S), (R, S) and par levels', () => {
    const demand = { demandPerDay: 10, demandSdPerDay: 3, leadTimeDays: 4, leadTimeSdDays: 0 };
    const service = { kind: 'cycle', target: 0.95 } as const;
    const sQ = replenishmentLevels({ replenishment: { kind: 'sQ' }, service, demand, eoq: 200 });
    expect(sQ.reorderPoint).toBeCloseTo(40 + 1.6448536269514722 * 6, 9);
    expect(sQ.orderQuantity).toBe(200);
    const sS = replenishmentLevels({ replenishment: { kind: 'sS' }, service, demand, eoq: 200 });
    expect(sS.orderUpTo).toBeCloseTo(sS.reorderPoint + 200, 9);
    const rs = replenishmentLevels({ replenishment: { kind: 'periodic', reviewDays: 7 }, service, demand, eoq: 200 });
    expect(rs.orderUpTo).toBeCloseTo(110 + 1.6448536269514722 * 3 * Math.sqrt(11), 9);
    const par = replenishmentLevels({ replenishment: { kind: 'par', reviewDays: 7, parLevel: 130 }, service, demand, eoq: 200 });
    expect(par.orderUpTo).toBe(130);
    expect(par.safetyStock).toBe(20);
    expect(cycleServiceFor(par.k)).toBeGreaterThan(0.5);
  });
});
