import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classicSchedule } from '../../../src/scheduling/optimize/classicRules.js';

// Bailey's rule ("2BEG", Cayirli and Veral 2003, Production and Operations Management 12(4)):
// exactly two patients at the start, then one every mean service time s. Rounding each time down to
// an interval start (the convention of every classic rule here) put patient 3 at the start too when
// s < 1: classicSchedule('bailey-welch', 8, 8, 2/3) was [3, 1, 2, 1, 1, 0, 0, 0].
describe('Bailey-Welch keeps the first block at exactly two', () => {
  it('mean service 10 min in 15-min intervals: times 0, 0, 2/3, 4/3, 2, 8/3, 10/3, 4 go to 0, 0, 1, 1, 2, 2, 3, 4', () => {
    expect(classicSchedule('bailey-welch', 8, 8, 10 / 15)).toEqual([2, 2, 2, 1, 1, 0, 0, 0]);
  });

  it('a service time of 0 books the others at interval 1, not at the start', () => {
    expect(classicSchedule('bailey-welch', 5, 4, 0)).toEqual([2, 3, 0, 0]);
  });

  it('for any s ≥ 0, N ≥ 2 and T ≥ 2 the first interval holds exactly two; for s ≥ 1 nothing else changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 60 }), fc.double({ min: 0, max: 8, noNaN: true }), (n, t, s) => {
        const slots = classicSchedule('bailey-welch', n, t, s);
        expect(slots[0]).toBe(2);
        if (s >= 1) {
          // The plain rule, each time (i − 2)·s rounded down, capped at the last interval.
          const plain = new Array<number>(t).fill(0);
          for (let i = 0; i < n; i++) {
            const at = Math.min(t - 1, Math.floor(Math.max(0, i - 1) * s + 1e-9));
            plain[at] = (plain[at] ?? 0) + 1;
          }
          expect(slots).toEqual(plain);
        }
      }),
    );
  });
});
