import { errorTally, type ForecastErrors } from './errors.js';
import { checkSmoothingParameters } from './smoothingParameters.js';

/** A fitted Holt linear-trend model. */
export interface HoltFit {
  readonly method: 'holt';
  readonly alpha: number;
  readonly beta: number;
  readonly level: number;
  readonly trend: number;
  readonly errors: ForecastErrors;
}

/**
 * Holt's linear trend method: ℓ_t = α y_t + (1 − α)(ℓ_{t−1} + b_{t−1}),
 * b_t = β*(ℓ_t − ℓ_{t−1}) + (1 − β*) b_{t−1}, forecast ŷ_{T+h} = ℓ_T + h b_T
 * (Hyndman & Athanasopoulos, FPP §7.2). One pass, no allocation.
 *
 * @param y - observations, oldest first
 * @param options - `alpha`, `beta` (β*), and optional `initialLevel` / `initialTrend`, the states one
 *   step before y_1, every observation then scored. Without them ℓ = y_1 and b = y_2 − y_1: the first
 *   two observations set the start and are not scored (the forecast of y_2 is y_2 itself, a zero
 *   error by construction), so the errors count from y_3, as FPP §7.2 scores only observations
 *   after the initial states (with only `initialTrend` given, ℓ = y_1 and the errors count from y_2)
 * @example
 * ```ts
 * const fit = holt([10, 12, 14, 16], { alpha: 0.5, beta: 0.5 });
 * holtForecast(fit, 1); // 18
 * ```
 */
export function holt(
  y: ArrayLike<number>,
  options: { readonly alpha: number; readonly beta: number; readonly initialLevel?: number; readonly initialTrend?: number },
): HoltFit {
  const { alpha, beta } = options;
  checkSmoothingParameters('holt', { alpha, beta });
  const tally = errorTally();
  const first = y.length > 0 ? (y[0] as number) : 0;
  const second = y.length > 1 ? (y[1] as number) : first;
  const given = options.initialLevel !== undefined;
  let level = options.initialLevel ?? first;
  let trend = options.initialTrend ?? (given ? 0 : second - first);
  // Without given states, y_1 and y_2 made the start: smoothing runs from y_2 (which leaves ℓ = y_2,
  // b = y_2 − y_1) but scoring starts at y_3, the first observation the start did not see.
  // With only `initialTrend` given, y_1 alone made the start and y_2 is a real forecast.
  const scoredFrom = given ? 0 : options.initialTrend === undefined ? 2 : 1;
  for (let t = given ? 0 : 1; t < y.length; t++) {
    const actual = y[t] as number;
    if (t >= scoredFrom) tally.add(actual - (level + trend));
    const previous = level;
    level = alpha * actual + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return { method: 'holt', alpha, beta, level, trend, errors: tally.result() };
}

/**
 * The h-step forecast of a Holt fit, ℓ_T + h b_T.
 *
 * @example
 * ```ts
 * holtForecast(holt(series, { alpha: 0.8, beta: 0.2 }), 3);
 * ```
 */
export function holtForecast(fit: HoltFit, h: number): number {
  return fit.level + h * fit.trend;
}
