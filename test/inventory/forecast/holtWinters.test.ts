import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastDemand, holtWinters, holtWintersForecast } from '../../../src/inventory/index.js';

/** A season of `m` values that sum to zero. */
const zeroSumSeason = (m: number) =>
  fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: m, maxLength: m }).map((values) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / m;
    return values.map((value) => value - mean);
  });

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('Holt-Winters initial state', () => {
  it('property: a noise-free line plus a season that sums to zero is forecast with zero error, whatever α, β and γ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 13 }).chain((m) => fc.tuple(fc.constant(m), zeroSumSeason(m), fc.integer({ min: 2, max: 5 }))),
        fc.double({ min: 50, max: 500, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        unit,
        unit,
        unit,
        ([m, season, seasons], intercept, slope, alpha, beta, gamma) => {
          const truth = (t: number): number => intercept + slope * t + (season[t % m] as number);
          const n = seasons * m + (seasons > 2 ? 1 : 0);
          const y = Float64Array.from({ length: n }, (_, t) => truth(t));
          const fit = holtWinters(y, { alpha, beta, gamma, period: m });
          expect(fit.errors.rmse).toBeLessThan(1e-9);
          expect(fit.errors.bias).toBeCloseTo(0, 9);
          expect(fit.trend).toBeCloseTo(slope, 9);
          for (let h = 1; h <= 2 * m; h++) expect(holtWintersForecast(fit, h)).toBeCloseTo(truth(n - 1 + h), 7);
        },
      ),
    );
  });

  it('weekly flu-season data rising 0.5 a week: the forecast is the truth (the old start was 19 low, with RMSE 5.5)', () => {
    const m = 52;
    const truth = (t: number): number => 100 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / m);
    const y = Float64Array.from({ length: 3 * m }, (_, t) => truth(t));
    const fit = holtWinters(y, { alpha: 0.2, beta: 0.01, gamma: 0.1, period: m });
    expect(holtWintersForecast(fit, 1)).toBeCloseTo(truth(3 * m), 9);
    expect(holtWintersForecast(fit, 26)).toBeCloseTo(truth(3 * m + 25), 9);
    expect(fit.errors.rmse).toBeLessThan(1e-9);
  });

  it('forecastDemand on three years of daily usage growing 15% a year with a weekly flu swing: exact totals and no spread', () => {
    // Each week's days share one seasonal offset, so weekly totals are a line plus a 52-week season that sums to zero.
    const swing = (week: number): number => 8 * Math.sin((2 * Math.PI * (week % 52)) / 52);
    const day = (t: number): number => 20 + (3 / 364) * t + swing(Math.floor(t / 7));
    const usage = Float64Array.from({ length: 3 * 364 }, (_, t) => day(t));
    const forecast = forecastDemand(usage, { seasonal: true });
    expect(forecast.method).toBe('holt-winters');
    const total = (days: number): number => {
      let sum = 0;
      for (let t = usage.length; t < usage.length + days; t++) sum += day(t);
      return sum;
    };
    expect(forecast.totalOver(28)).toBeCloseTo(total(28), 6);
    expect(forecast.perDay * 7).toBeCloseTo(total(7), 6);
    expect(forecast.sigmaPerDay).toBeLessThan(1e-9);
  });
});
