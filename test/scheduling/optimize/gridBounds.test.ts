import { describe, expect, it } from 'vitest';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import { optimizeSchedule } from '../../../src/scheduling/optimize/optimizeSchedule.js';
import { evaluationWork, MAX_CONVOLUTION_WORK } from '../../../src/scheduling/optimize/gridBounds.js';

const codesAndPaths = (result: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((issue) => [issue.code, issue.path]);

const seconds = (since: number) => (performance.now() - since) / 1000;

// Heavy-tailed service laws spread over so many grid points that the convolutions take minutes
// while the memory bound still holds: evaluating 4 patients with lognormal 15/300 took 361 s, and
// optimising 20 patients over 40 intervals with lognormal 15/30 did not end in 900 s. The work is
// estimated first (patients × service grid points², times the evaluations of a search) and refused
// beyond MAX_CONVOLUTION_WORK, at the service law.
describe('the grid bounds: memory and work', () => {
  it('refuses at once to evaluate 4 patients with lognormal 15/300 (2.8e11 multiply-adds), at service', () => {
    const start = performance.now();
    const result = evaluateSchedule({ slots: [1, 1, 1, 1], intervalMinutes: 15, sessionMinutes: 60, service: { kind: 'lognormal', mean: 15, sd: 300 }, noShowProbability: 0.1 });
    expect(codesAndPaths(result)).toEqual([['schedule.grid_too_large', ['service']]]);
    expect(seconds(start)).toBeLessThan(2);
  });

  it('refuses 60 patients with lognormal 15/60, just over the bound (it ran 33 s)', () => {
    const session = { slots: new Array<number>(60).fill(1), intervalMinutes: 15, sessionMinutes: 900, service: { kind: 'lognormal' as const, mean: 15, sd: 60 }, noShowProbability: 0.1 };
    expect(evaluationWork(session.service, 15, 8, 60, true).work).toBeGreaterThan(MAX_CONVOLUTION_WORK);
    const start = performance.now();
    expect(codesAndPaths(evaluateSchedule(session))).toEqual([['schedule.grid_too_large', ['service']]]);
    expect(seconds(start)).toBeLessThan(2);
  }, 120_000);

  it('blames a stepsPerInterval the caller chose too fine when the planned grid fits', () => {
    const result = evaluateSchedule({ slots: [1, 1, 1], intervalMinutes: 15, sessionMinutes: 45, service: { kind: 'exponential', mean: 15 }, noShowProbability: 0.1 }, { stepsPerInterval: 5000 });
    expect(codesAndPaths(result)).toEqual([['schedule.grid_too_large', ['stepsPerInterval']]]);
  }, 120_000);

  it('refuses at once to optimise 20 patients over 40 intervals with lognormal 15/30, at service', () => {
    const start = performance.now();
    const result = optimizeSchedule({ patients: 20, intervals: 40, intervalMinutes: 7.5, service: { kind: 'lognormal', mean: 15, sd: 30 }, noShowProbability: 0.1 });
    expect(codesAndPaths(result)).toEqual([['schedule.grid_too_large', ['service']]]);
    expect(seconds(start)).toBeLessThan(2);
  });

  it('counts the evaluations the budget allows: 100 are still too many for that law (it ran 53 s)', () => {
    const problem = { patients: 20, intervals: 40, intervalMinutes: 7.5, service: { kind: 'lognormal', mean: 15, sd: 30 }, noShowProbability: 0.1 };
    const start = performance.now();
    expect(codesAndPaths(optimizeSchedule(problem, { maxEvaluations: 100 }))).toEqual([['schedule.grid_too_large', ['service']]]);
    expect(seconds(start)).toBeLessThan(2);
  }, 120_000);

  it('blames a searchStepsPerInterval the caller chose too fine when the default search grid fits', () => {
    const problem = { patients: 20, intervals: 40, intervalMinutes: 7.5, service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 };
    expect(codesAndPaths(optimizeSchedule(problem, { searchStepsPerInterval: 300, maxEvaluations: 12 }))).toEqual([['schedule.grid_too_large', ['searchStepsPerInterval']]]);
  }, 120_000);

  it('names the searchStepsPerInterval the caller gave when its grid would not fit in memory (not the doubled grid)', () => {
    const problem = { patients: 20, intervals: 40, intervalMinutes: 7.5, service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 };
    const result = optimizeSchedule(problem, { searchStepsPerInterval: 300_000 });
    expect(codesAndPaths(result)).toEqual([['schedule.grid_too_large', ['searchStepsPerInterval']]]);
    expect(result.ok ? '' : result.issues[0]?.message).toContain('searchStepsPerInterval 300000 is too fine');
  });

  it('lets the benchmark problem (lognormal 15/7.5, 20 patients over 40 intervals) run', () => {
    const result = optimizeSchedule({ patients: 20, intervals: 40, intervalMinutes: 7.5, service: { kind: 'lognormal', mean: 15, sd: 7.5 }, noShowProbability: 0.1 });
    expect(result.ok).toBe(true);
  });
});
