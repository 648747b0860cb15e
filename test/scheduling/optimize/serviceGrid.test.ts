import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discretiseService, serviceGridLength } from '../../../src/scheduling/optimize/serviceGrid.js';
import type { Distribution } from '../../../src/core/distribution.js';

const continuousLaw: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0.5, max: 200, noNaN: true }).map((mean) => ({ kind: 'exponential' as const, mean })),
  fc
    .tuple(fc.double({ min: 1, max: 120, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }))
    .map(([mean, cv]) => ({ kind: 'lognormal' as const, mean, sd: mean * cv })),
  fc
    .tuple(fc.double({ min: 1, max: 120, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }))
    .map(([mean, cv]) => ({ kind: 'gamma' as const, mean, sd: mean * cv })),
  fc
    .tuple(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0.5, max: 120, noNaN: true }))
    .map(([min, width]) => ({ kind: 'uniform' as const, min, max: min + width })),
);

describe('serviceGridLength', () => {
  it('bounds the discretised grid from above by at most three points', () => {
    fc.assert(
      fc.property(continuousLaw, fc.double({ min: 0.05, max: 5, noNaN: true }), (law, step) => {
        const built = discretiseService(law, step).length;
        const planned = serviceGridLength(law, step);
        expect(planned).toBeGreaterThanOrEqual(built);
        expect(planned).toBeLessThanOrEqual(built + 3);
      }),
    );
  });

  it('is exact for point laws up to the two ends of the largest point', () => {
    expect(serviceGridLength({ kind: 'deterministic', value: 15 }, 1)).toBe(17);
    expect(discretiseService({ kind: 'deterministic', value: 15 }, 1).length).toBe(16);
    expect(serviceGridLength({ kind: 'empirical', values: [3, 7.5] }, 1)).toBe(10);
    expect(discretiseService({ kind: 'empirical', values: [3, 7.5] }, 1).length).toBe(9);
  });

  it('is infinite for a step that is not positive', () => {
    expect(serviceGridLength({ kind: 'exponential', mean: 10 }, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(serviceGridLength({ kind: 'exponential', mean: 10 }, Number.NaN)).toBe(Number.POSITIVE_INFINITY);
  });
});
