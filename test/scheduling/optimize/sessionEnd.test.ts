import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateSchedule, type ScheduleEvaluation } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import { simulateSessions } from '../../../src/scheduling/simulate/simulateSessions.js';
import { distributionMean, type Distribution } from '../../../src/core/distribution.js';

// A session end off the evaluation grid: the last stretch (from the start of the last interval to
// the end of the session) is evaluated at its exact length, not rounded to the grid.

function evaluated(session: unknown, options: Parameters<typeof evaluateSchedule>[1] = {}): ScheduleEvaluation {
  const result = evaluateSchedule(session, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const lognormal: Distribution = { kind: 'lognormal', mean: 15, sd: 7.5 };
/** The reference schedule (Bailey-Welch on 20 intervals of 15 minutes), q = 0.1. */
const reference = (sessionMinutes: number) => ({
  slots: [2, ...new Array<number>(18).fill(1), 0],
  intervalMinutes: 15,
  sessionMinutes,
  service: lognormal,
  noShowProbability: 0.1,
});
const COSTS = ['expectedTotalWait', 'expectedIdle', 'expectedOvertime'] as const;

describe('evaluateSchedule: a session end off the grid', () => {
  // Each reference grid holds the session end on both of its grids (300 steps per interval: h = 0.05
  // and 0.1 min; 256 steps: h = 15/256 and 15/128 min), so its last stretch is a whole number of
  // steps. The default grid (h = 15/16 min, and 15/8 for the extrapolation) holds none of these ends
  // on both of its grids (300.9375 lies on the finer one only).
  it.each([
    [300.4, 300],
    [300.9375, 256],
    [301.3, 300],
    [307.3, 300],
  ])('session of %s min: within 0.01 percent of a %s-step grid holding the end', (sessionMinutes, steps) => {
    const standard = evaluated(reference(sessionMinutes));
    const fine = evaluated(reference(sessionMinutes), { stepsPerInterval: steps });
    for (const key of COSTS) expect(Math.abs(standard[key] / fine[key] - 1)).toBeLessThan(1e-4);
  });

  it('session of 301.3 min: idle and overtime inside the 99.9% intervals of 200,000 simulated sessions', () => {
    const exact = evaluated(reference(301.3));
    const r = simulateSessions(
      { sessionMinutes: 301.3, classes: { visit: { service: lognormal, noShowProbability: 0.1 } }, schedule: { slots: reference(301.3).slots, intervalMinutes: 15, class: 'visit' } },
      { replications: 200_000, seed: 5 },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    for (const [kpi, value] of [['overtime', exact.expectedOvertime], ['idle', exact.expectedIdle], ['waitTotal', exact.expectedTotalWait]] as const) {
      const summary = r.value.kpis[kpi];
      expect(Math.abs(summary.mean - value)).toBeLessThan(3.3 * summary.standardError);
    }
  });

  it('a later end lowers the overtime: 300.4 min is not evaluated as 300', () => {
    const at300 = evaluated(reference(300)).expectedOvertime;
    const later = evaluated(reference(300.4)).expectedOvertime;
    // d E[overtime] / dL = −P(work left at L) ≈ −0.36 here, so 0.4 min later saves about 0.145 min.
    expect(at300 - later).toBeGreaterThan(0.1);
    expect(at300 - later).toBeLessThan(0.2);
  });

  it('one exponential patient with no-shows, session 15 + √2 min: idle and overtime in closed form', () => {
    const [mu, q] = [15, 0.2];
    const L = 15 + Math.SQRT2;
    const e = evaluated({ slots: [1], intervalMinutes: 15, sessionMinutes: L, service: { kind: 'exponential', mean: mu }, noShowProbability: q });
    expect(Math.abs(e.expectedOvertime / ((1 - q) * mu * Math.exp(-L / mu)) - 1)).toBeLessThan(1e-4);
    expect(Math.abs(e.expectedIdle / (q * L + (1 - q) * (L - mu * (1 - Math.exp(-L / mu)))) - 1)).toBeLessThan(2e-5);
  });

  it('hand-computed deterministic case ending off any grid: two booked at 0, service 6, half show, session 10 + √2/4', () => {
    // No grid of up to 512 steps per 10-min interval holds an irrational end.
    const L = 10 + Math.SQRT2 / 4;
    const e = evaluated({ slots: [2], intervalMinutes: 10, sessionMinutes: L, service: { kind: 'deterministic', value: 6 }, noShowProbability: 0.5 });
    // Work is 0, 6 or 12 minutes with probabilities 1/4, 1/2, 1/4.
    expect(e.expectedOvertime).toBeCloseTo(0.25 * (12 - L), 12);
    expect(e.expectedIdle).toBeCloseTo(0.25 * L + 0.5 * (L - 6), 12);
    expect(e.expectedTotalWait).toBeCloseTo(1.5, 12);
  });
});

describe('evaluateSchedule: properties with the session end anywhere', () => {
  const offGrid = fc.record({
    slots: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
    intervalMinutes: fc.constantFrom(10, 15),
    // Minutes past the last interval: a fraction of a grid step almost surely.
    extra: fc.double({ min: 0.001, max: 40, noNaN: true }),
    service: fc.oneof(
      fc.record({ kind: fc.constant('exponential' as const), mean: fc.integer({ min: 5, max: 25 }) }),
      fc.record({ kind: fc.constant('gamma' as const), mean: fc.integer({ min: 5, max: 25 }), sd: fc.integer({ min: 2, max: 12 }) }),
      fc.record({ kind: fc.constant('lognormal' as const), mean: fc.integer({ min: 5, max: 25 }), sd: fc.integer({ min: 2, max: 12 }) }),
      fc.record({ kind: fc.constant('deterministic' as const), value: fc.integer({ min: 3, max: 25 }) }),
    ),
    noShowProbability: fc.double({ min: 0, max: 0.6, noNaN: true }),
  });
  const sessionOf = (s: typeof offGrid extends fc.Arbitrary<infer T> ? T : never) => ({
    slots: s.slots,
    intervalMinutes: s.intervalMinutes,
    sessionMinutes: s.slots.length * s.intervalMinutes + s.extra,
    service: s.service,
    noShowProbability: s.noShowProbability,
  });

  it('work is conserved at any session length: E[idle] − E[overtime] = L − N(1 − q)E[S]', () => {
    fc.assert(
      fc.property(offGrid, (s) => {
        const session = sessionOf(s);
        const e = evaluated(session);
        const work = e.patients * (1 - session.noShowProbability) * distributionMean(session.service);
        expect(e.expectedIdle - e.expectedOvertime).toBeCloseTo(session.sessionMinutes - work, 4);
      }),
      { numRuns: 60 },
    );
  });

  it('a longer session never has more expected overtime, nor less expected idle time', () => {
    fc.assert(
      fc.property(offGrid, fc.double({ min: 0.01, max: 5, noNaN: true }), (s, longer) => {
        const session = sessionOf(s);
        const shorter = evaluated(session);
        const stretched = evaluated({ ...session, sessionMinutes: session.sessionMinutes + longer });
        expect(stretched.expectedOvertime).toBeLessThanOrEqual(shorter.expectedOvertime + 1e-9);
        expect(stretched.expectedIdle).toBeGreaterThanOrEqual(shorter.expectedIdle - 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
