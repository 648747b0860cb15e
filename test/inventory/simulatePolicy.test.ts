import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/core/normal.js';
import { createRng } from '../../src/core/random.js';
import { MedofficeUsageError } from '../../src/core/result.js';
import { fillRateFor, replenishmentLevels, simulatePolicy, type ReplenishmentLevels, type SimulationSetup } from '../../src/inventory/index.js';

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

  it('refuses demand or lead-time parameters that are not finite, a lead time that would overflow the day counter, and costs that are not numbers', () => {
    const policy = { kind: 'sQ', reorderPoint: 50, orderQuantity: 100 } as const;
    const demand = { kind: 'poisson', mean: 10 } as const;
    const leadTime = { kind: 'deterministic', value: 2 } as const;
    const bad: SimulationSetup[] = [
      { policy, days: 30, demand: { kind: 'normal', mean: Number.NaN, sd: 1 }, leadTime },
      { policy, days: 30, demand: { kind: 'poisson', mean: Number.POSITIVE_INFINITY }, leadTime },
      { policy, days: 30, demand, leadTime: { kind: 'normal', mean: 3, sd: Number.NaN } },
      { policy, days: 30, demand, leadTime: { kind: 'deterministic', value: 3e9 } },
      { policy, days: 30, demand, leadTime: { kind: 'deterministic', value: -1 } },
      { policy, days: 30, demand: { kind: 'deterministic', value: -4 }, leadTime },
      { policy, days: 30, demand, leadTime: { kind: 'uniform', min: 0, max: 2 ** 32 + 5 } },
      { policy, days: 30, demand, leadTime, unitCostCents: Number.NaN },
      { policy, days: 30, demand, leadTime, holdingRatePerYear: -0.25 },
    ];
    for (const setup of bad) expect(() => simulatePolicy(setup, createRng(1))).toThrow(MedofficeUsageError);
  });

  it('an order whose lead time is drawn longer than the run never arrives, however long', () => {
    const report = simulatePolicy(
      { policy: { kind: 'sQ', reorderPoint: 10, orderQuantity: 20 }, days: 100, demand: { kind: 'deterministic', value: 3 }, leadTime: { kind: 'normal', mean: 300_000, sd: 60_000 } },
      createRng(1),
    );
    expect(report.cycles).toBe(0);
    expect(report.fillRate).toBeLessThan(0.2);
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

  it('(s, Q) and (s, S) reviewed daily meet their targets once the undershoot is in the reorder point (Poisson 10 a day, L = 5, Q = 60)', () => {
    // Without the undershoot this rule gave cycle service 0.72 for a 0.9 target, and fill rate 0.897 for 0.95.
    const demand = { demandPerDay: 10, demandSdPerDay: Math.sqrt(10), leadTimeDays: 5, leadTimeSdDays: 0 };
    for (const kind of ['sQ', 'sS'] as const) {
      for (const service of [{ kind: 'cycle', target: 0.9 }, { kind: 'fill', target: 0.95 }] as const) {
        const levels = replenishmentLevels({ replenishment: { kind }, service, demand, eoq: 60 });
        const report = simulatePolicy({ policy: ruleOf(levels), days: 200_000, demand: { kind: 'poisson', mean: 10 }, leadTime: { kind: 'deterministic', value: 5 } }, createRng(3));
        if (service.kind === 'cycle') expect(Math.abs(report.cycleServiceLevel - service.target)).toBeLessThan(0.03);
        else expect(Math.abs(report.fillRate - service.target)).toBeLessThan(0.01);
      }
    }
  });

  it('property: over 200-year runs (s, Q) and (s, S) reviewed daily meet their cycle-service target within 0.03', () => {
    fc.assert(
      fc.property(continuousRule, fc.double({ min: 0.8, max: 0.98, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (rule, target, seed) => {
        const sd = rule.mean * 0.5;
        const levels = replenishmentLevels({ replenishment: { kind: rule.kind }, service: { kind: 'cycle', target }, demand: { demandPerDay: rule.mean, demandSdPerDay: sd, leadTimeDays: rule.lead, leadTimeSdDays: 0 }, eoq: rule.orderQuantity });
        const report = simulatePolicy({ policy: ruleOf(levels), days: YEARS_200, demand: { kind: 'normal', mean: rule.mean, sd }, leadTime: { kind: 'deterministic', value: rule.lead } }, createRng(seed));
        expect(Math.abs(report.cycleServiceLevel - target)).toBeLessThan(0.03);
      }),
      { numRuns: 12 },
    );
  });

  it('property: over 200-year runs (s, Q) and (s, S) reviewed daily meet their fill-rate target within 0.01, with random lead times', () => {
    fc.assert(
      fc.property(continuousRule, fc.double({ min: 0.97, max: 0.995, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (rule, target, seed) => {
        const sd = rule.mean * 0.5;
        // The simulator rounds each lead time to whole days, which adds 1/12 day² to its variance.
        const demand = { demandPerDay: rule.mean, demandSdPerDay: sd, leadTimeDays: rule.lead, leadTimeSdDays: Math.sqrt(1 + 1 / 12) };
        const levels = replenishmentLevels({ replenishment: { kind: rule.kind }, service: { kind: 'fill', target }, demand, eoq: rule.orderQuantity });
        expect(levels.k).toBeGreaterThan(0);
        const report = simulatePolicy({ policy: ruleOf(levels), days: YEARS_200, demand: { kind: 'normal', mean: rule.mean, sd }, leadTime: { kind: 'normal', mean: rule.lead, sd: 1 } }, createRng(seed));
        expect(Math.abs(report.fillRate - target)).toBeLessThan(0.01);
      }),
      { numRuns: 12 },
    );
  });
});

const YEARS_200 = 365 * 200;

/** An (s, Q) or (s, S) item: 10 to 40 a day, lead time 3 to 8 days, an order of 3 to 10 days' demand. */
const continuousRule = fc
  .record({ kind: fc.constantFrom('sQ' as const, 'sS' as const), mean: fc.integer({ min: 10, max: 40 }), lead: fc.integer({ min: 3, max: 8 }), days: fc.double({ min: 3, max: 10, noNaN: true }) })
  .map((rule) => ({ ...rule, orderQuantity: Math.round(rule.mean * rule.days) }));

function ruleOf(levels: ReplenishmentLevels): SimulationSetup['policy'] {
  return levels.kind === 'sQ'
    ? { kind: 'sQ', reorderPoint: levels.reorderPoint, orderQuantity: levels.orderQuantity }
    : { kind: 'sS', reorderPoint: levels.reorderPoint, orderUpTo: levels.orderUpTo };
}
