import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holt, holtForecast } from '../../../src/inventory/index.js';

describe('holt: errors are scored only after the starting states', () => {
  it('with the default start (ℓ = y₁, b = y₂ − y₁) scores from y₃, as FPP §7.2 scores after ℓ₀, b₀: [10, 20, 15, 25] has MAD 9.375, RMSE 10.93', () => {
    // Hyndman & Athanasopoulos, FPP §7.2: one-step errors count from the first observation after the
    // initial states. By hand, α = β = 0.5: ℓ = 10, b = 10; y₂ = 20 updates to ℓ = 20, b = 10 (its
    // forecast 20 was made from y₂ itself, so it is not scored); y₃ = 15 against 30: −15, then
    // ℓ = 22.5, b = 6.25; y₄ = 25 against 28.75: −3.75.
    const fit = holt([10, 20, 15, 25], { alpha: 0.5, beta: 0.5 });
    expect(fit.errors.n).toBe(2);
    expect(fit.errors.mad).toBeCloseTo(9.375, 12);
    expect(fit.errors.rmse).toBeCloseTo(Math.sqrt((15 ** 2 + 3.75 ** 2) / 2), 12);
    expect(fit.errors.rmse.toFixed(2)).toBe('10.93');
    expect(fit.errors.bias).toBeCloseTo(-9.375, 12);
    // The smoothing itself is unchanged: the states after y₄ and the forecast.
    expect([fit.level, fit.trend]).toEqual([26.875, 5.3125]);
    expect(holtForecast(fit, 1)).toBeCloseTo(32.1875, 12);
  });

  it('with given states scores every observation, and with only a given trend scores from y₂', () => {
    expect(holt([10, 20, 15, 25], { alpha: 0.5, beta: 0.5, initialLevel: 0, initialTrend: 10 }).errors.n).toBe(4);
    const trendOnly = holt([10, 20, 15, 25], { alpha: 0.5, beta: 0.5, initialTrend: 0 });
    expect(trendOnly.errors.n).toBe(3);
    // y₂ = 20 against ℓ = 10 + b = 0: a real error of 10, not a look-ahead zero.
    expect(trendOnly.errors.mad).toBeGreaterThan(0);
  });

  it('property: the default start never scores the two observations it was made from', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 40 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (y, alpha, beta) => {
        const fit = holt(y, { alpha, beta });
        expect(fit.errors.n).toBe(Math.max(0, y.length - 2));
        // The scored errors are those of the run started at y₂ with ℓ = y₂, b = y₂ − y₁, given as states.
        if (y.length >= 2) {
          const rest = holt(y.slice(2), { alpha, beta, initialLevel: y[1] as number, initialTrend: (y[1] as number) - (y[0] as number) });
          expect(fit.errors.rmse).toBeCloseTo(rest.errors.rmse, 9);
          expect(fit.level).toBeCloseTo(rest.level, 9);
        }
      }),
    );
  });
});
