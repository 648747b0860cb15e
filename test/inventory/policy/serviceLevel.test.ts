import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalLoss } from '../../../src/core/normal.js';
import { cycleServiceFor, fillRateFor, protectionSigma, replenishmentLevels, safetyFactorForFillRate, solveLoss } from '../../../src/inventory/index.js';
import { solveLossDifference } from '../../../src/inventory/policy/continuousReview.js';

describe('service levels and safety stock', () => {
  it('property: solveLoss inverts the normal loss function', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 20, noNaN: true }), (target) => {
        expect(normalLoss(solveLoss(target))).toBeCloseTo(target, 9);
      }),
    );
  });

  it('solveLoss reaches targets far below the old absolute tolerance: G(k) = 1e-200 at k ≈ 30.3, not 6.8', () => {
    for (const target of [1e-8, 1e-20, 1e-200]) expect(normalLoss(solveLoss(target)) / target).toBeCloseTo(1, 9);
    expect(solveLoss(1e6)).toBeCloseTo(-1e6, 3);
  });

  it('property: solveLossDifference inverts G(k) − G(k + span), and matches solveLoss when the span is wide', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 1e-4, max: 0.999, noNaN: true }), (span, share) => {
        const target = share * span;
        const k = solveLossDifference(target, span);
        expect((normalLoss(k) - normalLoss(k + span)) / target).toBeCloseTo(1, 8);
      }),
    );
    expect(solveLossDifference(0.08, 40)).toBeCloseTo(solveLoss(0.08), 12);
    expect(solveLossDifference(3, 3)).toBe(Number.NEGATIVE_INFINITY);
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
    // Daily review: E[X²] = 9 + 100 = 109, E[U] = 109/20 − ½ = 4.95; E[X³] = max(1000 + 270, 109²/10) = 1270,
    // E[U²] = (2·1270 − 3·109 + 10)/60 = 37.05, Var U = 37.05 − 4.95² = 12.5475; σ = √(36 + 12.5475).
    expect(sQ.undershoot).toBeCloseTo(4.95, 12);
    expect(sQ.demandSigma).toBeCloseTo(6, 12);
    expect(sQ.sigma).toBeCloseTo(Math.sqrt(36 + 12.5475), 12);
    expect(sQ.reorderPoint).toBeCloseTo(40 + 4.95 + 1.6448536269514722 * Math.sqrt(48.5475), 9);
    expect(sQ.safetyStock).toBeCloseTo(sQ.k * sQ.sigma, 12);
    expect(sQ.orderQuantity).toBe(200);
    const sS = replenishmentLevels({ replenishment: { kind: 'sS' }, service, demand, eoq: 200 });
    expect(sS.orderUpTo).toBeCloseTo(sS.reorderPoint + 200, 9);
    const rs = replenishmentLevels({ replenishment: { kind: 'periodic', reviewDays: 7 }, service, demand, eoq: 200 });
    expect(rs.orderUpTo).toBeCloseTo(110 + 1.6448536269514722 * 3 * Math.sqrt(11), 9);
    expect(rs.undershoot).toBe(0);
    expect(rs.sigma).toBe(rs.demandSigma);
    const par = replenishmentLevels({ replenishment: { kind: 'par', reviewDays: 7, parLevel: 130 }, service, demand, eoq: 200 });
    expect(par.orderUpTo).toBe(130);
    expect(par.safetyStock).toBe(20);
    expect(cycleServiceFor(par.k)).toBeGreaterThan(0.5);
    // A periodic or par rule's reorder point is a review cycle's demand below its order-up-to level.
    expect(rs.orderUpTo - rs.reorderPoint).toBeCloseTo(70, 9);
    expect(par.reorderPoint).toBeCloseTo(60, 9);
  });

  it('property: for periodic and par rules, orderUpTo − reorderPoint is one review cycle of demand, d·R', () => {
    fc.assert(
      fc.property(
        fc.record({
          demandPerDay: fc.double({ min: 0, max: 500, noNaN: true }),
          demandSdPerDay: fc.double({ min: 0, max: 50, noNaN: true }),
          leadTimeDays: fc.integer({ min: 0, max: 30 }),
          leadTimeSdDays: fc.double({ min: 0, max: 5, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('cycle' as const, 'fill' as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (demand, reviewDays, parLevel, kind, target) => {
          const service = { kind, target };
          const perCycle = demand.demandPerDay * reviewDays;
          for (const replenishment of [{ kind: 'periodic', reviewDays } as const, { kind: 'par', reviewDays, parLevel } as const]) {
            const levels = replenishmentLevels({ replenishment, service, demand, eoq: 100 });
            // Exact up to the rounding of S − dR itself.
            expect(Math.abs(levels.orderUpTo - levels.reorderPoint - perCycle)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(levels.orderUpTo)));
            expect(levels.orderQuantity).toBe(perCycle);
          }
        },
      ),
    );
  });
});
