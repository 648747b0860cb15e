import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { samplePoisson } from '../../../src/core/samplers.js';
import { reviewUndershoot } from '../../../src/inventory/policy/undershoot.js';

/** Undershoots of a level by a walk of daily demands that starts far above it, by simulation. */
function simulatedUndershoot(draw: () => number, runs: number, seed: number): { mean: number; variance: number } {
  const rng = createRng(seed);
  let sum = 0;
  let sumSquares = 0;
  for (let run = 0; run < runs; run++) {
    let position = 400 + rng.int(400);
    while (position > 0) position -= draw();
    sum += -position;
    sumSquares += position * position;
  }
  const mean = sum / runs;
  return { mean, variance: sumSquares / runs - mean * mean };
}

describe('reviewUndershoot', () => {
  it('matches the undershoot of a simulated daily-review walk: Poisson 10 a day gives mean d/2 = 5, variance ≈ 13', () => {
    const rng = createRng(99);
    const walk = simulatedUndershoot(() => samplePoisson(rng, 10), 40_000, 1);
    const formula = reviewUndershoot(10, Math.sqrt(10));
    expect(formula.mean).toBe(5);
    expect(formula.variance).toBeCloseTo(13, 12);
    expect(Math.abs(walk.mean - formula.mean)).toBeLessThan(0.06);
    // Poisson's third moment is d³ + 3d² + d, the formula's d³ + 3dσ² = d³ + 3d²: Var U is 1/3 lower than exact (13⅓).
    expect(Math.abs(walk.variance - formula.variance) / formula.variance).toBeLessThan(0.06);
  });

  it('is exact for intermittent demand of a fixed size (20 units on one day in ten): U is uniform on 0..19', () => {
    const d = 2;
    const sd = Math.sqrt(0.1 * 400 - d * d);
    const formula = reviewUndershoot(d, sd);
    expect(formula.mean).toBeCloseTo(9.5, 12);
    expect(formula.variance).toBeCloseTo((20 * 20 - 1) / 12, 10);
  });

  it('is zero with no demand; never negative; and with a largest day M, below one day: E[U] ≤ (max(M, d, 1) − 1)/2', () => {
    expect(reviewUndershoot(0, 3)).toEqual({ mean: 0, variance: 0 });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (d, sd, largest) => {
        const free = reviewUndershoot(d, sd);
        expect(free.mean).toBeGreaterThanOrEqual(0);
        expect(free.variance).toBeGreaterThanOrEqual(0);
        const held = reviewUndershoot(d, sd, largest);
        const day = Math.max(largest, d, 1);
        expect(held.mean).toBeLessThanOrEqual((day - 1) / 2 + 1e-9 * day);
        expect(held.variance).toBeLessThanOrEqual((day * day - 1) / 3 + 1e-9 * day * day);
        expect(held.mean).toBeLessThanOrEqual(free.mean);
      }),
    );
  });

  it('a forecast that has decayed towards zero does not imply one enormous day when the largest day is known', () => {
    // TSB after demand stops: d ≈ 1e-5 a day, while the error spread still reflects days of 20.
    expect(reviewUndershoot(1e-5, 6).mean).toBeGreaterThan(1e6);
    const held = reviewUndershoot(1e-5, 6, 20);
    expect(held.mean).toBeCloseTo(9.5, 9);
    expect(held.variance).toBeCloseTo((20 * 20 - 1) / 12, 9);
  });
});
