import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { sampleStandardNormal } from '../../../src/core/samplers.js';
import {
  classifyDemand,
  demandClassOf,
  errorTally,
  forecastDemand,
  holt,
  holtForecast,
  holtWinters,
  holtWintersForecast,
  intermittent,
  ses,
} from '../../../src/inventory/index.js';

describe('forecasting methods', () => {
  it('Holt follows a straight line exactly once started on it', () => {
    const line = Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const fit = holt(line, { alpha: 0.3, beta: 0.1 });
    expect(holtForecast(fit, 1)).toBeCloseTo(45, 9);
    expect(fit.errors.rmse).toBeCloseTo(0, 9);
  });

  it("Holt's starting line comes from the first weeks, so two odd first days do not bend a flat forecast", () => {
    const rng = createRng(7);
    const flatDays = Array.from({ length: 180 }, () => 3 + rng.int(5)); // 3..7, mean 5
    for (const head of [[0, 12], [12, 0]]) {
      const forecast = forecastDemand([...head, ...flatDays.slice(2)], { trend: true });
      expect(forecast.method).toBe('holt');
      expect(forecast.perDay).toBeGreaterThan(4.3);
      expect(forecast.perDay).toBeLessThan(5.7);
    }
  });

  it('Holt-Winters scores its errors from the second season, where they are real', () => {
    const rng = createRng(11);
    const noisy = Array.from({ length: 4 * 52 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 52) + 10 * sampleStandardNormal(rng));
    const fit = holtWinters(noisy, { alpha: 0.1, beta: 0.01, gamma: 0.1, period: 52 });
    expect(fit.errors.n).toBe(3 * 52);
    expect(fit.errors.rmse).toBeGreaterThan(9);
  });

  it('Holt-Winters reproduces a pure seasonal pattern and refuses fewer than two seasons', () => {
    const pattern = [10, 20, 30, 20];
    const series = Array.from({ length: 24 }, (_, t) => 100 + (pattern[t % 4] as number));
    const fit = holtWinters(series, { alpha: 0.3, beta: 0.05, gamma: 0.2, period: 4 });
    for (let h = 1; h <= 4; h++) expect(holtWintersForecast(fit, h)).toBeCloseTo(100 + (pattern[(24 + h - 1) % 4] as number), 6);
    expect(() => holtWinters(series.slice(0, 7), { alpha: 0.3, beta: 0.05, gamma: 0.2, period: 4 })).toThrow();
  });

  it('SES with α = 1 is the naive forecast; its errors are the first differences', () => {
    const fit = ses([3, 7, 4, 9], { alpha: 1 });
    expect(fit.level).toBe(9);
    expect(fit.errors).toEqual({ n: 3, mad: (4 + 3 + 5) / 3, rmse: Math.sqrt((16 + 9 + 25) / 3), bias: 2 });
  });

  it('TSB decays towards zero when demand stops; Croston does not', () => {
    const y = [5, 0, 5, 0, 5, ...Array.from({ length: 40 }, () => 0)];
    expect(intermittent(y, { method: 'tsb' }).perPeriod).toBeLessThan(0.1);
    expect(intermittent(y, { method: 'croston' }).perPeriod).toBeGreaterThan(2);
  });

  it('chooses the method by demand class and hints', () => {
    const smooth = Array.from({ length: 100 }, (_, t) => 10 + (t % 3));
    expect(forecastDemand(smooth).method).toBe('ses');
    expect(forecastDemand(smooth, { trend: true }).method).toBe('holt');
    expect(forecastDemand(smooth, { seasonal: true }).method).toBe('ses');
    const lumpy = Array.from({ length: 100 }, (_, t) => (t % 5 === 0 ? (t % 10 === 0 ? 1 : 40) : 0));
    expect(classifyDemand(lumpy).demandClass).toBe('lumpy');
    expect(forecastDemand(lumpy).method).toBe('tsb');
    expect(forecastDemand([0, 0, 0]).method).toBe('none');
    expect(forecastDemand([0, 0, 0]).totalOver(10)).toBe(0);
    expect(forecastDemand(smooth, { method: 'croston' }).method).toBe('croston');
  });

  it('property: the class agrees with the cut-offs and the error tally with its definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }), (y) => {
        const pattern = classifyDemand(y);
        if (pattern.demandClass !== 'none') expect(pattern.demandClass).toBe(demandClassOf(pattern.adi, pattern.cv2));
        const tally = errorTally();
        for (const value of y) tally.add(value - 10);
        const result = tally.result();
        expect(result.rmse).toBeGreaterThanOrEqual(result.mad - 1e-9);
        expect(result.bias).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length - 10, 9);
      }),
    );
  });

  it('property: forecasts are never negative, and totals grow with the horizon', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 400 }), fc.boolean(), (y, trend) => {
        const forecast = forecastDemand(y, { trend });
        expect(forecast.perDay).toBeGreaterThanOrEqual(0);
        expect(forecast.totalOver(14)).toBeGreaterThanOrEqual(forecast.totalOver(7) - 1e-9);
      }),
    );
  });
});
