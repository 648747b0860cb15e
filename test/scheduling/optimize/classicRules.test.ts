import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLASSIC_RULES, classicSchedule } from '../../../src/scheduling/optimize/classicRules.js';

describe('classic rules', () => {
  it('Bailey-Welch books two at the start and then one per interval (Bailey and Welch 1952)', () => {
    expect(classicSchedule('bailey-welch', 5, 5)).toEqual([2, 1, 1, 1, 0]);
    expect(classicSchedule('bailey-welch', 20, 20)).toEqual([2, ...new Array(18).fill(1), 0]);
  });

  it('equal spacing books one per interval when N = T, and every other interval when T = 2N', () => {
    expect(classicSchedule('equal-spacing', 4, 4)).toEqual([1, 1, 1, 1]);
    expect(classicSchedule('equal-spacing', 3, 6)).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('multiple-block books pairs', () => {
    expect(classicSchedule('multiple-block', 6, 6)).toEqual([2, 0, 2, 0, 2, 0]);
  });

  it('offset front-loads and dome loads both ends more densely than the middle', () => {
    const offset = classicSchedule('offset', 20, 20);
    expect(offset.slice(0, 10).reduce((a, b) => a + b, 0)).toBeGreaterThan(offset.slice(10).reduce((a, b) => a + b, 0));
    const dome = classicSchedule('dome', 20, 20);
    const middle = dome.slice(7, 13).reduce((a, b) => a + b, 0);
    expect(middle).toBeLessThan(6);
  });

  it('every rule places every patient inside the session', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLASSIC_RULES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (rule, n, t) => {
        const slots = classicSchedule(rule, n, t);
        expect(slots).toHaveLength(t);
        expect(slots.reduce((a, b) => a + b, 0)).toBe(n);
        expect(slots.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      }),
    );
  });
});
