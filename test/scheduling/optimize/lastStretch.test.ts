import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastStretch } from '../../../src/scheduling/optimize/lastStretch.js';

describe('lastStretch', () => {
  it('by hand: work of 0 or 4 steps, equally likely, session ending 2.5 steps later', () => {
    // Idle: 2.5 with probability 1/2; overtime: 1.5 with probability 1/2.
    expect(lastStretch(Float64Array.of(0.5, 0, 0, 0, 0.5), 5, 2.5, 'linear')).toEqual({ idleSteps: 1.25, overtimeSteps: 0.75 });
  });

  it('a cubic E[(V − x)⁺] is interpolated exactly between grid points', () => {
    // V uniform on {0, …, 10}: at whole j, E[(V − j)⁺] = (10 − j)(11 − j)/22, a quadratic in j, which
    // the cubic through four grid points reproduces at every x in between.
    const pmf = new Float64Array(11).fill(1 / 11);
    const quadratic = (x: number): number => ((10 - x) * (11 - x)) / 22;
    for (const r of [2.25, 4.5, 6.8]) expect(lastStretch(pmf, 11, r, 'cubic').overtimeSteps).toBeCloseTo(quadratic(r), 12);
  });

  it('properties: idle − overtime = r − E[V], overtime ≥ 0, and a whole r reads the grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 1, max: 35, noNaN: true }),
        fc.constantFrom('linear' as const, 'cubic' as const),
        (weights, r, interpolation) => {
          const total = weights.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const pmf = Float64Array.from(weights, (w) => w / total);
          const mean = pmf.reduce((sum, p, k) => sum + p * k, 0);
          const end = lastStretch(pmf, pmf.length, r, interpolation);
          expect(end.overtimeSteps).toBeGreaterThanOrEqual(0);
          if (end.overtimeSteps > 0) expect(end.idleSteps - end.overtimeSteps).toBeCloseTo(r - mean, 9);
          const whole = Math.round(r);
          const direct = pmf.reduce((sum, p, k) => sum + p * Math.max(0, k - whole), 0);
          expect(lastStretch(pmf, pmf.length, whole, interpolation).overtimeSteps).toBeCloseTo(direct, 12);
        },
      ),
    );
  });
});
