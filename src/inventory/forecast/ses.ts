import { errorsFromSums, type ForecastErrors } from './errors.js';
import { checkSmoothingParameters } from './smoothingParameters.js';

/** A fitted simple exponential smoothing model. */
export interface SesFit {
  readonly method: 'ses';
  readonly alpha: number;
  /** The last level ℓ_T: the forecast for every future period. */
  readonly level: number;
  readonly errors: ForecastErrors;
}

/**
 * Simple exponential smoothing, ℓ_t = α y_t + (1 − α) ℓ_{t−1}, forecast ŷ_{T+h} = ℓ_T
 * (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, §7.1). One pass, no allocation.
 *
 * @param y - observations, oldest first
 * @param options - `alpha` in (0, 1]; `initialLevel` ℓ_0 (default: the first observation, which is then not scored);
 *   `fitted`, when given, receives the one-step forecasts ŷ_{t|t−1}
 * @returns the final level and the in-sample one-step errors
 * @example
 * ```ts
 * ses([3, 5, 4], { alpha: 0.5 }).level; // 4
 * ```
 */
export function ses(
  y: ArrayLike<number>,
  options: { readonly alpha: number; readonly initialLevel?: number; readonly fitted?: { [index: number]: number } },
): SesFit {
  const { alpha } = options;
  checkSmoothingParameters('ses', { alpha });
  const fitted = options.fitted;
  let n = 0;
  let absolute = 0;
  let squared = 0;
  let sum = 0;
  let start = 0;
  let level = options.initialLevel ?? Number.NaN;
  if (options.initialLevel === undefined) {
    level = y.length > 0 ? (y[0] as number) : 0;
    start = 1;
    if (options.fitted !== undefined && y.length > 0) options.fitted[0] = level;
  }
  for (let t = start; t < y.length; t++) {
    const actual = y[t] as number;
    if (fitted !== undefined) fitted[t] = level;
    const error = actual - level;
    n++;
    absolute += error < 0 ? -error : error;
    squared += error * error;
    sum += error;
    level += alpha * error;
  }
  return { method: 'ses', alpha, level, errors: errorsFromSums(n, absolute, squared, sum) };
}
