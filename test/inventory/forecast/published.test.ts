import { describe, expect, it } from 'vitest';
import { classifyDemand, demandClassOf, DEMAND_CLASS_CUTOFFS, intermittent, ses } from '../../../src/inventory/index.js';

// Saudi Arabian oil production 1996-2013, millions of tonnes (fpp2::oil), as used in
// Hyndman & Athanasopoulos, Forecasting: Principles and Practice (2nd ed.), §7.1, Table 7.1.
// Verified: the 18 values are fpp2::oil rounded to two places, checked against a full-precision copy
// of the data set (Rdatasets.cs, src/Rdatasets/fpp2/oil.cs: 1996 445.364098092 … 2013 542.340469826).
// The smoothing parameter α = 0.8339, the initial level ℓ0 = 446.59 and the forecast 542.68 are the
// book's Table 7.1 figures; no stored copy of that table was found to re-check them against.
const OIL_FULL = [
  445.364098092, 453.195010427, 454.409641012, 422.378905779, 456.037121728, 440.386604674, 425.194372519, 486.20517351, 500.429086073,
  521.27590917, 508.947617045, 488.888857729, 509.870574978, 456.722912348, 473.816602915, 525.950870565, 549.833807597, 542.340469826,
];
const OIL = [445.36, 453.2, 454.41, 422.38, 456.04, 440.39, 425.19, 486.21, 500.43, 521.28, 508.95, 488.89, 509.87, 456.72, 473.82, 525.95, 549.83, 542.34];

describe('published forecasting examples', () => {
  it('SES: FPP2 §7.1, Table 7.1 (α = 0.8339, ℓ0 = 446.59) forecasts 542.68 for 2014 onwards', () => {
    const fitted = new Float64Array(OIL.length);
    const fit = ses(OIL, { alpha: 0.8339, initialLevel: 446.59, fitted });
    expect(Number(fit.level.toFixed(2))).toBe(542.68);
    expect(fitted[0]).toBe(446.59);
    expect(fit.errors.n).toBe(OIL.length);
    expect(OIL_FULL.map((x) => Number(x.toFixed(2)))).toEqual(OIL);
    expect(Number(ses(OIL_FULL, { alpha: 0.8339, initialLevel: 446.59 }).level.toFixed(2))).toBe(542.68);
  });

  it('Syntetos, Boylan & Croston (2005) cut-offs ADI = 1.32 and CV² = 0.49 split the four classes', () => {
    expect(DEMAND_CLASS_CUTOFFS).toEqual({ adi: 1.32, cv2: 0.49 });
    expect(demandClassOf(1.31, 0.48)).toBe('smooth');
    expect(demandClassOf(1.31, 0.49)).toBe('erratic');
    expect(demandClassOf(1.32, 0.48)).toBe('intermittent');
    expect(demandClassOf(1.32, 0.49)).toBe('lumpy');
  });

  it('classifies by ADI (periods to the last demand / demands) and CV² of sizes (sample variance)', () => {
    const pattern = classifyDemand([0, 2, 0, 4, 0, 6]);
    expect(pattern.adi).toBe(2);
    expect(pattern.cv2).toBeCloseTo(4 / 16, 12);
    expect(pattern.demandClass).toBe('intermittent');
    expect(classifyDemand([0, 0, 0]).demandClass).toBe('none');
  });

  it('measures the longest interval between demands (the first from the start) and the quiet run after the last', () => {
    expect(classifyDemand([0, 2, 0, 0, 0, 4, 0, 6, 0, 0])).toMatchObject({ longestInterval: 4, periodsSinceDemand: 2 });
    expect(classifyDemand([0, 0, 0, 3])).toMatchObject({ longestInterval: 4, periodsSinceDemand: 0 });
    expect(classifyDemand([0, 0, 0])).toMatchObject({ longestInterval: 0, periodsSinceDemand: 3 });
  });

  it('Croston as the R forecast package computes it (R/croston.R, croston_model): fitted values and SBA, SBJ factors', () => {
    // Verified against robjhyndman/forecast R/croston.R (croston_model: fit_demand[1] = y_demand[1],
    // fit_interval[1] = non_zero[1], SES with alpha on both, SBA 1 − α/2, SBJ 1 − α/(2 − α),
    // fits <- rep(c(0, ratio), diff(c(0, non_zero, length(y))))); the figures below follow that code by hand.
    // croston_model: non_zero = c(3, 7); fit_demand = c(3, 2.9); fit_interval = c(3, 3.1);
    // fits <- rep(c(0, ratio), diff(c(0, non_zero, length(y)))) = 0 0 0 1 1 1 1 0.9355 (fits[1] is NA in R).
    const y = [0, 0, 3, 0, 0, 0, 2, 0];
    const fitted = new Float64Array(y.length);
    const fit = intermittent(y, { method: 'croston', alpha: 0.1, fitted });
    expect([...fitted.slice(1, 7)]).toEqual([0, 0, 1, 1, 1, 1]);
    expect(fitted[7]).toBeCloseTo(2.9 / 3.1, 12);
    expect(fit.perPeriod).toBeCloseTo(2.9 / 3.1, 12);
    expect(intermittent(y, { method: 'sbj', alpha: 0.1 }).perPeriod).toBeCloseTo((1 - 0.1 / 1.9) * (2.9 / 3.1), 12);
  });

  it('Croston (1972) as R forecast::croston initialises: z = first demand, p = periods to it; SBA × (1 − α/2); TSB (Teunter et al. 2011)', () => {
    const y = [0, 0, 3, 0, 0, 0, 2, 0];
    const croston = intermittent(y, { method: 'croston', alpha: 0.1 });
    expect(croston.size).toBeCloseTo(2.9, 12);
    expect(croston.intervalOrProbability).toBeCloseTo(3.1, 12);
    expect(croston.perPeriod).toBeCloseTo(2.9 / 3.1, 12);
    expect(intermittent(y, { method: 'sba', alpha: 0.1 }).perPeriod).toBeCloseTo(0.95 * (2.9 / 3.1), 12);
    const tsb = intermittent(y, { method: 'tsb', alpha: 0.1, beta: 0.1 });
    const probability = ((1 / 3) * 0.9 ** 3 + 0.1 * (1 - (1 / 3) * 0.9 ** 3)) * 0.9;
    expect(tsb.perPeriod).toBeCloseTo(probability * 2.9, 12);
  });
});
