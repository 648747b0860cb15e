import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalLoss, normalPdf, normalQuantile } from '../../src/core/normal.js';
import { quantileSorted, summarize, tCritical95 } from '../../src/core/statistics.js';

describe('standard normal', () => {
  it('matches published table values (Abramowitz and Stegun, Table 26.1)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 11);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });

  it('the loss function G(k) matches tables (Silver, Pyke and Thomas, Appendix B)', () => {
    expect(normalLoss(0)).toBeCloseTo(0.3989, 4);
    expect(normalLoss(1)).toBeCloseTo(0.0833, 4);
    expect(normalLoss(2)).toBeCloseTo(0.0085, 4);
  });

  it('quantile inverts the distribution function', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-9 * p);
      }),
    );
  });

  it('the distribution function is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, d) => {
        expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
      }),
    );
  });
});

describe('statistics', () => {
  it('summarizes a small sample exactly', () => {
    const s = summarize([12, 15, 9, 20], [50, 90]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(14);
    expect(s.sd).toBeCloseTo(Math.sqrt(22), 12);
    expect(s.standardError).toBeCloseTo(Math.sqrt(22) / 2, 12);
    expect(s.ci95[0]).toBeCloseTo(14 - 3.182 * (Math.sqrt(22) / 2), 10);
    expect(s.percentiles[50]).toBe(13.5);
    expect(s.percentiles[90]).toBeCloseTo(18.5, 12);
    expect(s.min).toBe(9);
    expect(s.max).toBe(20);
  });

  it('quantiles follow Hyndman and Fan type 7 (R and NumPy defaults)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([7], 0.9)).toBe(7);
  });

  it('t critical values approach the normal', () => {
    expect(tCritical95(9)).toBe(2.262);
    expect(tCritical95(60)).toBeCloseTo(2.0003, 3);
    expect(tCritical95(120)).toBeCloseTo(1.9799, 3);
    expect(tCritical95(1e9)).toBeCloseTo(1.96, 3);
  });

  it('the mean lies inside its confidence interval and between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (xs) => {
        const s = summarize(xs);
        expect(s.ci95[0]).toBeLessThanOrEqual(s.mean + 1e-6);
        expect(s.ci95[1]).toBeGreaterThanOrEqual(s.mean - 1e-6);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
      }),
    );
  });
});
