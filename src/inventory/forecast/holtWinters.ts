import { MedofficeUsageError } from '../../core/result.js';
import { errorTally, type ForecastErrors } from './errors.js';
import { checkSmoothingParameters } from './smoothingParameters.js';

/** A fitted additive Holt-Winters model. */
export interface HoltWintersFit {
  readonly method: 'holt-winters';
  readonly period: number;
  readonly level: number;
  readonly trend: number;
  /** Seasonal indices for the next `period` steps: `seasonals[(h − 1) % period]` applies to step h. */
  readonly seasonals: Float64Array;
  readonly errors: ForecastErrors;
}

/**
 * Additive Holt-Winters seasonal method (Hyndman & Athanasopoulos, FPP §7.3):
 * ℓ_t = α(y_t − s_{t−m}) + (1 − α)(ℓ_{t−1} + b_{t−1}), b_t = β*(ℓ_t − ℓ_{t−1}) + (1 − β*) b_{t−1},
 * s_t = γ(y_t − ℓ_{t−1} − b_{t−1}) + (1 − γ) s_{t−m}. Initialised from the first two seasons by
 * classical decomposition with the trend taken out: with ȳ₁ and ȳ₂ the two seasons' means, the
 * trend is b = (ȳ₂ − ȳ₁) / m, the line through season 1 is ȳ₁ + b(i − (m − 1)/2), each seasonal
 * index is y_i minus that line (so the indices sum to zero), and the level starts one step before
 * t = 0, at ℓ₋₁ = ȳ₁ − b(m + 1)/2. A noise-free line plus a season that sums to zero is then
 * followed exactly, whatever α, β and γ. Smoothing runs from t = 0; one-step errors are scored from
 * the second season on (in the first, the indices make them zero by construction). Needs at least
 * two full seasons.
 *
 * @param y - observations, oldest first (for flu-season items, weekly totals with period 52)
 * @param options - smoothing parameters and the season length `period`, a whole number at least 1
 * @throws MedofficeUsageError when a smoothing parameter is outside [0, 1], `period` is not a whole
 *   number at least 1, or `y` holds fewer than two seasons
 * @example
 * ```ts
 * const fit = holtWinters(weeklyGloves, { alpha: 0.2, beta: 0.01, gamma: 0.1, period: 52 });
 * holtWintersForecast(fit, 4);
 * ```
 */
export function holtWinters(
  y: ArrayLike<number>,
  options: { readonly alpha: number; readonly beta: number; readonly gamma: number; readonly period: number },
): HoltWintersFit {
  const { alpha, beta, gamma, period: m } = options;
  checkSmoothingParameters('holtWinters', { alpha, beta, gamma });
  if (!Number.isInteger(m) || m < 1) throw new MedofficeUsageError(`holtWinters: period must be the season's length, a whole number of observations at least 1, got ${m}`);
  if (y.length < 2 * m) throw new MedofficeUsageError(`holtWinters needs two seasons (${2 * m} observations), got ${y.length}`);
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += y[i] as number;
    second += y[i + m] as number;
  }
  first /= m;
  second /= m;
  let trend = (second - first) / m;
  const seasonals = new Float64Array(m);
  for (let i = 0; i < m; i++) seasonals[i] = (y[i] as number) - (first + trend * (i - (m - 1) / 2));
  let level = first - (trend * (m + 1)) / 2;
  // Errors count only from the second season on: the first season's are zero by construction and
  // would shrink the spread that safety stock is sized from.
  const tally = errorTally();
  for (let t = 0; t < y.length; t++) {
    const actual = y[t] as number;
    const slot = t % m;
    const seasonal = seasonals[slot] as number;
    if (t >= m) tally.add(actual - (level + trend + seasonal));
    const previousLevel = level;
    const previousTrend = trend;
    level = alpha * (actual - seasonal) + (1 - alpha) * (previousLevel + previousTrend);
    trend = beta * (level - previousLevel) + (1 - beta) * previousTrend;
    seasonals[slot] = gamma * (actual - previousLevel - previousTrend) + (1 - gamma) * seasonal;
  }
  const next = new Float64Array(m);
  const offset = y.length % m;
  for (let h = 0; h < m; h++) next[h] = seasonals[(offset + h) % m] as number;
  return { method: 'holt-winters', period: m, level, trend, seasonals: next, errors: tally.result() };
}

/**
 * The h-step forecast of a Holt-Winters fit: ℓ_T + h b_T + s for step h.
 *
 * @example
 * ```ts
 * holtWintersForecast(fit, 1);
 * ```
 */
export function holtWintersForecast(fit: HoltWintersFit, h: number): number {
  return fit.level + h * fit.trend + (fit.seasonals[(h - 1) % fit.period] as number);
}
