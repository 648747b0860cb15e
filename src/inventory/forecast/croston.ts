import { errorsFromSums, type ForecastErrors } from './errors.js';
import { checkSmoothingParameters } from './smoothingParameters.js';

/**
 * Which intermittent-demand estimator: Croston (1972), SBA (Syntetos & Boylan 2005), SBJ (Shale,
 * Boylan & Johnston 2006) or TSB (Teunter, Syntetos & Babai 2011).
 */
export type IntermittentMethod = 'croston' | 'sba' | 'sbj' | 'tsb';

/** A fitted intermittent-demand model. */
export interface IntermittentFit {
  readonly method: IntermittentMethod;
  readonly alpha: number;
  /** TSB's smoothing constant for the demand probability (equal to `alpha` for Croston and SBA, where it is unused). */
  readonly beta: number;
  /** Smoothed size of a non-zero demand, z. */
  readonly size: number;
  /** Smoothed square of a non-zero demand's size, smoothed as `size` is: with it, the sizes' spread. */
  readonly sizeSquare: number;
  /** Croston/SBA: smoothed interval between demands, p. TSB: smoothed probability of a demand. */
  readonly intervalOrProbability: number;
  /** Forecast demand per period. */
  readonly perPeriod: number;
  readonly errors: ForecastErrors;
}

function estimate(method: IntermittentMethod, alpha: number, size: number, second: number): number {
  if (method === 'tsb') return size * second;
  if (second <= 0) return 0;
  const factor = method === 'sba' ? 1 - alpha / 2 : method === 'sbj' ? 1 - alpha / (2 - alpha) : 1;
  return factor * (size / second);
}

/**
 * Forecasts intermittent demand. Croston: z and the interval p are smoothed with α at each
 * non-zero demand, initialised with the first demand and the periods up to it (as R's
 * `forecast::croston_model`), forecast z/p. SBA multiplies by (1 − α/2) and SBJ by
 * (1 − α/(2 − α)) to remove Croston's bias.
 * TSB smooths z at demands and the probability of demand every period with β, forecast p·z, so
 * the forecast decays when demand stops.
 *
 * @param y - demand per period, oldest first
 * @param options - the method, `alpha` (default 0.1), TSB's `beta` (default 0.1), and `fitted`, which
 *   when given receives the one-step forecasts (0 up to and including the first demand, as R's)
 * @returns the smoothed parts, the per-period forecast and the one-step errors after the first demand
 * @example
 * ```ts
 * intermittent([0, 0, 3, 0, 0, 0, 2, 0], { method: 'croston', alpha: 0.1 }).perPeriod;
 * ```
 */
export function intermittent(
  y: ArrayLike<number>,
  options: { readonly method: IntermittentMethod; readonly alpha?: number; readonly beta?: number; readonly fitted?: { [index: number]: number } },
): IntermittentFit {
  const { method } = options;
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? alpha;
  checkSmoothingParameters('intermittent', { alpha, beta });
  let n = 0;
  let absolute = 0;
  let squared = 0;
  let sum = 0;
  let size = 0;
  let sizeSquare = 0;
  let second = 0;
  let started = false;
  let sinceLast = 0;
  for (let t = 0; t < y.length; t++) {
    const actual = y[t] as number;
    sinceLast++;
    if (!started) {
      if (options.fitted !== undefined) options.fitted[t] = 0;
      if (actual > 0) {
        started = true;
        size = actual;
        sizeSquare = actual * actual;
        second = method === 'tsb' ? 1 / sinceLast : sinceLast;
        sinceLast = 0;
      }
      continue;
    }
    const forecast = estimate(method, alpha, size, second);
    if (options.fitted !== undefined) options.fitted[t] = forecast;
    const error = actual - forecast;
    n++;
    absolute += error < 0 ? -error : error;
    squared += error * error;
    sum += error;
    if (method === 'tsb') {
      second += beta * ((actual > 0 ? 1 : 0) - second);
      if (actual > 0) {
        size += alpha * (actual - size);
        sizeSquare += alpha * (actual * actual - sizeSquare);
      }
    } else if (actual > 0) {
      size += alpha * (actual - size);
      sizeSquare += alpha * (actual * actual - sizeSquare);
      second += alpha * (sinceLast - second);
    }
    if (actual > 0) sinceLast = 0;
  }
  return { method, alpha, beta, size, sizeSquare, intervalOrProbability: second, perPeriod: estimate(method, alpha, size, second), errors: errorsFromSums(n, absolute, squared, sum) };
}
