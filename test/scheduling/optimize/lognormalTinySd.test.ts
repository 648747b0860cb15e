import { describe, expect, it } from 'vitest';
import { evaluateSchedule } from '../../../src/scheduling/optimize/evaluateSchedule.js';
import { hasAtoms, planGrid } from '../../../src/scheduling/optimize/gridPlan.js';
import { optimizeSchedule } from '../../../src/scheduling/optimize/optimizeSchedule.js';

// A lognormal service law with a tiny (or underflowing) sd is, to any precision that matters, the
// point mass at its mean: its evaluation must be finite and equal the sd-0 answer. It was NaN with
// ok: true, because σ came out 0 (log(1 + cv²) with cv² below 2⁻⁵³) and the CDF divided by it.
describe('lognormal service with a tiny sd', () => {
  const session = (sd: number) => ({ slots: [2, 1, 1, 0], intervalMinutes: 15, sessionMinutes: 60, service: { kind: 'lognormal' as const, mean: 15, sd }, noShowProbability: 0.1 });
  const evaluated = (sd: number) => {
    const r = evaluateSchedule(session(sd));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  };

  it.each([1e-7, 1e-9, 1e-170, 1e-300])('sd %s gives the point-mass answer (sd 0)', (sd) => {
    const point = evaluated(0);
    const tiny = evaluated(sd);
    for (const key of ['expectedTotalWait', 'expectedIdle', 'expectedOvertime', 'objective'] as const) {
      expect(Number.isFinite(tiny[key])).toBe(true);
      expect(Math.abs(tiny[key] - point[key])).toBeLessThan(1e-6);
    }
  });

  it('an sd whose square underflows beside the mean is a point mass (σ = 0), planned like sd 0', () => {
    expect([0, 1e-170, 1e-7].map((sd) => hasAtoms({ kind: 'lognormal', mean: 15, sd }))).toEqual([true, true, false]);
    expect(planGrid({ kind: 'lognormal', mean: 15, sd: 1e-170 }, 15)).toEqual(planGrid({ kind: 'lognormal', mean: 15, sd: 0 }, 15));
  });

  it('the optimiser gives a finite objective equal to the point mass one', () => {
    const problem = (sd: number) => ({ patients: 4, intervals: 4, intervalMinutes: 15, service: { kind: 'lognormal' as const, mean: 15, sd }, noShowProbability: 0.1 });
    const point = optimizeSchedule(problem(0));
    for (const sd of [1e-9, 1e-170]) {
      const tiny = optimizeSchedule(problem(sd));
      if (!tiny.ok || !point.ok) throw new Error('optimisation failed');
      expect(Number.isFinite(tiny.value.evaluation.objective)).toBe(true);
      expect(Math.abs(tiny.value.evaluation.objective - point.value.evaluation.objective)).toBeLessThan(1e-6);
    }
  });
});
