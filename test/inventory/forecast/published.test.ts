import { describe, expect, it } from 'vitest';
import { classifyDemand, demandClassOf, DEMAND_CLASS_CUTOFFS, intermittent, ses } from '../../../src/inventory/index.js';

// Saudi Arabian oil production 1996-2013, millions of tonnes (fpp2::oil), as used in
// Hyndman & Athanasopoulos, Forecasting: Principles and Practice (2nd ed.), §7.1, Table 7.1.
const OIL = [445.36, 453.2, 454.41, 422.38, 456.04, 440.39, 425.19, 486.21, 500.43, 521.28, 508.95, 488.89, 509.87, 456.72, 473.82, 525.95, 549.83, 542.34];

describe('published forecasting examples', () => {
  it('SES: FPP2 §7.1, Table 7.1 (α = 0.8339, ℓ0 = 446.59) forecasts 542.68 for 2014 onwards', () => {
    const fitted = new Float64Array(OIL.length);
    const fit = ses(OIL, { alpha: 0.8339, initialLevel: 446.59, fitted });
    expect(Number(fit.level.toFixed(2))).toBe(542.68);
    expect(fitted[0]).toBe(446.59);
    expect(fit.errors.n).toBe(OIL.length);
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

  it('Croston as the R forecast package computes it (R/croston.R, croston_model): fitted values and SBA, SBJ factors', () => {
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
