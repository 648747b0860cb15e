import { describe, expect, it } from 'vitest';
import { classifyDemand, forecastDemand, intermittent, MIN_SCORED_ERRORS } from '../../src/inventory/index.js';

describe("Croston's interval is smoothed with α: β is TSB's alone (Croston 1972; the docs of intermittent)", () => {
  it('gives [0, 0, 3, 0, 0, 0, 2, 0] with α = 0.1 the forecast z/p = 2.9/3.1, whatever β is', () => {
    // By hand: z = 3, p = 3 at the first demand; at the second, z = 3 + 0.1(2 − 3) = 2.9 and p = 3 + 0.1(4 − 3) = 3.1.
    const y = [0, 0, 3, 0, 0, 0, 2, 0];
    const withBeta = intermittent(y, { method: 'croston', alpha: 0.1, beta: 0.9 });
    expect(withBeta.size).toBeCloseTo(2.9, 12);
    expect(withBeta.intervalOrProbability).toBeCloseTo(3.1, 12);
    expect(withBeta.perPeriod).toBeCloseTo(2.9 / 3.1, 12);
    expect(withBeta.perPeriod).toBeCloseTo(intermittent(y, { method: 'croston', alpha: 0.1 }).perPeriod, 12);
    expect(intermittent(y, { method: 'sba', alpha: 0.1, beta: 0.9 }).perPeriod).toBeCloseTo(0.95 * (2.9 / 3.1), 12);
  });
});

describe('the spread counts as measured only after MIN_SCORED_ERRORS (7) one-step errors', () => {
  it('leaves seven days of SES (six errors) unmeasured, at least √perDay = √5', () => {
    expect(MIN_SCORED_ERRORS).toBe(7);
    const f = forecastDemand([5, 5, 5, 5, 5, 5, 5], { method: 'ses' });
    expect(f.errors.n).toBe(6);
    expect(f.spreadKnown).toBe(false);
    expect(f.sigmaPerDay).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('counts eight days of SES (seven errors) as measured, a spread of 0 for constant use', () => {
    const f = forecastDemand([5, 5, 5, 5, 5, 5, 5, 5], { method: 'ses' });
    expect(f.errors.n).toBe(7);
    expect(f.spreadKnown).toBe(true);
    expect(f.sigmaPerDay).toBe(0);
  });
});

describe('intermittent demand switches from SBA to TSB only once the quiet days outnumber every interval so far (forecastDemand docs)', () => {
  it('keeps SBA when the days since the last demand equal the longest interval (3 and 3)', () => {
    const usage = [0, 0, 5, 0, 0, 5, 0, 0, 0];
    const pattern = classifyDemand(usage);
    expect(pattern.demandClass).toBe('intermittent');
    expect(pattern.periodsSinceDemand).toBe(3);
    expect(pattern.longestInterval).toBe(3);
    expect(forecastDemand(usage).method).toBe('sba');
  });

  it('switches to TSB a day later, when the quiet run (4) outnumbers it', () => {
    expect(forecastDemand([0, 0, 5, 0, 0, 5, 0, 0, 0, 0]).method).toBe('tsb');
  });
});
