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

  // References computed with mpmath 1.3.0 (Python) at mp.dps = 60, from the exact doubles shown:
  // Φ(x) = mpmath.ncdf(x); G(k) = mpmath.npdf(k) − k·mpmath.ncdf(−k); Φ⁻¹(p) by mpmath.findroot on
  // ln ncdf(t) − ln q with q = min(p, 1 − p), negated for p > 1/2; all rounded to 17 digits.
  const CDF: readonly [number, number][] = [
    [-37.5, 4.6053530095819548e-308], [-37, 5.7255712225245768e-300], [-30, 4.9067139271481871e-198],
    [-20, 2.7536241186062337e-89], [-15, 3.6709661993127509e-51], [-10, 7.6198530241605261e-24],
    [-8, 6.2209605742717841e-16], [-6, 9.8658764503769814e-10], [-5.5, 1.8989562465887719e-8],
    [-3, 0.0013498980316300945], [-1, 0.15865525393145705], [-0.5, 0.3085375387259869],
    [0.3, 0.61791142218895263], [2, 0.97724986805182079],
  ];
  const LOSS: readonly [number, number][] = [
    [-5, 5.0000000534616553], [-1, 1.0833154705876863], [0.5, 0.19779655740130603], [2, 0.0084907026168296375],
    [4.43, 9.7564712861169771e-7], [5.5, 3.255006863050307e-9], [6, 1.5635697959709664e-10],
    [8, 7.5502624119464989e-17], [10, 7.474560254589328e-25], [15, 2.426025087528983e-52],
    [20, 1.3700124947295799e-90], [25, 1.2187970462990369e-139], [30, 1.6319567340914012e-199],
    [35, 3.2088044826024768e-270],
  ];
  const QUANTILE: readonly [number, number][] = [
    [5e-324, -38.467405617144346], [1e-310, -37.663060331949524], [1e-300, -37.047096299361199],
    [1e-100, -21.273453560965324], [1e-20, -9.2623400897984076], [1e-8, -5.6120012441747887],
    [0.001, -3.0902323061678135], [0.3, -0.52440051270804082], [0.975, 1.9599639845400539],
    [0.9999999999, 6.3613408896974219],
  ];
  const relative = (got: number, want: number): number => Math.abs(got / want - 1);

  it('Φ keeps full relative accuracy deep in the lower tail (x down to −37.5)', () => {
    for (const [x, want] of CDF) expect(relative(normalCdf(x), want), `Φ(${x})`).toBeLessThan(1e-14);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('Φ reaches 0 only from about −38.5, as documented: Φ(−38.2) is a positive subnormal', () => {
    // Mills ratio by hand: Φ(−38.2) ≈ φ(38.2)/38.2 = e^−729.62/(√(2π)·38.2) ≈ 1.408e-319, above the least double 4.9e-324.
    expect(normalCdf(-38.2)).toBeGreaterThan(0);
  });

  it('the quantile is accurate for every p in (0, 1), subnormal p included', () => {
    for (const [p, want] of QUANTILE) expect(Math.abs(normalQuantile(p) - want), `Φ⁻¹(${p})`).toBeLessThan(2e-15 * Math.max(1, Math.abs(want)));
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 0.5, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        expect(Number.isFinite(x)).toBe(true);
        // Φ(x) has ~1e-16 relative error; near x = −37 one ulp of x moves Φ by about x²·1e-16.
        if (p >= 1e-300) expect(relative(normalCdf(x), p)).toBeLessThan(5e-13);
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(1 - (1 - p)), 12);
      }),
    );
  });

  it('the loss function G(k) is positive and accurate, without cancellation, for k up to 35', () => {
    for (const [k, want] of LOSS) expect(relative(normalLoss(k), want), `G(${k})`).toBeLessThan(1e-13);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 38, noNaN: true }), (k) => {
        expect(normalLoss(k)).toBeGreaterThan(0);
        expect(relative(normalLoss(-k), normalLoss(k) + k)).toBeLessThan(1e-15);
        expect(normalLoss(k + 0.01)).toBeLessThan(normalLoss(k));
      }),
    );
    expect(normalLoss(Infinity)).toBe(0);
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
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), (xs) => {
        const s = summarize(xs);
        expect(s.ci95[0]).toBeLessThanOrEqual(s.mean + 1e-6);
        expect(s.ci95[1]).toBeGreaterThanOrEqual(s.mean - 1e-6);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
      }),
    );
  });
});
