import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLASSIC_RULES, classicSchedule } from '../../../src/scheduling/optimize/classicRules.js';
import { compareWithBaselines } from '../../../src/scheduling/optimize/compareBaselines.js';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import { optimizeSchedule, sessionOf } from '../../../src/scheduling/optimize/optimizeSchedule.js';
import type { OptimizeProblem } from '../../../src/scheduling/optimize/problem.js';

function objective(problem: OptimizeProblem, slots: readonly number[]): number {
  const result = evaluateSchedule(sessionOf(problem, slots));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.objective;
}

// A local search without the full neighbourhood (T > 12) ends in a local optimum that depends on
// where it starts. The caller's schedule was not a start, so the "optimised" row could be worse
// than the "given" row beside it (the reviewer's betterGiven.json: 88.122 against 87.562).
describe('the given schedule is a start of the search', () => {
  it('betterGiven.json: the optimised row is no worse than the given schedule', () => {
    const given = [1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0];
    const problem = { patients: 12, intervals: 24, intervalMinutes: 10, sessionMinutes: 240, service: { kind: 'lognormal', mean: 15, sd: 15 }, noShowProbability: 0 };
    const compared = compareWithBaselines(problem, given);
    if (!compared.ok) throw new Error(JSON.stringify(compared.issues));
    const [optimised, givenRow] = compared.value.rows;
    expect(givenRow?.name).toBe('given');
    expect(givenRow?.evaluation.objective).toBeCloseTo(87.562, 3);
    expect(optimised?.evaluation.objective).toBeLessThanOrEqual((givenRow?.evaluation.objective ?? 0) + 1e-12);
  });

  it('for random problems and given schedules, the optimised row is no worse than any other row', () => {
    const instance = fc
      .record({ patients: fc.integer({ min: 2, max: 8 }), intervals: fc.integer({ min: 13, max: 15 }), q: fc.constantFrom(0, 0.2), sd: fc.constantFrom(5, 15) })
      .chain((p) => fc.tuple(fc.constant(p), fc.array(fc.integer({ min: 0, max: p.intervals - 1 }), { minLength: p.patients, maxLength: p.patients })));
    fc.assert(
      fc.property(instance, ([p, at]) => {
        const given = new Array<number>(p.intervals).fill(0);
        for (const t of at) given[t] = (given[t] ?? 0) + 1;
        const problem = { patients: p.patients, intervals: p.intervals, intervalMinutes: 10, service: { kind: 'lognormal', mean: 15, sd: p.sd }, noShowProbability: p.q };
        const compared = compareWithBaselines(problem, given);
        if (!compared.ok) throw new Error(JSON.stringify(compared.issues));
        const [optimised, ...others] = compared.value.rows;
        for (const row of others) expect(optimised?.evaluation.objective).toBeLessThanOrEqual(row.evaluation.objective + 1e-12);
      }),
      { numRuns: 12 },
    );
  });

  it("optimizeSchedule's start joins the classic starts: from a poor start the result is still no worse than any classic rule", () => {
    // All six patients in the last of 13 intervals: the search from there alone ended at 59.339,
    // worse than equal spacing (58.917).
    const problem: OptimizeProblem = { patients: 6, intervals: 13, intervalMinutes: 10, service: { kind: 'lognormal', mean: 12, sd: 6 }, noShowProbability: 0 };
    const start = [...new Array<number>(12).fill(0), 6];
    const found = optimizeSchedule({ ...problem, start });
    if (!found.ok) throw new Error(JSON.stringify(found.issues));
    expect(found.value.evaluation.objective).toBeLessThanOrEqual(objective(problem, start));
    for (const rule of CLASSIC_RULES) {
      expect(found.value.evaluation.objective).toBeLessThanOrEqual(objective(problem, classicSchedule(rule, 6, 13, 12 / 10)) + 1e-12);
    }
  });

  it('a good start is where the search begins (startedFrom given) and counts as one more start', () => {
    const problem: OptimizeProblem = { patients: 8, intervals: 13, intervalMinutes: 10, service: { kind: 'lognormal', mean: 12, sd: 6 }, noShowProbability: 0 };
    const free = optimizeSchedule(problem);
    if (!free.ok) throw new Error('optimisation failed');
    expect(free.value.improvements).toBeGreaterThan(0);
    const again = optimizeSchedule({ ...problem, start: free.value.slots }, { maxEvaluations: 1 });
    if (!again.ok) throw new Error('optimisation failed');
    expect([again.value.startedFrom, again.value.evaluations]).toEqual(['given', 8]);
    expect(again.value.evaluation.objective).toBe(free.value.evaluation.objective);
  });
});

describe('rows that break maxPerInterval are marked', () => {
  it('10 patients in 10 intervals, at most 1 per interval: Bailey-Welch (2 at the start) is marked, the optimum is one each', () => {
    const problem = { patients: 10, intervals: 10, intervalMinutes: 15, sessionMinutes: 150, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1, maxPerInterval: 1 };
    const compared = compareWithBaselines(problem, new Array<number>(10).fill(1));
    if (!compared.ok) throw new Error(JSON.stringify(compared.issues));
    const marked = compared.value.rows.filter((row) => row.exceedsMaxPerInterval === true).map((row) => row.name);
    expect(marked).toEqual(['bailey-welch', 'multiple-block', 'offset', 'dome']);
    for (const row of compared.value.rows) expect(row.exceedsMaxPerInterval === true).toBe(row.slots.some((n) => n > 1));
    expect(compared.value.rows[0]?.slots).toEqual(new Array<number>(10).fill(1));
  });

  it('without a limit no row is marked', () => {
    const compared = compareWithBaselines({ patients: 10, intervals: 10, intervalMinutes: 15, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 }, undefined, { maxEvaluations: 1 });
    expect(compared.ok && compared.value.rows.some((row) => 'exceedsMaxPerInterval' in row)).toBe(false);
  });
});
