import { describe, expect, it } from 'vitest';
import { summarize, tCritical95 } from '../../src/core/statistics.js';

describe('summarize', () => {
  it('with fewer than two observations the spread is unknown: sd, standard error and interval are NaN', () => {
    const none = summarize([]);
    expect(none.n).toBe(0);
    expect(none.ci95[0]).toBeNaN();
    expect(none.ci95[1]).toBeNaN();
    expect(none.mean).toBeNaN();
    const one = summarize([5]);
    expect(one.mean).toBe(5);
    expect(one.ci95[0]).toBeNaN();
    expect(one.ci95[1]).toBeNaN();
    expect(one.sd).toBeNaN();
    expect(one.standardError).toBeNaN();
    expect(none.standardError).toBeNaN();
    const two = summarize([4, 6]); // sd √2, standard error 1, t(1) = 12.706
    expect(two.ci95[0]).toBeCloseTo(5 - 12.706, 10);
    expect(two.ci95[1]).toBeCloseTo(5 + 12.706, 10);
    expect(two.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(two.standardError).toBeCloseTo(1, 12);
  });
});

describe('tCritical95', () => {
  it('past the table (df > 30) matches the published t(0.975, 31) = 2.039513 to four decimals', () => {
    // Student's t quantile table, 0.975 column, 31 degrees of freedom; the Cornish-Fisher series needs its third-order term to get there.
    expect(tCritical95(31)).toBeCloseTo(2.039513, 4);
  });
});
