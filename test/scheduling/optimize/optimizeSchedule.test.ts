import { MedofficeUsageError } from '../../../src/core/result.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimizeSchedule, sessionOf } from '../../../src/scheduling/optimize/optimizeSchedule.js';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import { CLASSIC_RULES, classicSchedule } from '../../../src/scheduling/optimize/classicRules.js';
import type { OptimizeProblem } from '../../../src/scheduling/optimize/problem.js';
import { distributionMean } from '../../../src/core/distribution.js';

function objective(problem: OptimizeProblem, slots: readonly number[]): number {
  const result = evaluateSchedule(sessionOf(problem, slots));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.objective;
}

/** Every way to put N patients into T intervals. */
function* compositions(patients: number, intervals: number): Generator<number[]> {
  if (intervals === 1) {
    yield [patients];
    return;
  }
  for (let first = patients; first >= 0; first--) {
    for (const rest of compositions(patients - first, intervals - 1)) yield [first, ...rest];
  }
}

function optimized(problem: OptimizeProblem) {
  const result = optimizeSchedule(problem);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('optimizeSchedule finds the true optimum of small problems (every schedule enumerated)', () => {
  const cases: OptimizeProblem[] = [
    { patients: 5, intervals: 5, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0 },
    { patients: 6, intervals: 6, intervalMinutes: 10, service: { kind: 'exponential', mean: 10 }, noShowProbability: 0.2 },
    { patients: 5, intervals: 7, intervalMinutes: 10, service: { kind: 'lognormal', mean: 12, sd: 6 }, noShowProbability: 0.1, weights: { wait: 2, idle: 1, overtime: 1.5 } },
    { patients: 7, intervals: 5, intervalMinutes: 15, service: { kind: 'gamma', mean: 10, sd: 5 }, noShowProbability: 0.3, weights: { wait: 1, idle: 0.5, overtime: 2 } },
  ];

  it.each(cases)('case %#', (problem) => {
    const found = optimized(problem);
    let best = Number.POSITIVE_INFINITY;
    for (const slots of compositions(problem.patients, problem.intervals)) best = Math.min(best, objective(problem, slots));
    expect(found.fullNeighbourhood).toBe(true);
    expect(found.evaluation.objective).toBeLessThanOrEqual(best * (1 + 1e-6));
    expect(found.slots.reduce((a, b) => a + b, 0)).toBe(problem.patients);
  });
});

// Kaandorp and Koole (2007) state, in their abstract (checked against a stored copy of the paper),
// that "for certain combinations of parameters the well-known Bailey-Welch rule is found to be the
// optimal appointment schedule". Their numeric tables could not be retrieved, so the instances
// below are ours: T = 10 ≤ 12 makes the search scan the full multimodular neighbourhood, which
// certifies a global optimum of the exact objective.
describe('the Bailey-Welch rule is optimal for some parameters (Kaandorp and Koole 2007)', () => {
  it('ten patients in ten intervals of one mean service time, equal weights: two first, then one each, last empty', () => {
    const found = optimized({ patients: 10, intervals: 10, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0 });
    expect(found.fullNeighbourhood).toBe(true);
    expect(found.slots).toEqual(classicSchedule('bailey-welch', 10, 10));
  });

  it('with a cheaper wait the optimum front-loads more patients and leaves holes near the end', () => {
    const found = optimized({ patients: 10, intervals: 10, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0, weights: { wait: 0.5, idle: 1, overtime: 1 } });
    expect(found.fullNeighbourhood).toBe(true);
    expect(found.slots).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });
});

describe('optimizeSchedule: properties', () => {
  const problemArbitrary = fc.record({
    patients: fc.integer({ min: 1, max: 8 }),
    intervals: fc.integer({ min: 2, max: 10 }),
    intervalMinutes: fc.constantFrom(10, 15),
    mean: fc.integer({ min: 6, max: 20 }),
    noShowProbability: fc.double({ min: 0, max: 0.5, noNaN: true }),
    weights: fc.record({ wait: fc.double({ min: 0.1, max: 3, noNaN: true }), idle: fc.double({ min: 0.1, max: 3, noNaN: true }), overtime: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
  });

  it('the optimised schedule is never worse than any classic rule', () => {
    fc.assert(
      fc.property(problemArbitrary, (p) => {
        const problem: OptimizeProblem = { ...p, service: { kind: 'exponential', mean: p.mean } };
        const found = optimized(problem);
        for (const rule of CLASSIC_RULES) {
          expect(found.evaluation.objective).toBeLessThanOrEqual(objective(problem, classicSchedule(rule, p.patients, p.intervals)) + 1e-9);
        }
      }),
      { numRuns: 15 },
    );
  });

  // Laws with atoms (a fixed or observed service time, here often not dividing the interval) once
  // made the search optimise a smeared model on a coarser grid, and its result was never compared
  // with the start's exact value.
  const anyLaw = fc.oneof(
    fc.record({ kind: fc.constant('deterministic' as const), value: fc.integer({ min: 30, max: 200 }).map((tenths) => tenths / 10) }),
    fc.record({ kind: fc.constant('empirical' as const), values: fc.array(fc.integer({ min: 3, max: 25 }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('exponential' as const), mean: fc.integer({ min: 6, max: 20 }) }),
    fc.record({ kind: fc.constant('lognormal' as const), mean: fc.integer({ min: 6, max: 20 }), sd: fc.integer({ min: 2, max: 12 }) }),
    fc.record({ kind: fc.constant('gamma' as const), mean: fc.integer({ min: 6, max: 20 }), sd: fc.integer({ min: 2, max: 12 }) }),
  );
  const anyProblem: fc.Arbitrary<OptimizeProblem> = fc.record({
    patients: fc.integer({ min: 1, max: 10 }),
    intervals: fc.integer({ min: 2, max: 14 }),
    intervalMinutes: fc.constantFrom(7.5, 10, 15),
    service: anyLaw,
    noShowProbability: fc.constantFrom(0, 0.1, 0.3),
    weights: fc.record({ wait: fc.constantFrom(0.5, 1, 2), idle: fc.constantFrom(0.5, 1, 2), overtime: fc.constantFrom(1, 1.5, 3) }),
  });

  it('its exact objective is never worse than any classic rule\'s exact objective, fixed service times included', () => {
    const counterexample = {
      patients: 18,
      intervals: 21,
      intervalMinutes: 7.5,
      service: { kind: 'deterministic' as const, value: 8 },
      noShowProbability: 0,
      weights: { wait: 1, idle: 1, overtime: 3 },
    };
    fc.assert(
      fc.property(anyProblem, (problem) => {
        const found = optimized(problem);
        const gap = distributionMean(problem.service) / problem.intervalMinutes;
        for (const rule of CLASSIC_RULES) {
          expect(found.evaluation.objective).toBeLessThanOrEqual(objective(problem, classicSchedule(rule, problem.patients, problem.intervals, gap)));
        }
      }),
      { numRuns: 30, examples: [[counterexample]] },
    );
    // Thirty full-neighbourhood searches on fine grids: seconds alone, but slow on a loaded machine.
  }, 120_000);

  it('18 patients in 21 intervals of 7.5 min with a fixed 8-min service: no worse than equal spacing (14.75)', () => {
    const problem: OptimizeProblem = { patients: 18, intervals: 21, intervalMinutes: 7.5, service: { kind: 'deterministic', value: 8 }, noShowProbability: 0, weights: { wait: 1, idle: 1, overtime: 3 } };
    const equal = objective(problem, classicSchedule('equal-spacing', 18, 21));
    expect(equal).toBeCloseTo(14.75, 12);
    expect(optimized(problem).evaluation.objective).toBeLessThanOrEqual(equal);
  });

  it('respects the per-interval limit', () => {
    const found = optimized({ patients: 8, intervals: 6, intervalMinutes: 10, maxPerInterval: 2, service: { kind: 'exponential', mean: 5 }, noShowProbability: 0 });
    expect(Math.max(...found.slots)).toBeLessThanOrEqual(2);
  });
});

describe('optimizeSchedule: bad problems', () => {
  const good = { patients: 10, intervals: 10, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 };
  it.each([
    [{ ...good, patients: 30, maxPerInterval: 2 }, 'schedule.too_many_patients', ['patients']],
    [{ ...good, patients: 100_000 }, 'schedule.too_many_patients', ['patients']],
    [{ ...good, intervals: 100_000, intervalMinutes: 1 }, 'schedule.too_many_intervals', ['intervals']],
    [{ ...good, noShowProbability: 2 }, 'schedule.schema', ['noShowProbability']],
    [{ ...good, service: { kind: 'empirical', values: [-1] } }, 'schedule.negative_duration', ['service', 'values', 0]],
    [{ ...good, sessionMinutes: 100 }, 'schedule.beyond_session', ['intervals']],
    [{ ...good, start: [10] }, 'schedule.schema', ['start']],
  ])('%# reports %s', (problem, code, path) => {
    const result = optimizeSchedule(problem);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });
});

describe('optimizeSchedule: a service law too wide for the grid', () => {
  it('is refused with schedule.grid_too_large at service before any grid is built', () => {
    const result = optimizeSchedule({ patients: 20, intervals: 20, intervalMinutes: 15, service: { kind: 'empirical', values: [10, 12, 15, 1e9] }, noShowProbability: 0.1 });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([['schedule.grid_too_large', ['service']]]);
  });
});

describe('optimizeSchedule: maxEvaluations', () => {
  const problem = { patients: 12, intervals: 16, intervalMinutes: 10, service: { kind: 'lognormal', mean: 12, sd: 6 }, noShowProbability: 0.1 };

  it('stops the search at the budget with the best schedule so far, never worse than the classic start', () => {
    const free = optimizeSchedule(problem);
    const bounded = optimizeSchedule(problem, { maxEvaluations: 40 });
    if (!free.ok || !bounded.ok) throw new Error('optimisation failed');
    expect([free.value.stoppedEarly, bounded.value.stoppedEarly, bounded.value.fullNeighbourhood]).toEqual([false, true, false]);
    expect(bounded.value.evaluations).toBeLessThanOrEqual(41);
    expect(bounded.value.evaluations).toBeLessThan(free.value.evaluations);
    expect(bounded.value.evaluation.objective).toBeGreaterThanOrEqual(free.value.evaluation.objective - 1e-9);
    const start = evaluateSchedule(sessionOf(problem as OptimizeProblem, classicSchedule(bounded.value.startedFrom === 'given' ? 'bailey-welch' : bounded.value.startedFrom, 12, 16, 12 / 10)));
    if (!start.ok) throw new Error('evaluation failed');
    expect(bounded.value.evaluation.objective).toBeLessThanOrEqual(start.value.objective + 1e-9);
  });

  it('takes the full neighbourhood by default up to 12 intervals, and not at 13', () => {
    const small = { patients: 6, intervalMinutes: 10, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0 };
    const twelve = optimizeSchedule({ ...small, intervals: 12 });
    const thirteen = optimizeSchedule({ ...small, intervals: 13 });
    if (!twelve.ok || !thirteen.ok) throw new Error('optimisation failed');
    expect([twelve.value.fullNeighbourhood, thirteen.value.fullNeighbourhood]).toEqual([true, false]);
  });

  it('counts the evaluations before the descent (six starts, the chosen one again) and stops right after them at a budget of one', () => {
    const tight = optimizeSchedule(problem, { maxEvaluations: 1 });
    if (!tight.ok) throw new Error('optimisation failed');
    expect([tight.value.evaluations, tight.value.improvements, tight.value.stoppedEarly]).toEqual([7, 0, true]);
    for (const budget of [10, 25, 60]) {
      const bounded = optimizeSchedule(problem, { maxEvaluations: budget });
      expect(bounded.ok && bounded.value.evaluations).toBeLessThanOrEqual(budget + 1);
    }
  });

  it.each([
    [{ maxEvaluations: 0 }, 'maxEvaluations'],
    [{ maxEvaluations: -5 }, 'maxEvaluations'],
    [{ maxEvaluations: Number.NaN }, 'maxEvaluations'],
    [{ maxEvaluations: 2.5 }, 'maxEvaluations'],
    [{ maxEvaluations: '100' as unknown as number }, 'maxEvaluations'],
    [{ searchStepsPerInterval: 0 }, 'searchStepsPerInterval'],
    [{ searchStepsPerInterval: Number.POSITIVE_INFINITY }, 'searchStepsPerInterval'],
    [{ fullNeighbourhoodUpTo: -1 }, 'fullNeighbourhoodUpTo'],
  ])('throws a usage error for %o', (options, name) => {
    expect(() => optimizeSchedule(problem, options)).toThrow(MedofficeUsageError);
    expect(() => optimizeSchedule(problem, options)).toThrow(name);
  });

  it('takes Infinity as no bound', () => {
    const unbounded = optimizeSchedule({ ...problem, patients: 4, intervals: 6 }, { maxEvaluations: Number.POSITIVE_INFINITY, fullNeighbourhoodUpTo: Number.POSITIVE_INFINITY });
    expect(unbounded.ok && [unbounded.value.stoppedEarly, unbounded.value.fullNeighbourhood]).toEqual([false, true]);
  });
});
