import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/core/normal.js';
import { createRng } from '../../src/core/random.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import { fillRateFor, replenishmentLevels, simulatePolicy } from '../../src/inventory/index.js';

const YEARS_100 = 365 * 100;

describe('simulatePolicy', () => {
  it('refuses a setup it cannot run with a usage error, not a crash or a silent zero', () => {
    const demand = { kind: 'poisson', mean: 3 } as const;
    const leadTime = { kind: 'deterministic', value: 2 } as const;
    const bad = [
      { policy: { kind: 'sQ', reorderPoint: 10, orderQuantity: 20 }, days: -5, demand, leadTime },
      { policy: { kind: 'sQ', reorderPoint: 10, orderQuantity: 20 }, days: 1.5, demand, leadTime },
      { policy: { kind: 'sQ', reorderPoint: 10, orderQuantity: 0 }, days: 100, demand, leadTime },
      { policy: { kind: 'periodic', reviewDays: 0, orderUpTo: 50 }, days: 100, demand, leadTime },
      { policy: { kind: 'sS', reorderPoint: Number.NaN, orderUpTo: 50 }, days: 100, demand, leadTime },
      { policy: { kind: 'sS', reorderPoint: 10, orderUpTo: 50 }, days: 100, demand, leadTime, shelfLifeDays: 0 },
    ] as const;
    for (const setup of bad) expect(() => simulatePolicy(setup, createRng(1))).toThrow(MedofficeUsageError);
  });

  it('a run in which nothing ever arrives has no complete cycle and counts as one short cycle', () => {
    const report = simulatePolicy(
      { policy: { kind: 'sQ', reorderPoint: 10, orderQuantity: 20 }, days: 100, demand: { kind: 'deterministic', value: 3 }, leadTime: { kind: 'deterministic', value: 1000 } },
      createRng(1),
    );
    expect(report.cycles).toBe(0);
    expect(report.stockoutDays).toBeGreaterThan(0);
    expect(report.cycleServiceLevel).toBe(0);
  });

  it('is reproducible from its seed and reports totals that add up', () => {
    const setup = {
      policy: { kind: 'sQ', reorderPoint: 60, orderQuantity: 100 },
      days: 400,
      demand: { kind: 'poisson', mean: 8 },
      leadTime: { kind: 'deterministic', value: 4 },
      shelfLifeDays: 30,
      unitCostCents: 100,
      orderCostCents: 1500,
    } as const;
    const a = simulatePolicy(setup, createRng(1));
    expect(simulatePolicy(setup, createRng(1))).toEqual(a);
    expect(a.fillRate).toBeGreaterThan(0);
    expect(a.fillRate).toBeLessThanOrEqual(1);
    expect(a.costCents.total).toBe(a.costCents.holding + a.costCents.ordering + a.costCents.purchase);
    expect(a.costCents.ordering).toBe(a.orders * 1500);
  });

  it('throws stock away when it expires, and loses demand under lost sales', () => {
    const report = simulatePolicy(
      { policy: { kind: 'sS', reorderPoint: 10, orderUpTo: 200 }, days: 100, demand: { kind: 'deterministic', value: 2 }, leadTime: { kind: 'deterministic', value: 1 }, shelfLifeDays: 20, unmet: 'lost' },
      createRng(3),
    );
    // 200 on hand keep 20 days at 2 a day: 160 expire, and the shelf is bare until the next receipt.
    expect(report.expiredUnits).toBeGreaterThanOrEqual(160);
    expect(report.stockoutDays).toBeGreaterThan(0);
    expect(report.fillRate).toBeLessThan(1);
  });

  it('property: over 100-year runs the achieved cycle service level matches the (R, S) target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.8, max: 0.99, noNaN: true }), fc.integer({ min: 20, max: 80 }), fc.integer({ min: 0, max: 1e6 }), (target, mean, seed) => {
        const sd = mean * 0.25;
        const levels = replenishmentLevels({ replenishment: { kind: 'periodic', reviewDays: 7 }, service: { kind: 'cycle', target }, demand: { demandPerDay: mean, demandSdPerDay: sd, leadTimeDays: 3, leadTimeSdDays: 0 }, eoq: 0 });
        const report = simulatePolicy({ policy: { kind: 'periodic', reviewDays: 7, orderUpTo: levels.orderUpTo }, days: YEARS_100, demand: { kind: 'normal', mean, sd }, leadTime: { kind: 'deterministic', value: 3 } }, createRng(seed));
        // Orders are whole units, so the level reached is ⌈S⌉ and daily demand is rounded (variance + 1/12):
        // the analytic service of that level, with a continuity correction, is what the run must show.
        const sigma = Math.sqrt(10 * (sd * sd + 1 / 12));
        const analytic = normalCdf((Math.ceil(levels.orderUpTo) + 0.5 - 10 * mean) / sigma);
        expect(Math.abs(report.cycleServiceLevel - analytic)).toBeLessThan(0.025);
        expect(report.cycleServiceLevel).toBeGreaterThan(target - 0.02);
      }),
      { numRuns: 8 },
    );
  });

  it('property: over 100-year runs the achieved fill rate matches the analytic fill rate, with random lead times', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.95, max: 0.995, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (target, seed) => {
        const demand = { demandPerDay: 50, demandSdPerDay: 15, leadTimeDays: 3, leadTimeSdDays: 1 };
        const levels = replenishmentLevels({ replenishment: { kind: 'periodic', reviewDays: 7 }, service: { kind: 'fill', target }, demand, eoq: 0 });
        const analytic = fillRateFor({ k: levels.k, orderQuantity: 50 * 7, sigma: levels.sigma });
        const report = simulatePolicy({ policy: { kind: 'periodic', reviewDays: 7, orderUpTo: levels.orderUpTo }, days: YEARS_100, demand: { kind: 'normal', mean: 50, sd: 15 }, leadTime: { kind: 'normal', mean: 3, sd: 1 } }, createRng(seed));
        expect(Math.abs(report.fillRate - analytic)).toBeLessThan(0.01);
      }),
      { numRuns: 6 },
    );
  });
});
