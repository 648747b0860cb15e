import { MedofficeUsageError } from '../../../src/core/result.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateSchedule, type ScheduleEvaluation } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import type { ScheduleSession } from '../../../src/scheduling/optimize/session.js';
import { distributionMean } from '../../../src/core/distribution.js';

function evaluated(session: unknown, options: Parameters<typeof evaluateSchedule>[1] = {}): ScheduleEvaluation {
  const result = evaluateSchedule(session, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const exponential = (mean: number) => ({ kind: 'exponential' as const, mean });

/** D/M/1: σ solves σ = exp(−(1 − σ)·a/s); the mean wait is σ·s/(1 − σ). */
function dm1Wait(a: number, s: number): number {
  let sigma = 0.5;
  for (let i = 0; i < 500; i++) sigma = Math.exp((-(1 - sigma) * a) / s);
  return (sigma * s) / (1 - sigma);
}

describe('evaluateSchedule: closed forms', () => {
  it('two exponential patients at minute 0: the second waits one mean, overtime is the Erlang-2 tail', () => {
    const mu = 10;
    const e = evaluated({ slots: [2, 0], intervalMinutes: 10, sessionMinutes: 20, service: exponential(mu), noShowProbability: 0 });
    expect(e.expectedTotalWait).toBeCloseTo(mu, 6);
    // E[(S1 + S2 − L)+] = μ e^(−L/μ) (2 + L/μ) for Erlang-2.
    expect(Math.abs(e.expectedOvertime / (mu * Math.exp(-2) * 4) - 1)).toBeLessThan(1e-4);
  });

  it('one exponential patient with no-shows: idle q·L + (1 − q)(L − μ(1 − e^(−L/μ))), overtime (1 − q)μe^(−L/μ)', () => {
    const [mu, L, q] = [15, 30, 0.2];
    const e = evaluated({ slots: [1, 0], intervalMinutes: 15, sessionMinutes: L, service: exponential(mu), noShowProbability: q });
    expect(Math.abs(e.expectedIdle / (q * L + (1 - q) * (L - mu * (1 - Math.exp(-L / mu)))) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(e.expectedOvertime / ((1 - q) * mu * Math.exp(-L / mu)) - 1)).toBeLessThan(1e-4);
    expect(e.expectedTotalWait).toBe(0);
  });

  it('hand-computed deterministic case: two booked at 0, service 6, session 10, half show', () => {
    const e = evaluated({ slots: [2], intervalMinutes: 10, sessionMinutes: 10, service: { kind: 'deterministic', value: 6 }, noShowProbability: 0.5 });
    // Work is 0, 6 or 12 minutes with probabilities 1/4, 1/2, 1/4; the second waits 6 if both come.
    expect(e.expectedTotalWait).toBeCloseTo(1.5, 12);
    expect(e.expectedIdle).toBeCloseTo(0.25 * 10 + 0.5 * 4, 12);
    expect(e.expectedOvertime).toBeCloseTo(0.25 * 2, 12);
    expect(e.objective).toBeCloseTo(1.5 / 2 + 4.5 + 0.5, 12);
  });

  it('a long equally spaced session converges to the D/M/1 stationary wait', () => {
    const [a, s] = [15, 12];
    const e = evaluated({ slots: new Array(240).fill(1), intervalMinutes: a, sessionMinutes: 240 * a, service: exponential(s), noShowProbability: 0 });
    const late = e.waitByInterval.slice(200);
    const mean = late.reduce((x, y) => x + y, 0) / late.length;
    expect(Math.abs(mean / dm1Wait(a, s) - 1)).toBeLessThan(1e-3);
  });
});

describe('evaluateSchedule: accuracy of the grid', () => {
  const reference = {
    slots: new Array(20).fill(1),
    intervalMinutes: 15,
    sessionMinutes: 300,
    service: { kind: 'lognormal' as const, mean: 15, sd: 7.5 },
    noShowProbability: 0.1,
  };

  it('the default result is within 0.01% of a grid eight times finer', () => {
    const standard = evaluated(reference);
    const finer = evaluated(reference, { stepsPerInterval: 128 });
    for (const key of ['expectedTotalWait', 'expectedIdle', 'expectedOvertime'] as const) {
      expect(Math.abs(standard[key] / finer[key] - 1)).toBeLessThan(1e-4);
    }
  });

  it('without extrapolation the error falls four times per halving of the step (second order)', () => {
    const limit = evaluated(reference, { stepsPerInterval: 128 }).expectedOvertime;
    const e16 = evaluated(reference, { stepsPerInterval: 16, extrapolate: false }).expectedOvertime - limit;
    const e32 = evaluated(reference, { stepsPerInterval: 32, extrapolate: false }).expectedOvertime - limit;
    expect(e16 / e32).toBeGreaterThan(3.5);
    expect(e16 / e32).toBeLessThan(4.5);
  });
});

const sessionArbitrary = fc.record({
  slots: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
  intervalMinutes: fc.constantFrom(10, 15),
  extra: fc.integer({ min: 0, max: 3 }),
  service: fc.oneof(
    fc.record({ kind: fc.constant('exponential' as const), mean: fc.integer({ min: 5, max: 25 }) }),
    fc.record({ kind: fc.constant('gamma' as const), mean: fc.integer({ min: 5, max: 25 }), sd: fc.integer({ min: 2, max: 12 }) }),
    fc.record({ kind: fc.constant('lognormal' as const), mean: fc.integer({ min: 5, max: 25 }), sd: fc.integer({ min: 2, max: 12 }) }),
  ),
  noShowProbability: fc.double({ min: 0, max: 0.6, noNaN: true }),
});

type GeneratedSession = typeof sessionArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toSession(s: GeneratedSession): ScheduleSession {
  return {
    slots: s.slots,
    intervalMinutes: s.intervalMinutes,
    sessionMinutes: (s.slots.length + s.extra) * s.intervalMinutes,
    service: s.service,
    noShowProbability: s.noShowProbability,
  };
}

describe('evaluateSchedule: properties', () => {
  it('work is conserved: E[idle] = L − N(1 − q)E[S] + E[overtime]', () => {
    fc.assert(
      fc.property(sessionArbitrary, (s) => {
        const session = toSession(s);
        const e = evaluated(session);
        const work = e.patients * (1 - session.noShowProbability) * distributionMean(session.service);
        expect(e.expectedIdle).toBeCloseTo(session.sessionMinutes - work + e.expectedOvertime, 4);
      }),
      { numRuns: 40 },
    );
  });

  it('more no-shows never increase expected overtime for the same schedule', () => {
    fc.assert(
      fc.property(sessionArbitrary, fc.double({ min: 0, max: 0.4, noNaN: true }), (s, more) => {
        const session = toSession(s);
        const fewer = evaluated(session).expectedOvertime;
        const higher = evaluated({ ...session, noShowProbability: Math.min(1, session.noShowProbability + more) }).expectedOvertime;
        expect(higher).toBeLessThanOrEqual(fewer + 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('Richardson extrapolation never reports negative expected overtime (overtime is non-negative, so is its mean)', () => {
    // A coarse grid where the plain extrapolation (4·fine − coarse)/3 dips just below 0.
    const e = evaluated({ slots: [2, 0, 0], intervalMinutes: 15, sessionMinutes: 45, service: { kind: 'lognormal', mean: 10, sd: 3 }, noShowProbability: 0.1 }, { stepsPerInterval: 2 });
    expect(e.expectedOvertime).toBeGreaterThanOrEqual(0);
  });

  it('costs are non-negative and the objective is their weighted sum', () => {
    fc.assert(
      fc.property(sessionArbitrary, (s) => {
        const weights = { wait: 0.5, idle: 2, overtime: 3 };
        const e = evaluated({ ...toSession(s), weights });
        expect(e.expectedTotalWait).toBeGreaterThanOrEqual(0);
        expect(e.expectedOvertime).toBeGreaterThanOrEqual(0);
        const waitTerm = e.patients > 0 ? e.expectedTotalWait / e.patients : 0;
        expect(e.objective).toBeCloseTo(0.5 * waitTerm + 2 * e.expectedIdle + 3 * e.expectedOvertime, 9);
      }),
      { numRuns: 30 },
    );
  });
});

describe('evaluateSchedule: bad sessions', () => {
  const good = { slots: [1, 1], intervalMinutes: 15, sessionMinutes: 30, service: exponential(15), noShowProbability: 0.1 };

  it.each([
    [{ ...good, noShowProbability: 1.2 }, 'schedule.schema', ['noShowProbability']],
    [{ ...good, noShowProbability: -0.1 }, 'schedule.schema', ['noShowProbability']],
    [{ ...good, slots: [1, -1] }, 'schedule.schema', ['slots', 1]],
    [{ ...good, service: { kind: 'deterministic', value: -5 } }, 'schedule.negative_duration', ['service', 'value']],
    [{ ...good, service: { kind: 'empirical', values: [12, -3] } }, 'schedule.negative_duration', ['service', 'values', 1]],
    [{ ...good, service: { kind: 'uniform', min: -2, max: 5 } }, 'schedule.negative_duration', ['service', 'min']],
    [{ ...good, service: { kind: 'normal', mean: 15, sd: 5 } }, 'schedule.service_unsupported', ['service', 'kind']],
    [{ ...good, sessionMinutes: 20 }, 'schedule.beyond_session', ['slots']],
    // Service laws reaching far past the grid step are refused before any grid is built.
    [{ ...good, service: { kind: 'empirical', values: [10, 12, 15, 1e9] } }, 'schedule.grid_too_large', ['service']],
    [{ ...good, service: { kind: 'deterministic', value: 1e12 } }, 'schedule.grid_too_large', ['service']],
    [{ ...good, service: exponential(1e9) }, 'schedule.grid_too_large', ['service']],
    [{ ...good, service: { kind: 'uniform', min: 5, max: 1e8 } }, 'schedule.grid_too_large', ['service']],
    [{ ...good, intervalMinutes: 1e-6, sessionMinutes: 2e-6 }, 'schedule.grid_too_large', ['service']],
  ])('%# reports %s at its path', (session, code, path) => {
    const result = evaluateSchedule(session);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });
});

describe('evaluateSchedule: options', () => {
  const good = { slots: [1, 1, 1], intervalMinutes: 15, sessionMinutes: 45, service: exponential(15), noShowProbability: 0.1 };

  it('reports a stepsPerInterval too fine for the memory bound at stepsPerInterval, not at the service law', () => {
    const result = evaluateSchedule(good, { stepsPerInterval: 1e7 });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([['schedule.grid_too_large', ['stepsPerInterval']]]);
    expect(result.ok ? '' : result.issues[0]?.message).toContain('stepsPerInterval');
  });

  it.each([Number.NaN, 0, -4, 2.5, Number.POSITIVE_INFINITY, '16' as unknown as number])('throws a usage error for stepsPerInterval %s', (stepsPerInterval) => {
    expect(() => evaluateSchedule(good, { stepsPerInterval })).toThrow(MedofficeUsageError);
    expect(() => evaluateSchedule(good, { stepsPerInterval })).toThrow('stepsPerInterval');
  });

  it('throws a usage error for an extrapolate that is not a boolean', () => {
    expect(() => evaluateSchedule(good, { extrapolate: 'yes' as unknown as boolean })).toThrow(MedofficeUsageError);
  });

  it('still blames the service law when the planned grid is already too large', () => {
    const result = evaluateSchedule({ ...good, service: { kind: 'deterministic', value: 1e12 } }, { stepsPerInterval: 4, extrapolate: false });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([['schedule.grid_too_large', ['service']]]);
  });
});
