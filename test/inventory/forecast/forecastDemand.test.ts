import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { samplePoisson } from '../../../src/core/samplers.js';
import { forecastDemand, intermittent, MIN_SCORED_ERRORS } from '../../../src/inventory/index.js';

/** The demo's flu vaccine: Poisson(max(0, 4 + 6 cos(2π(t − 60)/364))) doses a day, day 0 early November. */
const fluRate = (t: number): number => Math.max(0, 4 + 6 * Math.cos((2 * Math.PI * (t - 60)) / 364));
function fluHistory(days: number, seed = 7): Float64Array {
  const rng = createRng(seed);
  return new Float64Array(days).map((_, t) => samplePoisson(rng, fluRate(t)));
}

describe('forecastDemand honours the seasonal flag for every demand class', () => {
  it('forecasts the flu vaccine after its season near 0 with weekly Holt-Winters, where SBA (updating only at demands, Croston 1972) keeps forecasting the season', () => {
    // The off-season's empty days make the daily class intermittent (ADI ≥ 1.32). Croston-type
    // estimators only update when a demand occurs, so they stay flat after demand stops: the
    // obsolescence problem of Teunter, Syntetos & Babai (2011). The true mean over the next 12 days is 0.
    for (const days of [938, 968]) {
      const usage = fluHistory(days);
      let truth = 0;
      for (let t = days; t < days + 12; t++) truth += fluRate(t);
      expect(truth).toBe(0);
      const forecast = forecastDemand(usage, { seasonal: true });
      expect(forecast.pattern.demandClass).toBe('intermittent');
      expect(forecast.method).toBe('holt-winters');
      expect(forecast.totalOver(12)).toBeLessThan(3);
      // What the daily class alone would give: about 14 doses.
      expect(intermittent(usage, { method: 'sba' }).perPeriod * 12).toBeGreaterThan(12);
    }
  });

  it('follows the season of an office closed at weekends (daily ADI 7/5 = 1.4) on weekly totals', () => {
    const days = 3 * 364;
    const rng = createRng(7);
    const rate = (t: number): number => (t % 7 < 5 ? 140 + 50 * Math.cos((2 * Math.PI * (t - 60)) / 364) : 0);
    const usage = new Float64Array(days).map((_, t) => samplePoisson(rng, rate(t)));
    const forecast = forecastDemand(usage, { seasonal: true });
    expect(forecast.pattern.demandClass).toBe('intermittent');
    expect(forecast.method).toBe('holt-winters');
    let week = 0;
    for (let t = days; t < days + 7; t++) week += rate(t);
    expect(forecast.totalOver(7)).toBeGreaterThan(0.93 * week);
    expect(forecast.totalOver(7)).toBeLessThan(1.07 * week);
  });

  it('property: with two years of history and some demand, a seasonal item gets Holt-Winters whatever its daily class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 728, max: 800 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 1000 }), (days, every, size, seed) => {
        const rng = createRng(seed);
        const usage = new Float64Array(days).map((_, t) => (t % every === 0 ? 1 + rng.int(size) : 0));
        const forecast = forecastDemand(usage, { seasonal: true });
        expect(forecast.method).toBe('holt-winters');
        expect(forecast.spreadKnown).toBe(true);
        // Without the flag the class decides, as before.
        expect(forecastDemand(usage).method).not.toBe('holt-winters');
      }),
      { numRuns: 40 },
    );
  });

  it('falls back to the daily class with less than two years of history', () => {
    const usage = fluHistory(700);
    expect(forecastDemand(usage, { seasonal: true }).method).toBe(forecastDemand(usage).method);
  });
});

describe('forecastDemand with no forecast error to measure', () => {
  it('one day of history: the spread is unknown, not 0, and falls back to Poisson σ = √d', () => {
    const forecast = forecastDemand([40]);
    expect(forecast.method).toBe('ses');
    expect(forecast.errors.n).toBe(0);
    expect(forecast.sigmaPerDay).toBeCloseTo(Math.sqrt(40), 12);
    expect(forecast.spreadKnown).toBe(false);
  });

  it('a single demand under SBA and Croston (which start from it and score nothing up to it): σ = √d', () => {
    const usage = [...new Array<number>(39).fill(0), 50];
    for (const method of [undefined, 'croston'] as const) {
      const forecast = forecastDemand(usage, method === undefined ? {} : { method });
      if (method === undefined) expect(forecast.method).toBe('sba');
      expect(forecast.errors.n).toBe(0);
      expect(forecast.perDay).toBeGreaterThan(0);
      expect(forecast.sigmaPerDay).toBeCloseTo(Math.sqrt(forecast.perDay), 12);
      expect(forecast.spreadKnown).toBe(false);
    }
  });

  it("a single demand under TSB: its model's spread, p·z² − (p·z)² a day plus the rate's error, when that is above √d", () => {
    // p = 1/40 after a first demand of 50 on day 40: p·z² − (p·z)² = 62.5 − 1.5625, times 1 + α/(2 − α).
    const forecast = forecastDemand([...new Array<number>(39).fill(0), 50], { method: 'tsb' });
    expect(forecast.perDay).toBeCloseTo(1.25, 12);
    expect(forecast.sigmaPerDay).toBeCloseTo(Math.sqrt((62.5 - 1.5625) * (1 + 0.1 / 1.9)), 12);
    expect(forecast.spreadKnown).toBe(false);
  });

  it("Holt's starting line through one or two days fits them exactly, so their zero errors are no spread either", () => {
    for (const usage of [[40], [40, 44]]) {
      const forecast = forecastDemand(usage, { trend: true });
      expect(forecast.method).toBe('holt');
      expect(forecast.sigmaPerDay).toBeCloseTo(Math.sqrt(forecast.perDay), 12);
      expect(forecast.spreadKnown).toBe(false);
    }
    expect(forecastDemand([40, 44, 39, 42, 45, 41, 44, 47, 43], { trend: true }).spreadKnown).toBe(true);
  });

  it('property: σ is the errors\' RMSE once a week of them was scored, at least √d before that when d > 0, and 0 with no demand', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), fc.constantFrom(undefined, 'ses', 'sba', 'croston', 'sbj'), (usage, method) => {
        const forecast = forecastDemand(usage, method === undefined ? {} : { method });
        // Lumpy demand gets TSB, whose spread comes from its model rather than the RMSE (tested above).
        const rmse = forecast.method === 'tsb' ? undefined : forecast.errors.rmse;
        if (forecast.errors.n >= MIN_SCORED_ERRORS || forecast.perDay === 0) {
          if (rmse !== undefined) expect(forecast.sigmaPerDay).toBe(rmse);
          expect(forecast.spreadKnown).toBe(true);
        } else {
          if (rmse !== undefined) expect(forecast.sigmaPerDay).toBe(Math.max(rmse, Math.sqrt(forecast.perDay)));
          expect(forecast.sigmaPerDay).toBeGreaterThanOrEqual(Math.sqrt(forecast.perDay));
          expect(forecast.spreadKnown).toBe(false);
        }
      }),
    );
  });
});
